package minimax.optim;

import java.util.List;
import java.util.Map;
import minimax.autodiff.Variable;

/**
 * Optimistic gradient descent (OGDA; Daskalakis, Ilyas, Syrgkanis and Zeng, "Training GANs with
 * Optimism", ICLR 2018): a gradient step plus a correction by the change of the gradient, which
 * makes simultaneous min-max games such as {@code f(x, y) = x·y} converge where plain gradient
 * descent–ascent spirals outwards.
 *
 * <pre>
 *   w ← w − lr·(2·g_t − g_{t−1}),   i.e.   w ← w − lr·(g_t + (g_t − g_{t−1}))
 *   first step: g_{−1} = g_0, so it is plain SGD's step  w ← w − lr·g_0
 * </pre>
 *
 * <p>The first step is plain (rather than {@code g_{−1} = 0}, which would double it) so that nothing
 * overshoots before a previous gradient exists; it is bit for bit {@link SGD}'s first step, since
 * {@code g + (g − g) = g} exactly. "First" means {@link #iterations()} = 0, so a state restored with
 * {@link #loadState} continues correctly. {@code g} is the gradient after maximize and clipping (the
 * base class's order), so the slot {@code "previous_gradient"} holds what the last step used, and
 * {@code maximize()} on gradients of f follows minimizing −f bit for bit. Weight decay, if set, is
 * applied before the step as for every optimizer. With a schedule, both gradients of a step are
 * scaled by that step's rate.
 *
 * <p>float32, per element in the order written: {@code d = g + (g − p)}, then {@code w ← w − d·lr},
 * then {@code p ← g}. Defaults: lr 0.01 (as SGD). On the bilinear game, simultaneous OGDA with rate
 * η ≤ 1/2 contracts by {@code √((1 + √(1 − 4η²))/2)} per step (≈ 1 − η²/2 for small η) and
 * converges for every η &lt; 1/√3; plain SGD grows by {@code √(1 + η²)} per step for every η &gt; 0.
 *
 * <pre>{@code
 * Optimizer minPlayer = new OptimisticSGD(0.2);
 * Optimizer maxPlayer = new OptimisticSGD(0.2).maximize();
 * }</pre>
 */
public class OptimisticSGD extends Optimizer {
    /** The default learning rate, SGD's. */
    public static final double DEFAULT_LEARNING_RATE = SGD.DEFAULT_LEARNING_RATE;

    private float[][] previous;

    /** Optimistic SGD with learning rate 0.01. */
    public OptimisticSGD() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Optimistic SGD; {@code learningRate} must be finite and {@code > 0} (use {@link #maximize()} to ascend). */
    public OptimisticSGD(double learningRate) {
        this(LearningRateSchedule.constant(learningRate));
    }

    /** Optimistic SGD with a learning-rate schedule. */
    public OptimisticSGD(LearningRateSchedule learningRate) {
        super(learningRate, 0);
    }

    @Override
    public String name() {
        return "optimistic_sgd";
    }

    @Override
    public OptimisticSGD maximize() {
        super.maximize();
        return this;
    }

    @Override
    protected void build(List<Variable> variables) {
        previous = addSlot("previous_gradient", 0f);
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
        float[] p = previous[index];
        // g_{−1} = g_0: the slot's zeros are never read as a gradient (iterations() counts from 0 here)
        if (iterations() == 0) System.arraycopy(g, 0, p, 0, g.length);
        for (int k = 0; k < w.length; k++) {
            float gk = g[k];
            w[k] -= (gk + (gk - p[k])) * lr;
            p[k] = gk;
        }
    }

    @Override
    protected void addConfig(Map<String, Object> config) {
        // no hyperparameters beyond the shared ones
    }
}
