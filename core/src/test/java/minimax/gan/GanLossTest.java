package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import minimax.autodiff.Value;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each GAN loss family on hand-computed values, its gradients, names and configs. */
class GanLossTest {
    private static Value scores(double... v) {
        return Value.constant(Tensor.of(v, v.length, 1));
    }

    private static double d(GanLoss l, double[] real, double[] fake) {
        return l.discriminatorLoss(scores(real), scores(fake)).data().getFlat(0);
    }

    private static double g(GanLoss l, double... fake) {
        return l.generatorLoss(scores(fake)).data().getFlat(0);
    }

    private static final double[] REAL_P = {0.8, 0.6}, FAKE_P = {0.3, 0.1};
    private static final double[] REAL = {0.5, 2}, FAKE = {-1, 0.25};

    @Test
    void nonSaturatingOnProbabilities() {
        // D: -(ln .8 + ln .6)/2 - (ln .7 + ln .9)/2 ; G: -(ln .3 + ln .1)/2
        assertEquals(0.5980023173383796, d(GanLoss.NON_SATURATING, REAL_P, FAKE_P), 1e-12);
        assertEquals(1.753278948659991, g(GanLoss.NON_SATURATING, FAKE_P), 1e-12);
        assertFalse(GanLoss.NON_SATURATING.generatorMaximizes());
    }

    @Test
    void minimaxGeneratorMaximizesTheDiscriminatorsFakeTerm() {
        assertEquals(0.5980023173383796, d(GanLoss.MINIMAX, REAL_P, FAKE_P), 1e-12);
        assertEquals(0.23101772979827936, g(GanLoss.MINIMAX, FAKE_P), 1e-12); // -(ln .7 + ln .9)/2
        assertTrue(GanLoss.MINIMAX.generatorMaximizes());
    }

    @Test
    void labelSmoothingLowersTheRealTarget() {
        // real target 0.9: -(0.9 ln .8 + 0.1 ln .2 + 0.9 ln .6 + 0.1 ln .4)/2 + the fake term
        assertEquals(0.6875902907997823, d(GanLoss.NON_SATURATING.withLabelSmoothing(0.1), REAL_P, FAKE_P), 1e-12);
        assertEquals(1.753278948659991, g(GanLoss.NON_SATURATING.withLabelSmoothing(0.1), FAKE_P), 1e-12, "G's target is not smoothed");
    }

    @Test
    void fromLogitsReadsLogits() {
        double[] real = {1.5, -0.5}, fake = {-2.0, 0.25};
        assertEquals(1.0641788465423376, d(GanLoss.NON_SATURATING.fromLogits(), real, fake), 1e-12);
        assertEquals(1.3514337154609082, g(GanLoss.NON_SATURATING.fromLogits(), fake), 1e-12);
    }

    @Test
    void leastSquaresDefaultsAndCustomTargets() {
        // D = ½·mean((.5−1)², (2−1)²) + ½·mean((−1−0)², (.25−0)²) = .3125 + .265625
        assertEquals(0.578125, d(GanLoss.LEAST_SQUARES, REAL, FAKE), 1e-12);
        assertEquals(1.140625, g(GanLoss.LEAST_SQUARES, FAKE), 1e-12); // ½·mean(4, .5625)
        GanLoss custom = GanLoss.leastSquares(-1, 1, 0);
        assertEquals(0.703125, d(custom, REAL, FAKE), 1e-12); // .3125 + ½·mean(0, 1.5625)
        assertEquals(0.265625, g(custom, FAKE), 1e-12);      // ½·mean(1, .0625)
    }

    @Test
    void leastSquaresAscentVariantsKeepTheDiscriminatorAndFlipTheGenerator() {
        GanLoss maximizing = GanLoss.leastSquaresMaximizing(0, 1), negated = GanLoss.leastSquaresNegated(0, 1);
        assertEquals(0.578125, d(maximizing, REAL, FAKE), 1e-12, "D as in LEAST_SQUARES");
        assertEquals(0.578125, d(negated, REAL, FAKE), 1e-12);
        assertEquals(0.265625, g(maximizing, FAKE), 1e-12); // D's fake term ½·mean((−1)², .25²), to maximize
        assertEquals(-0.265625, g(negated, FAKE), 1e-12);   // its negation, to minimize
        assertTrue(maximizing.generatorMaximizes());
        assertFalse(negated.generatorMaximizes());
        assertEquals(0.390625, g(GanLoss.leastSquaresMaximizing(-1, 1), FAKE), 1e-12); // a = −1: ½·mean(0, 1.25²)
    }

    @Test
    void maximizingTheFakeTermEqualsMinimizingItsNegationBitForBit() {
        GanTrainer up = GanTrainerTest.builder(GanLoss.leastSquaresMaximizing(0, 1), "linear").build();
        GanTrainer down = GanTrainerTest.builder(GanLoss.leastSquaresNegated(0, 1), "linear").build();
        assertTrue(up.generatorOptimizer().isMaximizing(), "build() sets maximize for the maximizing variant");
        assertFalse(down.generatorOptimizer().isMaximizing());
        Tensor real = GanTrainerTest.realData();
        up.fit(real, 5, 32);
        down.fit(real, 5, 32);
        assertEquals(up.generator().getWeights(), down.generator().getWeights());
        assertEquals(up.discriminator().getWeights(), down.discriminator().getWeights());
        assertEquals(up.history().column("g_loss")[4], -down.history().column("g_loss")[4], "the reported losses differ only in sign");
    }

    @Test
    void wassersteinScoreGapAndPenaltyWeight() {
        assertEquals(-1.625, d(GanLoss.WASSERSTEIN_GP, REAL, FAKE), 1e-12); // −.375 − 1.25
        assertEquals(0.375, g(GanLoss.WASSERSTEIN_GP, FAKE), 1e-12);
        assertEquals(10.0, GanLoss.WASSERSTEIN_GP.gradientPenaltyWeight());
        assertEquals(2.5, GanLoss.wassersteinGp(2.5).gradientPenaltyWeight());
        assertEquals(0.0, GanLoss.HINGE.gradientPenaltyWeight());
    }

    @Test
    void hinge() {
        assertEquals(0.875, d(GanLoss.HINGE, REAL, FAKE), 1e-12); // mean(.5, 0) + mean(0, 1.25)
        assertEquals(0.375, g(GanLoss.HINGE, FAKE), 1e-12);
    }

    @TestFactory
    Stream<DynamicTest> gradientsMatchFiniteDifferences() {
        Tensor realP = Tensor.of(new double[] {0.8, 0.55, 0.3}, 3, 1), fakeP = Tensor.of(new double[] {0.35, 0.1, 0.7}, 3, 1);
        Tensor real = Tensor.of(new double[] {0.5, 2, -0.3}, 3, 1), fake = Tensor.of(new double[] {-1.2, 0.25, 0.6}, 3, 1);
        return Stream.of(
                check("non-saturating", GanLoss.NON_SATURATING, realP, fakeP),
                check("minimax", GanLoss.MINIMAX, realP, fakeP),
                check("smoothed", GanLoss.NON_SATURATING.withLabelSmoothing(0.2), realP, fakeP),
                check("from logits", GanLoss.NON_SATURATING.fromLogits(), real, fake),
                check("least squares", GanLoss.leastSquares(-1, 1, 0.5), real, fake),
                check("least squares, maximizing", GanLoss.leastSquaresMaximizing(-1, 1), real, fake),
                check("least squares, negated", GanLoss.leastSquaresNegated(-1, 1), real, fake),
                check("wgan", GanLoss.WASSERSTEIN_GP, real, fake),
                check("hinge", GanLoss.HINGE, real, fake));
    }

    private static DynamicTest check(String name, GanLoss loss, Tensor real, Tensor fake) {
        BiFunction<Value, Value, Value> both = (r, f) -> loss.discriminatorLoss(r, f).add(loss.generatorLoss(f).mul(0.5f));
        return DynamicTest.dynamicTest(name, () -> GradCheck.check(name, xs -> both.apply(xs.get(0), xs.get(1)), real, fake));
    }

    @Test
    void namesAndConfigsRoundTrip() {
        assertEquals(List.of("non-saturating", "minimax", "least-squares", "wgan-gp", "hinge"), GanLoss.names());
        for (GanLoss l : List.of(GanLoss.MINIMAX, GanLoss.NON_SATURATING.fromLogits().withLabelSmoothing(0.1), GanLoss.leastSquares(-1, 1, 0),
                GanLoss.leastSquaresMaximizing(-1, 1), GanLoss.leastSquaresNegated(0, 1), GanLoss.wassersteinGp(5), GanLoss.HINGE)) {
            GanLoss back = GanLoss.fromConfig(l.config());
            assertEquals(l.config(), back.config());
            assertEquals(d(l, REAL_P, FAKE_P), d(back, REAL_P, FAKE_P));
        }
        assertEquals(GanLoss.HINGE, GanLoss.byName("hinge"));
    }

    @Test
    void clearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanLoss.byName("wgan"));
        assertTrue(e.getMessage().contains("unknown GAN loss 'wgan'") && e.getMessage().contains("wgan-gp"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GanLoss.LEAST_SQUARES.withLabelSmoothing(0.1));
        assertTrue(e.getMessage().contains("leastSquares(a, b, c)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GanLoss.HINGE.fromLogits());
        assertThrows(IllegalArgumentException.class, () -> GanLoss.NON_SATURATING.withLabelSmoothing(1.0));
        assertThrows(IllegalArgumentException.class, () -> GanLoss.wassersteinGp(-1));
        assertThrows(IllegalArgumentException.class, () -> GanLoss.leastSquares(Double.NaN, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> GanLoss.leastSquaresMaximizing(0, Double.POSITIVE_INFINITY));
        Map<String, Object> config = new java.util.LinkedHashMap<>(GanLoss.leastSquaresNegated(0, 1).config());
        config.put("generator", "descend");
        e = assertThrows(IllegalArgumentException.class, () -> GanLoss.fromConfig(config));
        assertTrue(e.getMessage().contains("'maximize' or 'minimize-negated', got descend"), e.getMessage());
    }
}
