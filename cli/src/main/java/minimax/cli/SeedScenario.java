package minimax.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.nn.Dense;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.optim.Optimizer;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * The question Minimax was born from, run for real: the Keras generator
 * {@code Dense(50, sigmoid, input 15) → Dense(1, sigmoid)} trained to <em>maximize</em> its MSE
 * against fixed targets, by each of the answers people give — a negated loss, the optimizer's
 * {@code maximize} flag, an "inverse MSE" custom loss — from the same initial weights, recording
 * the MSE as it rises. The fourth answer, a negative learning rate, is refused; the refusal's
 * message is recorded.
 */
public final class SeedScenario {
    /** One strategy's MSE after each recorded step. */
    public static final class Curve {
        public final String strategy;
        public final String code;
        public final List<Integer> steps = new ArrayList<>();
        public final List<Double> mse = new ArrayList<>();

        Curve(String strategy, String code) {
            this.strategy = strategy;
            this.code = code;
        }
    }

    /** Results: one curve per strategy, the largest MSE reachable, the refusal message. */
    public static final class Result {
        public final Map<String, Curve> curves = new LinkedHashMap<>();
        public double maxReachableMse;
        /** The MSE of the best constant output (all 0 or all 1): what saturating every output to one end gives. */
        public double bestConstantMse;
        public String negativeLearningRateMessage;
    }

    private SeedScenario() {}

    /**
     * Runs the scenario.
     *
     * @param samples rows of the fixed data set
     * @param steps training steps per strategy (full batch)
     * @param every record the MSE every this many steps (and at 0 and the end)
     * @param learningRate Adam's learning rate
     * @param seed seeds data and initial weights
     */
    public static Result run(int samples, int steps, int every, double learningRate, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.uniform(rng, -1f, 1f, samples, 15);
        Tensor y = Tensor.uniform(rng, 0f, 1f, samples, 1);
        Result result = new Result();
        result.maxReachableMse = maxReachableMse(y);
        result.bestConstantMse = Math.max(mse(Tensor.zeros(samples, 1), y), mse(Tensor.ones(samples, 1), y));

        Sequential reference = generator(seed);
        List<Tensor> initial = reference.getWeights();
        Loss mse = Losses.mse();

        run(result, "negated loss", "compile(Losses.mse().negate(), new Adam(lr))", mse.negate(), new Adam(learningRate), initial, seed, x, y, steps, every);
        run(result, "maximize flag", "compile(Losses.mse(), new Adam(lr).maximize())", mse, new Adam(learningRate).maximize(), initial, seed, x, y, steps, every);
        Loss inverse = (yTrue, yPred) -> yPred.sub(yTrue).square().add(1e-7f).reciprocal().mean();
        run(result, "inverse MSE", "compile((t, p) -> p.sub(t).square().add(1e-7f).reciprocal().mean(), new Adam(lr))", inverse, new Adam(learningRate), initial, seed, x, y, steps, every);
        try {
            new Adam(-learningRate);
            result.negativeLearningRateMessage = "(accepted — this should not happen)";
        } catch (IllegalArgumentException e) {
            result.negativeLearningRateMessage = e.getMessage();
        }
        return result;
    }

    /** The generator from the Keras question, seeded. */
    static Sequential generator(long seed) {
        Sequential g = new Sequential(seed);
        g.add(new Dense(50, "sigmoid", 15));
        g.add(new Dense(1, "sigmoid"));
        return g;
    }

    private static void run(Result result, String name, String code, Loss loss, Optimizer optimizer, List<Tensor> initial, long seed,
                            Tensor x, Tensor y, int steps, int every) {
        Sequential g = generator(seed);
        g.setWeights(initial);
        g.compile(loss, optimizer);
        g.setCheckFinite(false); // the inverse loss may overflow: record what happens rather than stop
        Curve curve = new Curve(name, code);
        for (int step = 0; step <= steps; step++) {
            if (step % every == 0 || step == steps) {
                curve.steps.add(step);
                curve.mse.add(mse(g.predict(x), y));
            }
            if (step < steps) g.trainOnBatch(x, y);
        }
        result.curves.put(name, curve);
    }

    /** Mean squared error in double precision. */
    static double mse(Tensor prediction, Tensor target) {
        float[] p = prediction.toArray(), t = target.toArray();
        double s = 0;
        for (int i = 0; i < p.length; i++) s += (p[i] - (double) t[i]) * (p[i] - (double) t[i]);
        return s / p.length;
    }

    /** With outputs in (0, 1), each squared error is at most max(y, 1 − y)². */
    static double maxReachableMse(Tensor target) {
        double s = 0;
        float[] t = target.toArray();
        for (float v : t) s += Math.pow(Math.max(v, 1 - v), 2);
        return s / t.length;
    }
}
