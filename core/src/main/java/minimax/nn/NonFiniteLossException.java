package minimax.nn;

/**
 * A training step produced a NaN or infinite loss. It is thrown before any weight is updated, so
 * the model is left as it was after the previous step.
 */
public final class NonFiniteLossException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final long step;

    /** @param step the training step (0-based) at which the loss was not finite */
    public NonFiniteLossException(String message, long step) {
        super(message);
        this.step = step;
    }

    /** The model's training-step count (0-based) at which the loss was not finite. */
    public long step() {
        return step;
    }
}
