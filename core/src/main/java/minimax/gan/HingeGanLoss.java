package minimax.gan;

import java.util.Map;
import minimax.autodiff.Value;

/** {@link GanLoss#HINGE}. */
final class HingeGanLoss extends GanLoss {
    @Override
    public String name() {
        return "hinge";
    }

    /** {@code mean relu(1 − D(x)) + mean relu(1 + D(G(z)))}. */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return realScores.rsub(1f).relu().mean().add(fakeScores.add(1f).relu().mean());
    }

    /** {@code −mean D(G(z))}. */
    @Override
    public Value generatorLoss(Value fakeScores) {
        return fakeScores.mean().neg();
    }

    @Override
    public Map<String, Object> config() {
        return baseConfig();
    }
}
