package minimax.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import minimax.autodiff.Value;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import minimax.testing.GradCheck;
import org.junit.jupiter.api.Test;

/** WGAN-GP and R1 on critics with known input gradients, and their gradients by finite differences. */
class PenaltiesTest {
    private static final Tensor W = Tensor.of(new double[] {0.6, -0.8, 2.0}, 3, 1); // ‖w‖² = 4.999…: 0.36 + 0.64 + 4 = 5

    private static Tensor batch(long seed, int n) {
        return Tensor.normal(new Rng(seed), 0f, 1f, n, 3).toFloat64();
    }

    @Test
    void gradientPenaltyOfALinearCriticIsItsWeightNormGap() {
        // D(x) = x·w has ∇_x D = w at every point, so the penalty is λ(√(‖w‖² + 1e-10) − 1)² = 10(√5 − 1)²
        Function<Value, Value> critic = x -> x.matmul(Value.constant(W));
        Tensor eps = Tensor.of(new double[] {0.1, 0.5, 0.9, 0.0}, 4);
        double gp = Penalties.gradientPenalty(critic, batch(1, 4), batch(2, 4), eps, 10).data().getFlat(0);
        double expected = 10 * Math.pow(Math.sqrt(5 + 1e-10) - 1, 2);
        assertEquals(expected, gp, 1e-12);
    }

    @Test
    void r1OfALinearCriticIsHalfGammaTimesTheSquaredNorm() {
        Function<Value, Value> critic = x -> x.matmul(Value.constant(W));
        assertEquals(0.5 * 3 * 5, Penalties.r1(critic, batch(3, 5), 3).data().getFlat(0), 1e-12);
    }

    @Test
    void gradientPenaltyInterpolatesPerSample() {
        // D(x) = Σ x² has ∇ = 2x̂, so the penalty depends on where x̂ = ε·real + (1 − ε)·fake lies
        Function<Value, Value> critic = x -> x.square().sum(new int[] {1}, true);
        Tensor real = Tensor.of(new double[] {1, 0, 0, 0, 2, 0}, 2, 3), fake = Tensor.of(new double[] {0, 0, 0, 0, 0, 0}, 2, 3);
        Tensor eps = Tensor.of(new double[] {0.25, 1.0}, 2);
        // x̂₀ = (0.25, 0, 0): ‖∇‖ = 0.5; x̂₁ = (0, 2, 0): ‖∇‖ = 4 → mean((0.5 − 1)², (4 − 1)²) = (0.25 + 9)/2
        double gp = Penalties.gradientPenalty(critic, real, fake, eps, 1).data().getFlat(0);
        assertEquals(4.625, gp, 1e-9);
    }

    @Test
    void penaltiesDifferentiateThroughANonlinearCritic() {
        Tensor real = batch(4, 5), fake = batch(5, 5);
        Tensor eps = Tensor.uniform(new Rng(6), 0f, 1f, 5).toFloat64();
        Tensor w1 = Tensor.normal(new Rng(7), 0f, 0.7f, 3, 4).toFloat64(), b1 = Tensor.normal(new Rng(8), 0f, 0.3f, 4).toFloat64();
        Tensor w2 = Tensor.normal(new Rng(9), 0f, 0.7f, 4, 1).toFloat64();
        GradCheck.check("wgan-gp through tanh critic", xs -> Penalties.gradientPenalty(critic(xs.get(0), xs.get(1), xs.get(2)), real, fake, eps, 10), w1, b1, w2);
        GradCheck.check("r1 through tanh critic", xs -> Penalties.r1(critic(xs.get(0), xs.get(1), xs.get(2)), real, 2), w1, b1, w2);
    }

    @Test
    void r1SharingTheLossesForwardPassHasTheRightGradients() {
        // what the trainer builds: one critic call on a leaf feeds both the loss and R1
        Tensor real = batch(10, 5);
        Tensor w1 = Tensor.normal(new Rng(11), 0f, 0.7f, 3, 4).toFloat64(), b1 = Tensor.normal(new Rng(12), 0f, 0.3f, 4).toFloat64();
        Tensor w2 = Tensor.normal(new Rng(13), 0f, 0.7f, 4, 1).toFloat64();
        GradCheck.check("loss + r1 on one forward pass", xs -> {
            Value x = Value.leaf(real);
            Value scores = critic(xs.get(0), xs.get(1), xs.get(2)).apply(x);
            return scores.mean().add(Penalties.r1(x, scores, 2));
        }, w1, b1, w2);
        Function<Value, Value> linear = x -> x.matmul(Value.constant(W));
        Value x = Value.leaf(batch(3, 5));
        assertEquals(Penalties.r1(linear, x.data(), 3).data().getFlat(0), Penalties.r1(x, linear.apply(x), 3).data().getFlat(0));
    }

    private static Function<Value, Value> critic(Value w1, Value b1, Value w2) {
        return x -> x.matmul(w1).add(b1).tanh().matmul(w2);
    }

    @Test
    void badShapesAreRefused() {
        Function<Value, Value> critic = x -> x.matmul(Value.constant(W));
        assertThrows(IllegalArgumentException.class, () -> Penalties.gradientPenalty(critic, batch(1, 4), batch(2, 3), Tensor.zeros(4).toFloat64(), 10));
        assertThrows(IllegalArgumentException.class, () -> Penalties.gradientPenalty(critic, batch(1, 4), batch(2, 4), Tensor.zeros(3).toFloat64(), 10));
    }
}
