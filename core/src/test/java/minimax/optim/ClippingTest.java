package minimax.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import minimax.autodiff.Variable;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Gradient clipping with Keras 3 semantics, seen through SGD with lr 1/2 (so w1 = −g_clipped/2
 * from w0 = 0, and halving is exact in float32).
 */
class ClippingTest {
    private final Variable a = Variable.of("a", Tensor.zeros(2));
    private final Variable b = Variable.of("b", Tensor.zeros(2));

    private void step(Optimizer o, float[] ga, float[] gb) {
        o.apply(List.of(Tensor.of(ga, 2), Tensor.of(gb, 2)), List.of(a, b));
    }

    @Test
    void clipnormScalesEachVariableToItsOwnNorm() {
        // a: g = (3, 4), ‖g‖ = 5 > 2 → g·2/5 = (1.2, 1.6) → w = (−0.6, −0.8)
        // b: g = (0.3, 0.4), ‖g‖ = 0.5 ≤ 2 → g·2/max(0.5, 2) = g → w = (−0.15, −0.2)
        step(new SGD(0.5).clipnorm(2), new float[] {3, 4}, new float[] {0.3f, 0.4f});
        assertArrayEquals(new float[] {-0.6f, -0.8f}, a.value().toArray());
        assertArrayEquals(new float[] {-0.15f, -0.2f}, b.value().toArray());
    }

    @Test
    void globalClipnormScalesAllVariablesTogether() {
        // a: (3, 0), b: (0, 4); joint norm √(9 + 16) = 5 > 1 → scale 1·min(1/5, 1/1) = 0.2
        // a → (0.6, 0), b → (0, 0.8); each alone would have been clipped to (1, 0) and (0, 1)
        step(new SGD(0.5).globalClipnorm(1), new float[] {3, 0}, new float[] {0, 4});
        assertArrayEquals(new float[] {-0.3f, 0}, a.value().toArray(), 1e-7f);
        assertArrayEquals(new float[] {0, -0.4f}, b.value().toArray(), 1e-7f);
    }

    @Test
    void globalClipnormLeavesSmallGradientsAlone() {
        // joint norm 5 ≤ 10 → scale 10·min(1/5, 1/10) = 10·0.1f, which rounds to exactly 1 in float32
        step(new SGD(0.5).globalClipnorm(10), new float[] {3, 0}, new float[] {0, 4});
        assertArrayEquals(new float[] {-1.5f, 0}, a.value().toArray());
        assertArrayEquals(new float[] {0, -2f}, b.value().toArray());
    }

    @Test
    void clipvalueClampsEachElement() {
        // (3, −4) → (0.5, −0.5);  (0.25, −0.125) unchanged
        step(new SGD(0.5).clipvalue(0.5), new float[] {3, -4}, new float[] {0.25f, -0.125f});
        assertArrayEquals(new float[] {-0.25f, 0.25f}, a.value().toArray());
        assertArrayEquals(new float[] {-0.125f, 0.0625f}, b.value().toArray());
    }

    @Test
    void clippingActsBeforeMomentumSeesTheGradient() {
        // SGD(lr 1/2, momentum 1/2), clipvalue 1, g = 4 twice: the clipped g = 1 enters m.
        // m1 = −0.5, w1 = −0.5;  m2 = −0.25 − 0.5 = −0.75, w2 = −1.25
        Optimizer o = new SGD(0.5, 0.5, false).clipvalue(1);
        step(o, new float[] {4, 4}, new float[] {0, 0});
        step(o, new float[] {4, 4}, new float[] {0, 0});
        assertArrayEquals(new float[] {-1.25f, -1.25f}, a.value().toArray());
    }

    @Test
    void clippingLeavesTheCallersGradientUntouched() {
        Tensor g = Tensor.of(new float[] {3, 4}, 2);
        new SGD(0.5).clipnorm(1).maximize().apply(List.of(g, Tensor.zeros(2)), List.of(a, b));
        assertEquals(Tensor.of(new float[] {3, 4}, 2), g);
    }
}
