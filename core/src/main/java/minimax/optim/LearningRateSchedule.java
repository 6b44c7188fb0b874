package minimax.optim;

import java.util.Map;

/**
 * The learning rate as a function of the optimizer's step count (Keras 3's
 * {@code LearningRateSchedule}).
 *
 * <p>An optimizer reads its schedule once per {@link Optimizer#apply step}, at the number of updates
 * already applied: the first update uses {@code at(0)}, the second {@code at(1)}, and so on. The same
 * rate feeds weight decay and the update of that step. Every value must be finite and greater than
 * zero; a step whose rate is not is refused before anything changes (to ascend, use
 * {@link Optimizer#maximize()}, never a negative rate).
 *
 * <pre>{@code
 * Optimizer sgd = new SGD(new ExponentialDecay(0.1, 1000, 0.96, false));
 * Optimizer warm = new Adam(step -> (float) Math.min(1e-3, 1e-5 * (step + 1)));  // a lambda works too
 * }</pre>
 *
 * <p>A lambda cannot be written to a file: {@link Optimizer#config()} records it as {@code "custom"},
 * and {@link Optimizers#fromConfig} then asks for the optimizer to be rebuilt in code.
 */
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The learning rate for the update that follows {@code iterations} completed updates.
     *
     * @param iterations updates applied so far, {@code >= 0}
     * @return the rate, which must be finite and {@code > 0}
     */
    float at(long iterations);

    /**
     * A description of this schedule that {@link Optimizers#fromConfig} can rebuild it from, or null
     * when it cannot be stored (a lambda).
     */
    default Map<String, Object> config() {
        return null;
    }

    /**
     * The constant rate {@code learningRate}, rounded once to float32 (as Keras stores it in a float32
     * variable).
     *
     * @throws IllegalArgumentException if the rate is not finite and {@code > 0}; the message explains
     *         that negative rates are refused and {@link Optimizer#maximize()} is the way to ascend
     */
    static LearningRateSchedule constant(double learningRate) {
        return new ConstantLearningRate(learningRate);
    }
}
