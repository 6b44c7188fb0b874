package minimax.nn;

import java.util.List;
import java.util.Locale;
import minimax.tensor.Rng;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Keras 3's initializers. Fans follow Keras: for a kernel {@code [in, out]}, fanIn = in and fanOut =
 * out; for higher ranks the leading axes form the receptive field (Keras {@code compute_fans}).
 * The normal variants draw from a normal truncated at two standard deviations, with the standard
 * deviation divided by 0.87962566103423978 to make up for the truncation, as Keras does.
 */
public final class Initializers {
    private static final List<String> NAMES = List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "zeros", "ones");
    /** Standard deviation of a standard normal truncated to [−2, 2]. */
    private static final double TRUNCATED_STDDEV = 0.87962566103423978;

    private Initializers() {}

    /** Uniform in ±√(6/(fanIn+fanOut)): Keras's default for kernels (Glorot &amp; Bengio, 2010). */
    public static Initializer glorotUniform() {
        return (shape, rng) -> uniform(shape, rng, Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape))));
    }

    /** Truncated normal with stddev √(2/(fanIn+fanOut)). */
    public static Initializer glorotNormal() {
        return (shape, rng) -> truncatedNormal(shape, rng, Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape))));
    }

    /** Uniform in ±√(6/fanIn) (He et al., 2015). */
    public static Initializer heUniform() {
        return (shape, rng) -> uniform(shape, rng, Math.sqrt(6.0 / fanIn(shape)));
    }

    /** Truncated normal with stddev √(2/fanIn). */
    public static Initializer heNormal() {
        return (shape, rng) -> truncatedNormal(shape, rng, Math.sqrt(2.0 / fanIn(shape)));
    }

    /** All zeros: Keras's default for biases. */
    public static Initializer zeros() {
        return (shape, rng) -> Tensor.zeros(shape);
    }

    /** All ones. */
    public static Initializer ones() {
        return (shape, rng) -> Tensor.ones(shape);
    }

    /** An initializer by Keras name; unknown names list the valid ones. */
    public static Initializer get(String name) {
        switch (canonical(name)) {
            case "glorot_uniform": return glorotUniform();
            case "glorot_normal": return glorotNormal();
            case "he_uniform": return heUniform();
            case "he_normal": return heNormal();
            case "zeros": return zeros();
            case "ones": return ones();
            default: throw new AssertionError(name);
        }
    }

    /** The canonical (lower-case) name, checked. */
    public static String canonical(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) throw new IllegalArgumentException("unknown initializer '" + name + "'; expected one of " + NAMES);
        return n;
    }

    static double fanIn(int[] shape) {
        if (shape.length == 0) return 1;
        if (shape.length == 1) return shape[0];
        return (double) shape[shape.length - 2] * receptiveField(shape);
    }

    static double fanOut(int[] shape) {
        if (shape.length == 0) return 1;
        if (shape.length == 1) return shape[0];
        return (double) shape[shape.length - 1] * receptiveField(shape);
    }

    private static double receptiveField(int[] shape) {
        double r = 1;
        for (int i = 0; i < shape.length - 2; i++) r *= shape[i];
        return r;
    }

    private static Tensor uniform(int[] shape, Rng rng, double limit) {
        float[] v = new float[Shapes.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
        return Tensor.wrap(v, shape);
    }

    private static Tensor truncatedNormal(int[] shape, Rng rng, double stddev) {
        float[] v = new float[Shapes.size(shape)];
        double s = stddev / TRUNCATED_STDDEV;
        for (int i = 0; i < v.length; i++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > 2); // redraw outside two standard deviations
            v[i] = (float) (z * s);
        }
        return Tensor.wrap(v, shape);
    }
}
