package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/** Shared helpers for the optimizer tests: a catalogue of settings, and runs on plain arrays. */
final class OptimizerCases {
    private OptimizerCases() {}

    /** How many settings {@link #optimizer} knows. */
    static final int KINDS = 12;

    /**
     * Every optimizer with each of its branches: SGD plain, momentum, Nesterov; Adam, Adam amsgrad,
     * AdamW; RMSprop plain, momentum, centered, centered with momentum; Adagrad; optimistic SGD.
     */
    static Optimizer optimizer(int kind) {
        switch (kind) {
            case 0: return new SGD(0.05);
            case 1: return new SGD(0.05, 0.9, false);
            case 2: return new SGD(0.05, 0.9, true);
            case 3: return new Adam(0.01);
            case 4: return new Adam(0.01, 0.8, 0.9, 1e-7, true);
            case 5: return new AdamW(0.01, 0.05);
            case 6: return new RMSprop(0.01);
            case 7: return new RMSprop(0.01, 0.9, 0.5, 1e-7, false);
            case 8: return new RMSprop(0.01, 0.8, 0, 1e-7, true);
            case 9: return new RMSprop(0.01, 0.9, 0.5, 1e-7, true);
            case 10: return new Adagrad(0.1);
            case 11: return new OptimisticSGD(0.05);
            default: throw new IllegalArgumentException("no optimizer case " + kind);
        }
    }

    /** Adds clipping (0 none, 1 clipnorm, 2 clipvalue, 3 globalClipnorm) and weight decay. */
    static Optimizer withExtras(Optimizer o, int clip, boolean weightDecay) {
        if (clip == 1) o.clipnorm(0.7);
        if (clip == 2) o.clipvalue(0.3);
        if (clip == 3) o.globalClipnorm(0.9);
        if (weightDecay) o.weightDecay(0.1);
        return o;
    }

    /** Variables of a few shapes (a matrix, a vector, a scalar) with values drawn from {@code rng}. */
    static List<Variable> variables(Rng rng) {
        List<Variable> vs = new ArrayList<>();
        vs.add(Variable.of("kernel", Tensor.normal(rng, 0f, 1f, 3, 2)));
        vs.add(Variable.of("bias", Tensor.normal(rng, 0f, 1f, 2)));
        vs.add(Variable.of("scale", Tensor.normal(rng, 0f, 1f)));
        return vs;
    }

    /** Random gradients for {@code vs}, of varied magnitude so that clipping sometimes acts. */
    static List<Tensor> gradients(Rng rng, List<Variable> vs) {
        List<Tensor> gs = new ArrayList<>();
        float scale = (float) Math.exp(3 * rng.nextDouble() - 2);
        for (Variable v : vs) gs.add(Tensor.normal(rng, 0f, scale, v.shape()));
        return gs;
    }

    static List<Tensor> negated(List<Tensor> gs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor g : gs) out.add(g.neg());
        return out;
    }

    static List<Variable> copies(List<Variable> vs) {
        List<Variable> out = new ArrayList<>();
        for (Variable v : vs) out.add(Variable.of(v.name(), v.value()));
        return out;
    }

    static void assertSameValues(List<Variable> expected, List<Variable> actual, String where) {
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i).value(), actual.get(i).value(), where + ": variable " + i + " differs");
    }

    /**
     * Runs {@code o} on one variable starting at {@code w0}, one step per gradient, and returns the
     * values after each step.
     */
    static float[][] trajectory(Optimizer o, float[] w0, float[]... gradients) {
        Variable w = Variable.of("w", Tensor.of(w0, w0.length));
        float[][] out = new float[gradients.length][];
        for (int t = 0; t < gradients.length; t++) {
            o.apply(List.of(Tensor.of(gradients[t], w0.length)), List.of(w));
            out[t] = w.value().toArray();
        }
        return out;
    }

    /** Asserts {@code actual} equals {@code expected} to a relative tolerance, element by element, step by step. */
    static void assertTrajectory(double[][] expected, float[][] actual, double relativeTolerance) {
        assertEquals(expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            for (int k = 0; k < expected[t].length; k++) {
                double e = expected[t][k], a = actual[t][k];
                assertEquals(e, a, relativeTolerance * Math.abs(e), "step " + (t + 1) + ", element " + k + ": expected " + e + ", got " + a);
            }
        }
    }
}
