package minimax.cli.lab;

import java.util.ArrayList;
import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.losses.Loss;
import minimax.nn.CallContext;
import minimax.nn.Dense;
import minimax.nn.Sequential;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * One run of the literal question: the Keras generator trained full-batch on fixed data, each step
 * exactly what {@code Model.trainOnBatch} does (forward, loss, gradients of the loss with respect to
 * every weight, update) with measurements taken from the same forward pass: the MSE against the
 * targets, the share of saturated outputs, the gradient's norm, the weights' norm. A step whose loss
 * or gradient is NaN or infinite is counted and skipped (no update), as Minimax's optimizers skip it.
 */
final class AscentRun {
    /** An update rule: a library optimizer's {@code apply}, or an explicit rule the library refuses to build. */
    @FunctionalInterface
    interface Update {
        void apply(List<Tensor> gradients, List<Variable> variables);
    }

    /** Records after 0, 1, …, steps updates (index = updates done), and the final weights. */
    static final class Trace {
        final double[] mse, saturated, gradientNorm, loss, weightNorm;
        int nonFinite;
        List<Tensor> finalWeights;
        double seconds;

        Trace(int steps) {
            mse = new double[steps + 1];
            saturated = new double[steps + 1];
            gradientNorm = new double[steps + 1];
            loss = new double[steps + 1];
            weightNorm = new double[steps + 1];
        }
    }

    private AscentRun() {}

    /** The generator of the question, {@code Dense(50, sigmoid, input 15) → Dense(1, sigmoid)}, built from {@code seed}. */
    static Sequential generator(long seed) {
        Sequential g = new Sequential(seed);
        g.add(new Dense(50, "sigmoid", 15));
        g.add(new Dense(1, "sigmoid"));
        if (!g.isBuilt()) g.build(new int[] {15}, new Rng(g.seed()));
        return g;
    }

    /**
     * Trains {@code model} for {@code steps} full-batch steps on {@code x [n, 15]}, {@code y [n, 1]}
     * (neither modified), reporting each step to {@code progress}.
     */
    static Trace run(Sequential model, Loss loss, Update update, Tensor x, Tensor y, int steps, Progress progress, String status) {
        long start = System.nanoTime();
        Trace t = new Trace(steps);
        List<Variable> variables = model.weights();
        Value target = Value.constant(y);
        float[] targets = y.toArray();
        for (int s = 0; s <= steps; s++) {
            // the same per-step stream trainOnBatch passes to the layers (unused here: no dropout)
            Value prediction = model.call(Value.constant(x), new CallContext(true, new Rng(Rng.mix(model.seed(), s))));
            measureOutputs(prediction.data().toArray(), targets, t, s);
            t.weightNorm[s] = norm(values(variables));
            Value lossValue = loss.compute(target, prediction);
            t.loss[s] = lossValue.item();
            List<Value> leaves = new ArrayList<>(variables.size());
            for (Variable v : variables) leaves.add(Value.of(v));
            List<Tensor> gradients = Gradients.of(lossValue, leaves);
            t.gradientNorm[s] = norm(gradients);
            if (s == steps) break; // the last record is of the trained model: no update after it
            if (Double.isFinite(t.loss[s]) && Double.isFinite(t.gradientNorm[s])) update.apply(gradients, variables);
            else t.nonFinite++;
            progress.advance(1, status);
        }
        t.finalWeights = model.getWeights();
        t.seconds = (System.nanoTime() - start) / 1e9;
        return t;
    }

    private static void measureOutputs(float[] p, float[] y, Trace t, int s) {
        double sum = 0;
        int saturated = 0;
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - (double) y[i];
            sum += e * e;
            if (p[i] < LabSettings.SATURATION || p[i] > 1 - LabSettings.SATURATION) saturated++;
        }
        t.mse[s] = sum / p.length;
        t.saturated[s] = (double) saturated / p.length;
    }

    private static List<Tensor> values(List<Variable> variables) {
        List<Tensor> out = new ArrayList<>(variables.size());
        for (Variable v : variables) out.add(v.value());
        return out;
    }

    /** The L2 norm of all elements together, in double precision (NaN or ∞ if any element is). */
    static double norm(List<Tensor> tensors) {
        double sum = 0;
        for (Tensor t : tensors) for (float v : t.toArray()) sum += (double) v * v;
        return Math.sqrt(sum);
    }

    /** {@code mean(max(y, 1 − y)²)}: with outputs in (0, 1), the largest MSE any model can reach against these targets. */
    static double largestReachableMse(Tensor y) {
        double s = 0;
        float[] t = y.toArray();
        for (float v : t) s += Math.pow(Math.max(v, 1 - (double) v), 2);
        return s / t.length;
    }

    /** The MSE of the better constant output at one end, 0 or 1: what saturating every output the same way gives. */
    static double bestConstantMse(Tensor y) {
        double zero = 0, one = 0;
        float[] t = y.toArray();
        for (float v : t) {
            zero += (double) v * v;
            one += (1 - (double) v) * (1 - (double) v);
        }
        return Math.max(zero, one) / t.length;
    }

    /** The largest absolute difference between two weight lists of equal shapes, and whether all bits are equal. */
    static double[] compare(List<Tensor> a, List<Tensor> b) {
        if (a.size() != b.size()) throw new IllegalArgumentException("weight lists of " + a.size() + " and " + b.size() + " tensors");
        double max = 0;
        boolean identical = true;
        for (int i = 0; i < a.size(); i++) {
            float[] u = a.get(i).toArray(), v = b.get(i).toArray();
            for (int k = 0; k < u.length; k++) {
                if (Float.floatToRawIntBits(u[k]) != Float.floatToRawIntBits(v[k])) identical = false;
                max = Math.max(max, Math.abs((double) u[k] - v[k]));
            }
        }
        return new double[] {max, identical ? 1 : 0};
    }
}
