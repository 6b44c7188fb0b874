package minimax.cli.lab;

import java.util.Arrays;
import minimax.tensor.Rng;

/**
 * The statistics of the lab report, all deterministic: medians and quartiles (linear interpolation
 * between order statistics, R's type 7), a percentile-bootstrap 95 % confidence interval of the
 * median (2,000 resamples from a fixed seed), and the Wilson score 95 % interval of a proportion.
 *
 * <p>A value of {@code +∞} stands for "not reached" (a censored time): it sorts last, so a median
 * is finite exactly when more than half the runs reached the threshold.
 */
public final class Stats {
    /** Resamples of the bootstrap. */
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    /** The bootstrap's fixed seed: the same data give the same interval. */
    public static final long BOOTSTRAP_SEED = 0x4C4142L;
    /** z for a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    private Stats() {}

    /** A closed interval {@code [low, high]}. */
    public record Interval(double low, double high) {
        /** True if the two intervals share a point. */
        public boolean overlaps(Interval o) {
            return low <= o.high && o.low <= high;
        }
    }

    /** The {@code q}-quantile (0 ≤ q ≤ 1) of {@code values} (not modified; at least one, none NaN). */
    public static double quantile(double[] values, double q) {
        double[] s = sorted(values);
        return sortedQuantile(s, q);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double sortedQuantile(double[] s, double q) {
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        double w = h - lo;
        if (w == 0 || lo + 1 >= s.length) return s[lo];
        if (s[lo + 1] == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
        return s[lo] + w * (s[lo + 1] - s[lo]);
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("statistics of an empty sample");
        double[] s = values.clone();
        for (double v : s) if (Double.isNaN(v)) throw new IllegalArgumentException("statistics of a sample holding NaN");
        Arrays.sort(s);
        return s;
    }

    /**
     * The percentile-bootstrap 95 % interval of the median: the 2.5 % and 97.5 % quantiles of the
     * medians of {@link #BOOTSTRAP_RESAMPLES} resamples (with replacement, same size), drawn from
     * {@link #BOOTSTRAP_SEED}.
     */
    public static Interval medianInterval(double[] values) {
        sorted(values); // checks
        Rng rng = new Rng(BOOTSTRAP_SEED);
        double[] medians = new double[BOOTSTRAP_RESAMPLES];
        double[] resample = new double[values.length];
        for (int b = 0; b < medians.length; b++) {
            for (int i = 0; i < resample.length; i++) resample[i] = values[rng.nextInt(values.length)];
            Arrays.sort(resample);
            medians[b] = sortedQuantile(resample, 0.5);
        }
        Arrays.sort(medians);
        return new Interval(sortedQuantile(medians, 0.025), sortedQuantile(medians, 0.975));
    }

    /** The Wilson score 95 % interval of a proportion {@code k / n} (n ≥ 1). */
    public static Interval wilson(int k, int n) {
        if (n < 1 || k < 0 || k > n) throw new IllegalArgumentException("a proportion needs 0 <= k <= n and n >= 1, got " + k + "/" + n);
        double p = (double) k / n, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // exact ends at k = 0 and k = n (the formula gives them up to rounding)
        return new Interval(k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half));
    }

    /** How many values are finite. */
    public static int countFinite(double[] values) {
        int k = 0;
        for (double v : values) if (Double.isFinite(v)) k++;
        return k;
    }

    /** The largest value. */
    public static double max(double[] values) {
        return sorted(values)[values.length - 1];
    }
}
