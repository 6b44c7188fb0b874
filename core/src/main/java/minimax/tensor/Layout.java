package minimax.tensor;

import java.util.Arrays;

/** Operations that move values without arithmetic: reshape, permute, broadcast, slice, concat, gather. */
final class Layout {
    private Layout() {}

    static int[] resolveReshape(int[] from, int[] to) {
        int size = Shapes.size(from);
        int[] s = to.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape " + Shapes.str(from) + " to " + Shapes.str(to) + ": only one dimension may be -1");
                infer = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape to " + Shapes.str(to) + ": negative dimension");
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size % known != 0) throw new IllegalArgumentException("cannot reshape " + Shapes.str(from) + " (" + size + " values) to " + Shapes.str(to));
            s[infer] = (int) (size / known);
        }
        if (Shapes.size(s) != size) throw new IllegalArgumentException("cannot reshape " + Shapes.str(from) + " (" + size + " values) to " + Shapes.str(to) + " (" + Shapes.size(s) + " values)");
        return s;
    }

    static Tensor permute(Tensor x, int[] axes) {
        int[] shape = x.shapeRef();
        int rank = shape.length;
        if (axes.length != rank) throw new IllegalArgumentException("permute of shape " + Shapes.str(shape) + " needs " + rank + " axes, got " + Arrays.toString(axes));
        boolean[] seen = new boolean[rank];
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shapes.axis(axes[i], rank);
            if (seen[a]) throw new IllegalArgumentException("permute axes " + Arrays.toString(axes) + " repeat axis " + a);
            seen[a] = true;
            outShape[i] = shape[a];
        }
        int[] inStrides = Shapes.strides(shape);
        int[] st = new int[rank]; // input stride for each output axis
        for (int i = 0; i < rank; i++) st[i] = inStrides[Shapes.axis(axes[i], rank)];
        Tensor out = x.zerosLike(outShape);
        int n = x.size();
        if (n == 0) return out;
        if (rank == 2 && x.f() != null) { // matrix transpose fast path
            float[] in = x.f(), of = out.f();
            int r = outShape[0], c = outShape[1];
            for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) of[i * c + j] = in[i * st[0] + j * st[1]];
            return out;
        }
        int[] idx = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            if (x.f() != null) out.f()[i] = x.f()[src];
            else out.d()[i] = x.d()[src];
            for (int ax = rank - 1; ax >= 0; ax--) {
                idx[ax]++;
                src += st[ax];
                if (idx[ax] < outShape[ax]) break;
                src -= st[ax] * outShape[ax];
                idx[ax] = 0;
            }
        }
        return out;
    }

    static Tensor broadcastTo(Tensor x, int[] target) {
        if (!Shapes.broadcastsTo(x.shapeRef(), target)) throw new IllegalArgumentException("cannot broadcast shape " + Shapes.str(x.shapeRef()) + " to " + Shapes.str(target));
        Tensor out = x.zerosLike(target);
        if (x.f() != null) {
            float[] in = x.f(), of = out.f();
            Strided.forEachReduced(target, x.shapeRef(), (o, i) -> of[o] = in[i]);
        } else {
            double[] in = x.d(), od = out.d();
            Strided.forEachReduced(target, x.shapeRef(), (o, i) -> od[o] = in[i]);
        }
        return out;
    }

    static Tensor slice(Tensor x, int axis, int start, int end) {
        int[] shape = x.shapeRef();
        int a = Shapes.axis(axis, shape.length);
        if (start < 0 || end > shape[a] || start > end) throw new IllegalArgumentException("slice [" + start + ", " + end + ") is out of range for axis " + a + " of shape " + Shapes.str(shape));
        int[] outShape = shape.clone();
        outShape[a] = end - start;
        Tensor out = x.zerosLike(outShape);
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= shape[i];
        int inner = 1;
        for (int i = a + 1; i < shape.length; i++) inner *= shape[i];
        int inBlock = shape[a] * inner, outBlock = (end - start) * inner;
        for (int o = 0; o < outer; o++) {
            copy(x, o * inBlock + start * inner, out, o * outBlock, outBlock);
        }
        return out;
    }

    static Tensor concat(int axis, Tensor[] parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat needs at least one tensor");
        int[] first = parts[0].shapeRef();
        int a = Shapes.axis(axis, first.length);
        int total = 0;
        for (Tensor p : parts) {
            int[] s = p.shapeRef();
            if (p.dtype() != parts[0].dtype()) throw new IllegalArgumentException("concat of " + parts[0].dtype() + " and " + p.dtype());
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) ok = i == a || s[i] == first[i];
            if (!ok) throw new IllegalArgumentException("concat along axis " + a + ": shape " + Shapes.str(s) + " does not match " + Shapes.str(first));
            total += s[a];
        }
        int[] outShape = first.clone();
        outShape[a] = total;
        Tensor out = parts[0].zerosLike(outShape);
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= first[i];
        int inner = 1;
        for (int i = a + 1; i < first.length; i++) inner *= first[i];
        int outBlock = total * inner;
        int offset = 0;
        for (Tensor p : parts) {
            int block = p.shapeRef()[a] * inner;
            for (int o = 0; o < outer; o++) copy(p, o * block, out, o * outBlock + offset, block);
            offset += block;
        }
        return out;
    }

    static Tensor rows(Tensor x, int[] indices) {
        int[] shape = x.shapeRef();
        if (shape.length == 0) throw new IllegalArgumentException("rows() needs a tensor of rank >= 1");
        int[] outShape = shape.clone();
        outShape[0] = indices.length;
        Tensor out = x.zerosLike(outShape);
        int row = shape[0] == 0 ? 0 : x.size() / shape[0];
        for (int i = 0; i < indices.length; i++) {
            int r = indices[i];
            if (r < 0 || r >= shape[0]) throw new IndexOutOfBoundsException("row " + r + " outside [0, " + shape[0] + ")");
            copy(x, r * row, out, i * row, row);
        }
        return out;
    }

    private static void copy(Tensor src, int from, Tensor dst, int to, int n) {
        if (src.f() != null) System.arraycopy(src.f(), from, dst.f(), to, n);
        else System.arraycopy(src.d(), from, dst.d(), to, n);
    }
}
