package minimax.nn;

import java.util.ArrayList;
import java.util.List;
import minimax.tensor.Tensor;
import minimax.train.Callback;

/**
 * Settings of {@link Model#fit(Tensor, Tensor, FitOptions)}, with Keras's defaults: 1 epoch, batch
 * size 32, shuffled each epoch, no validation, one progress line per epoch.
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(10).batchSize(64).validationData(xVal, yVal).verbose(0));
 * }</pre>
 */
public final class FitOptions {
    int epochs = 1;
    int initialEpoch = 0;
    int batchSize = 32;
    boolean shuffle = true;
    Tensor validationX;
    Tensor validationY;
    int verbose = 1;
    final List<Callback> callbacks = new ArrayList<>();

    /** Number of epochs (the last epoch index + 1 when resuming with {@link #initialEpoch}). */
    public FitOptions epochs(int n) {
        if (n < 0) throw new IllegalArgumentException("epochs must be >= 0, got " + n);
        this.epochs = n;
        return this;
    }

    /** The epoch to start at, for resuming (Keras's {@code initial_epoch}). */
    public FitOptions initialEpoch(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("initialEpoch must be >= 0, got " + epoch);
        this.initialEpoch = epoch;
        return this;
    }

    /** Samples per step; the last batch of an epoch may be smaller. */
    public FitOptions batchSize(int n) {
        if (n < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + n);
        this.batchSize = n;
        return this;
    }

    /** Whether to shuffle the samples before each epoch (seeded by the model's seed and the epoch). */
    public FitOptions shuffle(boolean on) {
        this.shuffle = on;
        return this;
    }

    /** Data to compute {@code val_loss} on after each epoch. */
    public FitOptions validationData(Tensor x, Tensor y) {
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    /** 0: silent; 1: one line per epoch on standard output. */
    public FitOptions verbose(int level) {
        this.verbose = level;
        return this;
    }

    /** Adds callbacks. */
    public FitOptions callbacks(Callback... cs) {
        this.callbacks.addAll(List.of(cs));
        return this;
    }
}
