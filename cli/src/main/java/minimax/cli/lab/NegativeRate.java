package minimax.cli.lab;

import java.util.List;
import minimax.optim.Adam;

/**
 * The answer Minimax refuses, a negative learning rate, computed outside the library so it can be
 * measured: explicit SGD and Adam updates with the rate's sign flipped, in the same float32
 * arithmetic and order as {@code minimax.optim.SGD} and {@code minimax.optim.Adam} (and the
 * optimizers' decoupled weight decay {@code w ← w − w·wd·lr}, which a negative rate turns into
 * growth). Without weight decay they should equal {@code maximize()} bit for bit: negating the rate
 * or the gradient flips the same signs, and IEEE rounding is symmetric.
 */
final class NegativeRate {
    private NegativeRate() {}

    /** The message of Minimax's refusal of {@code new Adam(-rate)}, or null if it were accepted. */
    static String refusal(double rate) {
        try {
            new Adam(-rate);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** SGD without momentum at rate {@code −rate}: {@code w ← w − g·lr} with {@code lr < 0}. */
    static AscentRun.Update sgd(double rate) {
        float lr = -(float) rate;
        return (gradients, variables) -> {
            for (int i = 0; i < variables.size(); i++) {
                float[] w = variables.get(i).value().floatData(), g = gradients.get(i).floatData();
                for (int k = 0; k < w.length; k++) w[k] -= g[k] * lr;
            }
        };
    }

    /**
     * Adam (Keras defaults β1 0.9, β2 0.999, ε 1e-7) at rate {@code −rate}, after decoupled weight decay
     * {@code w ← w − w·wd·lr} when {@code weightDecay > 0} (AdamW): with {@code lr < 0} the decay grows
     * the weights.
     */
    static AscentRun.Update adam(double rate, double weightDecay) {
        return new AscentRun.Update() {
            private final float lr = -(float) rate, wd = (float) weightDecay;
            private final double beta1 = Adam.DEFAULT_BETA1, beta2 = Adam.DEFAULT_BETA2;
            private final float eps = (float) Adam.DEFAULT_EPSILON;
            private float[][] m, v;
            private long t;

            @Override
            public void apply(List<minimax.tensor.Tensor> gradients, List<minimax.autodiff.Variable> variables) {
                if (m == null) {
                    m = new float[variables.size()][];
                    v = new float[variables.size()][];
                    for (int i = 0; i < m.length; i++) {
                        m[i] = new float[variables.get(i).value().size()];
                        v[i] = new float[m[i].length];
                    }
                }
                if (weightDecay > 0) {
                    for (var variable : variables) {
                        float[] w = variable.value().floatData();
                        for (int k = 0; k < w.length; k++) w[k] -= w[k] * wd * lr;
                    }
                }
                t++;
                float beta1Power = (float) Math.pow((float) beta1, t), beta2Power = (float) Math.pow((float) beta2, t);
                float alpha = lr * (float) Math.sqrt(1f - beta2Power) / (1f - beta1Power);
                float oneMinusBeta1 = (float) (1 - beta1), oneMinusBeta2 = (float) (1 - beta2);
                for (int i = 0; i < variables.size(); i++) {
                    float[] w = variables.get(i).value().floatData(), g = gradients.get(i).floatData(), mi = m[i], vi = v[i];
                    for (int k = 0; k < w.length; k++) {
                        mi[k] += (g[k] - mi[k]) * oneMinusBeta1;
                        vi[k] += (g[k] * g[k] - vi[k]) * oneMinusBeta2;
                        w[k] -= mi[k] * alpha / ((float) Math.sqrt(vi[k]) + eps);
                    }
                }
            }
        };
    }
}
