package minimax.tensor;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of layout and broadcasting over random shapes (with zero-size dimensions). */
class TensorPropertiesTest {
    /** A shape of rank 0 to 4 with dimensions 0 to 4. */
    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMaxSize(4);
    }

    /** A shape together with one that broadcasts to it: some axes set to 1, some leading axes dropped. */
    @Provide
    Arbitrary<int[][]> broadcastPairs() {
        return Combinators.combine(shapes(), Arbitraries.longs()).as((full, seed) -> {
            Rng rng = new Rng(seed);
            int drop = full.length == 0 ? 0 : rng.nextInt(full.length + 1);
            int[] small = Arrays.copyOfRange(full, drop, full.length);
            for (int i = 0; i < small.length; i++) if (rng.nextInt(2) == 0) small[i] = 1;
            return new int[][] {full, small};
        });
    }

    private static Tensor iota(int[] shape, DType dtype) {
        double[] v = new double[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = i + 1;
        Tensor t = Tensor.of(v, shape);
        return dtype == DType.FLOAT32 ? t.toFloat32() : t;
    }

    @Property(tries = 200)
    boolean reshapeToAnyShapeAndBackIsTheIdentity(@ForAll("shapes") int[] shape, @ForAll DType dtype) {
        Tensor x = iota(shape, dtype);
        return x.reshape(-1).reshape(shape).equals(x) && x.reshape(x.size()).size() == x.size();
    }

    @Property(tries = 200)
    boolean reversedPermutationTwiceIsTheIdentity(@ForAll("shapes") int[] shape, @ForAll DType dtype) {
        Tensor x = iota(shape, dtype);
        int[] reversed = new int[shape.length];
        for (int i = 0; i < reversed.length; i++) reversed[i] = shape.length - 1 - i;
        return x.permute(reversed).permute(reversed).equals(x);
    }

    /** Adding a broadcast operand and summing back to the big shape's own shape loses nothing: Σ(a + b) per cell is a + b. */
    @Property(tries = 300)
    boolean broadcastAddAgreesWithExplicitBroadcastAndSumToUndoesIt(@ForAll("broadcastPairs") int[][] pair, @ForAll DType dtype) {
        int[] full = pair[0], small = pair[1];
        Tensor a = iota(full, dtype);
        Tensor b = iota(small, dtype).mul(0.5f);
        Tensor sum = a.add(b);
        boolean sameAsExplicit = sum.equals(a.add(b.broadcastTo(full))) && b.add(a).equals(sum);
        // summing (a + b) − a down to b's shape counts each b element (size(full) / size(small)) times
        Tensor back = sum.sub(a).sumTo(small);
        int repeats = Shapes.size(small) == 0 ? 0 : Shapes.size(full) / Shapes.size(small);
        Tensor expected = b.mul((float) repeats);
        return sameAsExplicit && Arrays.equals(back.shape(), small) && close(back, expected);
    }

    /** The float32 fast paths of sumTo (scalar, trailing row) against the float64 general loop; maxTo exactly. */
    @Property(tries = 100)
    boolean affineIsMatmulThenAddBitForBit(@ForAll("sizes") int m, @ForAll("sizes") int n, @ForAll("sizes") int k, @ForAll long seed, @ForAll DType dtype) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.uniform(rng, -1, 1, m, k), w = Tensor.uniform(rng, -1, 1, k, n), b = Tensor.uniform(rng, -1, 1, n);
        if (dtype == DType.FLOAT64) {
            x = x.toFloat64();
            w = w.toFloat64();
            b = b.toFloat64();
        }
        return Arrays.equals(x.matmul(w).add(b).toDoubleArray(), x.affine(w, b).toDoubleArray());
    }

    /** Matrix sizes from 0 past 64 (vector widths, the GEMM's tiles and its 64/65-column switch). */
    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(0, 80).edgeCases(c -> c.add(0, 1, 8, 16, 64, 65));
    }

    @Property(tries = 300)
    boolean float32ReductionsAgreeWithFloat64(@ForAll("broadcastPairs") int[][] pair, @ForAll long seed) {
        int[] full = pair[0], small = pair[1];
        Tensor x = Tensor.uniform(new Rng(seed), -1, 1, full);
        boolean sums = close(x.sumTo(small).toFloat64(), x.toFloat64().sumTo(small));
        boolean maxima = Shapes.size(full) == 0 || x.maxTo(small).toFloat64().equals(x.toFloat64().maxTo(small));
        return sums && maxima;
    }

    private static boolean close(Tensor a, Tensor b) {
        for (int i = 0; i < a.size(); i++) {
            if (Math.abs(a.getFlat(i) - b.getFlat(i)) > 1e-5 * Math.max(1, Math.abs(b.getFlat(i)))) return false;
        }
        return a.size() == b.size();
    }
}
