package minimax.tensor;

import java.util.Arrays;
import minimax.kernels.Elementwise;

/**
 * A dense N-dimensional array of floats (float32, or float64 for checks), row-major.
 *
 * <p>Operations return new tensors and never modify their arguments; broadcasting follows NumPy.
 * A tensor knows nothing of gradients: {@code minimax.autodiff.Value} records operations for
 * differentiation on top of this class.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}});   // shape [2, 2]
 * Tensor y = x.matmul(x.transpose()).add(1f).sigmoid();
 * float[] flat = y.toArray();
 * }</pre>
 *
 * <p>Only {@link #floatData()} and {@link #doubleData()} expose the backing array, for kernels,
 * layers and optimizers that update weights in place.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] f;   // exactly one of f and d is non-null
    private final double[] d;

    private Tensor(int[] shape, float[] f, double[] d) {
        this.shape = shape;
        this.f = f;
        this.d = d;
    }

    // ---------------------------------------------------------------- creation

    /** A float32 tensor of the given values (copied) and shape. */
    public static Tensor of(float[] values, int... shape) {
        checkCount(values.length, shape);
        return new Tensor(shape.clone(), values.clone(), null);
    }

    /** A float32 matrix {@code [rows, columns]} from rows of equal length (copied). */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] v = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + cols + " like row 0");
            System.arraycopy(rows[i], 0, v, i * cols, cols);
        }
        return new Tensor(new int[] {rows.length, cols}, v, null);
    }

    /** A float64 tensor of the given values (copied) and shape. */
    public static Tensor of(double[] values, int... shape) {
        checkCount(values.length, shape);
        return new Tensor(shape.clone(), null, values.clone());
    }

    /** Wraps an array without copying; the caller must not keep writing to it unless it means to. */
    public static Tensor wrap(float[] values, int... shape) {
        checkCount(values.length, shape);
        return new Tensor(shape.clone(), values, null);
    }

    /** Wraps an array without copying; the caller must not keep writing to it unless it means to. */
    public static Tensor wrap(double[] values, int... shape) {
        checkCount(values.length, shape);
        return new Tensor(shape.clone(), null, values);
    }

    /** A float32 scalar (shape {@code []}). */
    public static Tensor scalar(float value) {
        return new Tensor(new int[0], new float[] {value}, null);
    }

    /** A scalar of the given type. */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, dtype);
    }

    /** A float32 tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /** A tensor of zeros of the given type. */
    public static Tensor zeros(DType dtype, int... shape) {
        int n = Shapes.size(shape);
        return dtype == DType.FLOAT32 ? new Tensor(shape.clone(), Workspace.zeroed(n), null) : new Tensor(shape.clone(), null, new double[n]);
    }

    /**
     * An output tensor whose every element the caller writes: in a workspace its array is not
     * cleared first (element-wise ops then cost one pass, not two). Zeros outside a workspace.
     */
    private static Tensor overwritten(DType dtype, int[] shape) {
        int n = Shapes.size(shape);
        return dtype == DType.FLOAT32 ? new Tensor(shape.clone(), Workspace.uninitialized(n), null) : new Tensor(shape.clone(), null, new double[n]);
    }

    /** A float32 tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(1.0, DType.FLOAT32, shape);
    }

    /** A tensor filled with {@code value}. */
    public static Tensor full(double value, DType dtype, int... shape) {
        Tensor t = zeros(dtype, shape);
        if (t.f != null) Arrays.fill(t.f, (float) value);
        else Arrays.fill(t.d, value);
        return t;
    }

    /** Uniform values in {@code [low, high)} drawn from {@code rng} (float32). */
    public static Tensor uniform(Rng rng, float low, float high, int... shape) {
        float[] v = Workspace.uninitialized(Shapes.size(shape));
        for (int i = 0; i < v.length; i++) v[i] = (float) (low + (high - low) * rng.nextDouble());
        return new Tensor(shape.clone(), v, null);
    }

    /** Normal values with the given mean and standard deviation drawn from {@code rng} (float32). */
    public static Tensor normal(Rng rng, float mean, float stddev, int... shape) {
        float[] v = Workspace.uninitialized(Shapes.size(shape));
        for (int i = 0; i < v.length; i++) v[i] = (float) (mean + stddev * rng.nextGaussian());
        return new Tensor(shape.clone(), v, null);
    }

    private static void checkCount(int count, int[] shape) {
        int n = Shapes.size(shape);
        if (n != count) throw new IllegalArgumentException("shape " + Shapes.str(shape) + " needs " + n + " values, got " + count);
    }

    // ---------------------------------------------------------------- inspection

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return shape[Shapes.axis(axis, shape.length)];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return f != null ? f.length : d.length;
    }

    /** The element type. */
    public DType dtype() {
        return f != null ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** The values as a new flat float array, row-major. */
    public float[] toArray() {
        if (f != null) return f.clone();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
        return out;
    }

    /** The values as a new flat double array, row-major. */
    public double[] toDoubleArray() {
        if (d != null) return d.clone();
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }

    /** The element at a flat row-major index, as a double. */
    public double getFlat(int index) {
        return f != null ? f[index] : d[index];
    }

    /** The only element of a one-element tensor. */
    public float item() {
        if (size() != 1) throw new IllegalArgumentException("item() needs a tensor with one element, got shape " + Shapes.str(shape));
        return f != null ? f[0] : (float) d[0];
    }

    /** The element at a multi-index. */
    public float get(int... index) {
        if (index.length != shape.length) throw new IllegalArgumentException("index of rank " + index.length + " for a tensor of shape " + Shapes.str(shape));
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape " + Shapes.str(shape));
            flat = flat * shape[i] + index[i];
        }
        return f != null ? f[flat] : (float) d[flat];
    }

    /** True if every element is finite (no NaN, no infinity). */
    public boolean isFinite() {
        if (f != null) {
            for (float v : f) if (!Float.isFinite(v)) return false;
        } else {
            for (double v : d) if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    /** The backing float32 array, not a copy (null for float64): writing it changes this tensor. */
    public float[] floatData() {
        return f;
    }

    /** The backing float64 array, not a copy (null for float32): writing it changes this tensor. */
    public double[] doubleData() {
        return d;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(shape.clone(), f == null ? null : f.clone(), d == null ? null : d.clone());
    }

    /** The same values as float32 (this tensor itself if it already is). */
    public Tensor toFloat32() {
        return f != null ? this : new Tensor(shape, toArray(), null);
    }

    /** The same values as float64 (this tensor itself if it already is). */
    public Tensor toFloat64() {
        return d != null ? this : new Tensor(shape, null, toDoubleArray());
    }

    /** A tensor of this type and the given shape, filled with zeros. */
    public Tensor zerosLike(int... newShape) {
        return zeros(dtype(), newShape);
    }

    // ---------------------------------------------------------------- element-wise

    private Tensor map(UnaryOp op, double p, double q) {
        Tensor out = overwritten(dtype(), shape);
        if (f != null) op.apply(f, out.f, f.length, p, q);
        else op.apply(d, out.d, d.length, p, q);
        return out;
    }

    /** {@code -x}. */ public Tensor neg() { return map(UnaryOp.NEG, 0, 0); }
    /** {@code e^x}. */ public Tensor exp() { return map(UnaryOp.EXP, 0, 0); }
    /** Natural logarithm. */ public Tensor log() { return map(UnaryOp.LOG, 0, 0); }
    /** Square root. */ public Tensor sqrt() { return map(UnaryOp.SQRT, 0, 0); }
    /** {@code x²}. */ public Tensor square() { return map(UnaryOp.SQUARE, 0, 0); }
    /** {@code 1/x}. */ public Tensor reciprocal() { return map(UnaryOp.RECIPROCAL, 0, 0); }
    /** {@code |x|}. */ public Tensor abs() { return map(UnaryOp.ABS, 0, 0); }
    /** −1, 0 or 1 by the sign of x. */ public Tensor sign() { return map(UnaryOp.SIGN, 0, 0); }
    /** Hyperbolic tangent. */ public Tensor tanh() { return map(UnaryOp.TANH, 0, 0); }
    /** {@code 1/(1+e^-x)}. */ public Tensor sigmoid() { return map(UnaryOp.SIGMOID, 0, 0); }
    /** {@code max(x, 0)}. */ public Tensor relu() { return map(UnaryOp.RELU, 0, 0); }
    /** {@code x > 0 ? x : alpha·x}. */ public Tensor leakyRelu(float alpha) { return map(UnaryOp.LEAKY_RELU, alpha, 0); }
    /** {@code log(1 + e^x)}, stable for large |x|. */ public Tensor softplus() { return map(UnaryOp.SOFTPLUS, 0, 0); }
    /** {@code x^p}. */ public Tensor pow(float p) { return map(UnaryOp.POW, p, 0); }
    /** {@code x + c}. */ public Tensor add(float c) { return map(UnaryOp.ADD_SCALAR, c, 0); }
    /** {@code x − c}. */ public Tensor sub(float c) { return map(UnaryOp.ADD_SCALAR, -(double) c, 0); }
    /** {@code x · c}. */ public Tensor mul(float c) { return map(UnaryOp.MUL_SCALAR, c, 0); }
    /** {@code x / c}. */ public Tensor div(float c) { return map(UnaryOp.DIV_SCALAR, c, 0); }
    /** 1 where {@code x > c}, else 0. */ public Tensor greater(float c) { return map(UnaryOp.GREATER_SCALAR, c, 0); }
    /** 1 where {@code x > c}, else {@code otherwise}: a step, e.g. leaky relu's slope. */ public Tensor step(float c, float otherwise) { return map(UnaryOp.GREATER_SCALAR, c, otherwise); }
    /** 1 where {@code x < c}, else 0. */ public Tensor less(float c) { return map(UnaryOp.LESS_SCALAR, c, 0); }

    /** {@code min(max(x, low), high)}. */
    public Tensor clip(float low, float high) {
        if (!(low <= high)) throw new IllegalArgumentException("clip needs low <= high, got " + low + " > " + high);
        return map(UnaryOp.CLIP, low, high);
    }

    // ---------------------------------------------------------------- activation gradients, fused

    /**
     * {@code this · (x > 0 ? 1 : slope)} in one pass, for the gradient {@code this} of a leaky relu's
     * output (slope 0: relu): the same bits as {@code mul(x.step(0, slope))}. Shapes must be equal.
     */
    public Tensor timesLeakyReluSlope(Tensor x, float slope) {
        Tensor out = sameShapeOutput(x, "timesLeakyReluSlope");
        if (f != null) Elementwise.leakyReluGradient(x.f, f, out.f, f.length, slope);
        else for (int i = 0; i < d.length; i++) out.d[i] = d[i] * (x.d[i] > 0 ? 1.0 : slope);
        return out;
    }

    /**
     * {@code this · (y · (1 − y))} in one pass, for the gradient {@code this} of a sigmoid's output
     * {@code y}: the same bits as {@code mul(y.mul(y.neg().add(1f)))}. Shapes must be equal.
     */
    public Tensor timesSigmoidSlope(Tensor y) {
        Tensor out = sameShapeOutput(y, "timesSigmoidSlope");
        if (f != null) Elementwise.sigmoidGradient(y.f, f, out.f, f.length);
        else for (int i = 0; i < d.length; i++) out.d[i] = d[i] * (y.d[i] * (1 - y.d[i]));
        return out;
    }

    /**
     * {@code this · (1 − y²)} in one pass, for the gradient {@code this} of a tanh's output {@code y}:
     * the same bits as {@code mul(y.square().neg().add(1f))}. Shapes must be equal.
     */
    public Tensor timesTanhSlope(Tensor y) {
        Tensor out = sameShapeOutput(y, "timesTanhSlope");
        if (f != null) Elementwise.tanhGradient(y.f, f, out.f, f.length);
        else for (int i = 0; i < d.length; i++) out.d[i] = d[i] * (1 - y.d[i] * y.d[i]);
        return out;
    }

    private Tensor sameShapeOutput(Tensor other, String what) {
        if (dtype() != other.dtype() || !Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(what + " needs two tensors of one type and shape, got " + dtype() + " " + Shapes.str(shape) + " and " + other.dtype() + " " + Shapes.str(other.shape));
        }
        return overwritten(dtype(), shape);
    }

    private Tensor zip(BinaryOp op, Tensor other) {
        if (dtype() != other.dtype()) throw new IllegalArgumentException("cannot combine " + dtype() + " and " + other.dtype() + " tensors; convert one with toFloat32() or toFloat64()");
        if (Arrays.equals(shape, other.shape)) {
            Tensor out = overwritten(dtype(), shape);
            if (f != null) op.same(f, other.f, out.f, f.length);
            else for (int i = 0; i < d.length; i++) out.d[i] = op.apply(d[i], other.d[i]);
            return out;
        }
        int[] outShape = Shapes.broadcast(shape, other.shape);
        Tensor out = overwritten(dtype(), outShape);
        if (f != null && other.size() > 0 && trailingRow(other.shape, outShape) && Arrays.equals(shape, outShape)) {
            op.rows(f, other.f, out.f, out.size() / other.size(), other.size(), false);
        } else if (f != null && size() > 0 && trailingRow(shape, outShape) && Arrays.equals(other.shape, outShape)) {
            op.rows(other.f, f, out.f, out.size() / size(), size(), true);
        } else {
            Strided.binary(op, this, other, out);
        }
        return out;
    }

    /** True if {@code s} (ignoring leading 1s) equals the trailing dimensions of {@code full}. */
    private static boolean trailingRow(int[] s, int[] full) {
        int start = 0;
        while (start < s.length && s[start] == 1) start++;
        int len = s.length - start;
        if (len > full.length) return false;
        for (int i = 0; i < len; i++) if (s[start + i] != full[full.length - len + i]) return false;
        return true;
    }

    /** Element-wise sum, broadcasting. */ public Tensor add(Tensor o) { return zip(BinaryOp.ADD, o); }
    /** Element-wise difference, broadcasting. */ public Tensor sub(Tensor o) { return zip(BinaryOp.SUB, o); }
    /** Element-wise product, broadcasting. */ public Tensor mul(Tensor o) { return zip(BinaryOp.MUL, o); }
    /** Element-wise quotient, broadcasting. */ public Tensor div(Tensor o) { return zip(BinaryOp.DIV, o); }
    /** Element-wise minimum, broadcasting. */ public Tensor minimum(Tensor o) { return zip(BinaryOp.MINIMUM, o); }
    /** Element-wise maximum, broadcasting. */ public Tensor maximum(Tensor o) { return zip(BinaryOp.MAXIMUM, o); }
    /** 1 where {@code this > o}, else 0, broadcasting. */ public Tensor greater(Tensor o) { return zip(BinaryOp.GREATER, o); }
    /** 1 where {@code this == o}, else 0, broadcasting. */ public Tensor equal(Tensor o) { return zip(BinaryOp.EQUAL, o); }

    // ---------------------------------------------------------------- reductions

    /**
     * Sums this tensor down to {@code target}, a shape that broadcasts to this one (leading axes
     * are summed away, axes of size 1 in {@code target} are summed with the size kept). The
     * reverse of {@link #broadcastTo}.
     */
    public Tensor sumTo(int... target) {
        return Reductions.sumTo(this, target);
    }

    /** Maximum down to {@code target}, as {@link #sumTo} sums. */
    public Tensor maxTo(int... target) {
        return Reductions.maxTo(this, target);
    }

    /** Sum of all elements, a scalar. */
    public Tensor sum() {
        return sumTo();
    }

    /** Sum over the given axes; with {@code keepDims} the summed axes stay with size 1. */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Reductions.sumTo(this, Shapes.keptShape(shape, axes)).reshape(keepDims ? Shapes.keptShape(shape, axes) : Shapes.droppedShape(shape, axes));
    }

    /** Mean of all elements, a scalar. */
    public Tensor mean() {
        // div, not mul(1f / n): div takes the reciprocal in double, so a float64 mean stays exact to double precision
        return sum().div((float) Math.max(1, size()));
    }

    /** Mean over the given axes; with {@code keepDims} the axes stay with size 1. */
    public Tensor mean(int[] axes, boolean keepDims) {
        Tensor s = sum(axes, keepDims);
        return s.size() == 0 ? s : s.div((float) Math.max(1, size() / s.size()));
    }

    /** Maximum of all elements, a scalar. */
    public Tensor max() {
        return maxTo();
    }

    /** Maximum over the given axes; with {@code keepDims} the axes stay with size 1. */
    public Tensor max(int[] axes, boolean keepDims) {
        return Reductions.maxTo(this, Shapes.keptShape(shape, axes)).reshape(keepDims ? Shapes.keptShape(shape, axes) : Shapes.droppedShape(shape, axes));
    }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product of two matrices {@code [m,k]·[k,n] → [m,n]}. */
    public Tensor matmul(Tensor other) {
        return matmul(other, false, false);
    }

    /**
     * Matrix product {@code op(this)·op(other)}, where {@code op} transposes when its flag is set,
     * without copying a transposed operand.
     */
    public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        if (rank() != 2 || other.rank() != 2) throw new IllegalArgumentException("matmul needs two matrices, got shapes " + Shapes.str(shape) + " and " + Shapes.str(other.shape));
        if (dtype() != other.dtype()) throw new IllegalArgumentException("matmul of " + dtype() + " and " + other.dtype());
        int m = transposeThis ? shape[1] : shape[0];
        int k = transposeThis ? shape[0] : shape[1];
        int k2 = transposeOther ? other.shape[1] : other.shape[0];
        int n = transposeOther ? other.shape[0] : other.shape[1];
        if (k != k2) throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(shape) + (transposeThis ? "ᵀ" : "") + " · " + Shapes.str(other.shape) + (transposeOther ? "ᵀ" : "") + " (" + k + " vs " + k2 + ")");
        Tensor out = overwritten(dtype(), new int[] {m, n}); // sgemm without accumulate writes every element
        if (f != null) minimax.kernels.Gemm.sgemm(transposeThis, transposeOther, m, n, k, f, other.f, out.f, false);
        else minimax.kernels.Gemm.dgemm(transposeThis, transposeOther, m, n, k, d, other.d, out.d, false);
        return out;
    }

    /**
     * {@code this · kernel + bias}: {@code [m,k]·[k,n] + [n]} (the bias added to every row), the
     * same bits as {@code matmul(kernel).add(bias)} without the second output buffer: a dense layer's
     * pre-activation.
     */
    public Tensor affine(Tensor kernel, Tensor bias) {
        Tensor out = matmul(kernel);
        int m = out.shape[0], n = out.shape[1];
        if (bias.dtype() != dtype() || bias.rank() != 1 || bias.shape[0] != n) {
            throw new IllegalArgumentException("affine needs a bias of shape [" + n + "] and type " + dtype() + ", got " + bias.dtype() + " " + Shapes.str(bias.shape));
        }
        if (f != null) {
            if (n > 0) BinaryOp.ADD.rows(out.f, bias.f, out.f, m, n, false);
        } else {
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) out.d[i * n + j] += bias.d[j];
        }
        return out;
    }

    // ---------------------------------------------------------------- layout

    /** The same values with a new shape of equal size; one dimension may be −1 (inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = Layout.resolveReshape(shape, newShape);
        return new Tensor(s, f, d); // shares the (never mutated) array
    }

    /** Transpose of a matrix {@code [m,n] → [n,m]}. */
    public Tensor transpose() {
        if (rank() != 2) throw new IllegalArgumentException("transpose() needs a matrix, got shape " + Shapes.str(shape) + "; use permute for other ranks");
        return permute(1, 0);
    }

    /** Reorders axes: output axis {@code i} is input axis {@code axes[i]}. */
    public Tensor permute(int... axes) {
        return Layout.permute(this, axes);
    }

    /** Broadcasts to a larger shape by repeating along axes of size 1 or missing leading axes. */
    public Tensor broadcastTo(int... target) {
        return Layout.broadcastTo(this, target);
    }

    /** Elements {@code [start, end)} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        return Layout.slice(this, axis, start, end);
    }

    /** Joins tensors along {@code axis}; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Layout.concat(axis, parts);
    }

    /** Rows selected by index along axis 0 (a gather), e.g. a mini-batch. */
    public Tensor rows(int[] indices) {
        return Layout.rows(this, indices);
    }

    // ---------------------------------------------------------------- object

    /** True for tensors of equal type, shape and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor)) return false;
        Tensor t = (Tensor) o;
        return Arrays.equals(shape, t.shape) && Arrays.equals(f, t.f) && Arrays.equals(d, t.d);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + (f != null ? Arrays.hashCode(f) : Arrays.hashCode(d));
    }

    /** Shape, type and up to the first 8 values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape));
        if (d != null) sb.append(" float64");
        sb.append(" [");
        int n = Math.min(size(), 8);
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(f != null ? Float.toString(f[i]) : Double.toString(d[i]));
        if (size() > n) sb.append(", …");
        return sb.append(']').toString();
    }

    /** Package access to the storage for the helpers in this package. */
    float[] f() { return f; }
    double[] d() { return d; }
    int[] shapeRef() { return shape; }
    static Tensor raw(int[] shape, float[] f, double[] d) { return new Tensor(shape, f, d); }
}
