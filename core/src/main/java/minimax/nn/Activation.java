package minimax.nn;

import java.util.Map;
import java.util.function.UnaryOperator;
import minimax.autodiff.Value;

/** Applies an activation function by Keras name, e.g. {@code new Activation("tanh")}. No weights. */
public final class Activation extends ShapePreservingLayer {
    private final String activationName;
    private final UnaryOperator<Value> function;

    /** @param name a name from {@link Activations#names()} */
    public Activation(String name) {
        super("activation");
        this.activationName = Activations.canonical(name);
        this.function = Activations.get(activationName);
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        return function.apply(x);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("activation", activationName);
        return c;
    }
}
