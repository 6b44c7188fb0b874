package minimax.optim;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;

/**
 * Adagrad, as Keras 3 computes it (Duchi et al., "Adaptive Subgradient Methods for Online Learning
 * and Stochastic Optimization", JMLR 2011): each element's step shrinks with the sum of its squared
 * gradients.
 *
 * <pre>
 *   s ← s + g²                 (s starts at initialAccumulatorValue)
 *   w ← w − lr·g / √(s + ε)
 * </pre>
 *
 * <p>ε is added inside the square root. float32 arithmetic in the order written, with ε and the
 * initial value rounded once to float32. Slot: {@code "accumulator"} (s).
 *
 * <p>Defaults: lr 1e-3, initial accumulator value 0.1, ε 1e-7. Adagrad usually wants a larger rate
 * than the default; the paper's form is lr 1.
 */
public class Adagrad extends Optimizer {
    /** Keras 3 defaults. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3, DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1, DEFAULT_EPSILON = 1e-7;

    private final double initialAccumulatorValue, epsilon;
    private float[][] accumulator;

    /** Adagrad with the defaults. */
    public Adagrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adagrad with learning rate {@code learningRate} (finite, {@code > 0}; use {@link #maximize()} to ascend). */
    public Adagrad(double learningRate) {
        this(learningRate, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    /** Adagrad with a learning-rate schedule. */
    public Adagrad(LearningRateSchedule learningRate) {
        this(learningRate, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPSILON);
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param initialAccumulatorValue starting value of s, finite and {@code >= 0}
     * @param epsilon added under the square root, finite and {@code >= 0}
     */
    public Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        this(LearningRateSchedule.constant(learningRate), initialAccumulatorValue, epsilon);
    }

    /** As {@link #Adagrad(double, double, double)} with a learning-rate schedule. */
    public Adagrad(LearningRateSchedule learningRate, double initialAccumulatorValue, double epsilon) {
        super(learningRate, 0);
        if (!(initialAccumulatorValue >= 0) || Double.isInfinite(initialAccumulatorValue)) {
            throw new IllegalArgumentException("adagrad initialAccumulatorValue must be a finite number >= 0, got " + initialAccumulatorValue);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("adagrad epsilon must be a finite number >= 0, got " + epsilon);
        this.initialAccumulatorValue = initialAccumulatorValue;
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public Adagrad maximize() {
        super.maximize();
        return this;
    }

    /** Starting value of the accumulator. */ public double initialAccumulatorValue() { return initialAccumulatorValue; }
    /** Added under the square root. */ public double epsilon() { return epsilon; }

    @Override
    protected void build(List<Variable> variables) {
        accumulator = addSlot("accumulator", (float) initialAccumulatorValue);
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
        float eps = (float) epsilon;
        float[] s = accumulator[index];
        for (int k = 0; k < w.length; k++) {
            float gk = g[k];
            s[k] += gk * gk;
            w[k] -= lr * gk / (float) Math.sqrt(s[k] + eps);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("initial_accumulator_value", initialAccumulatorValue);
        config.put("epsilon", epsilon);
    }
}
