package minimax.io;

import java.util.Locale;

/** "Nice" grid positions for plots: multiples of 1, 2 or 5 times a power of ten. */
final class Ticks {
    private Ticks() {}

    /** The smallest step 1, 2 or 5 × 10^k that splits {@code span} (> 0) into at most {@code count} parts. */
    static double step(double span, int count) {
        double raw = span / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
        }
        return 10 * magnitude;
    }

    /** The multiples of {@code step} within {@code [min, max]} (with a little tolerance for rounding). */
    static double[] positions(double min, double max, double step) {
        long first = (long) Math.ceil(min / step - 1e-9), last = (long) Math.floor(max / step + 1e-9);
        int n = (int) Math.max(0, Math.min(last - first + 1, 1000));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (first + i) * step;
        return out;
    }

    /**
     * A tick label: fixed-point with as many decimals as {@code step} needs ({@code -0} written as
     * {@code 0}), or scientific notation with enough digits to tell neighbouring ticks apart when that
     * would need more than 6 decimals or the value reaches 10^7.
     */
    static String label(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (decimals <= 6 && Math.abs(value) < 1e7) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
            return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
        }
        if (value == 0 || !Double.isFinite(value)) return value == 0 ? "0" : String.valueOf(value);
        int digits = (int) Math.min(15, Math.max(1, Math.ceil(Math.log10(Math.abs(value) / step) - 1e-9) + 1));
        return String.format(Locale.ROOT, "%." + (digits - 1) + "E", value);
    }
}
