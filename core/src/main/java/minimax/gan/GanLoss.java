package minimax.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;

/**
 * What the two players of a GAN optimize, as functions of the discriminator's scores on a real
 * batch and on a fake batch (each {@code [n, 1]}). The formulas follow the papers and TF-GAN;
 * each family documents its own. Both players minimize their loss, except in {@link #MINIMAX} and
 * {@link #leastSquaresMaximizing}, where the generator <em>maximizes</em> the discriminator's loss on
 * fakes through its optimizer's {@code maximize} flag (the trainer sets it).
 *
 * <p>Scores: {@link #MINIMAX} and {@link #NON_SATURATING} read the discriminator's output as a
 * probability (a sigmoid output layer, Keras style; BCE clips it to [1e-7, 1 − 1e-7]), or as a logit
 * after {@link #fromLogits()}. The other families read a raw, unbounded score (a linear output).
 *
 * <p>Instances are immutable; the {@code with…} methods return new ones.
 */
public abstract class GanLoss {
    /**
     * Goodfellow et al.'s original game: D minimizes {@code BCE(1, D(x)) + BCE(0, D(G(z)))}; G
     * maximizes {@code BCE(0, D(G(z))) = −mean log(1 − D(G(z)))}. Saturates when D wins early.
     */
    public static final GanLoss MINIMAX = new BceGanLoss(true, false, 0);
    /**
     * The default: D as in {@link #MINIMAX}; G minimizes {@code BCE(1, D(G(z))) = −mean log D(G(z))}
     * ("flipped labels"), which keeps gradients alive when D rejects fakes confidently.
     */
    public static final GanLoss NON_SATURATING = new BceGanLoss(false, false, 0);
    /** LSGAN with targets a = 0 (fake), b = 1 (real), c = 1 (what G wants): see {@link #leastSquares}. */
    public static final GanLoss LEAST_SQUARES = leastSquares(0, 1, 1);
    /** WGAN-GP with λ = 10: see {@link #wassersteinGp}. */
    public static final GanLoss WASSERSTEIN_GP = wassersteinGp(10);
    /**
     * Hinge loss (Lim &amp; Ye; SAGAN): D minimizes {@code mean relu(1 − D(x)) + mean relu(1 + D(G(z)))};
     * G minimizes {@code −mean D(G(z))}.
     */
    public static final GanLoss HINGE = new HingeGanLoss();

    GanLoss() {}

    /**
     * Least squares GAN (Mao et al. 2017): D minimizes {@code ½ mean (D(x) − b)² + ½ mean (D(G(z)) − a)²};
     * G minimizes {@code ½ mean (D(G(z)) − c)²}.
     *
     * @param a the fake target of D, @param b its real target, @param c G's target for its fakes
     */
    public static GanLoss leastSquares(double a, double b, double c) {
        return new LeastSquaresGanLoss(a, b, c);
    }

    /**
     * The least-squares discriminator of {@link #leastSquares} with a generator that <em>maximizes</em>
     * the discriminator's own error on fakes, {@code ½ mean (D(G(z)) − a)²}, through its optimizer's
     * {@code maximize} flag (the trainer sets it): the literal answer to "the generator should
     * maximize the discriminator's MSE". With a raw (linear) score nothing bounds that error, so
     * the generator may push its samples wherever D's score is largest in size, far from the data;
     * {@code minimax lab} measures how often that happens. Same training, bit for bit, as
     * {@link #leastSquaresNegated}.
     *
     * @param a the fake target of D, @param b its real target
     */
    public static GanLoss leastSquaresMaximizing(double a, double b) {
        return new LeastSquaresAscentGanLoss(a, b, false);
    }

    /**
     * As {@link #leastSquaresMaximizing}, but the generator <em>minimizes</em> the negated fake term
     * {@code −½ mean (D(G(z)) − a)²} with an ordinary (minimizing) optimizer: gradient ascent by a
     * sign flip in the loss instead of in the optimizer.
     *
     * @param a the fake target of D, @param b its real target
     */
    public static GanLoss leastSquaresNegated(double a, double b) {
        return new LeastSquaresAscentGanLoss(a, b, true);
    }

    /**
     * Wasserstein GAN with gradient penalty (Gulrajani et al. 2017): the critic minimizes
     * {@code mean D(G(z)) − mean D(x) + λ · mean_i (‖∇D(x̂_i)‖₂ − 1)²} at points
     * {@code x̂_i = ε_i x_i + (1 − ε_i) G(z)_i}, {@code ε_i ~ U[0, 1)} per sample (see
     * {@link Penalties#gradientPenalty}); G minimizes {@code −mean D(G(z))}.
     *
     * @param lambda the penalty weight λ ≥ 0 (10 in the paper)
     */
    public static GanLoss wassersteinGp(double lambda) {
        return new WassersteinGanLoss(lambda);
    }

    /** A short name, as the command line takes it: {@code non-saturating}, {@code minimax}, … */
    public abstract String name();

    /** The discriminator's loss (to minimize), a scalar; scores are {@code [n, 1]} (not modified). */
    public abstract Value discriminatorLoss(Value realScores, Value fakeScores);

    /** The generator's objective, a scalar: minimized, or maximized if {@link #generatorMaximizes()}. */
    public abstract Value generatorLoss(Value fakeScores);

    /** True when the generator maximizes {@link #generatorLoss} ({@link #MINIMAX} and {@link #leastSquaresMaximizing}). */
    public boolean generatorMaximizes() {
        return false;
    }

    /** The weight λ of the WGAN gradient penalty the trainer adds to the discriminator's loss; 0 if none. */
    public double gradientPenaltyWeight() {
        return 0;
    }

    /**
     * The same loss with one-sided label smoothing (Salimans et al. 2016): D's target for real
     * samples becomes {@code 1 − smoothing}. Only the cross-entropy families have labels to smooth.
     *
     * @param smoothing in [0, 1)
     */
    public GanLoss withLabelSmoothing(double smoothing) {
        throw new IllegalArgumentException("label smoothing applies to the cross-entropy losses (minimax, non-saturating), not to " + name()
                + (this instanceof LeastSquaresGanLoss ? "; set its targets with GanLoss.leastSquares(a, b, c)" : ""));
    }

    /** The same cross-entropy loss reading the discriminator's output as a logit (a linear output layer). */
    public GanLoss fromLogits() {
        throw new IllegalArgumentException("fromLogits applies to the cross-entropy losses (minimax, non-saturating); " + name() + " already reads raw scores");
    }

    /** The settings that rebuild this loss with {@link #fromConfig}. */
    public abstract Map<String, Object> config();

    /**
     * The loss a {@link #config()} describes. A least-squares config with a {@code generator} entry
     * ({@code maximize} or {@code minimize-negated}) is one of the ascending variants
     * ({@link #leastSquaresMaximizing}, {@link #leastSquaresNegated}).
     */
    public static GanLoss fromConfig(Map<String, Object> config) {
        String name = String.valueOf(config.get("name"));
        GanLoss loss = byName(name);
        if (loss instanceof BceGanLoss) return ((BceGanLoss) loss).withSettings(config);
        if (loss instanceof LeastSquaresGanLoss && config.containsKey("generator")) return LeastSquaresAscentGanLoss.ofConfig(config);
        if (loss instanceof LeastSquaresGanLoss) return leastSquares(number(config, "a"), number(config, "b"), number(config, "c"));
        if (loss instanceof WassersteinGanLoss) return wassersteinGp(number(config, "lambda"));
        return loss;
    }

    static double number(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (!(v instanceof Number)) throw new IllegalArgumentException("GAN loss config needs a number '" + key + "', got " + v);
        return ((Number) v).doubleValue();
    }

    /** The built-in family with this name (defaults), e.g. {@code "least-squares"}. */
    public static GanLoss byName(String name) {
        for (GanLoss l : all()) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("unknown GAN loss '" + name + "'; expected one of " + names());
    }

    /** The names {@link #byName} knows. */
    public static List<String> names() {
        return all().stream().map(GanLoss::name).toList();
    }

    private static List<GanLoss> all() {
        return List.of(NON_SATURATING, MINIMAX, LEAST_SQUARES, WASSERSTEIN_GP, HINGE);
    }

    Map<String, Object> baseConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        return c;
    }

    @Override
    public String toString() {
        return "GanLoss" + config();
    }
}
