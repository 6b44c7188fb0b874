package minimax.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;
import minimax.tensor.Rng;
import minimax.tensor.Shapes;

/**
 * A stack of layers, each feeding the next — Keras's {@code Sequential}.
 *
 * <pre>{@code
 * Sequential generator = new Sequential();
 * generator.add(new Dense(50, "sigmoid", 15));
 * generator.add(new Dense(1, "sigmoid"));
 * generator.compile("mse", "adam");
 * float loss = generator.trainOnBatch(x, y);   // x [n,15], y [n,1]
 * }</pre>
 *
 * <p>Layers are built as soon as their input shape is known: at {@code add} when the first layer
 * declares its input size, otherwise on the first batch. A layer that does not fit the previous
 * one's output is refused at {@code add}, naming both shapes.
 */
public final class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();
    private final Rng buildRng;

    /** An empty model with seed 0 (initial weights are reproducible). */
    public Sequential() {
        this(0L);
    }

    /** An empty model whose initial weights, dropout masks and shuffling derive from {@code seed}. */
    public Sequential(long seed) {
        super("sequential", seed);
        this.buildRng = new Rng(seed);
    }

    /** A model of the given layers, seed 0. */
    public Sequential(Layer... layers) {
        this(0L, layers);
    }

    /** A model of the given layers with a seed. */
    public Sequential(long seed, Layer... layers) {
        this(seed);
        for (Layer l : layers) add(l);
    }

    /**
     * Appends a layer, building it now if the input shape is known.
     *
     * @throws IllegalArgumentException if the layer cannot take the previous layer's output, naming
     *     both shapes, or if it is this model itself or already in it
     */
    public Sequential add(Layer layer) {
        if (layer == null) throw new IllegalArgumentException("cannot add null to model '" + name() + "'");
        if (layer == this) throw new IllegalArgumentException("a model cannot contain itself");
        if (layers.contains(layer)) throw new IllegalArgumentException(layer + " is already in model '" + name() + "'");
        Layer previous = layers.isEmpty() ? null : layers.get(layers.size() - 1);
        int[] incoming = previous == null ? null : previous.outputShape(); // null while the previous layer is unbuilt
        if (incoming != null) {
            int[] declared = layer.isBuilt() ? layer.inputShape() : layer.declaredInputShape();
            if (declared != null && !java.util.Arrays.equals(declared, incoming)) {
                throw new IllegalArgumentException(layer + " expects input of shape " + Shapes.str(declared) + " per sample, but the previous layer "
                        + previous + " outputs " + Shapes.str(incoming));
            }
            if (!layer.isBuilt()) layer.build(incoming, buildRng.split());
        } else if (previous == null && !layer.isBuilt() && layer.declaredInputShape() != null) {
            layer.build(layer.declaredInputShape(), buildRng.split());
        }
        layers.add(layer);
        if (layers.size() == 1 && layer.isBuilt()) markBuiltFrom(layer.inputShape());
        return this;
    }

    /** Records the model's own input shape once its first layer is built. */
    private void markBuiltFrom(int[] inputShape) {
        if (!isBuilt()) build(inputShape, buildRng);
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    protected int[] onBuild(int[] inputShape, Rng rng) {
        if (layers.isEmpty()) throw new IllegalStateException("model '" + name() + "' has no layers; add some before using it");
        int[] shape = inputShape;
        for (Layer l : layers) shape = l.isBuilt() ? checkedOutput(l, shape) : l.build(shape, buildRng.split());
        return shape;
    }

    private static int[] checkedOutput(Layer l, int[] shape) {
        return l.build(shape, new Rng(0)); // built: only checks the shape
    }

    /** The output shape once all layers are built, else null. */
    @Override
    public int[] outputShape() {
        if (layers.isEmpty()) return null;
        return layers.get(layers.size() - 1).outputShape();
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        Value h = x;
        for (Layer l : layers) h = l.call(h, context);
        return h;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        List<Object> ls = new ArrayList<>();
        for (Layer l : layers) ls.add(l.config());
        c.put("layers", ls);
        if (inputShape() != null) {
            List<Object> shape = new ArrayList<>();
            for (int d : inputShape()) shape.add((long) d);
            c.put("input_shape", shape);
        }
        return c;
    }

    /** Loads a model saved with {@link #save(Path)}: architecture, weights, and compiled state if any. */
    public static Sequential load(Path path) throws IOException {
        Model m = ModelFile.load(path);
        if (!(m instanceof Sequential)) throw new minimax.format.FormatException(path + " holds a " + m.className() + ", not a Sequential model");
        return (Sequential) m;
    }

    /**
     * Loads a model that was compiled with a custom (lambda) loss, which a file cannot hold: pass
     * the same loss again. Built-in losses are restored without it.
     */
    public static Sequential load(Path path, minimax.losses.Loss customLoss) throws IOException {
        Model m = ModelFile.load(path, customLoss);
        if (!(m instanceof Sequential)) throw new minimax.format.FormatException(path + " holds a " + m.className() + ", not a Sequential model");
        return (Sequential) m;
    }
}
