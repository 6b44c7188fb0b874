package minimax.tensor;

import java.util.Arrays;

/** Sums and maxima of a tensor down to a shape that broadcasts to it. */
final class Reductions {
    private Reductions() {}

    static Tensor sumTo(Tensor x, int[] target) {
        int[] shape = x.shapeRef();
        checkTarget("sumTo", shape, target);
        Tensor out = x.zerosLike(target);
        if (Arrays.equals(shape, target)) return x.copy();
        int n = x.size();
        if (x.f() != null) {
            float[] in = x.f();
            float[] of = out.f();
            int outSize = of.length;
            if (outSize == 1) {
                double s = 0; // accumulate in double: a float sum of a large batch drifts
                for (int i = 0; i < n; i++) s += in[i];
                of[0] = (float) s;
            } else if (isTrailingRow(target, shape)) {
                double[] acc = new double[outSize];
                for (int r = 0; r < n; r += outSize) {
                    for (int j = 0; j < outSize; j++) acc[j] += in[r + j];
                }
                for (int j = 0; j < outSize; j++) of[j] = (float) acc[j];
            } else {
                double[] acc = new double[outSize];
                Strided.forEachReduced(shape, target, (i, o) -> acc[o] += in[i]);
                for (int j = 0; j < outSize; j++) of[j] = (float) acc[j];
            }
        } else {
            double[] in = x.d();
            double[] od = out.d();
            Strided.forEachReduced(shape, target, (i, o) -> od[o] += in[i]);
        }
        return out;
    }

    static Tensor maxTo(Tensor x, int[] target) {
        int[] shape = x.shapeRef();
        checkTarget("maxTo", shape, target);
        if (x.size() == 0 && Shapes.size(target) > 0) throw new IllegalArgumentException("max of an empty tensor of shape " + Shapes.str(shape));
        Tensor out = Tensor.full(Double.NEGATIVE_INFINITY, x.dtype(), target);
        if (x.f() != null) {
            float[] in = x.f(), of = out.f();
            Strided.forEachReduced(shape, target, (i, o) -> of[o] = Math.max(of[o], in[i]));
        } else {
            double[] in = x.d(), od = out.d();
            Strided.forEachReduced(shape, target, (i, o) -> od[o] = Math.max(od[o], in[i]));
        }
        return out;
    }

    /** True if {@code target} (without leading 1s) is the trailing part of {@code shape} and shape's extra leading axes are the only ones reduced. */
    private static boolean isTrailingRow(int[] target, int[] shape) {
        int off = shape.length - target.length;
        int firstKept = 0;
        while (firstKept < target.length && target[firstKept] == 1 && shape[off + firstKept] != 1) firstKept++;
        // axes before firstKept are reduced (or leading); the rest must match exactly
        for (int i = firstKept; i < target.length; i++) if (target[i] != shape[off + i]) return false;
        return true;
    }

    private static void checkTarget(String op, int[] shape, int[] target) {
        if (!Shapes.broadcastsTo(target, shape)) {
            throw new IllegalArgumentException(op + ": shape " + Shapes.str(target) + " does not broadcast to " + Shapes.str(shape));
        }
    }
}
