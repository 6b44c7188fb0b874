package minimax.kernels;

/**
 * General matrix multiply: {@code C = op(A) · op(B)} or {@code C += op(A) · op(B)}.
 *
 * <p>All matrices are dense row-major arrays without offsets. {@code op(A)} is {@code m×k}: A is
 * stored {@code [m,k]}, or {@code [k,m]} when {@code transA}. {@code op(B)} is {@code k×n}: B is
 * stored {@code [k,n]}, or {@code [n,k]} when {@code transB}. C is {@code [m,n]} and is the only
 * argument modified; it must not alias A or B.
 *
 * <p>The float path is cache-blocked and split over rows of C across {@link Parallel}'s threads
 * when the product is large; each element of C is always summed in the same order, so results do
 * not depend on the thread count. The double path is the plain triple loop, kept as the
 * reference that the fast path is tested against.
 */
public final class Gemm {
    /** Below this many multiply-adds a product runs on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 18;
    private static final int BLOCK_K = 256;
    private static final int BLOCK_N = 512;

    private Gemm() {}

    /** Single-precision GEMM; see the class comment for layouts. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float[] a, float[] b, float[] c, boolean accumulate) {
        checkSizes(transA, transB, m, n, k, a.length, b.length, c.length);
        if (a == c || b == c) throw new IllegalArgumentException("gemm output must not alias an input");
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        if (m == 0 || n == 0 || k == 0) return;
        boolean parallel = (long) m * n * k >= PARALLEL_THRESHOLD && m > 1;
        if (!transB) {
            Parallel.forRange(m, parallel, (i0, i1) -> rowsTimesB(transA, m, n, k, a, b, c, i0, i1));
        } else {
            Parallel.forRange(m, parallel, (i0, i1) -> rowsDotBt(transA, m, n, k, a, b, c, i0, i1));
        }
    }

    /** Rows {@code [i0,i1)} of C += op(A)·B with B stored [k,n]: axpy of B's rows, blocked. */
    private static void rowsTimesB(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int i0, int i1) {
        for (int j0 = 0; j0 < n; j0 += BLOCK_N) {
            int j1 = Math.min(n, j0 + BLOCK_N);
            for (int p0 = 0; p0 < k; p0 += BLOCK_K) {
                int p1 = Math.min(k, p0 + BLOCK_K);
                for (int i = i0; i < i1; i++) {
                    int co = i * n;
                    for (int p = p0; p < p1; p++) {
                        float s = transA ? a[p * m + i] : a[i * k + p];
                        int bo = p * n;
                        for (int j = j0; j < j1; j++) c[co + j] += s * b[bo + j];
                    }
                }
            }
        }
    }

    /** Rows {@code [i0,i1)} of C += op(A)·Bᵀ with B stored [n,k]: dot products of rows. */
    private static void rowsDotBt(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, int i0, int i1) {
        float[] row = new float[k];
        for (int i = i0; i < i1; i++) {
            if (transA) {
                for (int p = 0; p < k; p++) row[p] = a[p * m + i];
            } else {
                System.arraycopy(a, i * k, row, 0, k);
            }
            int co = i * n;
            for (int j = 0; j < n; j++) {
                int bo = j * k;
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
                int p = 0;
                for (; p + 3 < k; p += 4) {
                    s0 += row[p] * b[bo + p];
                    s1 += row[p + 1] * b[bo + p + 1];
                    s2 += row[p + 2] * b[bo + p + 2];
                    s3 += row[p + 3] * b[bo + p + 3];
                }
                for (; p < k; p++) s0 += row[p] * b[bo + p];
                c[co + j] += (s0 + s1) + (s2 + s3);
            }
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
