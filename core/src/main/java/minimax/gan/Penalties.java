package minimax.gan;

import java.util.List;
import java.util.function.Function;
import minimax.autodiff.Gradients;
import minimax.autodiff.Value;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Penalties on the discriminator's input gradient, built with gradients of gradients so that the
 * discriminator can be trained through them. {@code critic} maps a batch {@code [n, ...]} to scores
 * {@code [n, 1]}; it must be differentiable in its input (any model call is).
 */
public final class Penalties {
    /** Added under the square root of the WGAN-GP norm so its gradient stays finite at 0 (as TF-GAN). */
    public static final float NORM_EPSILON = 1e-10f;

    private Penalties() {}

    /**
     * WGAN-GP (Gulrajani et al. 2017): {@code λ · mean_i (‖∇_x D(x̂_i)‖₂ − 1)²} with
     * {@code x̂ = ε·real + (1 − ε)·fake} and {@code ‖g‖₂ = sqrt(Σ g² + 1e-10)} per sample.
     *
     * @param real a real batch {@code [n, ...]} (not modified)
     * @param fake a fake batch of the same shape, detached from the generator (not modified)
     * @param epsilon per-sample mixing weights {@code [n]} in [0, 1] (not modified)
     * @param lambda the weight λ
     * @return the scalar penalty, differentiable in the critic's parameters
     */
    public static Value gradientPenalty(Function<Value, Value> critic, Tensor real, Tensor fake, Tensor epsilon, double lambda) {
        if (!java.util.Arrays.equals(real.shape(), fake.shape())) {
            throw new IllegalArgumentException("gradient penalty needs real and fake batches of one shape, got " + Shapes.str(real.shape()) + " and " + Shapes.str(fake.shape()));
        }
        int n = real.dim(0);
        if (epsilon.rank() != 1 || epsilon.dim(0) != n) throw new IllegalArgumentException("epsilon must have shape [" + n + "], got " + Shapes.str(epsilon.shape()));
        Tensor eps = epsilon.reshape(perSampleShape(real));
        Tensor interpolated = fake.add(real.sub(fake).mul(eps)); // ε·real + (1 − ε)·fake
        Value squaredNorms = squaredGradientNorms(critic, interpolated);
        return squaredNorms.add(NORM_EPSILON).sqrt().sub(1f).square().mean().mul((float) lambda);
    }

    /**
     * R1 (Mescheder et al. 2018): {@code (γ/2) · mean_i ‖∇_x D(x_i)‖₂²} on real samples.
     *
     * @param real a real batch {@code [n, ...]} (not modified)
     * @return the scalar penalty, differentiable in the critic's parameters
     */
    public static Value r1(Function<Value, Value> critic, Tensor real, double gamma) {
        Value x = Value.leaf(real);
        return r1(x, critic.apply(x), gamma);
    }

    /**
     * R1 from a critic call the caller already made, so that the loss on real samples and the
     * penalty share one forward pass: {@code (γ/2) · mean_i ‖∇_x Σ_k scores_k‖₂²}.
     *
     * @param real the critic's input, a leaf made with {@link Value#leaf} (not modified)
     * @param scores the critic's scores {@code [n, 1]} computed from {@code real} in grad mode
     * @return the scalar penalty, differentiable in the critic's parameters
     */
    public static Value r1(Value real, Value scores, double gamma) {
        return squaredGradientNorms(real, scores).mean().mul((float) (gamma / 2));
    }

    /** {@code Σ_j (∂ Σ_k D(x)_k / ∂x_ij)²} per sample i: shape {@code [n]}, differentiable. */
    private static Value squaredGradientNorms(Function<Value, Value> critic, Tensor points) {
        Value x = Value.leaf(points);
        return squaredGradientNorms(x, critic.apply(x));
    }

    private static Value squaredGradientNorms(Value x, Value scores) {
        Value grad = Gradients.graph(scores.sum(), List.of(x)).get(0);
        int[] featureAxes = new int[x.shape().length - 1];
        for (int i = 0; i < featureAxes.length; i++) featureAxes[i] = i + 1;
        return grad.square().sum(featureAxes, false);
    }

    private static int[] perSampleShape(Tensor batch) {
        int[] shape = new int[batch.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = batch.dim(0);
        return shape;
    }
}
