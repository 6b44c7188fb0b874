package minimax.nn;

import java.util.Map;
import minimax.autodiff.Value;

/**
 * The gradient reversal layer of domain-adversarial training (Ganin and Lempitsky, "Unsupervised
 * Domain Adaptation by Backpropagation", ICML 2015): the identity forward, and the incoming gradient
 * times {@code −λ} backward ({@link Value#reverseGradient}). No weights; the output has the input's
 * shape {@code [n, ...]}.
 *
 * <p>Put it between a feature extractor and a domain classifier and train the whole model to
 * <em>minimize</em> the domain loss with one optimizer: the classifier after the layer learns to tell
 * the domains apart, while the layers before it move to <em>increase</em> that loss, i.e. to make
 * features the classifier cannot separate. For λ = 1 the layers before it get exactly (bit for bit)
 * the gradients an optimizer with {@code maximize()} would act on, so this is the two-player
 * min-max game in one model and one step.
 *
 * <pre>{@code
 * Sequential dann = new Sequential(new Dense(32, "relu", 15), new GradientReversal(), new Dense(1, "sigmoid"));
 * dann.compile("binary_crossentropy", "adam");   // the first Dense maximizes what the last minimizes
 * }</pre>
 *
 * <p>λ is fixed per layer (the paper raises it from 0 to 1 during training, {@code 2/(1 + e^(−10p)) − 1}
 * at progress p; with a custom step, call {@code x.reverseGradient(λ)} directly).
 */
public final class GradientReversal extends ShapePreservingLayer {
    /** The paper's plain form: the gradient is negated. */
    public static final float DEFAULT_LAMBDA = 1f;
    private final float lambda;

    /** With λ = 1: the gradient is negated. */
    public GradientReversal() {
        this(DEFAULT_LAMBDA);
    }

    /** @param lambda the scale of the reversed gradient, finite and {@code >= 0} */
    public GradientReversal(float lambda) {
        super("gradient_reversal");
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("GradientReversal lambda must be a finite number >= 0, got " + lambda + " (the layer multiplies gradients by -lambda)");
        }
        this.lambda = lambda;
    }

    /** The scale λ: gradients are multiplied by {@code −λ}. */
    public float lambda() {
        return lambda;
    }

    @Override
    protected Value forward(Value x, CallContext context) {
        return x.reverseGradient(lambda);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("lambda", (double) lambda);
        return c;
    }
}
