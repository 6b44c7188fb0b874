package minimax.losses;

import static minimax.losses.LossTesting.gradient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import minimax.autodiff.Value;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import minimax.testing.Points;
import org.junit.jupiter.api.Test;

/**
 * Gradients of every built-in loss: against central differences in double precision at points away
 * from kinks and clip bounds (with respect to predictions and, where the loss is smooth in them,
 * targets), and against values worked out by hand at the special points (kinks, clip bounds, huge
 * logits) where finite differences cannot be used.
 */
class LossGradientTest {
    private static final Tensor TARGET = Points.uniform(1, 4, 3);
    /** Errors with |e| in {0.15 … 2.9}: away from 0 (mae, huber) and from the huber seams at 0.4 and 1. */
    private static final Tensor ERRORS = Tensor.of(new double[] {0.3, -0.5, 1.7, -2.4, 0.15, -1.3, 2.9, 0.8, -0.2, 1.25, -0.75, -1.6}, 4, 3);
    private static final Tensor PREDICTION = TARGET.add(ERRORS);
    private static final Tensor BINARY = Tensor.of(new double[] {1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0}, 4, 3);
    private static final Tensor SOFT = Points.between(5, 0, 1, 4, 3);

    /** Checks the loss with respect to predictions (input 1), the targets held constant. */
    private static void checkPredictions(String name, Loss loss, Tensor yTrue, Tensor yPred) {
        GradCheck.check(name, xs -> loss.compute(Value.constant(yTrue), xs.get(0)), yPred);
    }

    /** Checks the loss with respect to both targets (input 0) and predictions (input 1). */
    private static void checkBoth(String name, Loss loss, Tensor yTrue, Tensor yPred) {
        GradCheck.check(name, xs -> loss.compute(xs.get(0), xs.get(1)), yTrue, yPred);
    }

    @Test
    void regressionLossesMatchFiniteDifferences() {
        checkBoth("mse", Losses.mse(), TARGET, Points.uniform(2, 4, 3));
        checkBoth("mae", Losses.mae(), TARGET, PREDICTION);
        checkBoth("huber δ=1 (both sides)", Losses.huber(), TARGET, PREDICTION);
        checkBoth("huber δ=0.4 (both sides)", Losses.huber(0.4f), TARGET, PREDICTION);
        checkBoth("inverse_mse ε=1e-7", Losses.inverseMse(), TARGET, PREDICTION);
        checkBoth("inverse_mse ε=1e-3", Losses.inverseMse(1e-3f), TARGET, PREDICTION);
        checkBoth("inverse_mse ε=0.5", Losses.inverseMse(0.5f), TARGET, PREDICTION);
    }

    @Test
    void crossentropiesMatchFiniteDifferences() {
        Tensor probabilities = Points.between(2, 0.05, 0.95, 4, 3);
        // logits with |x| in [0.2, 4.2): away from the kinks of max(x, 0) and |x| at 0
        Tensor logits = Points.awayFromZero(3, 0.05, 4, 3).mul(4f);
        Tensor oneHot = Tensor.of(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 4, 3);
        checkPredictions("bce, binary labels", Losses.binaryCrossentropy(), BINARY, probabilities);
        checkBoth("bce, soft labels", Losses.binaryCrossentropy(), SOFT, probabilities);
        checkPredictions("bce from logits, binary labels", Losses.binaryCrossentropy(true), BINARY, logits);
        checkBoth("bce from logits, soft labels", Losses.binaryCrossentropy(true), SOFT, logits);
        // unnormalized rows in [0.5, 2): the gradient goes through the renormalization too
        checkPredictions("cce, one-hot labels", Losses.categoricalCrossentropy(), oneHot, Points.positive(4, 4, 3));
        checkBoth("cce, soft labels", Losses.categoricalCrossentropy(), SOFT, Points.positive(4, 4, 3));
        checkPredictions("cce from logits, one-hot labels", Losses.categoricalCrossentropy(true), oneHot, Points.uniform(6, 4, 3).mul(3f));
        checkBoth("cce from logits, soft labels", Losses.categoricalCrossentropy(true), SOFT, Points.uniform(6, 4, 3).mul(3f));
    }

    @Test
    void hingeMatchesFiniteDifferencesAwayFromTheMargin() {
        // p = ±(1 + o) with the label's sign: the margin 1 − y·p = −o, and |o| ≥ 0.1 keeps it off the kink;
        // o < 0 makes an element active, o > 0 inactive, so both occur
        Tensor signs = BINARY.mul(2f).sub(1f);
        Tensor prediction = signs.mul(Points.awayFromZero(7, 0.1, 4, 3).add(1f));
        checkPredictions("hinge, {0, 1} labels", Losses.hinge(), BINARY, prediction);
        checkPredictions("hinge, {−1, 1} labels", Losses.hinge(), signs, prediction);
    }

    @Test
    void smoothLossesHaveCorrectSecondOrderGradients() {
        // a gradient penalty differentiates a gradient; these losses have no kinks at these points
        GradCheck.checkSecondOrder("mse", xs -> Losses.mse().compute(Value.constant(TARGET), xs.get(0)), Points.uniform(2, 4, 3));
        GradCheck.checkSecondOrder("bce", xs -> Losses.binaryCrossentropy().compute(Value.constant(SOFT), xs.get(0)), Points.between(2, 0.05, 0.95, 4, 3));
        GradCheck.checkSecondOrder("bce from logits", xs -> Losses.binaryCrossentropy(true).compute(Value.constant(SOFT), xs.get(0)), Points.awayFromZero(3, 0.05, 4, 3));
        GradCheck.checkSecondOrder("cce from logits", xs -> Losses.categoricalCrossentropy(true).compute(Value.constant(SOFT), xs.get(0)), Points.uniform(6, 4, 3));
        GradCheck.checkSecondOrder("inverse_mse", xs -> Losses.inverseMse(0.5f).compute(Value.constant(TARGET), xs.get(0)), PREDICTION);
    }

    @Test
    void regressionGradientsByHand() {
        // mse: 2e / n with e = [1, −3], n = 2 → [1, −3]
        assertArrayEquals(new float[] {1, -3}, gradient(Losses.mse(), new float[] {0, 0}, new float[] {1, -3}, 2), 0f);
        // mae: sign(e) / n, and 0 at e = 0 (TensorFlow's sign(0) = 0): [1/3, −1/3, 0]
        assertArrayEquals(new float[] {1f / 3, -1f / 3, 0}, gradient(Losses.mae(), new float[] {0, 0, 0}, new float[] {2, -0.5f, 0}, 3), 1e-7f);
        // huber δ = 1, n = 4: e / n inside, δ·sign(e) / n outside, δ / n at the seam e = δ (both sides agree), 0 at e = 0
        assertArrayEquals(new float[] {0.125f, -0.25f, 0.25f, 0}, gradient(Losses.huber(), new float[] {0, 0, 0, 0}, new float[] {0.5f, -3, 1, 0}, 4), 0f);
        // huber δ = 0.5 beyond the seam: 0.5·sign(e) / 2 = ±0.25
        assertArrayEquals(new float[] {0.25f, -0.25f}, gradient(Losses.huber(0.5f), new float[] {0, 0}, new float[] {3, -3}, 2), 0f);
    }

    @Test
    void inverseMseGradientByHand() {
        // d/dp 1/(e² + ε) = −2e / (e² + ε)²; ε = 0.5, n = 2: e = 0 → 0 (the loss peaks there); e = 1 → −2/2.25/2 = −4/9
        assertArrayEquals(new float[] {0, -4f / 9}, gradient(Losses.inverseMse(0.5f), new float[] {0, 0}, new float[] {0, 1}, 2), 1e-7f);
        // the default ε = 1e-7 where the prediction meets the target: a finite value, zero slope
        assertArrayEquals(new float[] {0}, gradient(Losses.inverseMse(), new float[] {0.25f}, new float[] {0.25f}, 1), 0f);
    }

    @Test
    void hingeGradientByHand() {
        // labels {1, 0} → {1, −1}; −y / n where 1 − y·p > 0, else 0; p = 0.3, 0.4 active, 2, −3 inactive: [−¼, ¼, 0, 0]
        assertArrayEquals(new float[] {-0.25f, 0.25f, 0, 0}, gradient(Losses.hinge(), new float[] {1, 0, 1, 0}, new float[] {0.3f, 0.4f, 2, -3}, 4), 0f);
    }

    @Test
    void binaryCrossentropyGradientIsZeroOutsideTheClipRange() {
        // As TensorFlow's clip_by_value: no gradient where the prediction was clipped, so a prediction of
        // exactly 0 or 1 (or beyond) is stuck, whichever its label. n = 6 below.
        float[] labels = {1, 0, 1, 0, 1, 0};
        float[] predictions = {0, 1, -0.5f, 1.5f, 0, 1};
        assertArrayEquals(new float[6], gradient(Losses.binaryCrossentropy(), labels, predictions, 6), 0f);
        // inside, d/dp of −[y·log p + (1 − y)·log(1 − p)] = −y/p + (1 − y)/(1 − p): p = 0.5, y = 1 → −2 / 2 = −1
        assertArrayEquals(new float[] {-1, 1}, gradient(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {0.5f, 0.5f}, 2), 1e-7f);
    }

    @Test
    void binaryCrossentropyGradientPassesOnTheClipBounds() {
        // TensorFlow's rule passes the gradient where low ≤ p ≤ high, bounds included:
        // p = 1e-7f, y = 1 → −1/p = −9999999.88; p = 1 − 2⁻²³, y = 0 → 1/(1 − p) = 2²³ = 8388608
        double low = 1e-7f, high = 1f - 1e-7f;
        float[] g = gradient(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {1e-7f, 1f - 1e-7f}, 2);
        assertEquals(-1 / low / 2, g[0], 1e-6 * 1e7);
        assertEquals(1 / (1 - high) / 2, g[1], 1e-6 * 1e7);
    }

    @Test
    void categoricalCrossentropyGradientByHand() {
        // loss = −log(p₀ / S) with S = Σ p: ∂/∂pⱼ = −[j = 0]/p₀ + 1/S; p = [0.5, 0.25, 0.25], S = 1 → [−1, 1, 1]
        assertArrayEquals(new float[] {-1, 1, 1}, gradient(Losses.categoricalCrossentropy(), new float[] {1, 0, 0}, new float[] {0.5f, 0.25f, 0.25f}, 1, 3), 1e-6f);
        // the true class clipped (probability 0): no gradient at all, as in TensorFlow
        assertArrayEquals(new float[3], gradient(Losses.categoricalCrossentropy(), new float[] {0, 1, 0}, new float[] {0.5f, 0, 0.5f}, 1, 3), 0f);
    }

    @Test
    void binaryCrossentropyFromLogitsGradientIsSigmoidMinusLabel() {
        Loss bce = Losses.binaryCrossentropy(true);
        // ∂/∂x = (σ(x) − y) / n. At x = 0 exactly (a zero-initialized output layer) σ(0) = 0.5:
        // y = 0, 1, 0.5 → [0.5, −0.5, 0] / 3. The formula max(x, 0) − x·y + log(1 + e^−|x|) has kinks at 0
        // that must cancel: the subgradients of max and |x| have to be taken on the same side, as TensorFlow's where(x ≥ 0) does.
        assertArrayEquals(new float[] {0.5f / 3, -0.5f / 3, 0}, gradient(bce, new float[] {0, 1, 0.5f}, new float[] {0, 0, 0}, 3), 1e-7f);
        // huge logits: σ(100) − 0 = 1 and σ(−100) − 1 = −1, over n = 2; finite, no NaN
        assertArrayEquals(new float[] {0.5f, -0.5f}, gradient(bce, new float[] {0, 1}, new float[] {100, -100}, 2), 0f);
        // right by far: σ(100) − 1 = −3.7e-44, zero to any tolerance
        assertArrayEquals(new float[] {0, 0}, gradient(bce, new float[] {1, 0}, new float[] {100, -100}, 2), 1e-30f);
        assertArrayEquals(new float[] {1}, gradient(bce, new float[] {0}, new float[] {1e20f}, 1), 0f);
    }

    @Test
    void categoricalCrossentropyFromLogitsGradientIsSoftmaxMinusLabel() {
        Loss cce = Losses.categoricalCrossentropy(true);
        // (softmax(x) − y) / rows. Logits [0, 0, 0], class 2: [⅓, ⅓, −⅔]
        assertArrayEquals(new float[] {1f / 3, 1f / 3, -2f / 3}, gradient(cce, new float[] {0, 0, 1}, new float[] {0, 0, 0}, 1, 3), 1e-7f);
        // logits [1000, 0, −1000], class 1: softmax = [1, 0, 0] → [1, −1, 0]; e¹⁰⁰⁰ never formed
        assertArrayEquals(new float[] {1, -1, 0}, gradient(cce, new float[] {0, 1, 0}, new float[] {1000, 0, -1000}, 1, 3), 0f);
    }
}
