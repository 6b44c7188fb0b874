package minimax.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;
import minimax.tensor.Shapes;

/**
 * A layer: a function of a batch that may own variables, created lazily from the input shape.
 *
 * <p>Lifecycle: construct with settings → {@link #build} once the per-sample input shape is known
 * (creates the variables; models do this when a layer is added after a layer of known output, or
 * on first call) → {@link #call} any number of times. Shapes here are per sample: a Dense layer
 * with 15 inputs has input shape {@code [15]}; the batch axis comes first in the tensors.
 *
 * <p>Subclasses implement {@link #onBuild}, {@link #forward} and {@link #config}; nothing else.
 * During training, {@code forward} runs inside the step's {@link minimax.tensor.Workspace}: the
 * tensors it makes are reused by the next step, so a layer keeps no tensor from one call to the
 * next (its state belongs in variables, which hold copies).
 */
public abstract class Layer {
    private String name;
    private int[] inputShape;   // per sample, null until built
    private int[] outputShape;  // per sample, null until built
    private boolean trainable = true;

    /** @param prefix default name prefix, e.g. {@code "dense"} */
    protected Layer(String prefix) {
        this.name = Names.unique(prefix);
    }

    /** The layer's name, unique by default ({@code dense_1}). */
    public String name() {
        return name;
    }

    /** Renames the layer; returns this. */
    public Layer setName(String newName) {
        if (newName == null || newName.isBlank()) throw new IllegalArgumentException("layer name must not be empty");
        this.name = newName;
        return this;
    }

    /** The Keras class name, e.g. {@code Dense}. */
    public String className() {
        return getClass().getSimpleName();
    }

    /** True once variables exist. */
    public boolean isBuilt() {
        return inputShape != null;
    }

    /** Per-sample input shape (a copy), or null if not built. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /** Per-sample output shape (a copy), or null if not built. */
    public int[] outputShape() {
        return outputShape == null ? null : outputShape.clone();
    }

    /**
     * The per-sample input shape this layer was configured with before building (e.g. Dense's
     * {@code inputSize}), or null if it takes whatever comes.
     */
    public int[] declaredInputShape() {
        return null;
    }

    /**
     * Creates the variables for per-sample inputs of {@code shape}; a built layer only checks that
     * the shape matches.
     *
     * @param shape per-sample input shape (not modified)
     * @param rng generator for initial values (advanced)
     * @return the per-sample output shape
     * @throws IllegalArgumentException naming the layer and both shapes when the shape does not fit
     */
    public final int[] build(int[] shape, Rng rng) {
        if (isBuilt()) {
            checkInput(shape);
            return outputShape();
        }
        int[] declared = declaredInputShape();
        if (declared != null && !Arrays.equals(declared, shape)) {
            throw new IllegalArgumentException(className() + " '" + name + "' expects input of shape " + Shapes.str(declared) + " per sample, got " + Shapes.str(shape));
        }
        int[] out = onBuild(shape.clone(), rng);
        this.inputShape = shape.clone();
        this.outputShape = out.clone();
        if (!trainable) for (Variable v : weights()) v.setTrainable(false);
        return out.clone();
    }

    /** Creates variables for a per-sample input shape and returns the per-sample output shape. */
    protected abstract int[] onBuild(int[] inputShape, Rng rng);

    /**
     * Applies the layer to a batch, building it first if needed (with a generator seeded 0 —
     * models pass their own when they build).
     *
     * @param x a batch {@code [n, ...inputShape]} (not modified)
     */
    public final Value call(Value x, CallContext context) {
        int[] shape = x.shape();
        if (shape.length == 0) throw new IllegalArgumentException(className() + " '" + name + "' expects a batch with a leading batch axis, got a scalar");
        int[] perSample = Arrays.copyOfRange(shape, 1, shape.length);
        if (!isBuilt()) build(perSample, new Rng(0));
        else if (checksItsInput()) checkInput(perSample);
        return forward(x, context);
    }

    /**
     * Whether {@link #call} checks the input shape itself; models leave it to their first layer,
     * whose error message is the more precise.
     */
    protected boolean checksItsInput() {
        return true;
    }

    /** The forward computation on a batch whose shape has been checked. */
    protected abstract Value forward(Value x, CallContext context);

    private void checkInput(int[] perSample) {
        if (!Arrays.equals(perSample, inputShape)) {
            String what = inputShape.length == 1 && perSample.length == 1
                    ? "input of size " + inputShape[0] + ", got " + perSample[0]
                    : "input of shape " + Shapes.str(inputShape) + " per sample, got " + Shapes.str(perSample);
            throw new IllegalArgumentException(className() + " '" + name + "' expects " + what);
        }
    }

    /** The layer's variables in Keras order (e.g. kernel, then bias); empty if it has none or is not built. */
    public List<Variable> weights() {
        return List.of();
    }

    /** Whether this layer's weights are trainable. */
    public boolean isTrainable() {
        return trainable;
    }

    /**
     * Freezes ({@code false}) or unfreezes the layer's weights. Models compiled <em>before</em> this
     * call keep training what they captured at compile time; models compiled after follow it. A
     * frozen layer still passes gradients to the layers before it.
     */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (Variable v : weights()) v.setTrainable(trainable);
    }

    /** Number of scalar parameters. */
    public int countParams() {
        int n = 0;
        for (Variable v : weights()) n += v.value().size();
        return n;
    }

    /** Settings that rebuild this layer (with {@code "class"} and {@code "name"}), JSON-compatible. */
    public abstract Map<String, Object> config();

    /** The start of every config: {@code class} and {@code name}; subclasses add their settings. */
    protected Map<String, Object> baseConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("class", className());
        c.put("name", name());
        return c;
    }

    @Override
    public String toString() {
        return className() + " '" + name + "'";
    }
}
