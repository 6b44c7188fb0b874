package minimax.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/** Curves across seeds from a long-format table: at each step, the median and quartiles over the seeds. */
final class Curves {
    private Curves() {}

    /**
     * The median and interquartile band of {@code column} (after {@code transform}) at each step of
     * {@code strategy}'s rows; NaN values are left out, a step with none left gives NaN.
     */
    static BandChart.Series band(Table table, String strategy, String column, String label, DoubleUnaryOperator transform) {
        Table rows = table.where("strategy", strategy);
        double[] steps = rows.numbers("step"), values = rows.numbers(column);
        TreeMap<Double, List<Double>> byStep = new TreeMap<>();
        for (int i = 0; i < steps.length; i++) {
            double v = transform.applyAsDouble(values[i]);
            List<Double> at = byStep.computeIfAbsent(steps[i], k -> new ArrayList<>());
            if (!Double.isNaN(v)) at.add(v);
        }
        int n = byStep.size(), i = 0;
        double[] x = new double[n], median = new double[n], low = new double[n], high = new double[n];
        for (var e : byStep.entrySet()) {
            x[i] = e.getKey();
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            median[i] = v.length == 0 ? Double.NaN : Stats.quantile(v, 0.5);
            low[i] = v.length == 0 ? Double.NaN : Stats.quantile(v, 0.25);
            high[i] = v.length == 0 ? Double.NaN : Stats.quantile(v, 0.75);
            i++;
        }
        return new BandChart.Series(label, x, median, low, high);
    }

    /** {@code log10}, with 0 and negative values as NaN (left out). */
    static double log10(double v) {
        return v > 0 ? Math.log10(v) : Double.NaN;
    }
}
