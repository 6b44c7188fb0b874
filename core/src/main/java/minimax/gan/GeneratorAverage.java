package minimax.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import minimax.autodiff.Variable;
import minimax.nn.Model;
import minimax.tensor.Tensor;

/**
 * An exponential moving average of a generator's weights: {@code ā ← ā + (1 − β_t)·(w − ā)} per
 * element (float32), starting from the weights at construction, with TensorFlow's warm-up
 * {@code β_t = min(β, (1 + t) / (10 + t))} at update {@code t = 0, 1, …}: early in a run the
 * average follows the weights closely instead of staying near the random initial ones (with
 * β = 0.999 and no warm-up, 37 % of the average is still the initial weights after 1,000 steps).
 * {@link #apply} runs code with the averaged weights in the model and puts the trained ones back.
 */
final class GeneratorAverage {
    private final Model model;
    private final double decay;
    private final List<float[]> averages = new ArrayList<>();

    GeneratorAverage(Model model, double decay) {
        this.model = model;
        this.decay = decay;
        for (Variable v : model.weights()) averages.add(v.value().floatData().clone());
    }

    /** The decay used at update {@code t}: {@code min(β, (1 + t) / (10 + t))}. */
    double decayAt(long t) {
        return Math.min(decay, (1.0 + t) / (10.0 + t));
    }

    /** Averaging step {@code t} (0 for the first) with the model's current weights. */
    void update(long t) {
        float oneMinusDecay = (float) (1 - decayAt(t));
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
