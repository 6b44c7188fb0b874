package minimax.optim;

import java.util.Map;

/** A learning rate that does not change; {@link #value} is kept as given so configs round-trip exactly. */
final class ConstantLearningRate implements LearningRateSchedule {
    final double value;
    private final float rate;

    ConstantLearningRate(double value) {
        this.rate = LearningRates.check(value, "learning rate");
        this.value = value;
    }

    @Override
    public float at(long iterations) {
        return rate;
    }

    /** Null: a constant is stored in an optimizer's config as a plain number, not as a schedule. */
    @Override
    public Map<String, Object> config() {
        return null;
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
