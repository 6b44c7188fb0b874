package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Creation, accessors, copies and conversions, equality, matmul checks and the seeded generator. */
class TensorBasicsTest {
    @Test
    void factoriesCopyButWrapDoesNot() {
        float[] v = {1, 2, 3, 4};
        Tensor copied = Tensor.of(v, 2, 2);
        Tensor wrapped = Tensor.wrap(v, 2, 2);
        v[0] = 9;
        assertEquals(1f, copied.get(0, 0));
        assertEquals(9f, wrapped.get(0, 0));
        assertSame(v, wrapped.floatData());
        float[] out = copied.toArray();
        out[1] = 7;
        assertEquals(2f, copied.get(0, 1), "toArray returns a copy");
        int[] shape = copied.shape();
        shape[0] = 5;
        assertArrayEquals(new int[] {2, 2}, copied.shape(), "shape() returns a copy");
    }

    @Test
    void aValueCountThatDoesNotFitTheShapeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("6") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[2], 3));
    }

    @Test
    void raggedRowsAreRejectedNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("1 values") && e.getMessage().contains("expected 2"), e.getMessage());
        assertArrayEquals(new int[] {0, 0}, Tensor.of(new float[0][]).shape());
    }

    @Test
    void fillsAndScalars() {
        assertArrayEquals(new float[] {0, 0, 0}, Tensor.zeros(3).toArray());
        assertEquals(DType.FLOAT64, Tensor.zeros(DType.FLOAT64, 2).dtype());
        assertArrayEquals(new float[] {1, 1}, Tensor.ones(2).toArray());
        assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(2.5, DType.FLOAT64, 2).toDoubleArray());
        Tensor s = Tensor.scalar(4f);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(4f, s.item());
        assertEquals(DType.FLOAT64, Tensor.scalar(1.5, DType.FLOAT64).dtype());
        assertEquals(0, Tensor.zeros(3, 0).size());
    }

    @Test
    void accessors() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(2, x.rank());
        assertEquals(6, x.size());
        assertEquals(3, x.dim(1));
        assertEquals(3, x.dim(-1));
        assertEquals(6f, x.get(1, 2));
        assertEquals(4.0, x.getFlat(3));
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> x.get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, x::item);
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void conversionsBetweenTypes() {
        Tensor f = Tensor.of(new float[] {0.1f, 2}, 2);
        Tensor d = f.toFloat64();
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals((double) 0.1f, d.getFlat(0));
        assertSame(f, f.toFloat32());
        assertSame(d, d.toFloat64());
        assertEquals(f, d.toFloat32());
        assertArrayEquals(new float[] {0.1f, 2}, d.toArray());
        assertEquals(null, f.doubleData());
        assertEquals(null, d.floatData());
        Tensor c = f.copy();
        c.floatData()[0] = 5;
        assertEquals(0.1f, f.get(0), "copy is deep");
    }

    @Test
    void equalsIsBitExactAndAgreesWithHashCode() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.reshape(4), "shape matters");
        assertNotEquals(a, a.toFloat64(), "type matters");
        assertNotEquals(a, Tensor.of(new float[] {1, 2, 3, Math.nextUp(4f)}, 2, 2));
        assertNotEquals(Tensor.scalar(0f), Tensor.scalar(-0f), "bit-exact: -0 differs from 0");
        assertEquals(Tensor.scalar(Float.NaN), Tensor.scalar(Float.NaN), "bit-exact: NaN equals itself");
        assertFalse(a.equals("tensor"));
        assertTrue(a.toString().contains("[2, 2]"));
    }

    @Test
    void matmulChecksShapesAndTypes() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(Tensor.of(new float[][] {{14, 32}, {32, 77}}), a.matmul(a, false, true));
        assertEquals(Tensor.of(new float[][] {{14, 32}, {32, 77}}).toFloat64(), a.toFloat64().matmul(a.toFloat64().transpose()));
        assertArrayEquals(new int[] {3, 3}, a.matmul(a, true, false).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(a));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("3 vs 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.matmul(Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> a.matmul(a.toFloat64(), false, true));
        assertEquals(Tensor.zeros(2, 4), Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 4)), "an empty inner dimension gives zeros");
    }

    @Test
    void sameSeedSameTensors() {
        assertEquals(Tensor.uniform(new Rng(42), -1, 1, 3, 4), Tensor.uniform(new Rng(42), -1, 1, 3, 4));
        assertEquals(Tensor.normal(new Rng(42), 0, 1, 5), Tensor.normal(new Rng(42), 0, 1, 5));
        assertNotEquals(Tensor.uniform(new Rng(42), -1, 1, 3, 4), Tensor.uniform(new Rng(43), -1, 1, 3, 4));
        Rng a = new Rng(7), b = new Rng(7);
        Rng sa = a.split(), sb = b.split();
        assertEquals(sa.nextLong(), sb.nextLong(), "split is deterministic too");
        assertEquals(a.nextLong(), b.nextLong());
        int[] p = {0, 1, 2, 3, 4, 5}, q = p.clone();
        new Rng(1).shuffle(p);
        new Rng(1).shuffle(q);
        assertArrayEquals(p, q);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, java.util.Arrays.stream(p).sorted().toArray(), "a permutation");
    }

    @Test
    void generatorsStayInRangeWithTheRightMoments() {
        Tensor u = Tensor.uniform(new Rng(1), 2, 3, 10_000);
        assertTrue(u.max().item() < 3 && u.neg().max().item() <= -2, "uniform in [2, 3)");
        assertEquals(2.5, u.mean().item(), 0.015); // 5 standard errors
        Tensor n = Tensor.normal(new Rng(2), 1, 2, 20_000);
        assertEquals(1.0, n.mean().item(), 0.05);
        assertEquals(4.0, n.sub(1f).square().mean().item(), 0.15);
    }
}
