package minimax.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import minimax.autodiff.Variable;
import minimax.nn.Model;
import minimax.tensor.Tensor;

/**
 * An exponential moving average of a generator's weights: {@code ā ← ā + (1 − β)·(w − ā)} per
 * element (float32), starting from the weights at construction. {@link #apply} runs code with the
 * averaged weights in the model and puts the trained ones back.
 */
final class GeneratorAverage {
    private final Model model;
    private final float oneMinusDecay;
    private final List<float[]> averages = new ArrayList<>();

    GeneratorAverage(Model model, double decay) {
        this.model = model;
        this.oneMinusDecay = (float) (1 - decay);
        for (Variable v : model.weights()) averages.add(v.value().floatData().clone());
    }

    /** One averaging step with the model's current weights. */
    void update() {
        List<Variable> vs = model.weights();
        for (int i = 0; i < vs.size(); i++) {
            float[] a = averages.get(i), w = vs.get(i).value().floatData();
            for (int k = 0; k < a.length; k++) a[k] += oneMinusDecay * (w[k] - a[k]);
        }
    }

    /** Runs {@code body} with the averaged weights in the model; the trained weights are restored after. */
    <T> T apply(Supplier<T> body) {
        List<Tensor> trained = model.getWeights();
        model.setWeights(tensors());
        try {
            return body.get();
        } finally {
            model.setWeights(trained);
        }
    }

    /** Copies of the averaged weights, in {@code model.weights()} order. */
    List<Tensor> tensors() {
        List<Variable> vs = model.weights();
        List<Tensor> out = new ArrayList<>(vs.size());
        for (int i = 0; i < vs.size(); i++) out.add(Tensor.of(averages.get(i).clone(), vs.get(i).shape()));
        return out;
    }

    /** Replaces the averages (from a checkpoint); shapes were checked by the caller. */
    void load(List<Tensor> values) {
        for (int i = 0; i < values.size(); i++) System.arraycopy(values.get(i).floatData(), 0, averages.get(i), 0, averages.get(i).length);
    }
}
