package minimax.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import minimax.autodiff.Value;
import minimax.tensor.Rng;

/** Applies an activation function by Keras name, e.g. {@code new Activation("tanh")}. No weights. */
public final class Activation extends Layer {
    private final String activationName;
    private final UnaryOperator<Value> function;

    /** @param name a name from {@link Activations#names()} */
    public Activation(String name) {
        super("activation");
        this.activationName = Activations.canonical(name);
        this.function = Activations.get(activationName);
    }

    @Override
    protected int[] onBuild(int[] inputShape, Rng rng) {
        return inputShape;
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        return function.apply(x);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("class", "Activation");
        c.put("name", name());
        c.put("activation", activationName);
        return c;
    }
}
