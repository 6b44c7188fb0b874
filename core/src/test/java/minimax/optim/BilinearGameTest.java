package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The bilinear game {@code f(x, y) = xᵀy}, x ∈ R^d minimizing and y ∈ R^d maximizing, equilibrium
 * (0, 0), played simultaneously with gradients from autodiff: plain gradient descent–ascent spirals
 * outwards, optimistic gradient converges, both at the rates the closed forms predict.
 *
 * <p>Each pair (x_k, y_k) moves as one complex number {@code z = x_k + i·y_k}, and all pairs by the
 * same linear map, so the norm of (x, y) relative to the start follows a scalar recurrence
 * (golden_values.py, {@code bilinear_rates}):
 * <ul>
 *   <li>SGD: {@code z ← z·(1 + iη)}, so the norm grows by exactly {@code √(1 + η²)} per step;</li>
 *   <li>OptimisticSGD (first step plain): {@code z_{t+1} = z_t + iη·(2z_t − z_{t−1})}, so
 *       {@code z_t = z_0·(a·λ+^t + b·λ−^t)} with {@code λ± = ((1 ± s)/2) + iη},
 *       {@code s = √(1 − 4η²)}, {@code a = (1 + s)/2s}, {@code b = (s − 1)/2s} for η &lt; 1/2; the norm
 *       shrinks by {@code |λ+| = √((1 + s)/2)} per step (0.97891 for η = 0.2: below 1e-3 of the
 *       start after 327 steps; 0.99494 for η = 0.1: 1363 steps).</li>
 * </ul>
 */
class BilinearGameTest {
    /** Float32 rounding accumulates over a run; relative to the closed form, per step. */
    private static final double DRIFT_PER_STEP = 2e-7;

    /** One simultaneous move: both gradients at the current point, then both updates. */
    private static void play(Variable x, Variable y, Optimizer minimizer, Optimizer maximizer) {
        Value f = Value.of(x).mul(Value.of(y)).sum();
        List<Tensor> g = Gradients.of(f, List.of(Value.of(x), Value.of(y)));   // (y, x)
        minimizer.apply(List.of(g.get(0)), List.of(x));
        maximizer.apply(List.of(g.get(1)), List.of(y));
    }

    private static double norm(Variable x, Variable y) {
        double s = 0;
        for (float v : x.value().toArray()) s += (double) v * v;
        for (float v : y.value().toArray()) s += (double) v * v;
        return Math.sqrt(s);
    }

    private static Variable start(Rng rng, String name, int d) {
        return Variable.of(name, Tensor.normal(rng, 0f, 1f, d));
    }

    @Property(tries = 40)
    void simultaneousSgdSpiralsOutwardByExactlySqrtOnePlusEtaSquaredPerStep(@ForAll @DoubleRange(min = 0.01, max = 1) double lr,
                                                                             @ForAll @IntRange(min = 1, max = 5) int d, @ForAll long seed) {
        Rng rng = new Rng(seed);
        Variable x = start(rng, "x", d), y = start(rng, "y", d);
        Optimizer descent = new SGD(lr), ascent = new SGD(lr).maximize();
        double eta = (float) lr;                 // the rate the optimizer uses, in float32
        double r0 = norm(x, y), previous = r0;
        for (int t = 1; t <= 100; t++) {
            play(x, y, descent, ascent);
            double r = norm(x, y);
            assertTrue(r > previous, "step " + t + ": the norm must grow, went from " + previous + " to " + r);
            double expected = r0 * Math.pow(1 + eta * eta, t / 2.0);
            assertEquals(expected, r, expected * DRIFT_PER_STEP * (t + 5), "step " + t + " at lr " + lr);
            previous = r;
        }
    }

    /** |a·λ+^t + b·λ−^t| for t = 0..steps: the optimistic game's norm relative to the start. */
    private static double[] optimisticClosedForm(double eta, int steps) {
        double s = Math.sqrt(1 - 4 * eta * eta);
        double a = (1 + s) / (2 * s), b = (s - 1) / (2 * s);
        double[] out = new double[steps + 1];
        double pr = 1, pi = 0, mr = 1, mi = 0;   // λ+^t and λ−^t
        for (int t = 0; t <= steps; t++) {
            out[t] = Math.hypot(a * pr + b * mr, a * pi + b * mi);
            double re = (1 + s) / 2, im = eta;
            double npr = pr * re - pi * im, npi = pr * im + pi * re;
            re = (1 - s) / 2;
            double nmr = mr * re - mi * im, nmi = mr * im + mi * re;
            pr = npr; pi = npi; mr = nmr; mi = nmi;
        }
        return out;
    }

    /** Steps until the closed form is below 1e-3: log(1e-3/a) / log|λ+|, rounded up. */
    private static int stepsToOneThousandth(double eta) {
        double s = Math.sqrt(1 - 4 * eta * eta);
        return (int) Math.ceil(Math.log(1e-3 * 2 * s / (1 + s)) / Math.log(Math.sqrt((1 + s) / 2)));
    }

    @Test
    void stepsToOneThousandthMatchTheDocumentedCounts() {
        assertEquals(327, stepsToOneThousandth((float) 0.2));
        assertEquals(1363, stepsToOneThousandth((float) 0.1));
    }

    @Property(tries = 25)
    void optimisticGradientConvergesAtTheClosedFormRate(@ForAll("rates") double lr, @ForAll @IntRange(min = 1, max = 5) int d, @ForAll long seed) {
        Rng rng = new Rng(seed);
        Variable x = start(rng, "x", d), y = start(rng, "y", d);
        Optimizer descent = new OptimisticSGD(lr), ascent = new OptimisticSGD(lr).maximize();
        double eta = (float) lr;
        int steps = stepsToOneThousandth(eta) + 1;   // one step of slack for float32 rounding
        double[] expected = optimisticClosedForm(eta, steps);
        double r0 = norm(x, y), largest = 0;
        for (int t = 1; t <= steps; t++) {
            play(x, y, descent, ascent);
            double ratio = norm(x, y) / r0;
            largest = Math.max(largest, ratio);
            assertEquals(expected[t], ratio, expected[t] * DRIFT_PER_STEP * (t + 5), "step " + t + " at lr " + lr);
        }
        assertTrue(norm(x, y) < 1e-3 * r0, "after " + steps + " steps at lr " + lr + " the norm is " + norm(x, y) / r0 + " of the start");
        // the first (plain) step grows like SGD's, by √(1 + η²); no later step goes beyond it
        assertTrue(largest <= Math.sqrt(1 + eta * eta) * (1 + 1e-6), "grew to " + largest + " of the start at lr " + lr);
    }

    /** Rates below 1/2, where the closed form above holds (OGDA converges for every η < 1/√3). */
    @Provide
    Arbitrary<Double> rates() {
        return Arbitraries.of(0.05, 0.1, 0.2, 0.3, 0.45);
    }

    /** The maximizing player with maximize() on ∂f/∂y follows, bit for bit, the player minimizing −f. */
    @Property(tries = 60)
    void maximizingFEqualsMinimizingMinusFBitForBit(@ForAll @DoubleRange(min = 0.01, max = 0.5) double lr, @ForAll @IntRange(min = 1, max = 4) int d,
                                                    @ForAll boolean weightDecay, @ForAll boolean clip, @ForAll long seed) {
        Rng rng = new Rng(seed);
        Variable x1 = start(rng, "x", d), y1 = start(rng, "y", d);
        Variable x2 = Variable.of("x", x1.value()), y2 = Variable.of("y", y1.value());
        Optimizer min1 = new OptimisticSGD(lr), max1 = extras(new OptimisticSGD(lr), weightDecay, clip).maximize();
        Optimizer min2 = new OptimisticSGD(lr), minOfNegated = extras(new OptimisticSGD(lr), weightDecay, clip);
        for (int t = 0; t < 30; t++) {
            play(x1, y1, min1, max1);
            Value f = Value.of(x2).mul(Value.of(y2)).sum();
            Tensor gx = Gradients.of(f, List.of(Value.of(x2))).get(0);
            Tensor gyOfNegated = Gradients.of(f.neg(), List.of(Value.of(y2))).get(0);
            min2.apply(List.of(gx), List.of(x2));
            minOfNegated.apply(List.of(gyOfNegated), List.of(y2));
            assertEquals(x2.value(), x1.value(), "x at step " + t);
            assertEquals(y2.value(), y1.value(), "y at step " + t);
        }
        assertEquals(minOfNegated.state(List.of(y2)), max1.state(List.of(y1)));
    }

    private static Optimizer extras(Optimizer o, boolean weightDecay, boolean clip) {
        if (weightDecay) o.weightDecay(0.1);
        if (clip) o.clipnorm(0.5);
        return o;
    }
}
