package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import minimax.data.Mixture;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** PacGAN/VEEGAN mode coverage: hand-computed cases, the 3σ boundary, and real mixture samples. */
class ModeCoverageTest {
    private static final double[][] SQUARE = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    private static final double SIGMA = 0.1;

    private static Tensor points(double[][] xy) {
        double[] v = new double[2 * xy.length];
        for (int i = 0; i < xy.length; i++) {
            v[2 * i] = xy[i][0];
            v[2 * i + 1] = xy[i][1];
        }
        return Tensor.of(v, xy.length, 2);
    }

    @Test
    void samplesAtEveryCentreCoverAllModesEvenly() {
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 0}, {1, 0}, {0, 1}, {1, 1}}), SQUARE, SIGMA);
        assertEquals(4, c.modesCovered());
        assertEquals(4, c.modeCount());
        assertEquals(8, c.sampleCount());
        assertEquals(1.0, c.highQualityFraction());
        assertArrayEquals(new int[] {2, 2, 2, 2}, c.highQualityPerMode());
        assertEquals(8, c.highQualityCount());
        assertEquals(0.0, c.reverseKl());
    }

    @Test
    void collapseOntoOneModeHasReverseKlLogK() {
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{1, 1}, {1.01, 1}, {1, 0.99}}), SQUARE, SIGMA);
        assertEquals(1, c.modesCovered());
        assertArrayEquals(new int[] {0, 0, 0, 3}, c.highQualityPerMode());
        assertEquals(Math.log(4), c.reverseKl(), 1e-15);
    }

    @Test
    void unevenSpreadHasTheHandComputedKl() {
        // q = (3/4, 1/4, 0, 0), K = 4:  KL = 3/4·log 3 + 1/4·log 1 = 0.75·log 3
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{0, 0}, {0, 0}, {0, 0}, {1, 0}}), SQUARE, SIGMA);
        assertEquals(2, c.modesCovered());
        assertEquals(0.75 * Math.log(3), c.reverseKl(), 1e-15);
    }

    @Test
    void highQualityEndsAtThreeSigma() {
        // σ = 1/8, so 3σ = 0.375 and its square are exact in binary: the boundary is tested, not rounding
        double sigma = 0.125;
        double in = 0.999 * 0.375 / Math.sqrt(2);
        double out = 1.001 * 0.375 / Math.sqrt(2);
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{in, in}, {out, out}, {0.375, 0}, {0, -0.376}}), SQUARE, sigma);
        // (0.375, 0) sits exactly at 3σ: the boundary counts as high quality (≤ 3σ)
        assertArrayEquals(new int[] {2, 0, 0, 0}, c.highQualityPerMode());
        assertEquals(0.5, c.highQualityFraction());
        assertEquals(1, c.modesCovered());
    }

    @Test
    void aSampleGoesToItsNearestModeOnly() {
        // (0.55, 0) is nearer (1, 0) than (0, 0) and 0.45 away: with σ = 0.2 it is high quality for mode 1 alone
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{0.55, 0}}), SQUARE, 0.2);
        assertArrayEquals(new int[] {0, 1, 0, 0}, c.highQualityPerMode());
    }

    @Test
    void nonFiniteSamplesAreNeverHighQuality() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{nan, 0}, {0, inf}, {-inf, nan}, {1, 1}}), SQUARE, SIGMA);
        assertArrayEquals(new int[] {0, 0, 0, 1}, c.highQualityPerMode());
        assertEquals(0.25, c.highQualityFraction());
    }

    @Test
    void noHighQualitySampleScoresLogK() {
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{0.5, 0.5}, {Double.NaN, 0}}), SQUARE, SIGMA);
        assertEquals(0, c.modesCovered());
        assertEquals(0.0, c.highQualityFraction());
        assertEquals(Math.log(4), c.reverseKl());
        ModeCoverage empty = ModeCoverage.score(Tensor.zeros(0, 2), SQUARE, SIGMA);
        assertEquals(0, empty.sampleCount());
        assertEquals(0.0, empty.highQualityFraction());
        assertEquals(Math.log(4), empty.reverseKl());
    }

    @Test
    void float32SamplesAreScoredLikeFloat64() {
        Tensor samples = Mixture.grid().sample(500, new Rng(4));
        ModeCoverage f32 = ModeCoverage.score(samples, Mixture.grid().modes(), 0.05);
        ModeCoverage f64 = ModeCoverage.score(samples.toFloat64(), Mixture.grid().modes(), 0.05);
        assertArrayEquals(f64.highQualityPerMode(), f32.highQualityPerMode());
    }

    @Test
    void realRingSamplesCoverAllModesAt98Point9PercentHighQuality() {
        checkRealSamples(Mixture.ring(), 21);
    }

    @Test
    void realGridSamplesCoverAllModesAt98Point9PercentHighQuality() {
        checkRealSamples(Mixture.grid(), 22);
    }

    /**
     * For a 2-D isotropic Gaussian, ‖x − μ‖/σ is Rayleigh distributed: P(‖x − μ‖ ≤ 3σ) = 1 − e^{−9/2}
     * ≈ 0.98889. With n = 20,000 the binomial standard deviation of the fraction is 0.00074, so
     * 0.004 is over 5 standard deviations. The reverse KL of a multinomial histogram near uniform
     * is about (K − 1)/(2H) ≈ 0.0002 to 0.0006; 0.003 leaves room.
     */
    private static void checkRealSamples(Mixture mixture, long seed) {
        ModeCoverage c = ModeCoverage.score(mixture.sample(20_000, new Rng(seed)), mixture.modes(), mixture.sigma());
        assertEquals(mixture.modeCount(), c.modesCovered(), mixture.name());
        assertEquals(1 - Math.exp(-4.5), c.highQualityFraction(), 0.004, mixture.name());
        assertTrue(c.reverseKl() < 0.003, mixture.name() + " reverse KL " + c.reverseKl());
        // PacGAN's sample size: 2,500 real samples also cover every mode
        assertEquals(mixture.modeCount(), ModeCoverage.score(mixture.sample(2500, new Rng(seed + 1)), mixture.modes(), mixture.sigma()).modesCovered());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertEquals("samples must have shape [n, 2] to match 2-D modes, got [3, 3]",
                assertThrows(IllegalArgumentException.class, () -> ModeCoverage.score(Tensor.zeros(3, 3), SQUARE, SIGMA)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.score(Tensor.zeros(6), SQUARE, SIGMA));
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.score(Tensor.zeros(1, 2), new double[0][], SIGMA));
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.score(Tensor.zeros(1, 2), SQUARE, 0));
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.score(Tensor.zeros(1, 2), new double[][] {{0, 0}, {1}}, SIGMA));
    }

    @Test
    void describesItselfLikePacGanTables() {
        ModeCoverage c = ModeCoverage.score(points(new double[][] {{0, 0}, {0, 0}, {0, 0}, {1, 0}}), SQUARE, SIGMA);
        assertEquals("2/4 modes, 100.0 % high quality, reverse KL 0.824", c.toString());
    }
}
