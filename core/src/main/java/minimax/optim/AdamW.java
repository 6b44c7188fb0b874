package minimax.optim;

/**
 * Adam with decoupled weight decay on by default (Keras 3's {@code AdamW}; Loshchilov and Hutter,
 * "Decoupled Weight Decay Regularization", ICLR 2019). Before each Adam update,
 * {@code w ← w − w·weightDecay·lr}; the update itself is {@link Adam}'s. Equivalent to
 * {@code new Adam(...).weightDecay(weightDecay)}, with its own name.
 *
 * <p>Defaults: lr 1e-3, weight decay 0.004, β1 0.9, β2 0.999, ε 1e-7, no amsgrad.
 */
public class AdamW extends Adam {
    /** Keras 3's default weight decay for AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    /** AdamW with the defaults. */
    public AdamW() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** AdamW with learning rate {@code learningRate} and weight decay 0.004. */
    public AdamW(double learningRate) {
        this(learningRate, DEFAULT_WEIGHT_DECAY);
    }

    /** AdamW with a learning-rate schedule and weight decay 0.004. */
    public AdamW(LearningRateSchedule learningRate) {
        this(learningRate, DEFAULT_WEIGHT_DECAY, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, false);
    }

    /** AdamW with the given learning rate and weight decay ({@code >= 0}). */
    public AdamW(double learningRate, double weightDecay) {
        this(learningRate, weightDecay, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, false);
    }

    /** See {@link Adam#Adam(double, double, double, double, boolean)}; {@code weightDecay >= 0}. */
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this(LearningRateSchedule.constant(learningRate), weightDecay, beta1, beta2, epsilon, amsgrad);
    }

    /** As above with a learning-rate schedule. */
    public AdamW(LearningRateSchedule learningRate, double weightDecay, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate, weightDecay, beta1, beta2, epsilon, amsgrad);
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public AdamW maximize() {
        super.maximize();
        return this;
    }
}
