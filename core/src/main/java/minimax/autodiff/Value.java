package minimax.autodiff;

import java.util.Arrays;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * A tensor in a differentiable computation: the result of an operation, remembering its inputs so
 * that {@link Gradients} can run the chain rule backwards.
 *
 * <p>Values are immutable. An operation records its inputs only if one of them
 * {@linkplain #requiresGrad() requires a gradient} and {@link GradMode} is recording; otherwise the
 * result is a constant and nothing is kept alive. Losses written with these methods, like
 *
 * <pre>{@code
 * Loss inverseMse = (yTrue, yPred) -> yPred.sub(yTrue).square().add(1e-7f).reciprocal().mean();
 * }</pre>
 *
 * are differentiated with no further code. Shapes broadcast as in {@link Tensor}.
 */
public final class Value {
    private final Tensor data;
    final Op op;            // null for a leaf or a constant
    final Value[] inputs;   // empty for a leaf or a constant
    final Object attribute; // op parameter, see Op
    private final boolean requiresGrad;
    final Variable variable; // the variable this leaf reads, else null

    private Value(Tensor data, Op op, Value[] inputs, Object attribute, boolean requiresGrad, Variable variable) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
        this.attribute = attribute;
        this.requiresGrad = requiresGrad;
        this.variable = variable;
    }

    // ---------------------------------------------------------------- leaves

    /** A constant: no gradient flows into it. */
    public static Value constant(Tensor t) {
        return new Value(t, null, new Value[0], null, false, null);
    }

    /** A constant scalar of {@code like}'s type. */
    static Value constantLike(Value like, double v) {
        return constant(Tensor.scalar(v, like.data.dtype()));
    }

    /** A leaf that gradients can be taken with respect to (an input, for example). */
    public static Value leaf(Tensor t) {
        return new Value(t, null, new Value[0], null, true, null);
    }

    /** The graph leaf of a variable: the same object until the variable is assigned. */
    public static Value of(Variable v) {
        return v.leaf();
    }

    static Value leafOf(Variable v, Tensor t) {
        return new Value(t, null, new Value[0], null, true, v);
    }

    /** Records {@code op} if any input requires a gradient and recording is on. */
    static Value record(Op op, Tensor result, Object attribute, Value... inputs) {
        if (GradMode.isRecording()) {
            for (Value in : inputs) {
                if (in.requiresGrad) return new Value(result, op, inputs, attribute, true, null);
            }
        }
        return constant(result);
    }

    // ---------------------------------------------------------------- inspection

    /** The computed tensor. */
    public Tensor data() {
        return data;
    }

    /** The shape of {@link #data()}. */
    public int[] shape() {
        return data.shape();
    }

    /** The only element, for scalar losses. */
    public float item() {
        return data.item();
    }

    /** True if gradients flow through this value. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The same tensor as a constant: gradients stop here (like {@code tf.stop_gradient}). */
    public Value detach() {
        return constant(data);
    }

    /**
     * Gradient reversal (Ganin and Lempitsky, "Unsupervised Domain Adaptation by Backpropagation",
     * ICML 2015): the identity forward, {@code y = x} (the same tensor, not a copy), and
     * {@code ∂L/∂x = −λ·∂L/∂y} backward. Everything before it is trained to <em>increase</em> what
     * everything after it decreases; for λ = 1 its gradients are exactly (bit for bit) the negated
     * ones, as with an optimizer's {@code maximize()} flag.
     *
     * <p>The backward rule is recorded as the linear map {@code g ↦ −λ·g}, so gradients of gradients
     * work: a second derivative whose path crosses the reversal both in the forward graph and in the
     * gradient graph is multiplied by {@code (−λ)² = λ²} (as PyTorch's usual
     * {@code autograd.Function} for it does).
     *
     * @param lambda the scale of the reversed gradient, finite and {@code >= 0} (1 in the paper's
     *               plain form; 0 blocks the gradient like {@link #detach()} but keeps the graph)
     * @throws IllegalArgumentException for a negative, NaN or infinite λ
     */
    public Value reverseGradient(float lambda) {
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("reverseGradient lambda must be a finite number >= 0, got " + lambda
                    + " (a negative lambda would not reverse the gradient; to pass it unchanged, leave the reversal out)");
        }
        return record(Op.REVERSE_GRADIENT, data, (double) lambda, this);
    }

    @Override
    public String toString() {
        return "Value" + (op == null ? "" : "(" + op + ")") + " " + data;
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code this + other}, broadcasting. */ public Value add(Value o) { return record(Op.ADD, data.add(o.data), null, this, o); }
    /** {@code this − other}, broadcasting. */ public Value sub(Value o) { return record(Op.SUB, data.sub(o.data), null, this, o); }
    /** {@code this · other}, broadcasting. */ public Value mul(Value o) { return record(Op.MUL, data.mul(o.data), null, this, o); }
    /** {@code this / other}, broadcasting. */ public Value div(Value o) { return record(Op.DIV, data.div(o.data), null, this, o); }
    /** {@code this + other} with a constant tensor. */ public Value add(Tensor o) { return add(constant(o)); }
    /** {@code this − other} with a constant tensor. */ public Value sub(Tensor o) { return sub(constant(o)); }
    /** {@code this · other} with a constant tensor. */ public Value mul(Tensor o) { return mul(constant(o)); }
    /** {@code this / other} with a constant tensor. */ public Value div(Tensor o) { return div(constant(o)); }
    /** {@code this + c}. */ public Value add(float c) { return record(Op.ADD_SCALAR, data.add(c), (double) c, this); }
    /** {@code this − c}. */ public Value sub(float c) { return add(-c); }
    /** {@code c − this}. */ public Value rsub(float c) { return neg().add(c); }
    /** {@code this · c}. */ public Value mul(float c) { return record(Op.MUL_SCALAR, data.mul(c), (double) c, this); }
    /** {@code this / c}. */ public Value div(float c) { return record(Op.MUL_SCALAR, data.div(c), 1.0 / c, this); }
    /** {@code −this}. */ public Value neg() { return record(Op.NEG, data.neg(), null, this); }
    /** {@code this^p} for a constant exponent. */ public Value pow(float p) { return record(Op.POW, data.pow(p), (double) p, this); }
    /** {@code this²}. */ public Value square() { return record(Op.SQUARE, data.square(), null, this); }
    /** {@code √this}. */ public Value sqrt() { return record(Op.SQRT, data.sqrt(), null, this); }
    /** {@code 1 / this}. */ public Value reciprocal() { return record(Op.RECIPROCAL, data.reciprocal(), null, this); }
    /** {@code e^this}. */ public Value exp() { return record(Op.EXP, data.exp(), null, this); }
    /** Natural logarithm. */ public Value log() { return record(Op.LOG, data.log(), null, this); }
    /** {@code |this|}; the gradient at 0 is 0. */ public Value abs() { return record(Op.ABS, data.abs(), null, this); }
    /** Element-wise maximum; on ties the gradient goes to {@code this} (as TensorFlow). */ public Value maximum(Value o) { return record(Op.MAXIMUM, data.maximum(o.data), null, this, o); }
    /** Element-wise minimum; on ties the gradient goes to {@code this} (as TensorFlow). */ public Value minimum(Value o) { return record(Op.MINIMUM, data.minimum(o.data), null, this, o); }

    /** {@code min(max(this, low), high)}; the gradient passes where {@code low ≤ x ≤ high} (as TensorFlow). */
    public Value clip(float low, float high) {
        return record(Op.CLIP, data.clip(low, high), new double[] {low, high}, this);
    }

    // ---------------------------------------------------------------- activations

    /** Hyperbolic tangent. */ public Value tanh() { return record(Op.TANH, data.tanh(), null, this); }
    /** Logistic sigmoid {@code 1/(1+e^−x)}. */ public Value sigmoid() { return record(Op.SIGMOID, data.sigmoid(), null, this); }
    /** {@code max(x, 0)}; the gradient at 0 is 0. */ public Value relu() { return record(Op.RELU, data.relu(), null, this); }
    /** {@code x > 0 ? x : alpha·x}. */ public Value leakyRelu(float alpha) { return record(Op.LEAKY_RELU, data.leakyRelu(alpha), (double) alpha, this); }
    /** {@code log(1 + e^x)}. */ public Value softplus() { return record(Op.SOFTPLUS, data.softplus(), null, this); }

    /** ELU: {@code x > 0 ? x : alpha·(e^x − 1)}, composed from primitives. */
    public Value elu(float alpha) {
        Tensor positive = data.greater(0f);
        Tensor negative = positive.neg().add(1f);
        // e^min(x,0) avoids overflow on the positive side, where that branch is masked out anyway
        Value expPart = mul(negative).exp().sub(1f).mul(alpha).mul(negative);
        return mul(positive).add(expPart);
    }

    /** Softmax along {@code axis}: {@code e^(x−max) / Σ e^(x−max)}; the max is a constant shift. */
    public Value softmax(int axis) {
        Value shifted = sub(max(new int[] {axis}, true).detach());
        Value e = shifted.exp();
        return e.div(e.sum(new int[] {axis}, true));
    }

    /** Log-softmax along {@code axis}: {@code x − max − log Σ e^(x−max)}, stable. */
    public Value logSoftmax(int axis) {
        Value shifted = sub(max(new int[] {axis}, true).detach());
        return shifted.sub(shifted.exp().sum(new int[] {axis}, true).log());
    }

    // ---------------------------------------------------------------- reductions

    /** Sum down to a shape that broadcasts to this one (the reverse of broadcasting). */
    public Value sumTo(int... target) {
        if (Arrays.equals(target, data.shape())) return this;
        return record(Op.SUM_TO, data.sumTo(target), null, this);
    }

    /** Repeats along axes of size 1 and new leading axes. */
    public Value broadcastTo(int... target) {
        if (Arrays.equals(target, data.shape())) return this;
        return record(Op.BROADCAST_TO, data.broadcastTo(target), null, this);
    }

    /** Sum of all elements, a scalar. */
    public Value sum() {
        return sumTo().reshape();
    }

    /** Sum over axes; with {@code keepDims} they stay with size 1. */
    public Value sum(int[] axes, boolean keepDims) {
        int[] kept = Shapes.keptShape(data.shape(), axes);
        Value s = sumTo(kept);
        return keepDims ? s : s.reshape(Shapes.droppedShape(data.shape(), axes));
    }

    /** Mean of all elements, a scalar. */
    public Value mean() {
        return sum().div((float) Math.max(1, data.size())); // div keeps 1/n in double for float64, see Tensor.mean
    }

    /** Mean over axes; with {@code keepDims} they stay with size 1. */
    public Value mean(int[] axes, boolean keepDims) {
        Value s = sum(axes, keepDims);
        int count = data.size() / Math.max(1, Shapes.size(s.data.shape()));
        return s.div((float) Math.max(1, count));
    }

    /** Maximum over axes; the gradient is shared equally among tied maxima. */
    public Value max(int[] axes, boolean keepDims) {
        int[] kept = Shapes.keptShape(data.shape(), axes);
        Value m = record(Op.MAX_TO, data.maxTo(kept), null, this);
        return keepDims ? m : m.reshape(Shapes.droppedShape(data.shape(), axes));
    }

    // ---------------------------------------------------------------- linear algebra and layout

    /** Matrix product {@code [m,k]·[k,n]}. */
    public Value matmul(Value o) {
        return matmul(o, false, false);
    }

    /** Matrix product {@code op(this)·op(o)}, transposing operands by flag without copies. */
    public Value matmul(Value o, boolean transposeThis, boolean transposeOther) {
        return record(Op.MATMUL, data.matmul(o.data, transposeThis, transposeOther), new boolean[] {transposeThis, transposeOther}, this, o);
    }

    /**
     * {@code this·kernel + bias} for {@code this [m,k]}, {@code kernel [k,n]}, {@code bias [n]}: one
     * recorded op and one output buffer for a dense layer, the same values (bit for bit) and
     * gradients as {@code matmul(kernel).add(bias)}.
     */
    public Value affine(Value kernel, Value bias) {
        return record(Op.AFFINE, data.affine(kernel.data, bias.data), null, this, kernel, bias);
    }

    /** Matrix transpose. */
    public Value transpose() {
        return permute(1, 0);
    }

    /** Reorders axes: output axis i is input axis {@code axes[i]}. */
    public Value permute(int... axes) {
        return record(Op.PERMUTE, data.permute(axes), axes.clone(), this);
    }

    /** Same values, new shape (one dimension may be −1). */
    public Value reshape(int... shape) {
        Tensor r = data.reshape(shape);
        if (Arrays.equals(r.shape(), data.shape())) return this;
        return record(Op.RESHAPE, r, null, this);
    }

    /** Elements {@code [start, end)} along {@code axis}. */
    public Value slice(int axis, int start, int end) {
        int a = Shapes.axis(axis, data.rank());
        return record(Op.SLICE, data.slice(a, start, end), new int[] {a, start, end}, this);
    }

    /** Joins values along {@code axis}. */
    public static Value concat(int axis, Value... parts) {
        Tensor[] ts = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) ts[i] = parts[i].data;
        Tensor out = Tensor.concat(axis, ts);
        return record(Op.CONCAT, out, Shapes.axis(axis, out.rank()), parts);
    }
}
