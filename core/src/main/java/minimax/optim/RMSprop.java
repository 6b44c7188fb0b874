package minimax.optim;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;

/**
 * RMSprop, as Keras 3 computes it (Hinton, Neural Networks for Machine Learning, lecture 6e, 2012):
 *
 * <pre>
 *   v ← ρ·v + (1 − ρ)·g²
 *   centered:  a ← ρ·a + (1 − ρ)·g;   d = v − a² + ε
 *   otherwise: d = v + ε
 *   Δ = lr·g / √d
 *   momentum > 0:  p ← momentum·p + Δ;  w ← w − p
 *   otherwise:     w ← w − Δ
 * </pre>
 *
 * <p>ε is added inside the square root (unlike {@link Adam}). float32 arithmetic in the order
 * written; ρ, momentum, ε and {@code 1 − ρ} (computed in double, as Keras does in Python) are each
 * rounded once to float32. Slots: {@code "velocity"} (v), {@code "momentum"} (p, only when
 * momentum &gt; 0), {@code "average_gradient"} (a, only when centered), zeros at the start.
 *
 * <p>Defaults: lr 1e-3, ρ 0.9, momentum 0, ε 1e-7, not centered.
 */
public class RMSprop extends Optimizer {
    /** Keras 3 defaults. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3, DEFAULT_RHO = 0.9, DEFAULT_MOMENTUM = 0, DEFAULT_EPSILON = 1e-7;

    private final double rho, momentum, epsilon;
    private final boolean centered;
    private float[][] velocity, momenta, averageGradient;

    /** RMSprop with the defaults. */
    public RMSprop() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** RMSprop with learning rate {@code learningRate} (finite, {@code > 0}; use {@link #maximize()} to ascend). */
    public RMSprop(double learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, false);
    }

    /** RMSprop with a learning-rate schedule. */
    public RMSprop(LearningRateSchedule learningRate) {
        this(learningRate, DEFAULT_RHO, DEFAULT_MOMENTUM, DEFAULT_EPSILON, false);
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param rho decay of the squared-gradient average, in {@code [0, 1)}
     * @param momentum in {@code [0, 1)}; 0 for none
     * @param epsilon added under the square root, finite and {@code >= 0}
     * @param centered whether to divide by an estimate of the gradient's variance instead of its second moment
     */
    public RMSprop(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
        this(LearningRateSchedule.constant(learningRate), rho, momentum, epsilon, centered);
    }

    /** As {@link #RMSprop(double, double, double, double, boolean)} with a learning-rate schedule. */
    public RMSprop(LearningRateSchedule learningRate, double rho, double momentum, double epsilon, boolean centered) {
        super(learningRate, 0);
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rmsprop rho must be in [0, 1), got " + rho);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("rmsprop momentum must be in [0, 1), got " + momentum);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("rmsprop epsilon must be a finite number >= 0, got " + epsilon);
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.centered = centered;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public RMSprop maximize() {
        super.maximize();
        return this;
    }

    /** Decay of the averages. */ public double rho() { return rho; }
    /** Momentum factor. */ public double momentum() { return momentum; }
    /** Added under the square root. */ public double epsilon() { return epsilon; }
    /** Whether the gradient's mean is subtracted. */ public boolean centered() { return centered; }

    @Override
    protected void build(List<Variable> variables) {
        velocity = addSlot("velocity", 0f);
        if (momentum > 0) momenta = addSlot("momentum", 0f);
        if (centered) averageGradient = addSlot("average_gradient", 0f);
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
        float r = (float) rho, oneMinusRho = (float) (1 - rho), mu = (float) momentum, eps = (float) epsilon;
        float[] v = velocity[index], p = momentum > 0 ? momenta[index] : null, a = centered ? averageGradient[index] : null;
        for (int k = 0; k < w.length; k++) {
            float gk = g[k];
            v[k] = r * v[k] + oneMinusRho * (gk * gk);
            float denominator;
            if (a != null) {
                a[k] = r * a[k] + oneMinusRho * gk;
                denominator = v[k] - a[k] * a[k] + eps;
            } else {
                denominator = v[k] + eps;
            }
            float increment = lr * gk / (float) Math.sqrt(denominator);
            if (p != null) {
                p[k] = mu * p[k] + increment;
                w[k] -= p[k];
            } else {
                w[k] -= increment;
            }
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("rho", rho);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("centered", centered);
    }
}
