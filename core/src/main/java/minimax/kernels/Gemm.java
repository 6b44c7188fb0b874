package minimax.kernels;

/**
 * General matrix multiply: {@code C = op(A) · op(B)} or {@code C += op(A) · op(B)}.
 *
 * <p>All matrices are dense row-major arrays without offsets. {@code op(A)} is {@code m×k}: A is
 * stored {@code [m,k]}, or {@code [k,m]} when {@code transA}. {@code op(B)} is {@code k×n}: B is
 * stored {@code [k,n]}, or {@code [n,k]} when {@code transB}. C is {@code [m,n]} and is the only
 * argument modified; it must not alias A or B.
 *
 * <p>The float path is cache-blocked and split over rows or columns of C across {@link Parallel}'s threads
 * when the product is large; each element of C is always summed in the same order, so results do
 * not depend on the thread count. The double path is the plain triple loop, kept as the
 * reference that the fast path is tested against.
 */
public final class Gemm {
    /** Below this many multiply-adds a product runs on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 18;
    /** Rows of C accumulated together over one panel of B. */
    private static final int ROW_BLOCK = 16;
    /** Rows of B in one panel (with n = 1024 floats, 256 KiB: fits Zen 3's 512 KiB L2). */
    private static final int DEPTH_BLOCK = 64;

    private Gemm() {}

    /** Single-precision GEMM; see the class comment for layouts. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, float[] b, float[] c, boolean accumulate) {
        run(transA, transB, m, n, k, a, b, c, accumulate, VectorSupport.ENABLED);
    }

    /** {@link #sgemm} forced onto the portable loops, whatever the JVM offers (for tests and comparisons). */
    public static void sgemmPortable(boolean transA, boolean transB, int m, int n, int k,
                                     float[] a, float[] b, float[] c, boolean accumulate) {
        run(transA, transB, m, n, k, a, b, c, accumulate, false);
    }

    private static void run(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, float[] b, float[] c, boolean accumulate, boolean vector) {
        checkSizes(transA, transB, m, n, k, a.length, b.length, c.length);
        if (a == c || b == c) throw new IllegalArgumentException("gemm output must not alias an input");
        boolean matrixKernels = vector && n > 1; // packed or thin: with k ≥ 1 they overwrite C themselves
        if (!accumulate && (k == 0 || !matrixKernels)) java.util.Arrays.fill(c, 0, m * n, 0f);
        if (m == 0 || n == 0 || k == 0) return;
        boolean parallel = (long) m * n * k >= PARALLEL_THRESHOLD && m > 1;
        if (matrixKernels && k > VectorGemm.THIN && (m > VectorGemm.THIN || transB)) {
            if (fewRowsTimesTransposedB(transA, transB, m, n, accumulate)) viaTransposedProduct(m, n, k, a, b, c, parallel);
            else VectorGemm.sgemm(transA, transB, m, n, k, a, b, c, !accumulate, parallel);
        } else if (matrixKernels && k <= VectorGemm.THIN) {
            float[] rowsOfB = transB && k > 1 ? transposed(b, n, k) : b; // op(B)'s k rows, contiguous ([n,1] is already [1,n])
            Parallel.forRange(m, parallel, (i0, i1) -> VectorGemm.thin(transA, m, n, k, a, rowsOfB, c, !accumulate, i0, i1, 0, n));
        } else if (matrixKernels) { // m ≤ THIN rows of C, B untransposed: split over C's columns
            Parallel.forRange(n, parallel, (j0, j1) -> VectorGemm.thin(transA, m, n, k, a, b, c, !accumulate, 0, m, j0, j1));
        } else if (vector) { // one column: op(B) is k contiguous values either way ([k,1] or [1,k])
            Parallel.forRange(m, parallel, (i0, i1) -> VectorGemm.gemv(transA, m, k, a, b, c, i0, i1));
        } else {
            sgemmScalar(transA, transB, m, n, k, a, b, c, parallel);
        }
    }

    /**
     * A·Bᵀ, overwriting a C with more than {@link VectorGemm#THIN} but fewer than
     * {@link VectorGemm#PACK_A_MIN_COLUMNS} rows and more columns than rows: {@link #viaTransposedProduct} is cheaper.
     */
    private static boolean fewRowsTimesTransposedB(boolean transA, boolean transB, int m, int n, boolean accumulate) {
        return !accumulate && !transA && transB && m > VectorGemm.THIN && m < VectorGemm.PACK_A_MIN_COLUMNS && m < n;
    }

    /**
     * C = A·Bᵀ (A {@code [m,k]}, B {@code [n,k]}) for a C of few rows, computed as Cᵀ = B·Aᵀ and then
     * transposed. The direct product packs all of Bᵀ, n·k floats gathered across B's rows (in a layer's
     * backward pass, g·Wᵀ: the whole weight matrix); Cᵀ has fewer than
     * {@link VectorGemm#PACK_A_MIN_COLUMNS} columns, so its kernel reads B in place and packs only
     * Aᵀ's m·k floats. Measured alone, 64×784×512 376 → 303 µs and 64×512×256 219 → 134 µs; at 256
     * rows the direct product is faster. The bits are the same: each element is the same sequence of
     * fused multiply-adds (fma(x, y, s) = fma(y, x, s)) in the same depth blocks, and the transposition copies it.
     */
    private static void viaTransposedProduct(int m, int n, int k, float[] a, float[] b, float[] c, boolean parallel) {
        float[] t = scratch(m * n);
        VectorGemm.sgemm(false, true, n, m, k, b, a, t, true, parallel); // t = Cᵀ, [n,m]
        transpose(t, n, m, c);
    }

    /** B stored {@code [n,k]} as {@code [k,n]} (for small k: a few rows), in the calling thread's scratch buffer. */
    private static float[] transposed(float[] b, int n, int k) {
        float[] t = scratch(k * n);
        transpose(b, n, k, t);
        return t;
    }

    /** {@code dst} ({@code [cols,rows]}) = the transpose of {@code src} ({@code [rows,cols]}); dst is written in order. */
    private static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int j = 0, d = 0; j < cols; j++) {
            for (int i = 0, s = j; i < rows; i++, s += cols, d++) dst[d] = src[s];
        }
    }

    /**
     * The calling thread's scratch buffer for {@link #transposed} and {@link #viaTransposedProduct}
     * (which never use it at once), grown on demand: no allocation per product.
     */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[][] {new float[0]});

    private static float[] scratch(int size) {
        float[][] holder = SCRATCH.get();
        if (holder[0].length < size) holder[0] = new float[size];
        return holder[0];
    }

    /** The portable path (no Vector API): C += op(A)·op(B), C already zeroed if not accumulating. */
    private static void sgemmScalar(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c, boolean parallel) {
        if (n == 1) {
            // a single column: op(B) is k contiguous values either way ([k,1] or [1,k])
            Parallel.forRange(m, parallel, (i0, i1) -> rowsDotColumn(transA, m, k, a, b, c, i0, i1));
            return;
        }
        float[][] bRows = packRowsOfOpB(transB, n, k, b);
        Parallel.forRange(m, parallel, (i0, i1) -> rowsTimesPackedB(transA, m, n, k, a, bRows, c, i0, i1));
    }

    /**
     * op(B) as k separate rows of n floats. Loops then read B and accumulate C with the same index
     * ({@code acc[j] += s * row[j]}), which C2 vectorizes; with two offsets into flat arrays it
     * cannot rule out aliasing and stays scalar.
     */
    private static float[][] packRowsOfOpB(boolean transB, int n, int k, float[] b) {
        float[][] rows = new float[k][];
        for (int p = 0; p < k; p++) {
            float[] row = new float[n];
            if (transB) {
                for (int j = 0; j < n; j++) row[j] = b[j * k + p];
            } else {
                System.arraycopy(b, p * n, row, 0, n);
            }
            rows[p] = row;
        }
        return rows;
    }

    /** Row i of op(A) into {@code row}. */
    private static void rowOfOpA(boolean transA, int m, int k, float[] a, int i, float[] row) {
        if (transA) {
            for (int p = 0; p < k; p++) row[p] = a[p * m + i];
        } else {
            System.arraycopy(a, i * k, row, 0, k);
        }
    }

    /**
     * Rows {@code [i0,i1)} of C += op(A)·op(B), with op(B) packed by rows. Cache blocking: a block
     * of {@link #ROW_BLOCK} rows of C is accumulated over a panel of {@link #DEPTH_BLOCK} rows of B,
     * so the panel is read from cache once per row block rather than from memory once per row.
     */
    private static void rowsTimesPackedB(boolean transA, int m, int n, int k, float[] a, float[][] bRows, float[] c, int i0, int i1) {
        float[][] aRows = new float[ROW_BLOCK][k];
        float[][] acc = new float[ROW_BLOCK][n];
        for (int ib = i0; ib < i1; ib += ROW_BLOCK) {
            int rows = Math.min(ROW_BLOCK, i1 - ib);
            for (int r = 0; r < rows; r++) {
                rowOfOpA(transA, m, k, a, ib + r, aRows[r]);
                System.arraycopy(c, (ib + r) * n, acc[r], 0, n);
            }
            for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
                int p1 = Math.min(k, p0 + DEPTH_BLOCK);
                for (int r = 0; r < rows; r++) {
                    float[] accRow = acc[r];
                    float[] aRow = aRows[r];
                    for (int p = p0; p < p1; p++) {
                        float s = aRow[p];
                        float[] row = bRows[p];
                        for (int j = 0; j < n; j++) accRow[j] += s * row[j];
                    }
                }
            }
            for (int r = 0; r < rows; r++) System.arraycopy(acc[r], 0, c, (ib + r) * n, n);
        }
    }

    /** Rows {@code [i0,i1)} of C += op(A)·b for a single column b: dot products. */
    private static void rowsDotColumn(boolean transA, int m, int k, float[] a, float[] column, float[] c, int i0, int i1) {
        float[] aRow = new float[k];
        for (int i = i0; i < i1; i++) {
            rowOfOpA(transA, m, k, a, i, aRow);
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                s0 += aRow[p] * column[p];
                s1 += aRow[p + 1] * column[p + 1];
                s2 += aRow[p + 2] * column[p + 2];
                s3 += aRow[p + 3] * column[p + 3];
            }
            for (; p < k; p++) s0 += aRow[p] * column[p];
            c[i] += (s0 + s1) + (s2 + s3);
        }
    }

    /** Double-precision GEMM: the plain triple loop (reference path). */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
                             double[] a, double[] b, double[] c, boolean accumulate) {
        checkSizes(transA, transB, m, n, k, a.length, b.length, c.length);
        if (a == c || b == c) throw new IllegalArgumentException("gemm output must not alias an input");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * m + i] : a[i * k + p];
                    double bv = transB ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    private static void checkSizes(boolean transA, boolean transB, int m, int n, int k, int la, int lb, int lc) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("gemm sizes must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        if (la < (long) m * k) throw new IllegalArgumentException("gemm: A holds " + la + " values, needs " + (long) m * k + (transA ? " ([k,m])" : " ([m,k])"));
        if (lb < (long) k * n) throw new IllegalArgumentException("gemm: B holds " + lb + " values, needs " + (long) k * n + (transB ? " ([n,k])" : " ([k,n])"));
        if (lc < (long) m * n) throw new IllegalArgumentException("gemm: C holds " + lc + " values, needs " + (long) m * n);
    }
}
