package minimax.gan;

import java.util.Arrays;
import java.util.Locale;
import minimax.tensor.Tensor;

/**
 * How well generated samples cover the modes of a Gaussian mixture, scored as PacGAN (Lin et al.,
 * 2018) and VEEGAN (Srivastava et al., 2017) do.
 *
 * <p>Each sample {@code x} goes to its nearest mode {@code k = argmin_k ‖x − μ_k‖} (the first on a
 * tie) and is <em>high quality</em> if {@code ‖x − μ_k‖ ≤ 3σ}; a sample with a NaN or infinite
 * coordinate is never high quality. With {@code c_k} the high-quality samples of mode {@code k},
 * {@code H = Σ c_k} and {@code K} modes:
 *
 * <ul>
 *   <li>{@code modesCovered = #{k : c_k ≥ 1}};
 *   <li>{@code highQualityFraction = H / n} over all {@code n} samples;
 *   <li>{@code reverseKl = KL(q ‖ uniform) = Σ_{q_k > 0} q_k · log(q_k · K)} with
 *       {@code q_k = c_k / H}: 0 when the high-quality samples are spread evenly, {@code log K}
 *       when they all sit at one mode. With no high-quality sample at all, q is undefined and
 *       {@code reverseKl} is taken as {@code log K}, the largest value KL to uniform can reach, so
 *       that "nothing near any mode" scores no better than total collapse and averages over trials
 *       stay finite.
 * </ul>
 *
 * <p>For real samples of a 2-D mixture, a sample lies within 3σ of its mode with probability
 * {@code 1 − e^{−4.5} ≈ 98.9 %} (the distance over σ follows a Rayleigh law).
 *
 * <pre>{@code
 * ModeCoverage c = ModeCoverage.score(generator.predict(noise), mixture.modes(), mixture.sigma());
 * System.out.println(c);   // 7/8 modes, 98.2 % high quality, reverse KL 0.012
 * }</pre>
 *
 * @param modesCovered         modes with at least one high-quality sample
 * @param modeCount            {@code K}
 * @param sampleCount          {@code n}
 * @param highQualityFraction  {@code H / n} (0 when {@code n = 0})
 * @param highQualityPerMode   {@code c_k} for each mode (not copied: do not modify)
 * @param reverseKl            {@code KL(q ‖ uniform)} in nats, in {@code [0, log K]}
 */
public record ModeCoverage(int modesCovered, int modeCount, int sampleCount, double highQualityFraction, int[] highQualityPerMode, double reverseKl) {

    /** High quality means within this many σ of the nearest mode. */
    public static final double HIGH_QUALITY_SIGMAS = 3.0;

    /**
     * Scores samples against a mixture's modes.
     *
     * @param samples  {@code [n, d]}, float32 or float64 (not modified)
     * @param modes    {@code K ≥ 1} centres of dimension {@code d}, finite (not modified)
     * @param sigma    the mixture's standard deviation, finite and {@code > 0}
     */
    public static ModeCoverage score(Tensor samples, double[][] modes, double sigma) {
        int d = checkModes(modes, sigma);
        int[] shape = samples.shape();
        if (shape.length != 2 || shape[1] != d) {
            throw new IllegalArgumentException("samples must have shape [n, " + d + "] to match " + d + "-D modes, got " + Arrays.toString(shape));
        }
        int n = shape[0];
        double[] x = samples.toDoubleArray();
        double radiusSquared = HIGH_QUALITY_SIGMAS * sigma * HIGH_QUALITY_SIGMAS * sigma;
        int[] perMode = new int[modes.length];
        for (int i = 0; i < n; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < modes.length; k++) {
                double distanceSquared = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x[i * d + j] - modes[k][j];
                    distanceSquared += diff * diff;
                }
                if (distanceSquared < best) { // NaN never compares below: a non-finite sample keeps nearest = -1
                    best = distanceSquared;
                    nearest = k;
                }
            }
            if (nearest >= 0 && best <= radiusSquared) perMode[nearest]++;
        }
        return fromCounts(perMode, n);
    }

    /** The scores from per-mode high-quality counts {@code c_k} out of {@code n} samples. */
    static ModeCoverage fromCounts(int[] perMode, int n) {
        int covered = 0;
        long highQuality = 0;
        for (int c : perMode) {
            if (c > 0) covered++;
            highQuality += c;
        }
        int modeCount = perMode.length;
        double reverseKl = Math.log(modeCount); // no high-quality sample: the worst value, see the class comment
        if (highQuality > 0) {
            reverseKl = 0;
            for (int c : perMode) {
                if (c == 0) continue;
                double q = (double) c / highQuality;
                reverseKl += q * Math.log(q * modeCount);
            }
            reverseKl = Math.max(0, reverseKl); // rounding can give −1e-17 for an even spread
        }
        double fraction = n == 0 ? 0 : (double) highQuality / n;
        return new ModeCoverage(covered, modeCount, n, fraction, perMode, reverseKl);
    }

    /** The number of high-quality samples {@code H}. */
    public int highQualityCount() {
        int h = 0;
        for (int c : highQualityPerMode) h += c;
        return h;
    }

    private static int checkModes(double[][] modes, double sigma) {
        if (modes == null || modes.length == 0) throw new IllegalArgumentException("mode coverage needs at least one mode, got none");
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("mode coverage needs a finite sigma > 0, got " + sigma);
        int d = modes[0] == null ? 0 : modes[0].length;
        if (d == 0) throw new IllegalArgumentException("mode 0 has no coordinates");
        for (int k = 0; k < modes.length; k++) {
            if (modes[k] == null || modes[k].length != d) {
                throw new IllegalArgumentException("mode " + k + " has " + (modes[k] == null ? 0 : modes[k].length) + " coordinates, expected " + d + " like mode 0");
            }
            for (double c : modes[k]) {
                if (!Double.isFinite(c)) throw new IllegalArgumentException("mode " + k + " has a non-finite coordinate " + c);
            }
        }
        return d;
    }

    /** E.g. {@code 7/8 modes, 98.2 % high quality, reverse KL 0.012}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d modes, %.1f %% high quality, reverse KL %.3f", modesCovered, modeCount, 100 * highQualityFraction, reverseKl);
    }
}
