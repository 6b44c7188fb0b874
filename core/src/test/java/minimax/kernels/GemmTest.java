package minimax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of the fast {@link Gemm#sgemm} against the plain loop {@link Gemm#dgemm}, on a
 * hand-known case, odd and zero sizes, every transpose combination and with accumulation.
 *
 * <p>Tolerance: computed in float32, each element is a sum of k products; recursive summation
 * (the float path's order) has error at most {@code γ·Σ|a||b|} with {@code γ ≈ (k + 2)·u},
 * {@code u = 2⁻²⁴}, plus the initial value of C when accumulating. The reference is exact up to
 * double rounding, negligible here.
 */
class GemmTest {
    private static final double U = Math.ulp(1f) / 2;

    @Test
    void handKnownTwoByTwo() {
        float[] a = {1, 2, 3, 4}, b = {5, 6, 7, 8};
        float[] c = new float[4];
        Gemm.sgemm(false, false, 2, 2, 2, a, b, c, false);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        Gemm.sgemm(true, false, 2, 2, 2, a, b, c, false);  // Aᵀ·B
        assertArrayEquals(new float[] {26, 30, 38, 44}, c);
        Gemm.sgemm(false, true, 2, 2, 2, a, b, c, false);  // A·Bᵀ
        assertArrayEquals(new float[] {17, 23, 39, 53}, c);
        Gemm.sgemm(true, true, 2, 2, 2, a, b, c, true);    // C += Aᵀ·Bᵀ = [23 31; 34 46]
        assertArrayEquals(new float[] {17 + 23, 23 + 31, 39 + 34, 53 + 46}, c);
        double[] cd = new double[4];
        Gemm.dgemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, cd, false);
        assertArrayEquals(new double[] {19, 22, 43, 50}, cd);
    }

    @Test
    void matchesTheReferenceOnOddSizesAllTransposesAndAccumulation() {
        int[] sizes = {1, 2, 3, 5, 17, 33};
        SplittableRandom r = new SplittableRandom(7);
        for (int m : sizes) for (int n : sizes) for (int k : sizes) {
            for (int t = 0; t < 8; t++) compare(r, m, n, k, (t & 1) != 0, (t & 2) != 0, (t & 4) != 0);
        }
    }

    @Test
    void matchesTheReferenceOnSizesThatCrossTheBlocksAndThreshold() {
        // 257 > BLOCK_K, 513 > BLOCK_N; m·n·k above the parallel threshold exercises the row split
        SplittableRandom r = new SplittableRandom(11);
        int[][] shapes = {{257, 3, 33}, {3, 513, 257}, {65, 513, 300}, {130, 67, 257}, {70, 64, 300}, {70, 65, 300}, {1, 1000, 300}, {1000, 1, 300}, {50, 1, 1024}, {301, 1, 1000}};
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) compare(r, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, t == 3);
        }
    }

    @Test
    void everyWidthOfTheLastColumnPanelIsAddedRight() {
        // n from 1 to past two panels: the last panel's valid width takes every value below NR, in
        // whole vectors and single floats (8 or 16 floats a vector); 70 columns also pack A
        SplittableRandom r = new SplittableRandom(13);
        for (int n = 1; n <= Math.max(70, 2 * VectorGemm.NR + 1); n++) {
            for (int t = 0; t < 8; t++) compare(r, 9, n, 7, (t & 1) != 0, (t & 2) != 0, (t & 4) != 0);
        }
    }

    @Test
    void zeroSizesAreValid() {
        SplittableRandom r = new SplittableRandom(3);
        int[][] shapes = {{0, 4, 3}, {4, 0, 3}, {4, 3, 0}, {0, 0, 0}, {1, 1, 0}};
        for (int[] s : shapes) {
            for (int t = 0; t < 8; t++) compare(r, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, (t & 4) != 0);
        }
        // k = 0 without accumulation must clear C: the product of empty sums is zero
        float[] c = {5, 6, 7, 8};
        Gemm.sgemm(false, false, 2, 2, 0, new float[0], new float[0], c, false);
        assertArrayEquals(new float[4], c);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        SplittableRandom r = new SplittableRandom(5);
        int m = 301, n = 263, k = 517;
        float[] a = random(r, m * k), b = random(r, k * n);
        int before = Parallel.threads();
        try {
            for (boolean transB : new boolean[] {false, true}) {
                Parallel.setThreads(1);
                float[] one = new float[m * n];
                Gemm.sgemm(false, transB, m, n, k, a, b, one, false);
                Parallel.setThreads(2);
                float[] two = new float[m * n];
                Gemm.sgemm(false, transB, m, n, k, a, b, two, false);
                assertArrayEquals(one, two, "bit-identical for 1 and 2 threads, transB=" + transB);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void theTestJvmRunsTheVectorKernels() {
        assertTrue(VectorSupport.ENABLED, "run the tests with --add-modules jdk.incubator.vector (Surefire's argLine does) so the vector kernels are tested");
    }

    @Test
    void anOutputThatAliasesAnInputIsRejected() {
        float[] a = new float[4], b = new float[4];
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, 2, 2, 2, a, b, a, false));
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, 2, 2, 2, a, b, b, true));
        double[] ad = new double[4], bd = new double[4];
        assertThrows(IllegalArgumentException.class, () -> Gemm.dgemm(false, false, 2, 2, 2, ad, bd, ad, false));
        assertThrows(IllegalArgumentException.class, () -> Gemm.dgemm(false, false, 2, 2, 2, ad, bd, bd, false));
    }

    @Test
    void tooShortArraysAndNegativeSizesAreRejectedWithTheNeed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 3, 4, new float[7], new float[12], new float[6], false));
        assertTrue(e.getMessage().contains("A holds 7") && e.getMessage().contains("needs 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, 2, 3, 4, new float[8], new float[11], new float[6], false));
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, 2, 3, 4, new float[8], new float[12], new float[5], false));
        assertThrows(IllegalArgumentException.class, () -> Gemm.sgemm(false, false, -1, 3, 4, new float[8], new float[12], new float[6], false));
        assertThrows(IllegalArgumentException.class, () -> Gemm.dgemm(false, false, 2, 3, 4, new double[7], new double[12], new double[6], false));
    }

    /** sgemm on random floats against dgemm on the same values widened to double, element by element. */
    private static void compare(SplittableRandom r, int m, int n, int k, boolean transA, boolean transB, boolean accumulate) {
        float[] a = random(r, m * k), b = random(r, k * n), c0 = random(r, m * n);
        float[] c = c0.clone();
        float[] portable = c.clone();
        Gemm.sgemm(transA, transB, m, n, k, a, b, c, accumulate);
        Gemm.sgemmPortable(transA, transB, m, n, k, a, b, portable, accumulate);
        double[] ref = widen(c0);
        Gemm.dgemm(transA, transB, m, n, k, widen(a), widen(b), ref, accumulate);
        double[] absRef = accumulate ? absolute(widen(c0)) : new double[m * n];
        Gemm.dgemm(transA, transB, m, n, k, absolute(widen(a)), absolute(widen(b)), absRef, accumulate);
        for (float[] result : new float[][] {c, portable}) {
            String path = result == c ? "sgemm" : "sgemmPortable";
            for (int i = 0; i < m * n; i++) {
                double bound = (k + 2) * U * absRef[i] + Double.MIN_NORMAL;
                if (!(Math.abs(result[i] - ref[i]) <= bound)) {
                    throw new AssertionError(String.format("%s m=%d n=%d k=%d transA=%b transB=%b accumulate=%b: C[%d] = %s, reference %s, bound %.3g",
                            path, m, n, k, transA, transB, accumulate, i, result[i], ref[i], bound));
                }
            }
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return v;
    }

    private static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    private static double[] absolute(double[] v) {
        for (int i = 0; i < v.length; i++) v[i] = Math.abs(v[i]);
        return v;
    }

    /**
     * Thin products (shared dimension ≤ 4, or ≤ 4 rows of C with B untransposed) skip the packed
     * kernel; they must give its bits exactly, accumulating or not, on one thread and on two.
     */
    @Test
    void thinProductsGiveThePackedKernelsBitsExactly() {
        SplittableRandom r = new SplittableRandom(11);
        int[][] shapes = {{256, 128, 1}, {256, 128, 2}, {256, 64, 2}, {37, 70, 3}, {5, 17, 4}, {2, 128, 256}, {2, 64, 600}, {3, 33, 5}, {1, 9, 300}, {4, 2, 7}, {300, 2, 1}};
        forEachCase(shapes, (m, n, k, ta, tb, label) -> {
            float[] a = random(r, m * k), b = random(r, k * n);
            for (boolean accumulate : new boolean[] {false, true}) {
                float[] start = random(r, m * n);
                float[] fast = accumulate ? start.clone() : new float[m * n];
                float[] packed = fast.clone();
                Gemm.sgemm(ta, tb, m, n, k, a, b, fast, true);
                VectorGemm.sgemm(ta, tb, m, n, k, a, b, packed, false, (long) m * n * k >= Gemm.PARALLEL_THRESHOLD);
                KernelChecks.assertSameBits(packed, fast, () -> label + " against the packed kernel");
            }
        });
    }

    /**
     * A·Bᵀ with few rows of C (5 to 64) runs as Cᵀ = B·Aᵀ and a transposition; it must give the
     * direct packed kernel's bits exactly, over one and several depth blocks (k past 256), with exact
     * −0 products and sums that underflow to −0, on one thread and on two, and C's old contents
     * (NaN here) must not leak through.
     */
    @Test
    void fewRowsTimesTransposedBGivesTheDirectKernelsBits() {
        SplittableRandom r = new SplittableRandom(14);
        int[][] shapes = {{5, 40, 7}, {17, 100, 300}, {64, 784, 512}, {64, 70, 513}, {37, 38, 5}};
        KernelChecks.onOneAndTwoThreads(threads -> {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                float[] a = random(r, m * k), b = random(r, n * k);
                for (int p = 0; p < k; p++) a[p] = 0f;     // row 0 of A is zero: exact ±0 products
                for (int p = 0; p < k; p++) {              // row 1 of A times row 0 of B: every product underflows to −0
                    a[k + p] = -1e-23f;
                    b[p] = 1e-23f;
                }
                float[] viaGemm = new float[m * n];
                java.util.Arrays.fill(viaGemm, Float.NaN);
                float[] direct = new float[m * n];
                Gemm.sgemm(false, true, m, n, k, a, b, viaGemm, false);
                VectorGemm.sgemm(false, true, m, n, k, a, b, direct, true, (long) m * n * k >= Gemm.PARALLEL_THRESHOLD);
                KernelChecks.assertSameBits(direct, viaGemm, () -> m + "×" + n + "×" + k + " A·Bᵀ on " + threads + " thread(s)");
            }
        });
    }

    /**
     * The thin paths sum each element from +0 by fused multiply-adds, as the packed kernel does, so
     * an exact −0 product onto +0 gives +0 and C = −0 stays −0 only where the packed kernel keeps it
     * (a first step computed as a plain product, −0, would turn −0 + sum into −0 where it is +0).
     */
    @Test
    void thinProductsTreatSignedZerosAsThePackedKernel() {
        SplittableRandom r = new SplittableRandom(12);
        int[][] shapes = {{64, 40, 1}, {33, 19, 2}, {9, 70, 4}, {3, 40, 300}};
        forEachCase(shapes, (m, n, k, ta, tb, label) -> {
            float[] a = random(r, m * k), b = random(r, k * n);
            for (int i = 0; i < b.length; i++) b[i] = Math.abs(b[i]);
            for (int p = 0; p < k; p++) a[ta ? p * m : p] = -0f; // row 0 of op(A) is −0: its products are exactly −0
            float[] fast = new float[m * n];
            java.util.Arrays.fill(fast, -0f);
            float[] packed = fast.clone();
            Gemm.sgemm(ta, tb, m, n, k, a, b, fast, true);
            VectorGemm.sgemm(ta, tb, m, n, k, a, b, packed, false, false);
            KernelChecks.assertSameBits(packed, fast, () -> label + " against the packed kernel, C = −0");
        });
    }

    /**
     * Without accumulation the vector kernels (packed and thin) do not clear C in a pass of its own
     * first: C's old contents (NaN here) must never be read, and the bits must be those of
     * accumulating into zeros — also where products are −0 (zero rows of A against negative B) and
     * where a sum underflows to −0 (−1e−23 · 1e−23), which a cleared C turns into +0.
     */
    @Test
    void theVectorKernelsOverwriteCWithTheBitsOfAccumulatingIntoZeros() {
        SplittableRandom r = new SplittableRandom(5);
        int[][] shapes = {{64, 784, 512}, {37, 70, 300}, {130, 67, 257}, {5, 33, 9}, {70, 65, 600}, {9, 2, 5}, {1024, 50, 1}, {37, 70, 3}, {2, 64, 600}, {3, 33, 300}};
        forEachCase(shapes, (m, n, k, ta, tb, label) -> {
            float[] a = random(r, m * k), b = random(r, k * n);
            for (int p = 0; p < k; p++) a[ta ? p * m : p] = 0f; // row 0 of op(A) is zero
            for (int i = 0; i < b.length; i++) b[i] = -Math.abs(b[i]);
            for (int p = 0; p < k && m > 1; p++) { // row 1 of op(A) times column 0 of op(B): every product underflows to −0
                a[ta ? p * m + 1 : k + p] = -1e-23f;
                b[tb ? p : p * n] = 1e-23f;
            }
            float[] overwritten = new float[m * n];
            java.util.Arrays.fill(overwritten, Float.NaN);
            float[] accumulated = new float[m * n];
            Gemm.sgemm(ta, tb, m, n, k, a, b, overwritten, false);
            Gemm.sgemm(ta, tb, m, n, k, a, b, accumulated, true);
            KernelChecks.assertSameBits(accumulated, overwritten, () -> label + " against accumulating into zeros");
        });
    }

    /** One product case: its sizes, transposes, and a label naming them and the thread count. */
    @FunctionalInterface
    private interface ProductCase {
        void check(int m, int n, int k, boolean transA, boolean transB, String label);
    }

    /** Every shape with all four transpose combinations, on one thread and on two. */
    private static void forEachCase(int[][] shapes, ProductCase c) {
        KernelChecks.onOneAndTwoThreads(threads -> {
            for (int[] mnk : shapes) {
                for (int t = 0; t < 4; t++) {
                    boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                    c.check(mnk[0], mnk[1], mnk[2], ta, tb, mnk[0] + "×" + mnk[1] + "×" + mnk[2] + (ta ? " Aᵀ" : "") + (tb ? " Bᵀ" : "") + " threads " + threads);
                }
            }
        });
    }
}
