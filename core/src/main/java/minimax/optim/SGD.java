package minimax.optim;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;

/**
 * Stochastic gradient descent, with optional (Nesterov) momentum; Keras 3's {@code SGD}.
 *
 * <pre>
 *   momentum = 0:   w ← w − lr·g
 *   momentum > 0:   m ← momentum·m − lr·g;   w ← w + m
 *   nesterov:       m ← momentum·m − lr·g;   w ← w + momentum·m − lr·g
 * </pre>
 *
 * float32, evaluated left to right as written ({@code m·momentum} and {@code g·lr} are each rounded,
 * then subtracted). The slot {@code "momentum"} (zeros at the start) exists only when momentum &gt; 0.
 * Defaults: lr 0.01, momentum 0, no Nesterov. Reference: Sutskever et al., "On the importance of
 * initialization and momentum in deep learning", ICML 2013.
 *
 * <pre>{@code
 * Optimizer sgd = new SGD(0.1, 0.9, true);   // Nesterov momentum
 * }</pre>
 */
public class SGD extends Optimizer {
    /** Keras 3's default learning rate for SGD. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final double momentum;
    private final boolean nesterov;
    private float[][] velocity;

    /** Plain SGD with learning rate 0.01. */
    public SGD() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Plain SGD; {@code learningRate} must be finite and {@code > 0} (use {@link #maximize()} to ascend). */
    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    /** Plain SGD with a learning-rate schedule. */
    public SGD(LearningRateSchedule learningRate) {
        this(learningRate, 0, false);
    }

    /**
     * @param learningRate finite and {@code > 0}
     * @param momentum in {@code [0, 1]}; 0 is plain gradient descent
     * @param nesterov whether to use Nesterov momentum (needs momentum &gt; 0 to matter)
     */
    public SGD(double learningRate, double momentum, boolean nesterov) {
        this(LearningRateSchedule.constant(learningRate), momentum, nesterov);
    }

    /** As {@link #SGD(double, double, boolean)} with a learning-rate schedule. */
    public SGD(LearningRateSchedule learningRate, double momentum, boolean nesterov) {
        super(learningRate, 0);
        if (!(momentum >= 0 && momentum <= 1)) throw new IllegalArgumentException("SGD momentum must be in [0, 1], got " + momentum);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public SGD maximize() {
        super.maximize();
        return this;
    }

    /** The momentum factor. */
    public double momentum() {
        return momentum;
    }

    /** Whether momentum is Nesterov's. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected void build(List<Variable> variables) {
        if (momentum != 0) velocity = addSlot("momentum", 0f);
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
        if (momentum == 0) {
            for (int k = 0; k < w.length; k++) w[k] -= g[k] * lr;
            return;
        }
        float mu = (float) momentum;
        float[] m = velocity[index];
        for (int k = 0; k < w.length; k++) {
            m[k] = m[k] * mu - g[k] * lr;
            w[k] += nesterov ? m[k] * mu - g[k] * lr : m[k];
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        config.put("momentum", momentum);
        config.put("nesterov", nesterov);
    }
}
