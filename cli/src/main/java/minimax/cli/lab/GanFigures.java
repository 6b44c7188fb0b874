package minimax.cli.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Every figure of the GAN setting, derived from {@code gan-evaluations} only: per run
 * ({@link #runs}, written as {@code gan-runs.csv}) and per strategy ({@link #summarize}).
 *
 * <p>Outcome of a run, from its last evaluation: {@code diverged} (a NaN or infinite loss stopped
 * it, or its samples' median distance from the origin exceeds {@link LabSettings#DIVERGED_RADIUS});
 * else {@code all modes} (8 of 8 covered), {@code collapsed} (at most
 * {@link LabSettings#COLLAPSED_MODES} covered) or {@code partial}. Its best evaluation: the most
 * modes, then the largest high-quality share; the earliest on a tie.
 */
final class GanFigures {
    static final String DIVERGED = "diverged", ALL_MODES = "all modes", COLLAPSED = "collapsed", PARTIAL = "partial";
    static final String[] RUN_COLUMNS = {"experiment", "strategy", "seed", "final_modes", "final_high_quality", "final_reverse_kl", "final_median_radius",
            "outcome", "first_diverged_step", "best_step", "best_modes", "best_high_quality"};

    private GanFigures() {}

    static Table runs(Table evaluations, int modeCount) {
        Table out = new Table(RUN_COLUMNS);
        for (String strategy : evaluations.distinct("strategy")) {
            Table ofStrategy = evaluations.where("strategy", strategy);
            for (String seed : ofStrategy.distinct("seed")) {
                Table run = ofStrategy.where("seed", seed);
                double[] step = run.numbers("step"), modes = run.numbers("modes"), quality = run.numbers("high_quality"), diverged = run.numbers("diverged");
                int last = step.length - 1, best = 0;
                double firstDiverged = Double.POSITIVE_INFINITY;
                for (int i = 0; i < step.length; i++) {
                    if (modes[i] > modes[best] || (modes[i] == modes[best] && quality[i] > quality[best])) best = i;
                    if (diverged[i] == 1 && firstDiverged == Double.POSITIVE_INFINITY) firstDiverged = step[i];
                }
                String outcome = diverged[last] == 1 ? DIVERGED : modes[last] == modeCount ? ALL_MODES : modes[last] <= LabSettings.COLLAPSED_MODES ? COLLAPSED : PARTIAL;
                out.add(run.get(0, "experiment"), strategy, seed, modes[last], quality[last], run.number(last, "reverse_kl"), run.number(last, "median_radius"),
                        outcome, firstDiverged, step[best], modes[best], quality[best]);
            }
        }
        return out;
    }

    /** One strategy's figures across seeds. */
    record Summary(String strategy, int runs, int allModes, int collapsed, int diverged, int partial, int everDiverged,
                   double[] finalModes, double[] finalQuality, double[] finalReverseKl, double[] bestStep, double[] bestModes, double[] bestQuality) {}

    static List<Summary> summarize(Table runs) {
        List<Summary> out = new ArrayList<>();
        for (String strategy : runs.distinct("strategy")) {
            Table r = runs.where("strategy", strategy);
            int all = 0, collapsed = 0, diverged = 0, partial = 0, ever = 0;
            for (int i = 0; i < r.size(); i++) {
                switch (r.get(i, "outcome")) {
                    case ALL_MODES -> all++;
                    case COLLAPSED -> collapsed++;
                    case DIVERGED -> diverged++;
                    default -> partial++;
                }
                if (Double.isFinite(r.number(i, "first_diverged_step"))) ever++;
            }
            out.add(new Summary(strategy, r.size(), all, collapsed, diverged, partial, ever, r.numbers("final_modes"), r.numbers("final_high_quality"),
                    r.numbers("final_reverse_kl"), r.numbers("best_step"), r.numbers("best_modes"), r.numbers("best_high_quality")));
        }
        return out;
    }
}
