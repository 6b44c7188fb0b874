package minimax.tensor;

/** The general broadcasting loop: walks the output with a multi-index and strided inputs. */
final class Strided {
    private Strided() {}

    /** {@code out = a op b} where a and b broadcast to {@code out}'s shape. */
    static void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        int[] shape = out.shapeRef();
        int n = out.size();
        if (n == 0) return;
        int rank = shape.length;
        int[] sa = Shapes.broadcastStrides(a.shapeRef(), shape);
        int[] sb = Shapes.broadcastStrides(b.shapeRef(), shape);
        int[] idx = new int[rank];
        int ia = 0, ib = 0;
        float[] af = a.f(), bf = b.f(), of = out.f();
        double[] ad = a.d(), bd = b.d(), od = out.d();
        for (int i = 0; i < n; i++) {
            if (of != null) of[i] = op.apply(af[ia], bf[ib]);
            else od[i] = op.apply(ad[ia], bd[ib]);
            // advance the multi-index, last axis fastest
            for (int ax = rank - 1; ax >= 0; ax--) {
                idx[ax]++;
                ia += sa[ax];
                ib += sb[ax];
                if (idx[ax] < shape[ax]) break;
                ia -= sa[ax] * shape[ax];
                ib -= sb[ax] * shape[ax];
                idx[ax] = 0;
            }
        }
    }

    /**
     * Calls {@code visit(inputIndex, outputIndex)} for every element of a tensor of shape
     * {@code shape}, where {@code outputIndex} is its position in a tensor of shape {@code small}
     * that broadcasts to {@code shape}.
     */
    static void forEachReduced(int[] shape, int[] small, IndexPairVisitor visit) {
        int n = Shapes.size(shape);
        if (n == 0) return;
        int rank = shape.length;
        int[] so = Shapes.broadcastStrides(small, shape);
        int[] idx = new int[rank];
        int io = 0;
        for (int i = 0; i < n; i++) {
            visit.visit(i, io);
            for (int ax = rank - 1; ax >= 0; ax--) {
                idx[ax]++;
                io += so[ax];
                if (idx[ax] < shape[ax]) break;
                io -= so[ax] * shape[ax];
                idx[ax] = 0;
            }
        }
    }

    @FunctionalInterface
    interface IndexPairVisitor {
        void visit(int input, int output);
    }
}
