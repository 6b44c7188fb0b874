package minimax.optim;

/** The one place where a learning rate is checked, so every refusal explains itself the same way. */
final class LearningRates {
    private LearningRates() {}

    /**
     * Returns {@code rate} as float32 if it is finite and {@code > 0} (also after rounding), else
     * throws an {@link IllegalArgumentException} that says why and what to do instead.
     *
     * @param what names the value in the message, e.g. {@code "learning rate"}
     */
    static float check(double rate, String what) {
        if (Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + rate);
        }
        if (rate < 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + rate + ": negative learning rates are refused. "
                    + "To ascend (maximize an objective), keep the rate positive and call maximize(), e.g. new Adam(1e-3).maximize(). "
                    + "A negative rate would turn weight decay into weight growth and invert learning-rate schedules "
                    + "(a schedule that lowers the rate would then raise the step, or cross zero and change direction)");
        }
        if ((float) rate == 0f) {
            throw new IllegalArgumentException(what + " must be > 0, got " + rate + (rate == 0 ? "" : " (zero in float32)")
                    + ": a zero learning rate never changes the weights. To ascend rather than descend, use maximize() with a positive rate");
        }
        return (float) rate;
    }
}
