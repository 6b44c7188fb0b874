package minimax.losses;

import static minimax.losses.LossTesting.gradient;
import static minimax.losses.LossTesting.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import minimax.autodiff.Value;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import minimax.testing.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Composition of losses: {@code negate()} (gradient ascent by sign flip) is exact to the bit in value
 * and gradient, {@code scale(w)} and {@code plus(other)} compute what they say, and the names say
 * what was built.
 */
class LossCompositionTest {
    /** A loss with inputs it is meant for, including clipped, inactive and zero-error elements. */
    record Case(Loss loss, float[] yTrue, float[] yPred) {
        @Override
        public String toString() {
            return loss.name();
        }
    }

    private static final float[] TARGETS = {0.1f, 0.7f, 0.3f, -1, 2, 0.5f};
    private static final float[] PREDICTIONS = {0.4f, 0.2f, 0.9f, -1, 0.5f, 3};
    private static final float[] BINARY = {1, 0, 1, 0, 1, 0};
    private static final float[] ONE_HOT = {0, 1, 0, 1, 0, 0};

    static Stream<Case> everyBuiltin() {
        return Stream.of(
                new Case(Losses.mse(), TARGETS, PREDICTIONS),
                new Case(Losses.mae(), TARGETS, PREDICTIONS),
                new Case(Losses.huber(), TARGETS, PREDICTIONS),
                new Case(Losses.huber(0.5f), TARGETS, PREDICTIONS),
                new Case(Losses.inverseMse(), TARGETS, PREDICTIONS),
                new Case(Losses.inverseMse(0.5f), TARGETS, PREDICTIONS),
                new Case(Losses.binaryCrossentropy(), BINARY, new float[] {0.4f, 0.2f, 0.9f, 0, 1, 0.6f}),
                new Case(Losses.binaryCrossentropy(true), BINARY, new float[] {0.4f, -2, 0, 100, -100, 3}),
                new Case(Losses.categoricalCrossentropy(), ONE_HOT, new float[] {0.4f, 0.2f, 0.9f, 0, 1, 0.6f}),
                new Case(Losses.categoricalCrossentropy(true), ONE_HOT, new float[] {0.4f, -2, 0, 100, -100, 3}),
                new Case(Losses.hinge(), BINARY, new float[] {0.4f, -2, 0, 100, -100, 3}));
    }

    @ParameterizedTest
    @MethodSource("everyBuiltin")
    void negateIsExactInValueAndGradient(Case c) {
        Loss negated = c.loss().negate();
        float plain = value(c.loss(), c.yTrue(), c.yPred(), 2, 3);
        assertEquals(-plain, value(negated, c.yTrue(), c.yPred(), 2, 3), 0f);
        // IEEE negation is exact and every step of the backward pass is odd in the seed (products and
        // sums of negated terms round to the negated result), so the gradients are negated bit for bit,
        // up to the sign of a zero (an element with no gradient, e.g. clipped, is +0 in both)
        float[] g = gradient(c.loss(), c.yTrue(), c.yPred(), 2, 3);
        float[] negatedGradient = gradient(negated, c.yTrue(), c.yPred(), 2, 3);
        for (int i = 0; i < g.length; i++) {
            int element = i;
            assertTrue(-g[i] == negatedGradient[i] && (g[i] == 0 || Float.floatToRawIntBits(-g[i]) == Float.floatToRawIntBits(negatedGradient[i])),
                    () -> c + ": element " + element + ": " + Arrays.toString(g) + " vs " + Arrays.toString(negatedGradient));
        }
        // and negating twice gives the loss back exactly
        assertEquals(plain, value(negated.negate(), c.yTrue(), c.yPred(), 2, 3), 0f);
        assertEquals("-" + c.loss().name(), negated.name());
    }

    @ParameterizedTest
    @MethodSource("everyBuiltin")
    void scaleMultipliesValueAndGradient(Case c) {
        float plain = value(c.loss(), c.yTrue(), c.yPred(), 2, 3);
        float[] g = gradient(c.loss(), c.yTrue(), c.yPred(), 2, 3);
        for (float w : new float[] {3f, 0.5f, -2f, 0.1f}) {
            // one float32 product of the scalar loss: exact to the rounding of v·w
            assertEquals(plain * w, value(c.loss().scale(w), c.yTrue(), c.yPred(), 2, 3), 0f, c + " scaled by " + w);
            float[] scaled = gradient(c.loss().scale(w), c.yTrue(), c.yPred(), 2, 3);
            for (int i = 0; i < g.length; i++) {
                // w enters the backward pass at the seed instead of at the end: a few float32 roundings apart
                // (plus an absolute floor for subnormal gradients such as σ(−100))
                assertEquals(w * g[i], scaled[i], 1e-6f * Math.abs(w * g[i]) + 1e-37f, c + " scaled by " + w + ", element " + i);
            }
        }
    }

    @Test
    void scaleByMinusOneIsNegate() {
        Loss viaScale = Losses.binaryCrossentropy().scale(-1f);
        assertEquals("-binary_crossentropy", viaScale.name());
        float[] y = {1, 0}, p = {0.3f, 0.8f};
        assertEquals(value(Losses.binaryCrossentropy().negate(), y, p, 2), value(viaScale, y, p, 2), 0f);
        assertArrayEquals(gradient(Losses.binaryCrossentropy().negate(), y, p, 2), gradient(viaScale, y, p, 2), 0f);
    }

    @Test
    void scaleRefusesNonFiniteWeights() {
        for (float w : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.mse().scale(w));
            assertTrue(e.getMessage().contains("finite") && e.getMessage().contains(Float.toString(w)), e.getMessage());
        }
    }

    @Test
    void plusAddsValuesAndGradients() {
        // mse and mae of errors [1, 2] (n = 2): (1 + 4)/2 = 2.5 and (1 + 2)/2 = 1.5; sum 4
        float[] y = {1, 2}, p = {2, 4};
        assertEquals(4f, value(Losses.mse().plus(Losses.mae()), y, p, 2), 0f);
        // gradients 2e/n + sign(e)/n = [1 + 0.5, 2 + 0.5]
        assertArrayEquals(new float[] {1.5f, 2.5f}, gradient(Losses.mse().plus(Losses.mae()), y, p, 2), 0f);
        // a custom lambda composes like a built-in: mse + Σ p = 2.5 + 6
        Loss custom = (yTrue, yPred) -> yPred.sum();
        assertEquals(8.5f, value(Losses.mse().plus(custom), y, p, 2), 0f);
        assertEquals("mse+custom", Losses.mse().plus(custom).name());
    }

    @Test
    void compositesMatchFiniteDifferences() {
        Tensor labels = Tensor.of(new double[] {1, 0, 1, 0, 0, 1}, 2, 3);
        Loss game = Losses.binaryCrossentropy().negate().plus(Losses.mse().scale(0.5f)).plus(Losses.inverseMse(0.5f).scale(-3f));
        GradCheck.check(game.name(), xs -> game.compute(Value.constant(labels), xs.get(0)), Points.between(11, 0.05, 0.95, 2, 3));
    }

    @Test
    void namesShowTheStructure() {
        assertEquals("-mse", Losses.mse().negate().name());
        assertEquals("--mse", Losses.mse().negate().negate().name());
        assertEquals("2.0*mse", Losses.mse().scale(2f).name());
        assertEquals("mse+mae", Losses.mse().plus(Losses.mae()).name());
        assertEquals("mse+-mae", Losses.mse().plus(Losses.mae().negate()).name());
        assertEquals("-binary_crossentropy_from_logits", Losses.binaryCrossentropy(true).negate().name());
        assertEquals("custom", ((Loss) (y, p) -> p.sum()).name());
        // a negated or scaled sum must not read like a sum with one negated or scaled term
        assertEquals("-(mse+mae)", Losses.mse().plus(Losses.mae()).negate().name());
        assertEquals("0.5*(mse+mae)", Losses.mse().plus(Losses.mae()).scale(0.5f).name());
    }

    @Test
    void compositesStillCheckShapes() {
        Value targets = Value.constant(Tensor.zeros(4));
        Value predictions = Value.constant(Tensor.zeros(4, 1));
        for (Loss l : List.of(Losses.mse().negate(), Losses.mae().scale(2f), Losses.hinge().plus(Losses.mse()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.compute(targets, predictions), l.name());
            assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[4, 1]"), e.getMessage());
        }
    }
}
