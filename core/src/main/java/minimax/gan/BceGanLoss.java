package minimax.gan;

import java.util.Map;
import minimax.autodiff.Value;
import minimax.losses.Loss;
import minimax.losses.Losses;
import minimax.tensor.Tensor;

/** The two cross-entropy families, {@link GanLoss#MINIMAX} and {@link GanLoss#NON_SATURATING}. */
final class BceGanLoss extends GanLoss {
    private final boolean minimax;
    private final boolean fromLogits;
    private final double smoothing;
    private final Loss bce;

    BceGanLoss(boolean minimax, boolean fromLogits, double smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
        this.minimax = minimax;
        this.fromLogits = fromLogits;
        this.smoothing = smoothing;
        this.bce = Losses.binaryCrossentropy(fromLogits);
    }

    @Override
    public String name() {
        return minimax ? "minimax" : "non-saturating";
    }

    /** {@code BCE(1 − smoothing, D(x)) + BCE(0, D(G(z)))}. */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return bce.compute(targets(realScores, 1 - smoothing), realScores).add(bce.compute(targets(fakeScores, 0), fakeScores));
    }

    /** Minimax: {@code BCE(0, D(G(z)))}, maximized; non-saturating: {@code BCE(1, D(G(z)))}, minimized. */
    @Override
    public Value generatorLoss(Value fakeScores) {
        return bce.compute(targets(fakeScores, minimax ? 0 : 1), fakeScores);
    }

    private static Value targets(Value scores, double label) {
        return Value.constant(Tensor.full(label, scores.data().dtype(), scores.shape()));
    }

    @Override
    public boolean generatorMaximizes() {
        return minimax;
    }

    @Override
    public GanLoss withLabelSmoothing(double s) {
        return new BceGanLoss(minimax, fromLogits, s);
    }

    @Override
    public GanLoss fromLogits() {
        return new BceGanLoss(minimax, true, smoothing);
    }

    GanLoss withSettings(Map<String, Object> config) {
        boolean logits = Boolean.TRUE.equals(config.get("from_logits"));
        double s = config.containsKey("label_smoothing") ? number(config, "label_smoothing") : 0;
        return new BceGanLoss(minimax, logits, s);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = baseConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", smoothing);
        return c;
    }
}
