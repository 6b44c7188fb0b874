package minimax.nn;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import minimax.autodiff.Value;

/**
 * Activation functions by their Keras names.
 *
 * <table>
 * <caption>names</caption>
 * <tr><td>linear</td><td>x</td></tr>
 * <tr><td>sigmoid</td><td>1/(1+e^−x)</td></tr>
 * <tr><td>tanh</td><td>tanh x</td></tr>
 * <tr><td>relu</td><td>max(x, 0)</td></tr>
 * <tr><td>leaky_relu</td><td>x > 0 ? x : 0.2·x (Keras's default slope for the function)</td></tr>
 * <tr><td>softmax</td><td>over the last axis</td></tr>
 * <tr><td>softplus</td><td>log(1+e^x)</td></tr>
 * <tr><td>elu</td><td>x > 0 ? x : e^x − 1</td></tr>
 * </table>
 */
public final class Activations {
    /** Keras's {@code leaky_relu} activation slope (the {@code LeakyReLU} layer defaults to 0.3). */
    public static final float LEAKY_RELU_SLOPE = 0.2f;
    private static final List<String> NAMES = List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax", "softplus", "elu");

    private Activations() {}

    /**
     * The activation with this name ({@code null} means linear).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static UnaryOperator<Value> get(String name) {
        switch (canonical(name)) {
            case "linear": return x -> x;
            case "sigmoid": return Value::sigmoid;
            case "tanh": return Value::tanh;
            case "relu": return Value::relu;
            case "leaky_relu": return x -> x.leakyRelu(LEAKY_RELU_SLOPE);
            case "softmax": return x -> x.softmax(-1);
            case "softplus": return Value::softplus;
            case "elu": return x -> x.elu(1f);
            default: throw new AssertionError(name);
        }
    }

    /** The canonical name ({@code null} → {@code linear}), checked. */
    public static String canonical(String name) {
        String n = name == null ? "linear" : name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of " + NAMES);
        return n;
    }

    /** The valid names. */
    public static List<String> names() {
        return NAMES;
    }
}
