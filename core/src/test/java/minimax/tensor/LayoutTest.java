package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** reshape, permute, transpose, broadcastTo, slice, concat and rows, including zero-size tensors. */
class LayoutTest {
    /** 0, 1, …, n−1 in the given shape, float32. */
    private static Tensor iota(int... shape) {
        float[] v = new float[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = i;
        return Tensor.of(v, shape);
    }

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    @Test
    void reshapeInfersOneDimension() {
        Tensor x = iota(2, 3, 4);
        assertArrayEquals(new int[] {4, 6}, x.reshape(4, -1).shape());
        assertArrayEquals(new int[] {24}, x.reshape(-1).shape());
        assertArrayEquals(new int[] {2, 3, 4}, x.reshape(-1, 3, 4).shape());
        assertArrayEquals(x.toArray(), x.reshape(6, -1).toArray());
        assertArrayEquals(new int[] {0, 3}, Tensor.zeros(3, 0).reshape(-1, 3).shape());
        assertArrayEquals(new int[0], Tensor.ones(1, 1).reshape().shape());
    }

    @Test
    void reshapeErrorsNameTheShapes() {
        Tensor x = iota(2, 3, 4);
        assertMessage(() -> x.reshape(5, -1), "[2, 3, 4]", "[5, -1]");
        assertMessage(() -> x.reshape(5, 5), "[2, 3, 4]", "[5, 5]");
        assertMessage(() -> x.reshape(-1, -1), "only one dimension may be -1");
        assertMessage(() -> x.reshape(-2, 12), "negative");
    }

    @Test
    void permuteMovesEveryElement() {
        for (Tensor x : new Tensor[] {iota(2, 3, 4), iota(2, 3, 4).toFloat64()}) {
            Tensor y = x.permute(2, 0, 1);
            assertArrayEquals(new int[] {4, 2, 3}, y.shape());
            assertEquals(x.dtype(), y.dtype());
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) {
                assertEquals(x.get(i, j, k), y.get(k, i, j));
            }
            assertEquals(x, y.permute(1, 2, 0), "the inverse permutation restores x");
            assertEquals(x.permute(2, 0, 1), x.permute(-1, 0, 1));
        }
        assertMessage(() -> iota(2, 3).permute(0, 0), "repeat");
        assertMessage(() -> iota(2, 3).permute(0), "needs 2 axes");
        assertEquals(Tensor.scalar(3f), Tensor.scalar(3f).permute());
        assertArrayEquals(new int[] {0, 2}, Tensor.zeros(2, 0).permute(1, 0).shape());
    }

    @Test
    void transposeOfAMatrix() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(Tensor.of(new float[][] {{1, 4}, {2, 5}, {3, 6}}), x.transpose());
        assertEquals(Tensor.of(new float[][] {{1, 4}, {2, 5}, {3, 6}}).toFloat64(), x.toFloat64().transpose());
        assertMessage(() -> iota(2, 3, 4).transpose(), "[2, 3, 4]", "permute");
    }

    @Test
    void broadcastToRepeats() {
        Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
        assertEquals(Tensor.of(new float[][] {{1, 1, 1}, {2, 2, 2}}), col.broadcastTo(2, 3));
        assertEquals(Tensor.of(new float[][] {{7, 8}, {7, 8}}).toFloat64(), Tensor.of(new double[] {7, 8}, 2).broadcastTo(2, 2));
        assertArrayEquals(new float[] {5, 5, 5, 5}, Tensor.scalar(5f).broadcastTo(2, 2).toArray());
        assertMessage(() -> col.broadcastTo(3, 3), "[2, 1]", "[3, 3]");
    }

    @Test
    void sliceAlongEachAxis() {
        Tensor x = iota(2, 3, 4);
        Tensor s = x.slice(1, 1, 3);
        assertArrayEquals(new int[] {2, 2, 4}, s.shape());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 4; k++) assertEquals(x.get(i, j + 1, k), s.get(i, j, k));
        assertArrayEquals(new float[] {2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23}, x.slice(-1, 2, 4).toArray());
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, x.toFloat64().slice(0, 1, 2).toArray());
        assertArrayEquals(new int[] {2, 0, 4}, x.slice(1, 2, 2).shape());
        assertMessage(() -> x.slice(1, 2, 4), "[2, 4)", "[2, 3, 4]");
        assertMessage(() -> x.slice(1, 2, 1), "[2, 1)");
        assertMessage(() -> x.slice(3, 0, 1), "axis 3");
    }

    @Test
    void concatJoinsAlongAnAxis() {
        Tensor a = Tensor.of(new float[][] {{1}, {2}});
        Tensor b = Tensor.of(new float[][] {{3, 4}, {5, 6}});
        assertEquals(Tensor.of(new float[][] {{1, 3, 4}, {2, 5, 6}}), Tensor.concat(1, a, b));
        assertEquals(Tensor.of(new float[][] {{3, 4}, {5, 6}, {3, 4}, {5, 6}}), Tensor.concat(0, b, b));
        assertEquals(Tensor.of(new float[][] {{1, 3, 4}, {2, 5, 6}}).toFloat64(), Tensor.concat(-1, a.toFloat64(), b.toFloat64()));
        assertEquals(b, Tensor.concat(1, Tensor.zeros(2, 0), b, Tensor.zeros(2, 0)), "zero-size parts contribute nothing");
        assertArrayEquals(new int[] {0, 2}, Tensor.concat(0, Tensor.zeros(0, 2), Tensor.zeros(0, 2)).shape());
        assertMessage(() -> Tensor.concat(0, a, b), "[2, 2]", "[2, 1]");
        assertMessage(() -> Tensor.concat(0, b, b.toFloat64()), "FLOAT64");
        assertMessage(() -> Tensor.concat(0), "at least one");
    }

    @Test
    void rowsGathersAlongTheFirstAxis() {
        Tensor x = iota(3, 2);
        assertEquals(Tensor.of(new float[][] {{4, 5}, {0, 1}, {4, 5}}), x.rows(new int[] {2, 0, 2}));
        assertEquals(Tensor.of(new float[][] {{2, 3}}).toFloat64(), x.toFloat64().rows(new int[] {1}));
        assertArrayEquals(new int[] {0, 2}, x.rows(new int[0]).shape());
        assertArrayEquals(new int[] {2, 0}, Tensor.zeros(3, 0).rows(new int[] {1, 2}).shape());
        assertThrows(IndexOutOfBoundsException.class, () -> x.rows(new int[] {3}));
        assertThrows(IndexOutOfBoundsException.class, () -> x.rows(new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1f).rows(new int[] {0}));
    }
}
