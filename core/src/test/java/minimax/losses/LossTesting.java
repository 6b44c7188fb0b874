package minimax.losses;

import java.util.List;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.tensor.Tensor;

/** Small helpers shared by the loss tests: evaluate a loss and its gradient on plain arrays. */
final class LossTesting {
    private LossTesting() {}

    /** The loss of float32 targets and predictions of the given shape. */
    static float value(Loss loss, float[] yTrue, float[] yPred, int... shape) {
        return loss.compute(Value.constant(Tensor.of(yTrue, shape)), Value.constant(Tensor.of(yPred, shape))).item();
    }

    /** The gradient of the loss with respect to float32 predictions (targets constant). */
    static float[] gradient(Loss loss, float[] yTrue, float[] yPred, int... shape) {
        Value p = Value.leaf(Tensor.of(yPred, shape));
        Value l = loss.compute(Value.constant(Tensor.of(yTrue, shape)), p);
        return Gradients.of(l, List.of(p)).get(0).toArray();
    }

    /** {@code n} float32 ulps at {@code x}: the tolerance for a result that went through a few float32 roundings. */
    static double ulps(double x, int n) {
        return n * Math.ulp((float) x);
    }
}
