package minimax.losses;

import minimax.autodiff.Value;

/**
 * A training objective: a scalar computed from targets and predictions, written with
 * {@link Value} operations so that autodiff differentiates it.
 *
 * <p>Built-in losses come from {@link Losses}; any lambda is a loss too:
 *
 * <pre>{@code
 * Loss inverseMse = (yTrue, yPred) -> yPred.sub(yTrue).square().add(1e-7f).reciprocal().mean();
 * model.compile(Losses.mse().negate(), new Adam(1e-3));   // ascend the MSE
 * }</pre>
 *
 * <p>A loss reduces to the mean over the batch ("sum over batch size", Keras's default), so its
 * size does not depend on the batch size.
 *
 * <p>During training a loss runs inside the step's {@link minimax.tensor.Workspace}: keep no tensor
 * it makes beyond the call ({@code copy()} one to keep it).
 */
@FunctionalInterface
public interface Loss {
    /**
     * The loss of a batch.
     *
     * @param yTrue targets, a constant (not modified)
     * @param yPred predictions, usually differentiable (not modified)
     * @return a scalar value
     */
    Value compute(Value yTrue, Value yPred);

    /** A short name for summaries and saved models; {@code "custom"} for lambdas. */
    default String name() {
        return "custom";
    }

    /** {@code −loss}: minimizing it maximizes this loss (gradient ascent by sign flip). */
    default Loss negate() {
        return Composite.scaled(this, -1f);
    }

    /** {@code weight · loss}. */
    default Loss scale(float weight) {
        return Composite.scaled(this, weight);
    }

    /** {@code loss + other}. */
    default Loss plus(Loss other) {
        return Composite.sum(this, other);
    }
}
