package minimax.kernels;

/**
 * Whether the JDK's Vector API (the incubator module {@code jdk.incubator.vector}) is available.
 * It is when the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code ./minimax}
 * launcher and the test suite do); otherwise kernels fall back to portable loops, several times
 * slower for large matrix products, and say so once on standard error. The property
 * {@code minimax.vector=false} forces the portable loops.
 */
public final class VectorSupport {
    /** True if the vector kernels are in use. */
    public static final boolean ENABLED = detect();

    private VectorSupport() {}

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("minimax.vector"))) return false;
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!present) {
            System.err.println("minimax: the JDK Vector API is not enabled, so matrix products use portable loops (several times slower); "
                    + "run java with --add-modules jdk.incubator.vector to enable it");
            return false;
        }
        try {
            Class.forName("minimax.kernels.VectorGemm");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            System.err.println("minimax: the JDK Vector API could not be loaded (" + e + "); using portable loops");
            return false;
        }
    }
}
