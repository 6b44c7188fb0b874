package minimax.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** sumTo, maxTo, sum, mean and max on hand-known values, both types, including zero-size inputs. */
class ReductionTest {
    private static final Tensor X = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});   // [m, n] = [2, 3]

    private static void assertValues(Tensor t, int[] shape, double... values) {
        assertArrayEquals(shape, t.shape());
        assertArrayEquals(values, t.toDoubleArray(), 0);
    }

    @Test
    void sumToTheShapesThatBiasGradientsNeed() {
        for (Tensor x : new Tensor[] {X, X.toFloat64()}) {
            assertValues(x.sumTo(3), new int[] {3}, 5, 7, 9);               // bias [n] from [m, n]
            assertValues(x.sumTo(1, 3), new int[] {1, 3}, 5, 7, 9);         // bias [1, n]
            assertValues(x.sumTo(2, 1), new int[] {2, 1}, 6, 15);
            assertValues(x.sumTo(), new int[0], 21);
            assertValues(x.sumTo(1, 1), new int[] {1, 1}, 21);
            assertEquals(x, x.sumTo(2, 3));
            assertEquals(x.dtype(), x.sumTo(3).dtype());
        }
    }

    @Test
    void sumToOnRankThreeMatchesAnExplicitLoop() {
        Tensor x = Tensor.uniform(new Rng(3), -1, 1, 2, 3, 4);
        int[][] targets = {{4}, {3, 1}, {1, 4}, {2, 1, 4}, {2, 3, 1}, {1, 3, 4}, {3, 4}, {1, 1, 1}};
        for (int[] t : targets) {
            Tensor s = x.sumTo(t);
            int[] full = new int[3];
            System.arraycopy(t, 0, full, 3 - t.length, t.length);
            for (int i = 0; i < 3 - t.length; i++) full[i] = 1;
            double[] expected = new double[Shapes.size(t)];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) {
                int o = ((full[0] == 1 ? 0 : i) * full[1] + (full[1] == 1 ? 0 : j)) * full[2] + (full[2] == 1 ? 0 : k);
                expected[o] += x.get(i, j, k);
            }
            assertArrayEquals(t, s.shape());
            assertArrayEquals(expected, s.toDoubleArray(), 1e-6, "sumTo " + java.util.Arrays.toString(t));
        }
    }

    @Test
    void sumToRejectsATargetThatDoesNotBroadcast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> X.sumTo(2));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void maxTo() {
        Tensor x = Tensor.of(new float[][] {{1, 9, 3}, {7, 5, -6}});
        for (Tensor t : new Tensor[] {x, x.toFloat64()}) {
            assertValues(t.maxTo(3), new int[] {3}, 7, 9, 3);
            assertValues(t.maxTo(1, 3), new int[] {1, 3}, 7, 9, 3);
            assertValues(t.maxTo(2, 1), new int[] {2, 1}, 9, 7);
            assertValues(t.maxTo(), new int[0], 9);
            assertValues(t.max(), new int[0], 9);
        }
        assertValues(Tensor.full(-3, DType.FLOAT32, 2, 2).max(), new int[0], -3);
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0, 3).max());
    }

    @Test
    void sumMeanAndMaxOverAxes() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
        for (Tensor t : new Tensor[] {x, x.toFloat64()}) {
            assertValues(t.sum(new int[] {1}, false), new int[] {2, 2}, 9, 12, 27, 30);
            assertValues(t.sum(new int[] {1}, true), new int[] {2, 1, 2}, 9, 12, 27, 30);
            assertValues(t.sum(new int[] {0, 2}, false), new int[] {3}, 1 + 2 + 7 + 8, 3 + 4 + 9 + 10, 5 + 6 + 11 + 12);
            assertValues(t.sum(new int[] {-1}, false), new int[] {2, 3}, 3, 7, 11, 15, 19, 23);
            assertValues(t.sum(new int[0], true), new int[] {1, 1, 1}, 78);
            assertValues(t.sum(new int[0], false), new int[0], 78);
            assertValues(t.sum(), new int[0], 78);
            assertValues(t.mean(), new int[0], 6.5);
            assertValues(t.mean(new int[] {1}, false), new int[] {2, 2}, 3, 4, 9, 10);
            assertValues(t.mean(new int[] {0, 2}, true), new int[] {1, 3, 1}, 4.5, 6.5, 8.5);
            assertValues(t.max(new int[] {1}, false), new int[] {2, 2}, 5, 6, 11, 12);
            assertValues(t.max(new int[] {0, 1}, true), new int[] {1, 1, 2}, 11, 12);
        }
    }

    @Test
    void meanOfThirdsIsAccurateInEachType() {
        // 1/3 is not a float: a float64 mean must not be computed with a float reciprocal
        Tensor x = Tensor.of(new double[] {1, 2, 4}, 3);
        assertEquals(7 / 3.0, x.mean().getFlat(0), 1e-15);
        assertEquals(7 / 3.0, x.mean(new int[] {0}, false).getFlat(0), 1e-15);
        assertEquals(7 / 3f, Tensor.of(new float[] {1, 2, 4}, 3).mean().item(), 2.5e-7);
    }

    @Test
    void floatSumsAccumulateInDouble() {
        // 2^24 followed by eight ones: a float accumulator stays at 2^24 (each +1 rounds away),
        // a double one reaches 2^24 + 8, which is a float; checked on all three float paths
        float big = 1 << 24;
        float[] column = {big, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(big + 8, Tensor.of(column, 9).sum().item());                       // to a scalar
        float[] twoColumns = new float[18];
        for (int i = 0; i < 9; i++) twoColumns[2 * i] = twoColumns[2 * i + 1] = column[i];
        assertArrayEquals(new float[] {big + 8, big + 8}, Tensor.of(twoColumns, 9, 2).sumTo(2).toArray());     // trailing row
        assertArrayEquals(new float[] {big + 8, big + 8}, Tensor.of(twoColumns, 9, 2).transpose().sumTo(2, 1).toArray()); // strided
    }

    @Test
    void zeroSizeReductions() {
        Tensor empty = Tensor.zeros(0, 3);
        assertValues(empty.sumTo(3), new int[] {3}, 0, 0, 0);
        assertValues(empty.sum(), new int[0], 0);
        assertValues(Tensor.zeros(3, 0).sum(new int[] {0}, false), new int[] {0});
        assertValues(Tensor.zeros(3, 0).max(new int[] {0}, false), new int[] {0});
    }
}
