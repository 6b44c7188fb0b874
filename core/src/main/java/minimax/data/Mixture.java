package minimax.data;

import java.util.List;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * A mixture of equally weighted isotropic Gaussians: the synthetic data on which GANs are checked
 * for mode collapse.
 *
 * <p>A sample picks a mode {@code k} uniformly from the {@code K} modes, then adds noise:
 * {@code x = μ_k + σ·ε}, {@code ε ~ N(0, I)}. The two built-in mixtures are those of PacGAN (Lin et
 * al., 2018) and VEEGAN (Srivastava et al., 2017):
 *
 * <ul>
 *   <li>{@link #ring()}: 8 modes at {@code (cos 2πk/8, sin 2πk/8)}, σ = 0.01;
 *   <li>{@link #grid()}: 25 modes at {@code (i, j)}, {@code i, j ∈ {−4, −2, 0, 2, 4}}, σ = 0.05.
 * </ul>
 *
 * <pre>{@code
 * Mixture ring = Mixture.ring();
 * Tensor real = ring.sample(2500, new Rng(42));   // float32 [2500, 2]
 * }</pre>
 *
 * <p>Immutable: the modes are copied in and out.
 */
public final class Mixture {
    private static final List<String> BUILT_IN = List.of("ring", "grid");

    private final String name;
    private final double[][] modes;
    private final double sigma;

    private Mixture(String name, double[][] modes, double sigma) {
        this.name = name;
        this.modes = modes;
        this.sigma = sigma;
    }

    /** PacGAN's ring: 8 modes at {@code (cos 2πk/8, sin 2πk/8)}, {@code k = 0..7}, σ = 0.01. */
    public static Mixture ring() {
        double[][] modes = new double[8][];
        for (int k = 0; k < 8; k++) {
            double angle = 2 * Math.PI * k / 8;
            modes[k] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return new Mixture("ring", modes, 0.01);
    }

    /** PacGAN's grid: 25 modes at {@code (i, j)}, {@code i, j ∈ {−4, −2, 0, 2, 4}} (row by row in i), σ = 0.05. */
    public static Mixture grid() {
        double[][] modes = new double[25][];
        int k = 0;
        for (int i = -4; i <= 4; i += 2) {
            for (int j = -4; j <= 4; j += 2) modes[k++] = new double[] {i, j};
        }
        return new Mixture("grid", modes, 0.05);
    }

    /**
     * A mixture of your own.
     *
     * @param name   a label for reports, not blank
     * @param modes  {@code K ≥ 1} centres of equal dimension {@code d ≥ 1}, all finite (copied, not modified)
     * @param sigma  the standard deviation of every coordinate of every mode, finite and {@code > 0}
     */
    public static Mixture of(String name, double[][] modes, double sigma) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("mixture name must not be blank, got '" + name + "'");
        if (modes == null || modes.length == 0) throw new IllegalArgumentException("mixture '" + name + "' needs at least one mode, got none");
        if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("mixture '" + name + "' needs a finite sigma > 0, got " + sigma);
        int dimension = modes[0] == null ? 0 : modes[0].length;
        if (dimension == 0) throw new IllegalArgumentException("mixture '" + name + "': mode 0 has no coordinates");
        double[][] copy = new double[modes.length][];
        for (int k = 0; k < modes.length; k++) {
            if (modes[k] == null || modes[k].length != dimension) {
                throw new IllegalArgumentException("mixture '" + name + "': mode " + k + " has " + (modes[k] == null ? 0 : modes[k].length)
                        + " coordinates, expected " + dimension + " like mode 0");
            }
            for (double c : modes[k]) {
                if (!Double.isFinite(c)) throw new IllegalArgumentException("mixture '" + name + "': mode " + k + " has a non-finite coordinate " + c);
            }
            copy[k] = modes[k].clone();
        }
        return new Mixture(name, copy, sigma);
    }

    /**
     * A built-in mixture by name.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static Mixture byName(String name) {
        if ("ring".equals(name)) return ring();
        if ("grid".equals(name)) return grid();
        throw new IllegalArgumentException("unknown mixture '" + name + "'; known mixtures: " + String.join(", ", BUILT_IN));
    }

    /** The names {@link #byName} accepts. */
    public static List<String> names() {
        return BUILT_IN;
    }

    /** The label given at construction ({@code "ring"} and {@code "grid"} for the built-in ones). */
    public String name() {
        return name;
    }

    /** The mode centres {@code [K][d]} (a copy). */
    public double[][] modes() {
        double[][] copy = new double[modes.length][];
        for (int k = 0; k < modes.length; k++) copy[k] = modes[k].clone();
        return copy;
    }

    /** The number of modes {@code K}. */
    public int modeCount() {
        return modes.length;
    }

    /** The dimension {@code d} of a sample (2 for the built-in mixtures). */
    public int dimension() {
        return modes[0].length;
    }

    /** The standard deviation σ of every coordinate around its mode. */
    public double sigma() {
        return sigma;
    }

    /**
     * Draws {@code n} samples: for each row, a mode {@code k = rng.nextInt(K)}, then
     * {@code μ_k + σ·ε} with {@code d} standard normals ε. The same {@code rng} state gives the same
     * samples.
     *
     * @param n    number of samples, {@code ≥ 0}
     * @param rng  the source of randomness (advanced)
     * @return a new float32 tensor {@code [n, d]}
     */
    public Tensor sample(int n, Rng rng) {
        if (n < 0) throw new IllegalArgumentException("sample count must be >= 0, got " + n);
        int d = dimension();
        float[] values = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < n; i++) {
            double[] mode = modes[rng.nextInt(modes.length)];
            for (int j = 0; j < d; j++) values[i * d + j] = (float) (mode[j] + sigma * rng.nextGaussian());
        }
        return Tensor.wrap(values, n, d);
    }

    /** Name, mode count and σ, e.g. {@code Mixture[ring, 8 modes, σ = 0.01]}. */
    @Override
    public String toString() {
        return "Mixture[" + name + ", " + modes.length + " modes, σ = " + sigma + "]";
    }
}
