package minimax.gan;

import java.util.Map;
import minimax.autodiff.Value;

/**
 * {@link GanLoss#leastSquaresMaximizing} and {@link GanLoss#leastSquaresNegated}: the LSGAN
 * discriminator, and a generator that ascends the discriminator's own error on fakes,
 * {@code ½ mean (D(G(z)) − a)²} — through its optimizer's {@code maximize} flag, or by minimizing
 * the negated term. The two follow the same path bit for bit: negation is exact in floating point.
 */
final class LeastSquaresAscentGanLoss extends GanLoss {
    /** The {@code generator} value in {@link #config()} of each variant. */
    static final String MAXIMIZE = "maximize", NEGATE = "minimize-negated";

    private final float a, b;
    private final boolean negated;

    LeastSquaresAscentGanLoss(double a, double b, boolean negated) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) throw new IllegalArgumentException("least-squares targets must be finite, got a=" + a + ", b=" + b);
        this.a = (float) a;
        this.b = (float) b;
        this.negated = negated;
    }

    @Override
    public String name() {
        return "least-squares";
    }

    /** {@code ½ mean (D(x) − b)² + ½ mean (D(G(z)) − a)²}, as in {@link GanLoss#leastSquares}. */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return halfMeanSquare(realScores, b).add(halfMeanSquare(fakeScores, a));
    }

    /** {@code ½ mean (D(G(z)) − a)²} (maximized), or its negation (minimized). */
    @Override
    public Value generatorLoss(Value fakeScores) {
        Value fakeTerm = halfMeanSquare(fakeScores, a);
        return negated ? fakeTerm.neg() : fakeTerm;
    }

    @Override
    public boolean generatorMaximizes() {
        return !negated;
    }

    private static Value halfMeanSquare(Value scores, float target) {
        return scores.sub(target).square().mean().mul(0.5f);
    }

    static GanLoss ofConfig(Map<String, Object> config) {
        Object generator = config.get("generator");
        if (!MAXIMIZE.equals(generator) && !NEGATE.equals(generator)) {
            throw new IllegalArgumentException("least-squares GAN loss config: 'generator' must be '" + MAXIMIZE + "' or '" + NEGATE + "', got " + generator);
        }
        return new LeastSquaresAscentGanLoss(number(config, "a"), number(config, "b"), NEGATE.equals(generator));
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("a", (double) a);
        m.put("b", (double) b);
        m.put("generator", negated ? NEGATE : MAXIMIZE);
        return m;
    }
}
