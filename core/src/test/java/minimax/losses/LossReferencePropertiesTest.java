package minimax.losses;

import static minimax.losses.LossTesting.value;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every built-in loss on random float32 batches against Keras 3's formula written out in double
 * precision, literally as Keras reduces: the loss of each element (or row), the mean over the last
 * axis, then the mean over the batch. Inputs include exact 0s and 1s for the clipped losses.
 */
class LossReferencePropertiesTest {
    /** Keras's clip bounds as float32 holds them (1 − 1e-7 rounds to 1 − 2⁻²³). */
    private static final double LOW = 1e-7f, HIGH = 1f - 1e-7f;
    /** Every batch shape up to this many rows and columns is tried with each seed. */
    private static final int MAX_SIDE = 4;

    /** A batch of {@code rows × cols} targets and predictions, and the reference value. */
    private static final class Batch {
        final int rows, cols;
        final float[] y, p;

        Batch(int rows, int cols) {
            this.rows = rows;
            this.cols = cols;
            y = new float[rows * cols];
            p = new float[rows * cols];
        }

        /** Keras's reduction of an element-wise loss: mean over the last axis, then over rows. */
        double elementwise(DoubleBinaryOperator loss) {
            double total = 0;
            for (int r = 0; r < rows; r++) {
                double row = 0;
                for (int c = 0; c < cols; c++) row += loss.applyAsDouble(y[r * cols + c], p[r * cols + c]);
                total += row / cols;
            }
            return total / rows;
        }

        /** Checks the loss of this batch against the double-precision reference value. */
        void check(double expected, Loss loss, String what) {
            float actual = value(loss, y, p, rows, cols);
            // float32 arithmetic over at most 16 elements: a few float32 roundings of values of size ≤ 50
            if (!(Math.abs(actual - expected) <= 1e-5 * (1 + Math.abs(expected)))) {
                throw new AssertionError(what + " on a " + rows + "×" + cols + " batch, targets " + Arrays.toString(y) + ", predictions "
                        + Arrays.toString(p) + ": expected " + expected + " (double-precision formula), got " + actual);
            }
        }
    }

    /** Uniform in [low, high) as float32, an exact endpoint with probability {@code exact}. */
    private static float uniform(SplittableRandom rng, double low, double high, double exact) {
        double u = rng.nextDouble();
        if (u < exact / 2) return (float) low;
        if (u < exact) return (float) high;
        return (float) (low + (high - low) * rng.nextDouble());
    }

    @Property(tries = 30)
    void regressionLosses(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int rows = 1; rows <= MAX_SIDE; rows++) for (int cols = 1; cols <= MAX_SIDE; cols++) regressionLosses(rng, rows, cols);
    }

    private static void regressionLosses(SplittableRandom rng, int rows, int cols) {
        Batch b = new Batch(rows, cols);
        for (int i = 0; i < b.y.length; i++) {
            b.y[i] = uniform(rng, -3, 3, 0);
            b.p[i] = rng.nextDouble() < 0.1 ? b.y[i] : uniform(rng, -3, 3, 0); // some exact hits
        }
        b.check(b.elementwise((y, p) -> (p - y) * (p - y)), Losses.mse(), "mse");
        b.check(b.elementwise((y, p) -> Math.abs(p - y)), Losses.mae(), "mae");
        float delta = uniform(rng, 0.1, 3, 0);
        // Keras: where(|e| ≤ δ, ½e², δ·|e| − ½δ²)
        DoubleBinaryOperator huber = (y, p) -> Math.abs(p - y) <= delta ? 0.5 * (p - y) * (p - y) : delta * Math.abs(p - y) - 0.5 * delta * delta;
        b.check(b.elementwise(huber), Losses.huber(delta), "huber δ=" + delta);
        float epsilon = uniform(rng, 1e-2, 1, 0);
        b.check(b.elementwise((y, p) -> 1 / ((p - y) * (p - y) + epsilon)), Losses.inverseMse(epsilon), "inverse_mse ε=" + epsilon);
    }

    @Property(tries = 30)
    void binaryLosses(@ForAll long seed, @ForAll boolean softLabels) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int rows = 1; rows <= MAX_SIDE; rows++) for (int cols = 1; cols <= MAX_SIDE; cols++) binaryLosses(rng, rows, cols, softLabels);
    }

    private static void binaryLosses(SplittableRandom rng, int rows, int cols, boolean softLabels) {
        Batch b = new Batch(rows, cols);
        for (int i = 0; i < b.y.length; i++) {
            b.y[i] = softLabels ? uniform(rng, 0, 1, 0.2) : rng.nextInt(2);
            b.p[i] = uniform(rng, 0, 1, 0.2); // exact 0s and 1s are clipped
        }
        DoubleBinaryOperator bce = (y, p) -> {
            double q = Math.min(Math.max(p, LOW), HIGH);
            return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
        };
        b.check(b.elementwise(bce), Losses.binaryCrossentropy(), "bce");

        for (int i = 0; i < b.p.length; i++) b.p[i] = uniform(rng, -30, 30, 0);
        // the logits form equals −[y·log σ(x) + (1 − y)·log(1 − σ(x))], written with log1p to stay exact in double
        DoubleBinaryOperator bceLogits = (y, x) -> y * Math.log1p(Math.exp(-x)) + (1 - y) * Math.log1p(Math.exp(x));
        b.check(b.elementwise(bceLogits), Losses.binaryCrossentropy(true), "bce from logits");

        if (!softLabels) {
            for (int i = 0; i < b.p.length; i++) b.p[i] = uniform(rng, -2, 2, 0);
            // Keras maps {0, 1} to {−1, 1}: max(1 − (2y − 1)·p, 0)
            b.check(b.elementwise((y, p) -> Math.max(1 - (2 * y - 1) * p, 0)), Losses.hinge(), "hinge");
        }
    }

    @Property(tries = 30)
    void categoricalLosses(@ForAll long seed, @ForAll boolean softLabels) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int rows = 1; rows <= MAX_SIDE; rows++) for (int cols = 1; cols <= MAX_SIDE; cols++) categoricalLosses(rng, rows, cols, softLabels);
    }

    private static void categoricalLosses(SplittableRandom rng, int rows, int cols, boolean softLabels) {
        Batch b = new Batch(rows, cols);
        for (int r = 0; r < rows; r++) {
            int hot = rng.nextInt(cols);
            for (int c = 0; c < cols; c++) {
                b.y[r * cols + c] = softLabels ? uniform(rng, 0, 1, 0) : c == hot ? 1 : 0;
                b.p[r * cols + c] = uniform(rng, 0, 2, 0.2); // unnormalized, with exact zeros
            }
            b.p[r * cols + hot] += 0.5f; // no all-zero row (0/0 in Keras too)
        }
        double expected = 0;
        for (int r = 0; r < rows; r++) {
            double sum = 0, loss = 0;
            for (int c = 0; c < cols; c++) sum += b.p[r * cols + c];
            for (int c = 0; c < cols; c++) loss -= b.y[r * cols + c] * Math.log(Math.min(Math.max(b.p[r * cols + c] / sum, LOW), HIGH));
            expected += loss / rows;
        }
        b.check(expected, Losses.categoricalCrossentropy(), "cce");

        for (int i = 0; i < b.p.length; i++) b.p[i] = uniform(rng, -30, 30, 0);
        expected = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0, loss = 0;
            for (int c = 0; c < cols; c++) max = Math.max(max, b.p[r * cols + c]);
            for (int c = 0; c < cols; c++) sum += Math.exp(b.p[r * cols + c] - max);
            double logSumExp = max + Math.log(sum);
            for (int c = 0; c < cols; c++) loss -= b.y[r * cols + c] * (b.p[r * cols + c] - logSumExp);
            expected += loss / rows;
        }
        b.check(expected, Losses.categoricalCrossentropy(true), "cce from logits");
    }
}
