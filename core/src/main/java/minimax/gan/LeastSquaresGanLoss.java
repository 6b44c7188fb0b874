package minimax.gan;

import java.util.Map;
import minimax.autodiff.Value;

/** {@link GanLoss#leastSquares}: LSGAN with targets a (fake), b (real), c (generator). */
final class LeastSquaresGanLoss extends GanLoss {
    private final float a, b, c;

    LeastSquaresGanLoss(double a, double b, double c) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("least-squares targets must be finite, got a=" + a + ", b=" + b + ", c=" + c);
        }
        this.a = (float) a;
        this.b = (float) b;
        this.c = (float) c;
    }

    @Override
    public String name() {
        return "least-squares";
    }

    /** {@code ½ mean (D(x) − b)² + ½ mean (D(G(z)) − a)²}. */
    @Override
    public Value discriminatorLoss(Value realScores, Value fakeScores) {
        return halfMeanSquare(realScores, b).add(halfMeanSquare(fakeScores, a));
    }

    /** {@code ½ mean (D(G(z)) − c)²}. */
    @Override
    public Value generatorLoss(Value fakeScores) {
        return halfMeanSquare(fakeScores, c);
    }

    /** {@code ½ mean (scores − target)²}. */
    static Value halfMeanSquare(Value scores, float target) {
        return scores.sub(target).square().mean().mul(0.5f);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("a", (double) a);
        m.put("b", (double) b);
        m.put("c", (double) c);
        return m;
    }
}
