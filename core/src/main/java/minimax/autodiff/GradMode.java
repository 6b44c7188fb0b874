package minimax.autodiff;

import java.util.function.Supplier;

/**
 * Whether operations on {@link Value}s are recorded for differentiation, per thread.
 *
 * <p>Recording is on by default. Prediction and first-order backward passes turn it off, so that
 * they build no graph and keep no intermediate values alive.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> RECORDING = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    /** True if operations on this thread are recorded. */
    public static boolean isRecording() {
        return RECORDING.get()[0];
    }

    /** Runs {@code body} with recording set to {@code on}, restoring the previous setting after. */
    public static <T> T with(boolean on, Supplier<T> body) {
        boolean[] flag = RECORDING.get();
        boolean previous = flag[0];
        flag[0] = on;
        try {
            return body.get();
        } finally {
            flag[0] = previous;
        }
    }

    /** Runs {@code body} without recording (like {@code torch.no_grad()}). */
    public static <T> T noGrad(Supplier<T> body) {
        return with(false, body);
    }
}
