package minimax.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision GEMM on the JDK's Vector API (incubator module {@code jdk.incubator.vector}),
 * structured as in GotoBLAS/BLIS: op(B) is packed into panels {@link #NR} columns wide and op(A)
 * into panels {@link #MR} rows high, both zero-padded, per cache block of {@link #KC} × {@link #NC};
 * a register-tiled micro-kernel keeps an MR × NR block of C in vector registers while it runs down
 * the shared dimension, so each loaded value of B feeds MR fused multiply-adds.
 *
 * <p>Only {@link Gemm} calls this class, and only after checking that the module is present: with
 * the module absent, loading it fails. Threads split the rows of C (or its columns when C is wider
 * than tall), so every element of C is summed in the same order for any thread count.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of C in one micro-tile: 4 × 2 accumulators (6 × 16 and 5 × 16 tiles measured slower: the JIT spilled). */
    static final int MR = 4;
    /** Columns of C in one micro-tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a cache block (rows of op(B), columns of op(A)). */
    static final int KC = 256;
    /** Width of a cache block of op(B): KC × NC floats stay in L2. */
    static final int NC = 512;
    /** Rows of op(A) packed at once per thread (a multiple of MR): MC × KC floats stay in L1/L2. */
    static final int MC = 64;

    /**
     * A thread's C blocks at least this wide get op(A) packed; narrower ones read it where it lies (measured: for
     * C 50 or 64 wide, as in W1's and the ring's layers, packing A cost as much as it saved, and
     * W1's step at batch 1024 ran 1.6× slower with it; at 128 wide packing is 1.5× faster).
     */
    static final int PACK_A_MIN_COLUMNS = 65;

    private static final ThreadLocal<float[]> PACKED_A = ThreadLocal.withInitial(() -> new float[MC * KC]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);
    private static final ThreadLocal<float[]> PACKED_B = ThreadLocal.withInitial(() -> new float[KC * (NC + NR)]);

    private VectorGemm() {}

    /**
     * C = op(A)·op(B) when {@code overwrite}, else C += op(A)·op(B). With {@code overwrite}, C's old
     * values are never read: each block of C is cleared just before its first depth block is added
     * (while the block is about to be read anyway, so it is cleared in cache, not in a pass of its
     * own over all of C before the product). Work is split
     * once per call: by columns of C when C is wider than tall (each thread then packs only its part
     * of B), else by rows (each thread packs only its part of A). Every element of C is summed in
     * the same order however the work is split, so results do not depend on the thread count.
     */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c, boolean overwrite, boolean parallel) {
        if (m < n) {
            int panels = (n + NR - 1) / NR;
            Parallel.forRange(panels, parallel, (p0, p1) -> block(transA, transB, m, n, k, a, b, c, overwrite, 0, m, p0 * NR, Math.min(n, p1 * NR)));
        } else {
            int tiles = (m + MR - 1) / MR;
            Parallel.forRange(tiles, parallel, (t0, t1) -> block(transA, transB, m, n, k, a, b, c, overwrite, t0 * MR, Math.min(m, t1 * MR), 0, n));
        }
    }

    /**
     * Rows {@code [i0,i1)} × columns {@code [j0,j1)} of C, on the calling thread (k ≥ 1). The
     * micro-kernels always add into C: a kernel with a second, storing variant of its ending ran
     * 10× slower in some JVM runs when it stored through a helper (vectors boxed, see VectorMath),
     * and, written out in place, still 1.5× slower in 3 of 6 fresh JVMs (64×512×784, one thread).
     */
    private static void block(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c,
                              boolean overwrite, int i0, int i1, int j0, int j1) {
        float[] bp = PACKED_B.get();
        float[] ap = PACKED_A.get();
        float[] tile = TILE.get();
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, n, k, b, pc, kc, jc, nc, bp);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    if (overwrite && pc == 0) clear(c, n, ic, mc, jc, nc);
                    if (nc >= PACK_A_MIN_COLUMNS) {
                        packA(transA, m, k, a, ic, mc, pc, kc, ap);
                        macroKernel(mc, nc, kc, ap, bp, c, ic, jc, n, tile);
                    } else if (transA) { // op(A)[i, p] = a[p·m + i]
                        macroKernelInPlace(mc, nc, kc, a, pc * m + ic, 1, m, bp, c, ic, jc, n, tile);
                    } else {             // op(A)[i, p] = a[i·k + p]
                        macroKernelInPlace(mc, nc, kc, a, ic * k + pc, k, 1, bp, c, ic, jc, n, tile);
                    }
                }
            }
        }
    }

    /**
     * Packs op(B)[pc:pc+kc, jc:jc+nc] into panels of NR columns, zero-padded: {@code bp[(panel·kc + p)·NR + j]}.
     * Untransposed B is read row by row, each row once from start to end (measured: copying panel by
     * panel, 16 floats from each of kc rows in turn, ran 5× slower for a B larger than L2 — every read
     * a new cache line a row's length away).
     */
    private static void packB(boolean transB, int n, int k, float[] b, int pc, int kc, int jc, int nc, float[] bp) {
        if (!transB) {
            packRowsOfB(n, b, pc, kc, jc, nc, bp);
            return;
        }
        int panels = (nc + NR - 1) / NR;
        for (int jp = 0; jp < panels; jp++) {
            int j0 = jc + jp * NR;
            int width = Math.min(NR, jc + nc - j0);
            int base = jp * kc * NR;
            if (width < NR) java.util.Arrays.fill(bp, base, base + kc * NR, 0f);
            for (int j = 0; j < width; j++) { // column j of the panel is row j0 + j of B: read it contiguously
                int row = (j0 + j) * k + pc;
                for (int p = 0; p < kc; p++) bp[base + p * NR + j] = b[row + p];
            }
        }
    }

    /** {@link #packB} for B stored {@code [k,n]}: row pc + p of B is split into the panels' rows p. */
    private static void packRowsOfB(int n, float[] b, int pc, int kc, int jc, int nc, float[] bp) {
        int full = nc / NR;
        int rest = nc - full * NR;
        int panelSize = kc * NR;
        if (rest > 0) java.util.Arrays.fill(bp, full * panelSize, (full + 1) * panelSize, 0f); // the last panel's padding, once
        for (int p = 0; p < kc; p++) {
            int src = (pc + p) * n + jc;
            int dst = p * NR;
            for (int jp = 0; jp < full; jp++, src += NR, dst += panelSize) {
                FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
            }
            if (rest > 0) System.arraycopy(b, src, bp, dst, rest);
        }
    }

    /** Sets C[ic:ic+mc, jc:jc+nc] (C has ldc columns) to zero. */
    private static void clear(float[] c, int ldc, int ic, int mc, int jc, int nc) {
        for (int i = ic; i < ic + mc; i++) java.util.Arrays.fill(c, i * ldc + jc, i * ldc + jc + nc, 0f);
    }

    /** Packs op(A)[ic:ic+mc, pc:pc+kc] into panels of MR rows, zero-padded: {@code ap[(panel·kc + p)·MR + r]}. */
    private static void packA(boolean transA, int m, int k, float[] a, int ic, int mc, int pc, int kc, float[] ap) {
        int panels = (mc + MR - 1) / MR;
        for (int ip = 0; ip < panels; ip++) {
            int i0 = ic + ip * MR;
            int height = Math.min(MR, ic + mc - i0);
            int base = ip * kc * MR;
            if (height < MR) java.util.Arrays.fill(ap, base, base + kc * MR, 0f);
            if (transA && height == MR) { // row p of A holds op(A)[:, p]: MR contiguous values per depth
                for (int p = 0, src = pc * m + i0, dst = base; p < kc; p++, src += m, dst += MR) {
                    ap[dst] = a[src];
                    ap[dst + 1] = a[src + 1];
                    ap[dst + 2] = a[src + 2];
                    ap[dst + 3] = a[src + 3];
                }
            } else if (transA) {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < height; r++) ap[base + p * MR + r] = a[(pc + p) * m + i0 + r];
                }
            } else if (height == MR) { // rows i0 … i0 + 3 of A read side by side, so the panel is written in order (row by row wrote every 4th float)
                for (int p = 0, r0 = i0 * k + pc, dst = base; p < kc; p++, r0++, dst += MR) {
                    ap[dst] = a[r0];
                    ap[dst + 1] = a[r0 + k];
                    ap[dst + 2] = a[r0 + 2 * k];
                    ap[dst + 3] = a[r0 + 3 * k];
                }
            } else {      // row i0 + r of A, read contiguously
                for (int r = 0; r < height; r++) {
                    int row = (i0 + r) * k + pc;
                    for (int p = 0; p < kc; p++) ap[base + p * MR + r] = a[row + p];
                }
            }
        }
    }

    /** C[ic.., jc..] += packed A block (mc × kc) · packed B block (kc × nc). */
    private static void macroKernel(int mc, int nc, int kc, float[] ap, float[] bp, float[] c, int ic, int jc, int ldc, float[] tile) {
        int rowPanels = (mc + MR - 1) / MR;
        int colPanels = (nc + NR - 1) / NR;
        for (int jp = 0; jp < colPanels; jp++) {
            int width = Math.min(NR, nc - jp * NR);
            for (int ip = 0; ip < rowPanels; ip++) {
                int height = Math.min(MR, mc - ip * MR);
                microKernel(kc, ap, ip * kc * MR, bp, jp * kc * NR, c, (ic + ip * MR) * ldc + jc + jp * NR, ldc, height, width, tile);
            }
        }
    }

    /**
     * C[MR×NR tile at co] += A panel · B panel over kc: {@code ap[ao + p·MR + r]} times
     * {@code bp[bo + p·NR + j]}; partial tiles store only their valid part.
     */
    private static void microKernel(int kc, float[] ap, int ao, float[] bp, int bo, float[] c, int co, int ldc, int height, int width, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // the tile is added to C here, written out, not in a helper: vectors passed to a call that C2
        // does not inline are boxed (measured: 5 GFLOP/s instead of 70), and whether it inlines a
        // helper varies between JVM runs (see VectorMath)
        if (height == MR && width == NR) {
            int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
            FloatVector.fromArray(S, c, r1 + L).add(c11).intoArray(c, r1 + L);
            FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
            FloatVector.fromArray(S, c, r2 + L).add(c21).intoArray(c, r2 + L);
            FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
            FloatVector.fromArray(S, c, r3 + L).add(c31).intoArray(c, r3 + L);
        } else {
            // stored one by one: an array of vectors would force them all out of registers
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c10.intoArray(tile, NR);
            c11.intoArray(tile, NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            addPartialTile(tile, c, co, ldc, height, width);
        }
    }

    /**
     * {@link #macroKernel} reading op(A) where it lies: element (i, p) of the block is
     * {@code a[ao + i·rowStride + p·colStride]} (i counted from 0 within the block).
     */
    private static void macroKernelInPlace(int mc, int nc, int kc, float[] a, int ao, int rowStride, int colStride,
                                           float[] bp, float[] c, int ic, int jc, int ldc, float[] tile) {
        int rowPanels = (mc + MR - 1) / MR;
        int colPanels = (nc + NR - 1) / NR;
        for (int jp = 0; jp < colPanels; jp++) {
            int width = Math.min(NR, nc - jp * NR);
            for (int ip = 0; ip < rowPanels; ip++) {
                int height = Math.min(MR, mc - ip * MR);
                // rows past the end of C re-read the last valid row; the partial-tile store discards them
                int last = height - 1;
                microKernelInPlace(kc, a, ao + ip * MR * rowStride, Math.min(1, last) * rowStride, Math.min(2, last) * rowStride,
                        Math.min(3, last) * rowStride, colStride, bp, jp * kc * NR, c, (ic + ip * MR) * ldc + jc + jp * NR, ldc, height, width, tile);
            }
        }
    }

    /**
     * {@link #microKernel} with row r of the A panel at depth p at {@code a[ao + o_r + p·colStride]}
     * (o_0 = 0). A copy rather than one kernel with strides for both: with the packed panel's
     * constant stride the JIT drops the bounds checks, with a variable one it cannot.
     */
    private static void microKernelInPlace(int kc, float[] a, int ao, int o1, int o2, int o3, int colStride,
                                           float[] bp, int bo, float[] c, int co, int ldc, int height, int width, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int bi = bo, ai = ao;
        for (int p = 0; p < kc; p++, bi += NR, ai += colStride) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + o1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + o2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + o3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        // stored as in microKernel (see there)
        if (height == MR && width == NR) {
            int r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
            FloatVector.fromArray(S, c, co).add(c00).intoArray(c, co);
            FloatVector.fromArray(S, c, co + L).add(c01).intoArray(c, co + L);
            FloatVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
            FloatVector.fromArray(S, c, r1 + L).add(c11).intoArray(c, r1 + L);
            FloatVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
            FloatVector.fromArray(S, c, r2 + L).add(c21).intoArray(c, r2 + L);
            FloatVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
            FloatVector.fromArray(S, c, r3 + L).add(c31).intoArray(c, r3 + L);
        } else {
            // stored one by one: an array of vectors would force them all out of registers
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c10.intoArray(tile, NR);
            c11.intoArray(tile, NR + L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            addPartialTile(tile, c, co, ldc, height, width);
        }
    }

    /**
     * Adds the valid {@code height × width} corner of a stored tile to C at {@code co} (no vectors
     * cross this call): whole vectors of each row, then the rest one by one. With 16-float vectors a
     * 50-wide C (W1's layers) has an 18-wide last panel; added float by float it drew 12 % of JFR's
     * samples of W1's step at batch 32, and adding whole vectors made the step 5.3 % faster.
     */
    private static void addPartialTile(float[] tile, float[] c, int co, int ldc, int height, int width) {
        int whole = S.loopBound(width);
        for (int r = 0; r < height; r++) {
            int o = co + r * ldc, t = r * NR;
            int j = 0;
            for (; j < whole; j += L) FloatVector.fromArray(S, c, o + j).add(FloatVector.fromArray(S, tile, t + j)).intoArray(c, o + j);
            for (; j < width; j++) c[o + j] += tile[t + j];
        }
    }

    /** Products this thin skip packing: a shared dimension of at most this many, or (with B untransposed) this many rows of C. */
    static final int THIN = 4;

    /**
     * The block {@code [i0,i1) × [j0,j1)} of C += op(A)·B for thin products, where packing costs
     * more than it saves: a shared dimension k ≤ {@link #THIN} (a layer fed 2-D points, a gradient
     * through a 1-wide output) or m ≤ {@link #THIN} rows of C (a first layer's weight gradient,
     * xᵀ·g). {@code b} holds op(B)'s k rows of n floats, contiguous. Per cache block of {@link #KC}
     * rows of B, each vector of C is summed from zero by fused multiply-adds in p order and then
     * added to C: exactly the operations of the packed kernel, so the bits are the same. With
     * {@code overwrite} the first block's sum is added to +0 instead of to C: C's old values are not read,
     * and the bits are those of adding the sum to a cleared C (the +0 matters: a sum that underflows,
     * −1e−23 · 1e−23, is −0, and +0 + −0 is +0).
     */
    static void thin(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, boolean overwrite, int i0, int i1, int j0, int j1) {
        int bound = j0 + S.loopBound(j1 - j0);
        for (int pc = 0; pc < k; pc += KC) {
            int pe = Math.min(k, pc + KC);
            boolean store = overwrite && pc == 0;
            for (int i = i0; i < i1; i++) {
                int row = i * n;
                int j = j0;
                // the first depth step is peeled (fma onto zero, as in the loop): with k = 1 the inner loops
                // then never run, and C2's loop entry per vector cost more than the product (measured 2–3×)
                float first = transA ? a[pc * m + i] : a[i * k + pc];
                for (; j < bound; j += L) {
                    FloatVector acc = FloatVector.broadcast(S, first).fma(FloatVector.fromArray(S, b, pc * n + j), FloatVector.zero(S));
                    for (int p = pc + 1; p < pe; p++) {
                        float aip = transA ? a[p * m + i] : a[i * k + p];
                        acc = FloatVector.broadcast(S, aip).fma(FloatVector.fromArray(S, b, p * n + j), acc);
                    }
                    (store ? FloatVector.zero(S) : FloatVector.fromArray(S, c, row + j)).add(acc).intoArray(c, row + j);
                }
                for (; j < j1; j++) {
                    float acc = Math.fma(first, b[pc * n + j], 0f);
                    for (int p = pc + 1; p < pe; p++) acc = Math.fma(transA ? a[p * m + i] : a[i * k + p], b[p * n + j], acc);
                    c[row + j] = (store ? 0f : c[row + j]) + acc;
                }
            }
        }
    }

    /**
     * The single-column case, C[i0:i1] += op(A)[i0:i1, :] · x with x of length k. Without transA
     * each row of A is a contiguous dot product with x; with transA, op(A)'s rows are A's columns,
     * so the loop runs down A's rows and adds x[p] · A[p, i0:i1] to C (contiguous either way).
     * Every C[i] is summed in the same order however the rows are split.
     */
    static void gemv(boolean transA, int m, int k, float[] a, float[] x, float[] c, int i0, int i1) {
        if (!transA) {
            int bound = S.loopBound(k);
            for (int i = i0; i < i1; i++) {
                int row = i * k;
                FloatVector acc = FloatVector.zero(S);
                int p = 0;
                for (; p < bound; p += L) acc = FloatVector.fromArray(S, a, row + p).fma(FloatVector.fromArray(S, x, p), acc);
                float s = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                for (; p < k; p++) s += a[row + p] * x[p];
                c[i] += s;
            }
            return;
        }
        int bound = i0 + S.loopBound(i1 - i0);
        for (int p = 0; p < k; p++) {
            float xp = x[p];
            int row = p * m;
            FloatVector xv = FloatVector.broadcast(S, xp);
            int i = i0;
            for (; i < bound; i += L) FloatVector.fromArray(S, a, row + i).fma(xv, FloatVector.fromArray(S, c, i)).intoArray(c, i);
            for (; i < i1; i++) c[i] = Math.fma(a[row + i], xp, c[i]);
        }
    }
}
