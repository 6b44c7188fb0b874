package minimax.autodiff;

import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * A named, mutable tensor that training updates: a layer's kernel or bias, or any parameter of a
 * user's own model (Keras 3's {@code keras.Variable}).
 *
 * <p>Forward passes read it through {@link Value#of(Variable)}, which gives the same graph leaf on
 * every call until the variable is {@link #assign assigned}; gradients are taken with respect to
 * that leaf. Optimizers update {@link #value()}'s float array in place, so the leaf stays valid.
 *
 * <pre>{@code
 * Variable w = Variable.of(Tensor.of(new float[] {1, 2}, 2));
 * Value loss = Value.of(w).square().sum();
 * List<Tensor> g = Gradients.of(loss, List.of(Value.of(w)));
 * new SGD(0.1f).apply(g, List.of(w));
 * }</pre>
 */
public final class Variable {
    private final String name;
    private Tensor value;
    private Value leaf;
    private boolean trainable = true;

    private Variable(String name, Tensor initial) {
        this.name = name;
        this.value = initial.copy();
        this.leaf = Value.leafOf(this, value);
    }

    /** A trainable variable holding a copy of {@code initial}. */
    public static Variable of(Tensor initial) {
        return new Variable("variable", initial);
    }

    /** A named trainable variable holding a copy of {@code initial}. */
    public static Variable of(String name, Tensor initial) {
        return new Variable(name, initial);
    }

    /** The name, e.g. {@code dense_1/kernel}. */
    public String name() {
        return name;
    }

    /** The current value: the live tensor, which optimizers update in place; {@code copy()} it to keep a snapshot. */
    public Tensor value() {
        return value;
    }

    /** The shape of the value. */
    public int[] shape() {
        return value.shape();
    }

    /**
     * Replaces the value by a copy of {@code newValue}, which must have the same shape (its type
     * may differ, e.g. float64 for a gradient check). Graphs recorded before keep the old value.
     */
    public void assign(Tensor newValue) {
        if (!java.util.Arrays.equals(newValue.shape(), value.shape())) {
            throw new IllegalArgumentException("variable " + name + " has shape " + Shapes.str(value.shape()) + ", cannot assign a value of shape " + Shapes.str(newValue.shape()));
        }
        this.value = newValue.copy();
        this.leaf = Value.leafOf(this, value);
    }

    /** Whether models compiled from now on train this variable (Keras's {@code trainable}). */
    public boolean isTrainable() {
        return trainable;
    }

    /** Sets whether models compiled from now on train this variable. */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    Value leaf() {
        return leaf;
    }

    @Override
    public String toString() {
        return "Variable " + name + Shapes.str(value.shape());
    }
}
