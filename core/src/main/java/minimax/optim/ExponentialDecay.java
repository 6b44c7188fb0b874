package minimax.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learning rate that decays exponentially with the step (Keras 3's {@code ExponentialDecay}):
 *
 * <pre>
 *   rate(step) = initialLearningRate · decayRate^(step / decaySteps)
 * </pre>
 *
 * where {@code step / decaySteps} is a real division, or an integer (floor) division with
 * {@code staircase}, so the rate drops once every {@code decaySteps} updates.
 *
 * <p>Float arithmetic: computed in double and rounded once to float32 (Keras computes in float32, so
 * the two can differ in the last bit).
 *
 * <pre>{@code
 * new SGD(new ExponentialDecay(0.1, 100_000, 0.96, true));   // 0.1, then ×0.96 every 100,000 steps
 * }</pre>
 */
public final class ExponentialDecay implements LearningRateSchedule {
    private final double initialLearningRate;
    private final long decaySteps;
    private final double decayRate;
    private final boolean staircase;

    /**
     * @param initialLearningRate the rate at step 0, finite and {@code > 0}
     * @param decaySteps steps over which the rate is multiplied by {@code decayRate}, {@code > 0}
     * @param decayRate the factor per {@code decaySteps}, finite and {@code > 0} (below 1 to decay)
     * @param staircase whether the exponent is floored to an integer
     */
    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
        LearningRates.check(initialLearningRate, "initial learning rate");
        if (decaySteps <= 0) throw new IllegalArgumentException("decaySteps must be > 0, got " + decaySteps);
        if (!(decayRate > 0) || Double.isInfinite(decayRate)) {
            throw new IllegalArgumentException("decayRate must be a finite number > 0, got " + decayRate + " (a rate <= 0 would make the learning rate zero or negative)");
        }
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    @Override
    public float at(long iterations) {
        double p = staircase ? Math.floorDiv(iterations, decaySteps) : (double) iterations / decaySteps;
        return (float) (initialLearningRate * Math.pow(decayRate, p));
    }

    /** {@code {"class_name": "ExponentialDecay", "config": {initial_learning_rate, decay_steps, decay_rate, staircase}}}. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("initial_learning_rate", initialLearningRate);
        c.put("decay_steps", decaySteps);
        c.put("decay_rate", decayRate);
        c.put("staircase", staircase);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class_name", "ExponentialDecay");
        out.put("config", c);
        return out;
    }

    @Override
    public String toString() {
        return "ExponentialDecay(" + initialLearningRate + ", " + decaySteps + ", " + decayRate + (staircase ? ", staircase" : "") + ")";
    }
}
