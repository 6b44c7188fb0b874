package minimax.losses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.autodiff.Value;

/** Losses built from other losses: scaled (incl. negated) and sums. Serializable when their parts are. */
final class Composite {
    private Composite() {}

    static Loss scaled(Loss inner, float weight) {
        if (!Float.isFinite(weight)) throw new IllegalArgumentException("loss weight must be finite, got " + weight);
        return new Scaled(inner, weight);
    }

    static Loss sum(Loss a, Loss b) {
        return new Sum(a, b);
    }

    /** {@code weight · inner}; a weight of −1 is shown as {@code −inner}. */
    static final class Scaled implements Loss, Configurable {
        final Loss inner;
        final float weight;

        Scaled(Loss inner, float weight) {
            this.inner = inner;
            this.weight = weight;
        }

        @Override
        public Value compute(Value yTrue, Value yPred) {
            Value v = inner.compute(yTrue, yPred);
            // negation is exact in floating point, so a negated loss has bit-for-bit negated gradients
            return weight == -1f ? v.neg() : v.mul(weight);
        }

        @Override
        public String name() {
            return weight == -1f ? "-" + inner.name() : weight + "*" + inner.name();
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "scaled");
            c.put("weight", (double) weight);
            c.put("inner", Losses.config(inner));
            return c;
        }
    }

    /** {@code a + b}. */
    static final class Sum implements Loss, Configurable {
        final Loss a, b;

        Sum(Loss a, Loss b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public Value compute(Value yTrue, Value yPred) {
            return a.compute(yTrue, yPred).add(b.compute(yTrue, yPred));
        }

        @Override
        public String name() {
            return a.name() + "+" + b.name();
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "sum");
            c.put("terms", List.of(Losses.config(a), Losses.config(b)));
            return c;
        }
    }

    /** A loss that can be written to a saved model and rebuilt by {@link Losses#fromConfig}. */
    interface Configurable {
        Map<String, Object> config();
    }
}
