package minimax.tensor;

import java.util.Arrays;

/** Static helpers on shapes ({@code int[]} of non-negative dimensions, row-major). */
public final class Shapes {
    private Shapes() {}

    /** Number of elements of a shape: the product of its dimensions (1 for a scalar {@code []}). */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("shape " + str(shape) + " has a negative dimension");
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Row-major strides of a shape, in elements. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /**
     * The broadcast shape of two shapes, NumPy rules: align trailing dimensions; each pair must be
     * equal or contain a 1.
     *
     * @throws IllegalArgumentException naming both shapes when they do not broadcast
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + str(a) + " and " + str(b) + " do not broadcast (dimension " + i + ": " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** True if {@code from} broadcasts to exactly {@code to}. */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) return false;
        int off = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[i + off]) return false;
        }
        return true;
    }

    /**
     * Strides for reading {@code shape} as if broadcast to {@code target}: 0 along broadcast axes.
     * Result has {@code target.length} entries.
     */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int[] own = strides(shape);
        int[] s = new int[target.length];
        int off = target.length - shape.length;
        for (int i = 0; i < target.length; i++) {
            if (i < off) s[i] = 0;
            else s[i] = shape[i - off] == 1 && target[i] != 1 ? 0 : own[i - off];
        }
        return s;
    }

    /** Normalizes a possibly negative axis ({@code -1} is the last) against a rank. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        return a;
    }

    /** A shape as text, e.g. {@code [32, 15]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** {@code shape} with the given axes set to 1 (all axes if {@code axes} is empty). */
    public static int[] keptShape(int[] shape, int[] axes) {
        int[] s = shape.clone();
        if (axes.length == 0) {
            Arrays.fill(s, 1);
            return s;
        }
        for (int a : axes) s[axis(a, shape.length)] = 1;
        return s;
    }

    /** {@code shape} without the given axes (all axes if {@code axes} is empty). */
    public static int[] droppedShape(int[] shape, int[] axes) {
        if (axes.length == 0) return new int[0];
        boolean[] drop = new boolean[shape.length];
        for (int a : axes) drop[axis(a, shape.length)] = true;
        int count = 0;
        for (boolean b : drop) if (!b) count++;
        int[] s = new int[count];
        int j = 0;
        for (int i = 0; i < shape.length; i++) if (!drop[i]) s[j++] = shape[i];
        return s;
    }
}
