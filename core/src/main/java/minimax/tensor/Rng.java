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

    /**
     * A well-spread 64-bit seed from two numbers (SplitMix64's finalizer over {@code a·φ + b}),
     * e.g. a run's seed and a step number: {@code new Rng(mix(seed, step))} gives each step its
     * own stream, so a resumed run draws what an uninterrupted one would.
     */
    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
