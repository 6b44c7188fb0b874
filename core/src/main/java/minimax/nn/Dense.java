package minimax.nn;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import minimax.autodiff.Value;
import minimax.autodiff.Variable;
import minimax.tensor.Rng;

/**
 * A fully connected layer: {@code y = activation(x · kernel + bias)}.
 *
 * <p>Shapes: input {@code [n, in]} (or {@code [n, ..., in]}, applied along the last axis), kernel
 * {@code [in, units]} (Keras's layout), bias {@code [units]}, output {@code [n, units]}. Defaults as
 * Keras: kernel {@code glorot_uniform}, bias {@code zeros}, bias on.
 *
 * <pre>{@code
 * new Dense(50, "sigmoid", 15);   // Keras: Dense(units=50, activation='sigmoid', input_shape=(15,))
 * new Dense(1, "sigmoid");
 * new Dense(64).useBias(false).kernelInitializer("he_normal");
 * }</pre>
 */
public final class Dense extends Layer {
    private final int units;
    private final String activationName;
    private final UnaryOperator<Value> activation;
    private final Integer inputSize;
    private boolean useBias = true;
    private String kernelInitializerName = "glorot_uniform";
    private String biasInitializerName = "zeros";
    private Initializer kernelInitializer = Initializers.glorotUniform();
    private Initializer biasInitializer = Initializers.zeros();
    private Variable kernel;
    private Variable bias;

    /** A linear Dense layer of {@code units} outputs. */
    public Dense(int units) {
        this(units, "linear");
    }

    /** A Dense layer with a Keras activation name ({@code "sigmoid"}, {@code "relu"}, ...). */
    public Dense(int units, String activation) {
        this(units, activation, null);
    }

    /** A Dense layer that declares its input size, like Keras's {@code input_shape=(inputSize,)}. */
    public Dense(int units, String activation, int inputSize) {
        this(units, activation, Integer.valueOf(inputSize));
    }

    private Dense(int units, String activation, Integer inputSize) {
        super("dense");
        if (units < 1) throw new IllegalArgumentException("Dense units must be >= 1, got " + units);
        if (inputSize != null && inputSize < 1) throw new IllegalArgumentException("Dense inputSize must be >= 1, got " + inputSize);
        this.units = units;
        this.activationName = Activations.canonical(activation);
        this.activation = Activations.get(activationName);
        this.inputSize = inputSize;
    }

    /** Turns the bias on or off (before building); returns this. */
    public Dense useBias(boolean on) {
        requireUnbuilt("useBias");
        this.useBias = on;
        return this;
    }

    /** Sets the kernel initializer by Keras name (before building); returns this. */
    public Dense kernelInitializer(String name) {
        requireUnbuilt("kernelInitializer");
        this.kernelInitializerName = Initializers.canonical(name);
        this.kernelInitializer = Initializers.get(name);
        return this;
    }

    /** Sets a custom kernel initializer (before building); returns this. */
    public Dense kernelInitializer(Initializer initializer) {
        requireUnbuilt("kernelInitializer");
        this.kernelInitializerName = "custom";
        this.kernelInitializer = initializer;
        return this;
    }

    /** Sets the bias initializer by Keras name (before building); returns this. */
    public Dense biasInitializer(String name) {
        requireUnbuilt("biasInitializer");
        this.biasInitializerName = Initializers.canonical(name);
        this.biasInitializer = Initializers.get(name);
        return this;
    }

    private void requireUnbuilt(String what) {
        if (isBuilt()) throw new IllegalStateException(what + " must be set before " + this + " is built");
    }

    /** Number of outputs. */
    public int units() {
        return units;
    }

    /** The activation's Keras name. */
    public String activation() {
        return activationName;
    }

    @Override
    public int[] declaredInputShape() {
        return inputSize == null ? null : new int[] {inputSize};
    }

    @Override
    protected int[] onBuild(int[] inputShape, Rng rng) {
        if (inputShape.length == 0) throw new IllegalArgumentException(this + " needs inputs with at least one axis, got a scalar per sample");
        int in = inputShape[inputShape.length - 1];
        kernel = Variable.of(name() + "/kernel", kernelInitializer.initialize(new int[] {in, units}, rng));
        if (useBias) bias = Variable.of(name() + "/bias", biasInitializer.initialize(new int[] {units}, rng));
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        int[] shape = x.shape();
        Value flat = shape.length == 2 ? x : x.reshape(-1, shape[shape.length - 1]);
        Value y = bias == null ? flat.matmul(Value.of(kernel)) : flat.affine(Value.of(kernel), Value.of(bias));
        if (shape.length != 2) {
            int[] outShape = shape.clone();
            outShape[outShape.length - 1] = units;
            y = y.reshape(outShape);
        }
        return activation.apply(y);
    }

    @Override
    public List<Variable> weights() {
        if (kernel == null) return List.of();
        return bias == null ? List.of(kernel) : List.of(kernel, bias);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("units", (long) units);
        c.put("activation", activationName);
        if (inputSize != null) c.put("input_size", (long) inputSize);
        c.put("use_bias", useBias);
        c.put("kernel_initializer", kernelInitializerName);
        c.put("bias_initializer", biasInitializerName);
        return c;
    }
}
