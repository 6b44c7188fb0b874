package minimax.losses;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;
import minimax.tensor.Shapes;

/**
 * The built-in losses, with Keras 3's formulas and defaults. Each averages over all elements
 * (Keras: the mean over the last axis, then over the batch — the same number for equal-sized rows).
 *
 * <p>Targets and predictions must have the same shape: a silent broadcast of {@code [n]} against
 * {@code [n,1]} would compute an {@code n×n} loss.
 */
public final class Losses {
    /** Keras's {@code epsilon()}: the clipping margin for probabilities in cross-entropies. */
    public static final float EPSILON = 1e-7f;

    private static final List<String> NAMES = List.of("mse", "mae", "binary_crossentropy", "categorical_crossentropy", "huber", "hinge", "inverse_mse");

    private Losses() {}

    /** Mean squared error {@code mean((ŷ − y)²)}. */
    public static Loss mse() {
        return new Builtin("mse", 0, (y, p) -> p.sub(y).square().mean());
    }

    /** Mean absolute error {@code mean(|ŷ − y|)}. */
    public static Loss mae() {
        return new Builtin("mae", 0, (y, p) -> p.sub(y).abs().mean());
    }

    /**
     * Binary cross-entropy on probabilities, clipped as Keras does:
     * {@code p = clip(ŷ, ε, 1−ε)}, {@code −mean(y·log p + (1−y)·log(1−p))}, ε = 1e-7. The clip's
     * gradient is zero outside {@code [ε, 1−ε]} (as in TensorFlow).
     */
    public static Loss binaryCrossentropy() {
        return new Builtin("binary_crossentropy", 0, (y, p) -> {
            Value q = p.clip(EPSILON, 1f - EPSILON);
            return y.mul(q.log()).add(y.rsub(1f).mul(q.rsub(1f).log())).mean().neg();
        });
    }

    /**
     * Binary cross-entropy on logits, the stable form
     * {@code mean(max(x,0) − x·y + log(1 + e^−|x|))}, with {@code fromLogits = true}.
     */
    public static Loss binaryCrossentropy(boolean fromLogits) {
        if (!fromLogits) return binaryCrossentropy();
        return new Builtin("binary_crossentropy_from_logits", 0, (y, x) -> {
            // max(x, 0) and −|x| have kinks at 0 that cancel only if both take their slope from the same
            // side (TensorFlow's where(x ≥ 0)); ties go to the first argument, so at x = 0 the slopes are
            // 1 and −1 and the gradient is σ(0) − y, where relu and abs (slope 0 there) would give −y
            Value positivePart = x.maximum(Value.constant(minimax.tensor.Tensor.full(0, x.data().dtype())));
            Value negativeAbs = x.neg().minimum(x);
            return positivePart.sub(x.mul(y)).add(negativeAbs.softplus()).mean();
        });
    }

    /**
     * Categorical cross-entropy over the last axis on probabilities: rows are renormalized to sum
     * to 1, clipped to {@code [ε, 1−ε]}, then {@code −mean over rows of Σ y·log p}.
     */
    public static Loss categoricalCrossentropy() {
        return new Builtin("categorical_crossentropy", 0, (y, p) -> {
            Value q = p.div(p.sum(new int[] {-1}, true)).clip(EPSILON, 1f - EPSILON);
            return y.mul(q.log()).sum(new int[] {-1}, false).mean().neg();
        });
    }

    /** Categorical cross-entropy on logits: {@code −mean over rows of Σ y·logSoftmax(x)}. */
    public static Loss categoricalCrossentropy(boolean fromLogits) {
        if (!fromLogits) return categoricalCrossentropy();
        return new Builtin("categorical_crossentropy_from_logits", 0,
                (y, x) -> y.mul(x.logSoftmax(-1)).sum(new int[] {-1}, false).mean().neg());
    }

    /** Huber loss with δ = 1 (Keras default). */
    public static Loss huber() {
        return huber(1f);
    }

    /**
     * Huber loss: {@code ½e²} where {@code |e| ≤ δ}, else {@code δ·|e| − ½δ²}, averaged; computed
     * as {@code ½·q² + δ·(|e| − q)} with {@code q = min(|e|, δ)}.
     */
    public static Loss huber(float delta) {
        // δ = ∞ would compute ∞·0 = NaN in the linear part
        if (!(delta > 0 && delta < Float.POSITIVE_INFINITY)) throw new IllegalArgumentException("huber delta must be finite and > 0, got " + delta);
        return new Builtin("huber", delta, (y, p) -> {
            Value absError = p.sub(y).abs();
            Value quadratic = absError.minimum(Value.constant(minimax.tensor.Tensor.full(delta, absError.data().dtype())));
            return quadratic.square().mul(0.5f).add(absError.sub(quadratic).mul(delta)).mean();
        });
    }

    /**
     * Hinge loss {@code mean(max(1 − y·ŷ, 0))}; targets in {0, 1} are mapped to {−1, 1} first, as
     * Keras does.
     */
    public static Loss hinge() {
        return new Builtin("hinge", 0, (y, p) -> {
            Value labels = isBinary(y) ? y.mul(2f).sub(1f) : y;
            Value margin = labels.mul(p).rsub(1f);
            // maximum (ties to its first argument), not relu: at the margin the slope is −y, as in Keras
            return margin.maximum(Value.constant(minimax.tensor.Tensor.full(0, margin.data().dtype()))).mean();
        });
    }

    /**
     * "Inverse MSE" {@code mean(1 / ((ŷ − y)² + ε))}: positive, and larger the closer the prediction
     * comes to the target, so minimizing it pushes predictions away. It explodes where ŷ meets y:
     * there the loss is {@code 1/ε} and its gradient, of size {@code 2|e|/(e² + ε)²}, peaks near
     * {@code |e| = √(ε/3)} at about {@code 0.65/ε^1.5} (for ε = 1e-7, about 2·10¹⁰).
     *
     * @param epsilon the guard against division by zero, > 0
     */
    public static Loss inverseMse(float epsilon) {
        if (!(epsilon > 0)) throw new IllegalArgumentException("inverse MSE epsilon must be > 0 (it guards a division by zero), got " + epsilon);
        return new Builtin("inverse_mse", epsilon, (y, p) -> p.sub(y).square().add(epsilon).reciprocal().mean());
    }

    /** {@link #inverseMse(float)} with ε = 1e-7. */
    public static Loss inverseMse() {
        return inverseMse(EPSILON);
    }

    /**
     * A built-in loss by its Keras name: {@code mse} (or {@code mean_squared_error}), {@code mae},
     * {@code binary_crossentropy}, {@code categorical_crossentropy}, {@code huber}, {@code hinge},
     * {@code inverse_mse}.
     */
    public static Loss get(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "mse": case "mean_squared_error": return mse();
            case "mae": case "mean_absolute_error": return mae();
            case "binary_crossentropy": case "bce": return binaryCrossentropy();
            case "binary_crossentropy_from_logits": return binaryCrossentropy(true);
            case "categorical_crossentropy": return categoricalCrossentropy();
            case "categorical_crossentropy_from_logits": return categoricalCrossentropy(true);
            case "huber": return huber();
            case "hinge": return hinge();
            case "inverse_mse": return inverseMse();
            default: throw new IllegalArgumentException("unknown loss '" + name + "'; expected one of " + NAMES + " or a Loss object");
        }
    }

    /** The names {@link #get} accepts. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A description of a loss for saved models, or null for a custom (lambda) loss, which cannot be
     * saved as data, and for a composite with a custom part.
     */
    public static Map<String, Object> config(Loss loss) {
        if (loss instanceof Composite.Configurable) return ((Composite.Configurable) loss).config();
        return null;
    }

    /** Rebuilds a loss from {@link #config}; throws IllegalArgumentException on unknown or malformed content. */
    public static Loss fromConfig(Map<String, Object> config) {
        if (config == null) throw new IllegalArgumentException("loss config is missing");
        Object name = config.get("name");
        if ("scaled".equals(name)) {
            Object weight = config.get("weight");
            if (!(weight instanceof Number)) throw new IllegalArgumentException("loss config " + config + " needs a number 'weight', got " + weight);
            return fromConfig(part(config.get("inner"), config)).scale(((Number) weight).floatValue());
        }
        if ("sum".equals(name)) {
            Object terms = config.get("terms");
            if (!(terms instanceof List) || ((List<?>) terms).size() != 2) {
                throw new IllegalArgumentException("loss config " + config + " needs 'terms', a list of 2 loss configs, got " + terms);
            }
            return fromConfig(part(((List<?>) terms).get(0), config)).plus(fromConfig(part(((List<?>) terms).get(1), config)));
        }
        if (!(name instanceof String)) throw new IllegalArgumentException("loss config has no name: " + config);
        float parameter = config.get("parameter") instanceof Number ? ((Number) config.get("parameter")).floatValue() : 0f;
        switch ((String) name) {
            case "huber": return huber(parameter);
            case "inverse_mse": return inverseMse(parameter);
            default: return get((String) name);
        }
    }

    /** A nested loss config of a composite's config. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Object part, Map<String, Object> whole) {
        if (!(part instanceof Map)) throw new IllegalArgumentException("loss config " + whole + " has a part that is not a loss config: " + part);
        return (Map<String, Object>) part;
    }

    private static boolean isBinary(Value y) {
        minimax.tensor.Tensor t = y.data();
        for (int i = 0; i < t.size(); i++) {
            double v = t.getFlat(i);
            if (v != 0 && v != 1) return false;
        }
        return true;
    }

    /** A named built-in loss; checks that targets and predictions have the same shape. */
    static final class Builtin implements Loss, Composite.Configurable {
        private final String name;
        private final float parameter;
        private final Loss body;

        Builtin(String name, float parameter, Loss body) {
            this.name = name;
            this.parameter = parameter;
            this.body = body;
        }

        @Override
        public Value compute(Value yTrue, Value yPred) {
            if (!Arrays.equals(yTrue.shape(), yPred.shape())) {
                throw new IllegalArgumentException(name + ": targets have shape " + Shapes.str(yTrue.shape()) + " but predictions have shape " + Shapes.str(yPred.shape()) + "; they must match");
            }
            return body.compute(yTrue, yPred);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", name);
            if (parameter != 0) c.put("parameter", (double) parameter);
            return c;
        }
    }
}
