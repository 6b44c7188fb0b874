package minimax.cli.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every figure of the literal question, derived from the raw tables only: per run
 * ({@link #runs}, written as {@code ascent-runs.csv}) and per strategy ({@link #summarize}).
 */
final class AscentFigures {
    private AscentFigures() {}

    static final String[] RUN_COLUMNS = {"experiment", "strategy", "seed", "largest_reachable_mse", "best_constant_mse", "steps_to_90_largest",
            "steps_to_90_constant", "final_mse", "final_share_of_largest", "final_saturated_share", "initial_gradient_norm", "final_gradient_norm",
            "median_gradient_norm", "max_gradient_norm", "nonfinite_steps"};

    /**
     * One row per run. {@code steps_to_90_largest}: the first step (updates done) whose MSE is at
     * least 90 % of the seed's largest reachable MSE, {@code inf} if none; {@code steps_to_90_constant}
     * likewise for the best constant output's MSE. Gradient norms over the run's finite values;
     * {@code nonfinite_steps}: steps (before the last record) whose loss or gradient was NaN or infinite.
     */
    static Table runs(Table curves, Table seeds) {
        Table out = new Table(RUN_COLUMNS);
        for (String strategy : curves.distinct("strategy")) {
            Table ofStrategy = curves.where("strategy", strategy);
            for (String seed : ofStrategy.distinct("seed")) {
                Table run = ofStrategy.where("seed", seed);
                Table reference = seeds.where("seed", seed);
                double largest = reference.number(0, "largest_reachable_mse"), constant = reference.number(0, "best_constant_mse");
                double[] step = run.numbers("step"), mse = run.numbers("mse"), gradient = run.numbers("gradient_norm"), loss = run.numbers("loss");
                int last = step.length - 1, nonFinite = 0;
                for (int i = 0; i < last; i++) if (!Double.isFinite(loss[i]) || !Double.isFinite(gradient[i])) nonFinite++;
                double[] finite = Arrays.stream(gradient).filter(Double::isFinite).toArray();
                out.add(run.get(0, "experiment"), strategy, seed, largest, constant,
                        firstReaching(step, mse, LabSettings.THRESHOLD * largest), firstReaching(step, mse, LabSettings.THRESHOLD * constant),
                        mse[last], mse[last] / largest, run.number(last, "saturated_share"), gradient[0], gradient[last],
                        finite.length == 0 ? Double.NaN : Stats.median(finite), finite.length == 0 ? Double.NaN : Stats.max(finite), nonFinite);
            }
        }
        return out;
    }

    /** The first step whose value is at least {@code threshold}, or +∞. */
    static double firstReaching(double[] step, double[] value, double threshold) {
        for (int i = 0; i < step.length; i++) if (value[i] >= threshold) return step[i];
        return Double.POSITIVE_INFINITY;
    }

    /** One strategy's figures across seeds. */
    record Summary(String strategy, int runs, double[] stepsLargest, double[] stepsConstant, double[] finalMse, double[] finalShare,
                   double[] finalSaturated, double[] initialGradient, double[] finalGradient, double maxGradient, int nonFiniteSteps, int runsWithNonFinite) {
        int reached(double[] steps) {
            return Stats.countFinite(steps);
        }
    }

    static List<Summary> summarize(Table runs) {
        List<Summary> out = new ArrayList<>();
        for (String strategy : runs.distinct("strategy")) {
            Table r = runs.where("strategy", strategy);
            double[] nonFinite = r.numbers("nonfinite_steps");
            int total = 0, runsWith = 0;
            for (double v : nonFinite) { total += (int) v; if (v > 0) runsWith++; }
            double[] maxima = Arrays.stream(r.numbers("max_gradient_norm")).filter(v -> !Double.isNaN(v)).toArray();
            out.add(new Summary(strategy, r.size(), r.numbers("steps_to_90_largest"), r.numbers("steps_to_90_constant"), r.numbers("final_mse"),
                    r.numbers("final_share_of_largest"), r.numbers("final_saturated_share"), r.numbers("initial_gradient_norm"),
                    r.numbers("final_gradient_norm"), maxima.length == 0 ? Double.NaN : Stats.max(maxima), total, runsWith));
        }
        return out;
    }
}
