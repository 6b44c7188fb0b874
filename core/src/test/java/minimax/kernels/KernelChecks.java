package minimax.kernels;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** Checks shared by the kernel tests: runs on one and on two threads, and bit-for-bit comparison. */
final class KernelChecks {
    private KernelChecks() {}

    /** Runs {@code check} with {@link Parallel} at 1 thread, then at 2 (its argument), and restores the count. */
    static void onOneAndTwoThreads(IntConsumer check) {
        int before = Parallel.threads();
        try {
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setThreads(threads);
                check.accept(threads);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Fails, naming {@code what} and the first element whose bits differ (NaN payloads and the sign of zero count). */
    static void assertSameBits(float[] expected, float[] actual, Supplier<String> what) {
        if (expected.length != actual.length) throw new AssertionError(what.get() + ": " + actual.length + " elements, expected " + expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what.get() + ": element " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }
}
