package minimax.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Memory reuse across training steps, as Deeplearning4j's workspaces: while a workspace is open on
 * a thread, new float32 tensors of at least {@link #MIN_SIZE} elements made on that thread take
 * their arrays from it, and closing it takes back every array handed out since it opened, for the
 * next step. Once the first step has filled it, a step allocates almost nothing: no garbage to
 * collect, and arrays that are still in cache.
 *
 * <pre>{@code
 * try (Workspace step = Workspace.open()) {
 *     ... forward, backward, optimizer update ...
 * }   // every tensor made inside is dead from here on
 * }</pre>
 *
 * <p>The contract: <b>a tensor made while a workspace is open must not be used after it closes</b>;
 * {@link Tensor#copy()} it to keep it (copies are ordinary heap arrays). {@code Model.trainOnBatch},
 * {@code Model.fit} and {@code GanTrainer.trainStep} open one around each step, so custom losses
 * and layers run inside it and must not keep tensors from one step to the next (a layer's state
 * belongs in {@code Variable}s, which hold copies; callbacks run outside the step). Workspaces
 * nest: only the outermost {@code close} takes arrays back. A workspace holds on to the arrays of
 * its last step (per training thread) for reuse; lengths that step did not use are let go.
 *
 * <p>Checks: with {@code -Dminimax.workspace.poison=true} (the test suite runs with it) arrays taken
 * back are filled with NaN, so a tensor used after its step shows up as NaN instead of silently
 * holding the next step's numbers; {@code -Dminimax.workspace=false} or {@link #setEnabled} turns
 * reuse off (every array then comes from the heap, as without a workspace), which gives the same
 * results bit for bit.
 */
public final class Workspace implements AutoCloseable {
    /** Smaller arrays come from the heap: allocating them is cheaper than keeping them. */
    public static final int MIN_SIZE = 64;
    private static final boolean POISON = Boolean.getBoolean("minimax.workspace.poison");
    private static volatile boolean enabled = !"false".equals(System.getProperty("minimax.workspace"));
    private static final ThreadLocal<Workspace> OF_THREAD = ThreadLocal.withInitial(Workspace::new);

    private int depth;
    /** Free arrays by length: {@code free.get(i)} holds arrays of {@code lengths[i]} floats. */
    private int[] lengths = new int[16];
    /** Whether arrays of {@code lengths[i]} floats were handed out since the workspace opened. */
    private boolean[] used = new boolean[16];
    private final List<ArrayDeque<float[]>> free = new ArrayList<>();
    private final List<float[]> handedOut = new ArrayList<>();

    private Workspace() {}

    /** Opens the calling thread's workspace (or nests in the open one); close it on the same thread. */
    public static Workspace open() {
        Workspace w = OF_THREAD.get();
        w.depth++;
        return w;
    }

    /** Ends the scope; the outermost close takes back every array handed out since the workspace opened. */
    @Override
    public void close() {
        if (depth == 0) throw new IllegalStateException("workspace closed more often than opened");
        if (--depth > 0) return;
        // let go of lengths this step did not use (a thread that moved on to other shapes), but keep
        // surplus arrays of the lengths it did: a step with lazy R1 needs more of them than the ones between
        for (int i = 0; i < free.size(); i++) {
            if (!used[i]) free.get(i).clear();
            used[i] = false;
        }
        for (float[] a : handedOut) {
            if (POISON) Arrays.fill(a, Float.NaN);
            free.get(kindOf(a.length)).push(a);
        }
        handedOut.clear();
    }

    /** Whether workspaces reuse arrays (default true; {@code -Dminimax.workspace=false} starts with false). */
    public static boolean isEnabled() {
        return enabled;
    }

    /** Turns reuse on or off for workspaces opened from now on, on every thread (results are the same either way). */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /** A zero-filled array of {@code n} floats: from the open workspace of this thread, else from the heap. */
    static float[] zeroed(int n) {
        float[] a = reused(n);
        if (a == null) return new float[n];
        Arrays.fill(a, 0f);
        return a;
    }

    /** An array of {@code n} floats whose contents the caller overwrites entirely. */
    static float[] uninitialized(int n) {
        float[] a = reused(n);
        return a != null ? a : new float[n];
    }

    /** Arrays handed out by this thread's open workspace and not yet taken back (for tests). */
    static int handedOutCount() {
        return OF_THREAD.get().handedOut.size();
    }

    private static float[] reused(int n) {
        if (n < MIN_SIZE || !enabled) return null;
        Workspace w = OF_THREAD.get();
        if (w.depth == 0) return null;
        int kind = w.kindOf(n);
        w.used[kind] = true;
        ArrayDeque<float[]> list = w.free.get(kind);
        float[] a = list.poll();
        if (a == null) a = new float[n];
        w.handedOut.add(a);
        return a;
    }

    /** The index of the free list for arrays of {@code n} floats (made on first use). */
    private int kindOf(int n) {
        for (int i = 0; i < free.size(); i++) if (lengths[i] == n) return i;
        if (free.size() == lengths.length) {
            lengths = Arrays.copyOf(lengths, lengths.length * 2);
            used = Arrays.copyOf(used, used.length * 2);
        }
        lengths[free.size()] = n;
        free.add(new ArrayDeque<>());
        return free.size() - 1;
    }

    /** Free arrays held for reuse (for tests). */
    static int freeCount() {
        int count = 0;
        for (ArrayDeque<float[]> list : OF_THREAD.get().free) count += list.size();
        return count;
    }
}
