package minimax.tensor;

import java.util.SplittableRandom;

/**
 * A seeded random number generator: same seed, same numbers, on every machine and JDK.
 *
 * <p>Pass one explicitly wherever randomness is needed (initializers, dropout, shuffling); there
 * is no hidden global generator. {@link #split()} derives an independent generator, so that adding
 * a layer does not change the numbers another component draws.
 */
public final class Rng {
    private final SplittableRandom random;

    /** A generator whose stream is fixed by {@code seed}. */
    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** A new, statistically independent generator; advances this one. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** A uniform double in {@code [0, 1)}. */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** A uniform int in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform long. */
    public long nextLong() {
        return random.nextLong();
    }

    /** A standard normal double, by the Box–Muller transform (two uniforms per call, no caching). */
    public double nextGaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
