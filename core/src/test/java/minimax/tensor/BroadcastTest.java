package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Binary ops with NumPy broadcasting on hand-known values, in both types. Each case runs through
 * whichever path {@link Tensor} picks (same shape, trailing row on either side, general strided),
 * so every path is checked against the same expectations.
 */
class BroadcastTest {
    private static final Tensor A = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    private static final Tensor ROW = Tensor.of(new float[] {10, 20, 30}, 3);
    private static final Tensor COL = Tensor.of(new float[] {10, 20}, 2, 1);

    /** Checks {@code op(a, b)} in float32 and again with both operands converted to float64. */
    private static void check(BinaryOperator<Tensor> op, Tensor a, Tensor b, int[] shape, double... expected) {
        Tensor f = op.apply(a, b);
        assertArrayEquals(shape, f.shape());
        assertArrayEquals(expected, f.toDoubleArray(), 1e-6);
        Tensor d = op.apply(a.toFloat64(), b.toFloat64());
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(shape, d.shape());
        assertArrayEquals(expected, d.toDoubleArray(), 1e-15);
    }

    @Test
    void sameShape() {
        check(Tensor::add, A, A, new int[] {2, 3}, 2, 4, 6, 8, 10, 12);
        check(Tensor::sub, A, A.mul(2f), new int[] {2, 3}, -1, -2, -3, -4, -5, -6);
        check(Tensor::mul, A, A, new int[] {2, 3}, 1, 4, 9, 16, 25, 36);
        check(Tensor::div, A, A.mul(4f), new int[] {2, 3}, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void trailingRowOnEitherSide() {
        check(Tensor::add, A, ROW, new int[] {2, 3}, 11, 22, 33, 14, 25, 36);
        check(Tensor::sub, ROW, A, new int[] {2, 3}, 9, 18, 27, 6, 15, 24);   // small operand first
        check(Tensor::div, A, ROW, new int[] {2, 3}, 0.1, 0.1, 0.1, 0.4, 0.25, 0.2);
        check(Tensor::div, ROW, A, new int[] {2, 3}, 10, 10, 10, 2.5, 4, 5);
        check(Tensor::mul, A, ROW.reshape(1, 3), new int[] {2, 3}, 10, 40, 90, 40, 100, 180);
        check(Tensor::maximum, A, Tensor.of(new float[] {2, 9, 0}, 3), new int[] {2, 3}, 2, 9, 3, 4, 9, 6);
        check(Tensor::minimum, Tensor.of(new float[] {2, 9, 0}, 3), A, new int[] {2, 3}, 1, 2, 0, 2, 5, 0);
    }

    @Test
    void scalarsOnEitherSide() {
        Tensor two = Tensor.scalar(2f);
        check(Tensor::mul, A, two, new int[] {2, 3}, 2, 4, 6, 8, 10, 12);
        check(Tensor::sub, two, A, new int[] {2, 3}, 1, 0, -1, -2, -3, -4);
        check(Tensor::div, two, Tensor.of(new float[] {4}, 1), new int[] {1}, 0.5);
        check(Tensor::add, two, two, new int[0], 4);
    }

    @Test
    void columnAgainstRowAndOtherGeneralCases() {
        check(Tensor::sub, A, COL, new int[] {2, 3}, -9, -8, -7, -16, -15, -14);
        check(Tensor::sub, COL, A, new int[] {2, 3}, 9, 8, 7, 16, 15, 14);
        check(Tensor::add, COL, ROW.reshape(1, 3), new int[] {2, 3}, 20, 30, 40, 30, 40, 50);
        check(Tensor::mul, COL, ROW, new int[] {2, 3}, 100, 200, 300, 200, 400, 600);
        check(Tensor::greater, A, Tensor.of(new float[] {2.5f, 4.5f}, 2, 1), new int[] {2, 3}, 0, 0, 1, 0, 1, 1);
        check(Tensor::equal, A, Tensor.of(new float[] {3, 5, 3}, 3), new int[] {2, 3}, 0, 0, 1, 0, 1, 0);
        // a leading axis added on the left: [3] with [1,1,3] gives rank 3
        check(Tensor::add, ROW, Tensor.ones(1, 1, 3), new int[] {1, 1, 3}, 11, 21, 31);
    }

    @Test
    void rankThreeAgainstAColumnMatchesAnExplicitLoop() {
        Rng rng = new Rng(1);
        Tensor a = Tensor.uniform(rng, -1, 1, 2, 1, 3);
        Tensor b = Tensor.uniform(rng, -1, 1, 4, 1);
        Tensor c = a.sub(b);
        assertArrayEquals(new int[] {2, 4, 3}, c.shape());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 3; k++) {
            assertEquals(a.get(i, 0, k) - b.get(j, 0), c.get(i, j, k), 0f);
        }
    }

    @Test
    void zeroSizeOperandsBroadcast() {
        Tensor empty = Tensor.zeros(0, 3);
        assertArrayEquals(new int[] {0, 3}, empty.add(ROW).shape());
        assertArrayEquals(new int[] {0, 3}, ROW.mul(empty).shape());
        assertArrayEquals(new int[] {2, 0}, COL.add(Tensor.zeros(0)).shape());
    }

    @Test
    void incompatibleShapesNameBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> A.add(Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> A.mul(Tensor.zeros(3, 1)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shapes.broadcast(new int[] {2, 0}, new int[] {3}));
    }

    @Test
    void mixingTypesIsRejectedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> A.add(A.toFloat64()));
        assertTrue(e.getMessage().contains("FLOAT32") && e.getMessage().contains("FLOAT64"), e.getMessage());
    }

    @Test
    void shapeHelpers() {
        assertArrayEquals(new int[] {2, 4, 3}, Shapes.broadcast(new int[] {2, 1, 3}, new int[] {4, 1}));
        assertArrayEquals(new int[] {12, 4, 1}, Shapes.strides(new int[] {2, 3, 4}));
        assertTrue(Shapes.broadcastsTo(new int[] {3, 1}, new int[] {2, 3, 5}));
        assertTrue(!Shapes.broadcastsTo(new int[] {2, 3}, new int[] {3}));
        assertEquals(1, Shapes.size(new int[0]));
        assertEquals(0, Shapes.size(new int[] {4, 0}));
        assertEquals(2, Shapes.axis(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> Shapes.axis(3, 3));
        assertThrows(IllegalArgumentException.class, () -> Shapes.size(new int[] {2, -1}));
        assertThrows(IllegalArgumentException.class, () -> Shapes.size(new int[] {1 << 16, 1 << 16}));
    }
}
