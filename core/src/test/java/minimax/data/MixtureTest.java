package minimax.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import minimax.tensor.DType;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The PacGAN mixtures: their modes by hand, and their samples' statistics. */
class MixtureTest {

    @Test
    void ringHasEightModesOnTheUnitCircle() {
        Mixture ring = Mixture.ring();
        assertEquals("ring", ring.name());
        assertEquals(0.01, ring.sigma());
        double[][] modes = ring.modes();
        assertEquals(8, modes.length);
        double h = Math.sqrt(0.5);
        double[][] expected = {{1, 0}, {h, h}, {0, 1}, {-h, h}, {-1, 0}, {-h, -h}, {0, -1}, {h, -h}};
        for (int k = 0; k < 8; k++) assertArrayEquals(expected[k], modes[k], 1e-15, "mode " + k);
    }

    @Test
    void gridHasTwentyFiveModesAtEvenCoordinates() {
        Mixture grid = Mixture.grid();
        assertEquals("grid", grid.name());
        assertEquals(0.05, grid.sigma());
        double[][] modes = grid.modes();
        assertEquals(25, modes.length);
        assertArrayEquals(new double[] {-4, -4}, modes[0]);
        assertArrayEquals(new double[] {-4, -2}, modes[1]);
        assertArrayEquals(new double[] {0, 0}, modes[12]);
        assertArrayEquals(new double[] {4, 4}, modes[24]);
        for (double[] m : modes) {
            for (double c : m) assertTrue(c == -4 || c == -2 || c == 0 || c == 2 || c == 4, "coordinate " + c);
        }
    }

    @Test
    void modesAreCopiedOut() {
        Mixture ring = Mixture.ring();
        ring.modes()[0][0] = 99;
        assertEquals(1.0, ring.modes()[0][0]);
    }

    @Test
    void ownMixtureCopiesItsModesIn() {
        double[][] modes = {{0, 0}, {3, 0}};
        Mixture two = Mixture.of("pair", modes, 0.1);
        modes[1][0] = 99;
        assertEquals(3.0, two.modes()[1][0]);
        assertEquals(2, two.modeCount());
        assertEquals(2, two.dimension());
    }

    @Test
    void byNameFindsTheBuiltInsAndListsThemOtherwise() {
        assertEquals(8, Mixture.byName("ring").modeCount());
        assertEquals(25, Mixture.byName("grid").modeCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mixture.byName("spiral"));
        assertEquals("unknown mixture 'spiral'; known mixtures: ring, grid", e.getMessage());
    }

    @Test
    void invalidMixturesAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[0][], 1));
        assertEquals("mixture 'x' needs a finite sigma > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[][] {{0, 0}}, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[][] {{0, 0}}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[][] {{0, 0}}, Double.POSITIVE_INFINITY));
        assertEquals("mixture 'x': mode 1 has 3 coordinates, expected 2 like mode 0",
                assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[][] {{0, 0}, {1, 2, 3}}, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mixture.of("x", new double[][] {{0, Double.NaN}}, 1));
        assertThrows(IllegalArgumentException.class, () -> Mixture.of(" ", new double[][] {{0, 0}}, 1));
        assertThrows(IllegalArgumentException.class, () -> Mixture.ring().sample(-1, new Rng(1)));
    }

    @Test
    void samplesAreFloat32RowsOfTheModeDimension() {
        Tensor s = Mixture.grid().sample(7, new Rng(3));
        assertArrayEquals(new int[] {7, 2}, s.shape());
        assertEquals(DType.FLOAT32, s.dtype());
        assertArrayEquals(new int[] {0, 2}, Mixture.ring().sample(0, new Rng(3)).shape());
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() {
        Mixture ring = Mixture.ring();
        assertEquals(ring.sample(100, new Rng(5)), ring.sample(100, new Rng(5)));
        assertNotEquals(ring.sample(100, new Rng(5)), ring.sample(100, new Rng(6)));
        // consecutive draws from one generator continue its stream
        Rng rng = new Rng(5);
        Tensor first = ring.sample(100, rng);
        assertNotEquals(first, ring.sample(100, rng));
    }

    @Test
    void ringModesAreEquallyLikelyAndSpreadBySigma() {
        checkStatistics(Mixture.ring(), 80_000, 11);
    }

    @Test
    void gridModesAreEquallyLikelyAndSpreadBySigma() {
        checkStatistics(Mixture.grid(), 100_000, 12);
    }

    /**
     * Mode frequencies within 5 binomial standard deviations of n/K; per mode and coordinate, the
     * mean within 5 standard errors (σ/√c) of the centre and the standard deviation within 5
     * standard errors (σ/√(2c)) of σ; the pooled standard deviation of all coordinates within 1 %
     * of σ (over 6 standard errors at these n), which catches a systematic bias the per-mode
     * checks are too loose for.
     */
    private static void checkStatistics(Mixture mixture, int n, long seed) {
        double[][] modes = mixture.modes();
        int k = modes.length;
        float[] x = mixture.sample(n, new Rng(seed)).floatData();
        int[] counts = new int[k];
        double[][] sums = new double[k][2];
        double[][] sumSquares = new double[k][2];
        for (int i = 0; i < n; i++) {
            int nearest = nearest(modes, x[2 * i], x[2 * i + 1]);
            counts[nearest]++;
            for (int j = 0; j < 2; j++) {
                double deviation = x[2 * i + j] - modes[nearest][j];
                sums[nearest][j] += deviation;
                sumSquares[nearest][j] += deviation * deviation;
            }
        }
        double expected = (double) n / k;
        double binomialSd = Math.sqrt(n * (1.0 / k) * (1 - 1.0 / k));
        double pooledSquares = 0;
        for (int m = 0; m < k; m++) {
            assertEquals(expected, counts[m], 5 * binomialSd, mixture.name() + " mode " + m + " count");
            for (int j = 0; j < 2; j++) {
                double meanOffset = sums[m][j] / counts[m];
                assertEquals(0, meanOffset, 5 * mixture.sigma() / Math.sqrt(counts[m]), mixture.name() + " mode " + m + " coordinate " + j + " centre");
                double sd = Math.sqrt(sumSquares[m][j] / counts[m]); // the mean is the known centre
                assertEquals(mixture.sigma(), sd, 5 * mixture.sigma() / Math.sqrt(2.0 * counts[m]), mixture.name() + " mode " + m + " coordinate " + j + " spread");
                pooledSquares += sumSquares[m][j];
            }
        }
        assertEquals(mixture.sigma(), Math.sqrt(pooledSquares / (2.0 * n)), 0.01 * mixture.sigma(), mixture.name() + " pooled spread");
    }

    private static int nearest(double[][] modes, double x, double y) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < modes.length; k++) {
            double d = (x - modes[k][0]) * (x - modes[k][0]) + (y - modes[k][1]) * (y - modes[k][1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }
}
