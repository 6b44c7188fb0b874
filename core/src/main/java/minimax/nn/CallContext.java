package minimax.nn;

import minimax.tensor.Rng;

/**
 * What a layer's forward pass may depend on besides its input: whether it is training (dropout
 * active) and a random generator for this call.
 *
 * <p>Models derive the generator from their seed and their training-step count, so a run resumed
 * from a checkpoint draws the same dropout masks as an uninterrupted one.
 */
public final class CallContext {
    private final boolean training;
    private final Rng rng;

    /**
     * @param training true in a training step, false in prediction and evaluation
     * @param rng generator for this call (used by dropout); layers {@code split()} it in call order
     */
    public CallContext(boolean training, Rng rng) {
        this.training = training;
        this.rng = rng;
    }

    /** An inference context: no dropout, no randomness needed. */
    public static CallContext inference() {
        return new CallContext(false, new Rng(0));
    }

    /** True in a training step. */
    public boolean training() {
        return training;
    }

    /** The generator for this call. */
    public Rng rng() {
        return rng;
    }
}
