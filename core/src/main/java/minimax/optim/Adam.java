package minimax.optim;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;

/**
 * Adam, as Keras 3 computes it (Kingma and Ba, "Adam: A Method for Stochastic Optimization", 2014;
 * AMSGrad: Reddi et al., "On the Convergence of Adam and Beyond", 2018). At step {@code t}
 * (1 for the first update):
 *
 * <pre>
 *   alpha = lr·√(1 − β2^t) / (1 − β1^t)
 *   m ← m + (g − m)·(1 − β1)
 *   v ← v + (g² − v)·(1 − β2)
 *   amsgrad:  vHat ← max(vHat, v), and vHat replaces v below
 *   w ← w − (m·alpha) / (√v + ε)
 * </pre>
 *
 * <p>ε is added to √v, not to v ("epsilon hat" of the paper), and the bias corrections are folded into
 * alpha. float32 arithmetic in the order written, with Keras's casts: {@code β^t} is computed from
 * the float32 β in double and rounded once; {@code 1 − β} is computed in double from the β given and
 * rounded once (Keras does this in Python); ε and lr are float32. Slots: {@code "m"}, {@code "v"}
 * (and {@code "vhat"} with amsgrad), zeros at the start.
 *
 * <p>Defaults: lr 1e-3, β1 0.9, β2 0.999, ε 1e-7, no amsgrad.
 *
 * <pre>{@code
 * Optimizer g = new Adam(2e-4, 0.5);          // the usual GAN setting
 * Optimizer ascend = new Adam(1e-3).maximize();
 * }</pre>
 */
public class Adam extends Optimizer {
    /** Keras 3 defaults. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3, DEFAULT_BETA1 = 0.9, DEFAULT_BETA2 = 0.999, DEFAULT_EPSILON = 1e-7;

    private final double beta1, beta2, epsilon;
    private final boolean amsgrad;
    private float[][] m, v, vHat;

    /** Adam with the defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with learning rate {@code learningRate} (finite, {@code > 0}; use {@link #maximize()} to ascend). */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1);
    }

    /** Adam with a learning-rate schedule. */
    public Adam(LearningRateSchedule learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, false);
    }

    /** Adam with the given learning rate and β1, e.g. {@code new Adam(2e-4, 0.5)} for GANs. */
    public Adam(double learningRate, double beta1) {
        this(learningRate, beta1, DEFAULT_BETA2, DEFAULT_EPSILON, false);
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param beta1 decay of the first moment, in {@code [0, 1)}
     * @param beta2 decay of the second moment, in {@code [0, 1)}
     * @param epsilon added to √v, finite and {@code >= 0}
     * @param amsgrad whether to divide by the running maximum of v
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this(LearningRateSchedule.constant(learningRate), beta1, beta2, epsilon, amsgrad);
    }

    /** As {@link #Adam(double, double, double, double, boolean)} with a learning-rate schedule. */
    public Adam(LearningRateSchedule learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this(learningRate, 0, beta1, beta2, epsilon, amsgrad);
    }

    /** For {@link AdamW}, whose default weight decay differs. */
    Adam(LearningRateSchedule learningRate, double weightDecay, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate, weightDecay);
        this.beta1 = checkBeta("beta1", beta1);
        this.beta2 = checkBeta("beta2", beta2);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException(name() + " epsilon must be a finite number >= 0, got " + epsilon);
        this.epsilon = epsilon;
        this.amsgrad = amsgrad;
    }

    private double checkBeta(String which, double beta) {
        if (!(beta >= 0 && beta < 1)) throw new IllegalArgumentException(name() + " " + which + " must be in [0, 1), got " + beta);
        return beta;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Adam maximize() {
        super.maximize();
        return this;
    }

    /** Decay of the first moment. */ public double beta1() { return beta1; }
    /** Decay of the second moment. */ public double beta2() { return beta2; }
    /** Added to √v. */ public double epsilon() { return epsilon; }
    /** Whether AMSGrad's running maximum of v is used. */ public boolean amsgrad() { return amsgrad; }

    @Override
    protected void build(List<Variable> variables) {
        m = addSlot("m", 0f);
        v = addSlot("v", 0f);
        if (amsgrad) vHat = addSlot("vhat", 0f);
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
        long t = iterations() + 1;
        float beta1Power = (float) Math.pow((float) beta1, t);
        float beta2Power = (float) Math.pow((float) beta2, t);
        float alpha = lr * (float) Math.sqrt(1f - beta2Power) / (1f - beta1Power);
        float oneMinusBeta1 = (float) (1 - beta1), oneMinusBeta2 = (float) (1 - beta2), eps = (float) epsilon;
        float[] mi = m[index], vi = v[index], vh = amsgrad ? vHat[index] : null;
        for (int k = 0; k < w.length; k++) {
            float gk = g[k];
            mi[k] += (gk - mi[k]) * oneMinusBeta1;
            vi[k] += (gk * gk - vi[k]) * oneMinusBeta2;
            float vk = vi[k];
            if (vh != null) vk = vh[k] = Math.max(vh[k], vk);
            w[k] -= mi[k] * alpha / ((float) Math.sqrt(vk) + eps);
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("beta_1", beta1);
        config.put("beta_2", beta2);
        config.put("epsilon", epsilon);
        config.put("amsgrad", amsgrad);
    }
}
