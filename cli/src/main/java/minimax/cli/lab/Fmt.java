package minimax.cli.lab;

import java.util.Arrays;
import java.util.Locale;

/** How the report writes numbers: a few significant digits, percentages, intervals, medians with spreads. */
final class Fmt {
    private Fmt() {}

    /** {@code v} with 3 significant digits (integers in full), {@code not reached} for +∞. */
    static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v == Double.POSITIVE_INFINITY) return "not reached";
        if (v == Double.NEGATIVE_INFINITY) return "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e5) return String.format(Locale.ROOT, "%d", (long) v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format(Locale.ROOT, "%.2e", v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A share {@code 0.123} as {@code 12.3 %}. */
    static String pct(double share) {
        if (Double.isNaN(share)) return "n/a";
        double p = 100 * share;
        return String.format(Locale.ROOT, p == Math.rint(p) ? "%.0f %%" : "%.1f %%", p);
    }

    /** {@code k/n (95 % CI lo–hi %)} with the Wilson interval. */
    static String share(int k, int n) {
        Stats.Interval ci = Stats.wilson(k, n);
        return String.format(Locale.ROOT, "%d/%d (95 %% CI %s–%s)", k, n, pct(ci.low()).replace(" %", ""), pct(ci.high()));
    }

    /** {@code median (95 % CI lo–hi)} by the bootstrap; NaN values left out. */
    static String medianCi(double[] values) {
        double[] v = withoutNaN(values);
        if (v.length == 0) return "n/a";
        if (Stats.median(v) == Double.POSITIVE_INFINITY) return "not reached";
        Stats.Interval ci = Stats.medianInterval(v);
        return num(Stats.median(v)) + " (95 % CI " + bound(ci.low()) + "–" + bound(ci.high()) + ")";
    }

    /**
     * {@code median X unit, 95 % CI lo–hi} for sentences ({@code ∞} for a bound not reached), or in
     * percent if {@code unit} is {@code "%"}. NaN values left out.
     */
    static String medianCiInline(double[] values, String unit) {
        double[] v = withoutNaN(values);
        if (v.length == 0) return "no value";
        Stats.Interval ci = Stats.medianInterval(v);
        if (unit.equals("%")) return "median " + pct(Stats.median(v)) + ", 95 % CI " + pct(ci.low()).replace(" %", "") + "–" + pct(ci.high());
        return "median " + num(Stats.median(v)) + (unit.isEmpty() ? "" : " " + unit) + ", 95 % CI " + bound(ci.low()) + "–" + bound(ci.high());
    }

    private static String bound(double v) {
        return v == Double.POSITIVE_INFINITY ? "∞" : num(v);
    }

    /** {@code median [q1–q3]}; NaN values left out. */
    static String medianIqr(double[] values) {
        double[] v = withoutNaN(values);
        if (v.length == 0) return "n/a";
        return num(Stats.median(v)) + " [" + num(Stats.quantile(v, 0.25)) + "–" + num(Stats.quantile(v, 0.75)) + "]";
    }

    /** As {@link #medianIqr} for shares, in percent. */
    static String medianIqrPct(double[] values) {
        double[] v = withoutNaN(values);
        if (v.length == 0) return "n/a";
        return pct(Stats.median(v)) + " [" + pct(Stats.quantile(v, 0.25)).replace(" %", "") + "–" + pct(Stats.quantile(v, 0.75)) + "]";
    }

    static double[] withoutNaN(double[] values) {
        return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    }

    /** The median with NaN values left out (NaN if none is left). */
    static double median(double[] values) {
        double[] v = withoutNaN(values);
        return v.length == 0 ? Double.NaN : Stats.median(v);
    }
}
