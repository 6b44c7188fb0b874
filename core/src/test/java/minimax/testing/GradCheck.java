package minimax.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.DType;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * Finite-difference gradient checks in double precision, for ops, composites, losses and layers.
 *
 * <p>Every input is converted to float64 and the analytic gradient from {@link Gradients} is
 * compared element by element with the central difference {@code (F(x + h·e_i) − F(x − h·e_i)) / 2h},
 * where {@code h = 1e-6·max(1, |x_i|)}. When the function returns a non-scalar, {@code F} is its
 * contraction {@code Σ w ⊙ f(x)} with a fixed random tensor {@code w} (entries of magnitude in
 * [0.5, 1.5], random signs), so that a wrong factor on a single output element cannot cancel out
 * as it could under a plain sum.
 *
 * <p><b>Tolerance.</b> An analytic value {@code a} and a numeric value {@code n} agree when
 * {@code |a − n| ≤ tol·(1 + max(|a|, |n|))}, with {@code tol = 1e-6} by default. The central
 * difference has truncation error {@code h²·|F'''|/6 ≈ 1e-13·|F'''|} and rounding error about
 * {@code ε·|F|/h ≈ 1e-10·|F|} (ε = 2.2e-16), both far below 1e-6 for inputs of order one kept
 * away from kinks and singularities; a wrong factor, a wrong sign or a missing term of relative
 * size above about 1e-6 is caught. Choose inputs away from kinks (relu at 0, clip bounds), ties
 * (max) and poles (log, reciprocal near 0): the check assumes F is smooth within ±h. Keep
 * {@code |F|} below about 1e3 (few, moderate outputs), or the rounding term approaches the bound.
 *
 * <p>The function is always evaluated on graph leaves with recording on, so it may itself take
 * gradients (a gradient penalty as in WGAN-GP) and it must be deterministic. It is called
 * {@code 2·(number of input elements) + 1} times (second order: that many backward passes too),
 * so keep check inputs small.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[] {0.3, -1.2}, 2);
 * GradCheck.check("tanh", xs -> xs.get(0).tanh(), x);
 * GradCheck.checkSecondOrder("exp", xs -> xs.get(0).exp(), x);
 * Variable w = Variable.of("w", Tensor.of(new float[] {0.5f, -1f}, 2));
 * GradCheck.checkVariables("scaled tanh", () -> Value.of(w).mul(Value.constant(x)).tanh(), w);
 * }</pre>
 */
public final class GradCheck {
    /** Default tolerance, see the class comment. */
    public static final double TOLERANCE = 1e-6;
    /** Relative step of the central differences. */
    public static final double STEP = 1e-6;
    /** At most this many mismatches are listed in a failure message. */
    private static final int MAX_LISTED = 8;
    private static final long WEIGHT_SEED = 0x5EED_6AD5L;

    private GradCheck() {}

    /**
     * Checks the first-order gradients of {@code f} with respect to each input.
     *
     * @param name   names the check in failure messages
     * @param f      the function of the inputs (as float64 leaves, in order); not modified
     * @param inputs the points to check at; converted to float64, not modified
     * @throws AssertionError naming input, element, analytic and numeric values on mismatch
     */
    public static void check(String name, Function<List<Value>, Value> f, Tensor... inputs) {
        check(name, TOLERANCE, f, inputs);
    }

    /** {@link #check(String, Function, Tensor...)} with a tolerance of your choosing. */
    public static void check(String name, double tolerance, Function<List<Value>, Value> f, Tensor... inputs) {
        checkScaled(name, tolerance, ones(inputs.length), f, inputs);
    }

    /**
     * For functions that change gradients on purpose ({@link Value#reverseGradient}): checks that the
     * gradient with respect to input {@code k} equals {@code scales[k]} times the central difference.
     * With {@code f(x, w) = g(x.reverseGradient(λ), w)}, or any {@code f} in which every path from
     * {@code x} to the output crosses one reversal, the scales are {@code {−λ, 1}}.
     *
     * @param scales one factor per input (not modified); all ones is {@link #check}
     */
    public static void checkScaled(String name, double[] scales, Function<List<Value>, Value> f, Tensor... inputs) {
        checkScaled(name, TOLERANCE, scales, f, inputs);
    }

    private static void checkScaled(String name, double tolerance, double[] scales, Function<List<Value>, Value> f, Tensor... inputs) {
        checkScales(name, scales, inputs);
        Tensor[] xs = toFloat64(inputs);
        Contraction c = new Contraction(name);
        List<Value> leaves = leaves(xs);
        List<Tensor> analytic = Gradients.of(c.apply(f.apply(leaves)), leaves);
        Failures failures = new Failures(name, tolerance);
        for (int k = 0; k < xs.length; k++) {
            failures.shape(k, xs[k], analytic.get(k));
            Tensor numeric = scaled(numericGradient(xs, k, x -> c.apply(f.apply(leaves(x))).data().getFlat(0)), scales[k]);
            failures.compare(k, xs[k], analytic.get(k), numeric);
        }
        failures.throwIfAny("gradient");
    }

    /**
     * Checks second-order gradients: with {@code G(x)} the first-order gradient of {@code f} (built
     * with {@link Gradients#graph}) and a fixed random direction {@code v}, the gradient of
     * {@code g(x) = Σ_k <G_k(x), v_k>} (a Hessian-vector product) is compared with central
     * differences of {@code g} computed from first-order gradients. It also checks that the
     * graph-mode gradient equals the plain first-order one.
     *
     * @param name   names the check in failure messages
     * @param f      the function of the inputs (as float64 leaves, in order)
     * @param inputs the points to check at; converted to float64, not modified
     */
    public static void checkSecondOrder(String name, Function<List<Value>, Value> f, Tensor... inputs) {
        checkSecondOrderScaled(name, ones(inputs.length), f, inputs);
    }

    /**
     * {@link #checkSecondOrder} for functions that change gradients on purpose: the Hessian-vector
     * product with respect to input {@code j} must equal {@code scales[j]} times the central
     * difference of {@code g}. Valid when an input with a scale other than 1 enters {@code f} only as
     * {@code x.reverseGradient(λ)} (scale −λ): then the first-order gradient graph depends on it only
     * through the reversal too, and every derivative with respect to it is the true one times −λ.
     *
     * @param scales one factor per input (not modified); all ones is {@link #checkSecondOrder}
     */
    public static void checkSecondOrderScaled(String name, double[] scales, Function<List<Value>, Value> f, Tensor... inputs) {
        checkScales(name, scales, inputs);
        Tensor[] xs = toFloat64(inputs);
        Contraction c = new Contraction(name);
        Rng rng = new Rng(WEIGHT_SEED + 1);
        Tensor[] direction = new Tensor[xs.length];
        for (int k = 0; k < xs.length; k++) direction[k] = signedWeights(rng, xs[k].shape());

        List<Value> leaves = leaves(xs);
        Value target = c.apply(f.apply(leaves));
        List<Value> grads = Gradients.graph(target, leaves);
        List<Tensor> plain = Gradients.of(c.apply(f.apply(leaves)), leaves);
        Failures failures = new Failures(name, TOLERANCE);
        for (int k = 0; k < xs.length; k++) failures.compare(k, xs[k], grads.get(k).data(), plain.get(k));
        failures.throwIfAny("graph-mode first-order gradient (vs Gradients.of)");

        Value directional = null;
        for (int k = 0; k < xs.length; k++) {
            Value term = grads.get(k).mul(direction[k]).sum();
            directional = directional == null ? term : directional.add(term);
        }
        List<Tensor> analytic = Gradients.of(directional, leaves);
        for (int k = 0; k < xs.length; k++) {
            failures.shape(k, xs[k], analytic.get(k));
            Tensor numeric = scaled(numericGradient(xs, k, x -> {
                List<Value> l = leaves(x);
                List<Tensor> g = Gradients.of(c.apply(f.apply(l)), l);
                double s = 0;
                for (int j = 0; j < g.size(); j++) s += dot(g.get(j), direction[j]);
                return s;
            }), scales[k]);
            failures.compare(k, xs[k], analytic.get(k), numeric);
        }
        failures.throwIfAny("second-order gradient");
    }

    /**
     * Checks the gradients of {@code f} with respect to variables, as a layer test needs. Each
     * variable is assigned its value as float64 for the check and its original value back after,
     * also on failure; {@code f} must read the variables through {@link Value#of(Variable)} on
     * every call, and anything else it uses must be float64 too.
     *
     * @param name      names the check in failure messages
     * @param f         computes the output from the variables' current values
     * @param variables the variables to differentiate with respect to; restored after the check
     */
    public static void checkVariables(String name, Supplier<Value> f, Variable... variables) {
        checkVariables(name, TOLERANCE, f, variables);
    }

    /** {@link #checkVariables(String, Supplier, Variable...)} with a tolerance of your choosing. */
    public static void checkVariables(String name, double tolerance, Supplier<Value> f, Variable... variables) {
        Tensor[] originals = new Tensor[variables.length];
        for (int k = 0; k < variables.length; k++) originals[k] = variables[k].value().copy();
        try {
            Tensor[] xs = toFloat64(originals);
            for (int k = 0; k < variables.length; k++) variables[k].assign(xs[k]);
            Contraction c = new Contraction(name);
            List<Value> leaves = new ArrayList<>();
            for (Variable v : variables) leaves.add(Value.of(v));
            List<Tensor> analytic = Gradients.of(c.apply(f.get()), leaves);
            Failures failures = new Failures(name, tolerance);
            for (int k = 0; k < xs.length; k++) {
                failures.shape(k, xs[k], analytic.get(k));
                int index = k;
                Tensor numeric = numericGradient(xs, k, x -> {
                    variables[index].assign(x[index]);
                    return c.apply(f.get()).data().getFlat(0);
                });
                variables[k].assign(xs[k]);
                failures.compare(k, xs[k], analytic.get(k), numeric);
            }
            failures.throwIfAny("variable gradient");
        } finally {
            for (int k = 0; k < variables.length; k++) variables[k].assign(originals[k]);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Central differences of {@code F} along every element of input {@code k}. */
    private static Tensor numericGradient(Tensor[] xs, int k, Function<Tensor[], Double> objective) {
        double[] base = xs[k].toDoubleArray();
        double[] out = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            double h = STEP * Math.max(1.0, Math.abs(base[i]));
            out[i] = (objective.apply(perturbed(xs, k, base, i, h)) - objective.apply(perturbed(xs, k, base, i, -h))) / (2 * h);
        }
        return Tensor.of(out, xs[k].shape());
    }

    private static Tensor[] perturbed(Tensor[] xs, int k, double[] base, int i, double delta) {
        double[] v = base.clone();
        v[i] += delta;
        Tensor[] copy = xs.clone();
        copy[k] = Tensor.of(v, xs[k].shape());
        return copy;
    }

    /** {@code t·scale} in double precision. */
    private static Tensor scaled(Tensor t, double scale) {
        double[] v = t.toDoubleArray();
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        return Tensor.of(v, t.shape());
    }

    private static double[] ones(int n) {
        double[] s = new double[n];
        Arrays.fill(s, 1.0);
        return s;
    }

    private static void checkScales(String name, double[] scales, Tensor[] inputs) {
        if (scales.length != inputs.length) {
            throw new IllegalArgumentException("gradcheck " + name + ": " + scales.length + " scales for " + inputs.length + " inputs; give one per input");
        }
    }

    private static Tensor[] toFloat64(Tensor[] inputs) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) xs[k] = inputs[k].toFloat64().copy();
        return xs;
    }

    private static List<Value> leaves(Tensor[] xs) {
        List<Value> out = new ArrayList<>(xs.length);
        for (Tensor x : xs) out.add(Value.leaf(x));
        return out;
    }

    /** Values of magnitude in [0.5, 1.5] with random signs: no element is weighted near zero. */
    private static Tensor signedWeights(Rng rng, int[] shape) {
        double[] w = new double[Tensor.zeros(shape).size()];
        for (int i = 0; i < w.length; i++) w[i] = (rng.nextDouble() < 0.5 ? -1 : 1) * (0.5 + rng.nextDouble());
        return Tensor.of(w, shape);
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) s += a.getFlat(i) * b.getFlat(i);
        return s;
    }

    /** Reduces the function's output to a scalar with weights fixed at the first call. */
    private static final class Contraction {
        private final String name;
        private Tensor weights;

        Contraction(String name) {
            this.name = name;
        }

        Value apply(Value y) {
            if (y.data().dtype() != DType.FLOAT64) {
                throw new AssertionError("gradcheck " + name + ": the function returned " + y.data().dtype() + "; every constant it uses must be float64 (toFloat64())");
            }
            if (y.data().size() == 1) return y.sum();
            if (weights == null) weights = signedWeights(new Rng(WEIGHT_SEED), y.shape());
            if (!Arrays.equals(weights.shape(), y.shape())) {
                throw new AssertionError("gradcheck " + name + ": output shape changed from " + Arrays.toString(weights.shape()) + " to " + Arrays.toString(y.shape()));
            }
            return y.mul(weights).sum();
        }
    }

    /** Collects mismatches and reports them in one message. */
    private static final class Failures {
        private final String name;
        private final double tolerance;
        private final List<String> lines = new ArrayList<>();
        private int count;

        Failures(String name, double tolerance) {
            this.name = name;
            this.tolerance = tolerance;
        }

        void shape(int k, Tensor x, Tensor grad) {
            if (!Arrays.equals(x.shape(), grad.shape())) {
                throw new AssertionError("gradcheck " + name + ": gradient of input " + k + " has shape " + Arrays.toString(grad.shape()) + ", input has " + Arrays.toString(x.shape()));
            }
        }

        void compare(int k, Tensor x, Tensor analytic, Tensor numeric) {
            for (int i = 0; i < x.size(); i++) {
                double a = analytic.getFlat(i), n = numeric.getFlat(i);
                double bound = tolerance * (1 + Math.max(Math.abs(a), Math.abs(n)));
                if (!(Math.abs(a - n) <= bound)) { // also catches NaN
                    if (count++ < MAX_LISTED) {
                        lines.add(String.format("input %d element %d %s (x = %.6g): analytic %.10g, numeric %.10g, |diff| %.3g > %.3g",
                                k, i, Arrays.toString(unravel(i, x.shape())), x.getFlat(i), a, n, Math.abs(a - n), bound));
                    }
                }
            }
        }

        void throwIfAny(String what) {
            if (count == 0) return;
            StringBuilder sb = new StringBuilder("gradcheck " + name + ": " + what + " mismatch at " + count + " element(s)");
            for (String l : lines) sb.append("\n  ").append(l);
            if (count > lines.size()) sb.append("\n  …");
            throw new AssertionError(sb.toString());
        }

        private static int[] unravel(int flat, int[] shape) {
            int[] idx = new int[shape.length];
            for (int a = shape.length - 1; a >= 0; a--) {
                idx[a] = shape[a] == 0 ? 0 : flat % shape[a];
                flat = shape[a] == 0 ? 0 : flat / shape[a];
            }
            return idx;
        }
    }
}
