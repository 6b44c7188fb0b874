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
            // parenthesize a sum, or −(a+b) would read as (−a)+b
            String term = inner instanceof Sum ? "(" + inner.name() + ")" : inner.name();
            return weight == -1f ? "-" + term : weight + "*" + term;
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> innerConfig = Losses.config(inner);
            if (innerConfig == null) return null; // a custom part cannot be saved, so neither can the whole
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "scaled");
            c.put("weight", (double) weight);
            c.put("inner", innerConfig);
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
            Map<String, Object> configA = Losses.config(a), configB = Losses.config(b);
            if (configA == null || configB == null) return null; // a custom part cannot be saved, so neither can the whole
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "sum");
            c.put("terms", List.of(configA, configB));
            return c;
        }
    }

    /** A loss that can be written to a saved model and rebuilt by {@link Losses#fromConfig}. */
    interface Configurable {
        /** The description {@link Losses#fromConfig} reads; null when a part of the loss is custom. */
        Map<String, Object> config();
    }
}
