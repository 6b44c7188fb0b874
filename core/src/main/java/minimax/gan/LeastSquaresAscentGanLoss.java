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
    private final LeastSquaresGanLoss discriminatorSide;

    LeastSquaresAscentGanLoss(double a, double b, boolean negated) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) throw new IllegalArgumentException("least-squares targets must be finite, got a=" + a + ", b=" + b);
        this.a = (float) a;
        this.b = (float) b;
        this.negated = negated;
        this.discriminatorSide = new LeastSquaresGanLoss(a, b, a);
    }

    @Override
    public String name() {
        return "least-squares";
    }

    /** {@code ½ mean (D(x) − b)² + ½ mean (D(G(z)) − a)²}, as in {@link GanLoss#leastSquares}. */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return discriminatorSide.discriminatorLoss(realScores, fakeScores);
    }

    /** {@code ½ mean (D(G(z)) − a)²} (maximized), or its negation (minimized). */
    @Override
    public Value generatorLoss(Value fakeScores) {
        Value fakeTerm = LeastSquaresGanLoss.halfMeanSquare(fakeScores, a);
        return negated ? fakeTerm.neg() : fakeTerm;
    }

    @Override
    public boolean generatorMaximizes() {
        return !negated;
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
