package minimax.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import minimax.testing.Points;
import org.junit.jupiter.api.Test;

/**
 * Built-in losses against values computed by hand from Keras 3's formulas (the arithmetic is in
 * the comments), their gradients against finite differences in double precision, and composition.
 */
class LossValuesTest {
    private static float loss(Loss l, float[] yTrue, float[] yPred, int... shape) {
        return l.compute(Value.constant(Tensor.of(yTrue, shape)), Value.constant(Tensor.of(yPred, shape))).item();
    }

    @Test
    void mseAndMae() {
        // errors 0.5, −1, 2: squares 0.25 + 1 + 4 = 5.25, mean 1.75; absolute 3.5 / 3
        assertEquals(1.75f, loss(Losses.mse(), new float[] {1, 2, 3}, new float[] {1.5f, 1, 5}, 3, 1), 1e-7f);
        assertEquals(3.5f / 3, loss(Losses.mae(), new float[] {1, 2, 3}, new float[] {1.5f, 1, 5}, 3, 1), 1e-7f);
    }

    @Test
    void binaryCrossentropyOnProbabilitiesClipsAsKeras() {
        // y = 1, p = 0.8: −log 0.8 = 0.22314355; y = 0, p = 0.4: −log 0.6 = 0.51082562; mean 0.36698459
        assertEquals(0.36698459f, loss(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {0.8f, 0.4f}, 2, 1), 1e-6f);
        // p = 0 for y = 1 is clipped to 1e-7: −log(1e-7) = 16.118096; p = 1 for y = 0 is clipped to
        // 1 − 1e-7, which is 1 − 1.1920929e-7 in float32: −log(1.1920929e-7) = 15.942385; mean 16.030240
        assertEquals(16.030240f, loss(Losses.binaryCrossentropy(), new float[] {1, 0}, new float[] {0, 1}, 2, 1), 2e-6f);
    }

    @Test
    void binaryCrossentropyFromLogitsIsStable() {
        // x = 0: log 2 = 0.69314718 for either label; x = 100, y = 0: 100 (no overflow); x = −100, y = 0: e^−100 ≈ 0
        assertEquals(0.69314718f, loss(Losses.binaryCrossentropy(true), new float[] {1}, new float[] {0}, 1, 1), 1e-7f);
        assertEquals(100f, loss(Losses.binaryCrossentropy(true), new float[] {0}, new float[] {100}, 1, 1), 1e-5f);
        assertEquals(0f, loss(Losses.binaryCrossentropy(true), new float[] {0}, new float[] {-100}, 1, 1), 1e-7f);
        // agrees with the probability form away from the clip: sigmoid(0.3) = 0.57444252, y = 1: −log = 0.55435524
        assertEquals(0.55435524f, loss(Losses.binaryCrossentropy(true), new float[] {1}, new float[] {0.3f}, 1, 1), 1e-6f);
    }

    @Test
    void categoricalCrossentropy() {
        // probabilities [0.2, 0.2, 0.6] (sum 1) with the last class true: −log 0.6 = 0.51082562
        assertEquals(0.51082562f, loss(Losses.categoricalCrossentropy(), new float[] {0, 0, 1}, new float[] {0.2f, 0.2f, 0.6f}, 1, 3), 1e-6f);
        // rows are renormalized as Keras does: [1, 1, 3] / 5 is the same distribution
        assertEquals(0.51082562f, loss(Losses.categoricalCrossentropy(), new float[] {0, 0, 1}, new float[] {1, 1, 3}, 1, 3), 1e-6f);
        // logits [0, 0, log 3] give the same softmax [0.2, 0.2, 0.6]
        assertEquals(0.51082562f, loss(Losses.categoricalCrossentropy(true), new float[] {0, 0, 1}, new float[] {0, 0, (float) Math.log(3)}, 1, 3), 1e-6f);
    }

    @Test
    void huberOnBothSidesOfDelta() {
        // errors 0.5 (quadratic: 0.125) and 3 (linear: 3 − 0.5 = 2.5) with δ = 1: mean 1.3125
        assertEquals(1.3125f, loss(Losses.huber(), new float[] {0, 0}, new float[] {0.5f, 3}, 2, 1), 1e-7f);
        // δ = 2: error 3 → 2·3 − 2 = 4; error 0.5 → 0.125; mean 2.0625
        assertEquals(2.0625f, loss(Losses.huber(2f), new float[] {0, 0}, new float[] {0.5f, 3}, 2, 1), 1e-7f);
    }

    @Test
    void hingeMapsBinaryLabels() {
        // labels {1, 0} → {1, −1}; predictions 0.3, 0.4: max(1 − 0.3, 0) = 0.7, max(1 + 0.4, 0) = 1.4; mean 1.05
        assertEquals(1.05f, loss(Losses.hinge(), new float[] {1, 0}, new float[] {0.3f, 0.4f}, 2, 1), 1e-6f);
        assertEquals(1.05f, loss(Losses.hinge(), new float[] {1, -1}, new float[] {0.3f, 0.4f}, 2, 1), 1e-6f);
    }

    @Test
    void inverseMseExplodesOnlyWhereThePredictionMeetsTheTarget() {
        // e = 0: 1/ε = 1e7; e = 1: 1/(1 + 1e-7) ≈ 1
        assertEquals(1e7f, loss(Losses.inverseMse(), new float[] {0.5f}, new float[] {0.5f}, 1, 1), 1f);
        assertEquals(1f, loss(Losses.inverseMse(), new float[] {0}, new float[] {1}, 1, 1), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> Losses.inverseMse(0f));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor target = Points.between(1, 0.1, 0.9, 4, 3);
        Tensor binary = Tensor.of(new double[] {1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0}, 4, 3);
        Tensor oneHot = Tensor.of(new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0}, 4, 3);
        Tensor probabilities = Points.between(2, 0.05, 0.95, 4, 3);
        Tensor logits = Points.uniform(3, 4, 3);
        for (Loss l : List.of(Losses.mse(), Losses.mae(), Losses.huber(0.3f), Losses.inverseMse(1e-3f))) {
            GradCheck.check(l.name(), xs -> l.compute(Value.constant(target), xs.get(0)), probabilities);
        }
        GradCheck.check("bce", xs -> Losses.binaryCrossentropy().compute(Value.constant(binary), xs.get(0)), probabilities);
        GradCheck.check("bce logits", xs -> Losses.binaryCrossentropy(true).compute(Value.constant(binary), xs.get(0)), logits);
        GradCheck.check("cce", xs -> Losses.categoricalCrossentropy().compute(Value.constant(oneHot), xs.get(0)), probabilities);
        GradCheck.check("cce logits", xs -> Losses.categoricalCrossentropy(true).compute(Value.constant(oneHot), xs.get(0)), logits);
        GradCheck.check("hinge", xs -> Losses.hinge().compute(Value.constant(binary), xs.get(0)), Points.between(4, 1.2, 2.0, 4, 3));
    }

    @Test
    void binaryCrossentropyGradientIsZeroOutsideTheClipRange() {
        // as TensorFlow's clip_by_value: a prediction of exactly 0 or 1 gets no gradient
        Value p = Value.leaf(Tensor.of(new float[] {0f, 1f, 0.5f}, 3, 1));
        Value loss = Losses.binaryCrossentropy().compute(Value.constant(Tensor.of(new float[] {1, 0, 1}, 3, 1)), p);
        float[] g = Gradients.of(loss, List.of(p)).get(0).toArray();
        assertEquals(0f, g[0], 0f);
        assertEquals(0f, g[1], 0f);
        assertEquals(-1f / (3 * 0.5f), g[2], 1e-6f); // d(−log p)/dp / 3 at p = 0.5
    }

    @Test
    void negateGivesBitForBitNegatedValuesAndGradients() {
        Tensor t = Tensor.of(new float[] {0.1f, 0.7f, 0.3f}, 3, 1);
        for (Loss l : List.of(Losses.mse(), Losses.binaryCrossentropy(), Losses.huber(), Losses.inverseMse())) {
            Value p1 = Value.leaf(Tensor.of(new float[] {0.4f, 0.2f, 0.9f}, 3, 1));
            Value p2 = Value.leaf(Tensor.of(new float[] {0.4f, 0.2f, 0.9f}, 3, 1));
            Value plain = l.compute(Value.constant(t), p1);
            Value negated = l.negate().compute(Value.constant(t), p2);
            assertEquals(-plain.item(), negated.item(), 0f, l.name());
            Tensor g1 = Gradients.of(plain, List.of(p1)).get(0);
            Tensor g2 = Gradients.of(negated, List.of(p2)).get(0);
            assertEquals(g1.neg(), g2, l.name() + ": gradients of the negated loss are exactly negated");
        }
        assertEquals("-mse", Losses.mse().negate().name());
    }

    @Test
    void scaleAndPlus() {
        float[] y = {1, 2}, p = {2, 4};
        float mse = loss(Losses.mse(), y, p, 2, 1), mae = loss(Losses.mae(), y, p, 2, 1);
        assertEquals(3 * mse, loss(Losses.mse().scale(3f), y, p, 2, 1), 1e-6f);
        assertEquals(mse + mae, loss(Losses.mse().plus(Losses.mae()), y, p, 2, 1), 1e-6f);
        assertEquals("mse+mae", Losses.mse().plus(Losses.mae()).name());
    }

    @Test
    void namesConfigsAndErrors() {
        for (String name : Losses.names()) {
            Loss l = Losses.get(name);
            Loss rebuilt = Losses.fromConfig(Losses.config(l));
            float[] y = {0f, 1f}, p = {0.3f, 0.6f};
            assertEquals(loss(l, y, p, 2, 1), loss(rebuilt, y, p, 2, 1), 0f, name);
        }
        Loss composite = Losses.huber(0.5f).negate().plus(Losses.mse().scale(2f));
        Map<String, Object> config = Losses.config(composite);
        assertEquals(loss(composite, new float[] {0, 1}, new float[] {2, 3}, 2, 1), loss(Losses.fromConfig(config), new float[] {0, 1}, new float[] {2, 3}, 2, 1), 0f);
        assertEquals("mse", Losses.get("mean_squared_error").name());
        assertNull(Losses.config((t, q) -> q.sum()), "a lambda cannot be saved as data");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Losses.get("msee"));
        assertTrue(unknown.getMessage().contains("msee") && unknown.getMessage().contains("hinge"), unknown.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Losses.mse().compute(Value.constant(Tensor.zeros(4)), Value.constant(Tensor.zeros(4, 1))));
        assertTrue(shape.getMessage().contains("[4]") && shape.getMessage().contains("[4, 1]"), shape.getMessage());
    }
}
