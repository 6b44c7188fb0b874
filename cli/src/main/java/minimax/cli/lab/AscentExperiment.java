package minimax.cli.lab;

import java.util.List;
import minimax.nn.Sequential;
import minimax.optim.AdamW;
import minimax.optim.Optimizer;
import minimax.optim.SGD;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * Experiment 1, the literal question: for each seed, fixed data {@code x ~ U(−1, 1) [n, 15]} and
 * targets {@code y ~ U(0, 1) [n, 1]}, one initial generator, and each accepted answer trained from
 * those same weights; then the refused answer, a negative rate, computed by explicit updates and
 * compared with {@code maximize()} — without weight decay (SGD, Adam) and with it (AdamW).
 *
 * <p>Writes raw measurements only (tables {@code ascent-curves}, {@code ascent-seeds},
 * {@code negative-rate}, {@code negative-rate-curves}, and wall times); {@link AscentFigures}
 * derives every reported figure from them.
 */
final class AscentExperiment {
    static final String NAME = "ascent";
    private static final long DATA_STREAM = 0x44415441L, MODEL_STREAM = 0x4D4F444CL;

    final Table curves = new Table("experiment", "strategy", "seed", "step", "mse", "saturated_share", "gradient_norm", "loss", "weight_norm");
    final Table seeds = new Table("seed", "largest_reachable_mse", "best_constant_mse");
    final Table comparisons = new Table("seed", "comparison", "weight_decay", "steps", "max_abs_weight_difference", "bit_identical",
            "weight_norm_first", "weight_norm_second", "final_mse_first", "final_mse_second");
    final Table demoCurves = new Table("experiment", "strategy", "seed", "step", "mse", "weight_norm");
    final Table timing;
    final String refusal;

    private final LabSettings settings;
    private final Progress progress;

    AscentExperiment(LabSettings settings, Table timing, Progress progress) {
        this.settings = settings;
        this.timing = timing;
        this.progress = progress;
        this.refusal = NegativeRate.refusal(LabSettings.ADAM_RATE);
    }

    /** Training steps the whole experiment runs (for the progress display). */
    static long totalSteps(LabSettings s) {
        return (long) s.seeds() * (AscentStrategy.all().size() + 5) * s.steps();
    }

    void run() {
        for (int seed = 0; seed < settings.seeds(); seed++) runSeed(seed);
    }

    private void runSeed(int seed) {
        Rng data = new Rng(Rng.mix(seed, DATA_STREAM));
        Tensor x = Tensor.uniform(data, -1f, 1f, settings.samples(), 15);
        Tensor y = Tensor.uniform(data, 0f, 1f, settings.samples(), 1);
        seeds.add(seed, AscentRun.largestReachableMse(y), AscentRun.bestConstantMse(y));
        AscentRun.Trace negated = null, maximized = null;
        for (AscentStrategy s : AscentStrategy.all()) {
            Optimizer optimizer = s.optimizer().get();
            AscentRun.Trace t = train(seed, s.name(), s.loss().get(), optimizer::apply, x, y);
            for (int step = 0; step <= settings.steps(); step++) {
                curves.add(NAME, s.name(), seed, step, t.mse[step], t.saturated[step], t.gradientNorm[step], t.loss[step], t.weightNorm[step]);
            }
            if (s.name().equals(AscentStrategy.NEGATED)) negated = t;
            if (s.name().equals(AscentStrategy.MAXIMIZE)) maximized = t;
        }
        compare(seed, "negated loss vs maximize flag (Adam)", 0, negated, maximized);

        // the refused answer: the same training with the rate's sign flipped, outside the library
        AscentRun.Trace adamNegative = train(seed, "negative rate, Adam (explicit)", minimax.losses.Losses.mse(), NegativeRate.adam(LabSettings.ADAM_RATE, 0), x, y);
        compare(seed, "maximize flag vs negative rate (Adam)", 0, maximized, adamNegative);
        demo(seed, "maximize flag (Adam)", maximized);
        demo(seed, "negative rate, Adam (explicit)", adamNegative);

        SGD sgd = new SGD(LabSettings.SGD_RATE).maximize();
        AscentRun.Trace sgdMaximize = train(seed, "maximize flag, SGD", minimax.losses.Losses.mse(), sgd::apply, x, y);
        AscentRun.Trace sgdNegative = train(seed, "negative rate, SGD (explicit)", minimax.losses.Losses.mse(), NegativeRate.sgd(LabSettings.SGD_RATE), x, y);
        compare(seed, "maximize flag vs negative rate (SGD)", 0, sgdMaximize, sgdNegative);

        double wd = LabSettings.WEIGHT_DECAY;
        AdamW adamW = new AdamW(LabSettings.ADAM_RATE, wd).maximize();
        AscentRun.Trace wdMaximize = train(seed, "maximize flag, AdamW", minimax.losses.Losses.mse(), adamW::apply, x, y);
        AscentRun.Trace wdNegative = train(seed, "negative rate, AdamW (explicit)", minimax.losses.Losses.mse(), NegativeRate.adam(LabSettings.ADAM_RATE, wd), x, y);
        compare(seed, "maximize flag vs negative rate (AdamW)", wd, wdMaximize, wdNegative);
        demo(seed, "maximize flag, AdamW", wdMaximize);
        demo(seed, "negative rate, AdamW (explicit)", wdNegative);
    }

    private AscentRun.Trace train(int seed, String name, minimax.losses.Loss loss, AscentRun.Update update, Tensor x, Tensor y) {
        Sequential model = AscentRun.generator(Rng.mix(seed, MODEL_STREAM));
        String status = String.format("%s: %s, seed %d of %d", NAME, name, seed + 1, settings.seeds());
        AscentRun.Trace t = AscentRun.run(model, loss, update, x, y, settings.steps(), progress, status);
        timing.add(NAME, name, seed, settings.steps(), t.seconds);
        return t;
    }

    private void compare(int seed, String comparison, double weightDecay, AscentRun.Trace first, AscentRun.Trace second) {
        double[] c = AscentRun.compare(first.finalWeights, second.finalWeights);
        int last = settings.steps();
        comparisons.add(seed, comparison, weightDecay, last, c[0], c[1] == 1, first.weightNorm[last], second.weightNorm[last], first.mse[last], second.mse[last]);
    }

    private void demo(int seed, String name, AscentRun.Trace t) {
        for (int step = 0; step <= settings.steps(); step++) {
            if (step % settings.demoEvery() == 0 || step == settings.steps()) demoCurves.add(NAME, name, seed, step, t.mse[step], t.weightNorm[step]);
        }
    }
}
