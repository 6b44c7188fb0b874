package minimax.gan;

import java.util.Map;
import minimax.autodiff.Value;

/** {@link GanLoss#wassersteinGp}: the critic's score gap plus a gradient penalty the trainer adds. */
final class WassersteinGanLoss extends GanLoss {
    private final double lambda;

    WassersteinGanLoss(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("gradient penalty weight must be finite and >= 0, got " + lambda);
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "wgan-gp";
    }

    /** {@code mean D(G(z)) − mean D(x)}, without the penalty (see {@link #gradientPenaltyWeight()}). */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return fakeScores.mean().sub(realScores.mean());
    }

    /** {@code −mean D(G(z))}. */
    @Override
    public Value generatorLoss(Value fakeScores) {
        return fakeScores.mean().neg();
    }

    @Override
    public double gradientPenaltyWeight() {
        return lambda;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("lambda", lambda);
        return c;
    }
}
