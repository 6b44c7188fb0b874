package minimax.optim;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Optimizers by name, and rebuilding them from a saved {@link Optimizer#config()}.
 *
 * <pre>{@code
 * Optimizer a = Optimizers.get("adam");                        // Adam with Keras 3 defaults
 * Optimizer b = Optimizers.fromConfig(a.config());             // the same settings
 * b.loadState(a.state(variables), variables);                  // and the same state: resumes bit for bit
 * }</pre>
 */
public final class Optimizers {
    /** The names {@link #get} accepts, as {@link Optimizer#name()} reports them. */
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw", "rmsprop", "adagrad", "optimistic_sgd");

    private Optimizers() {}

    /**
     * A new optimizer with Keras 3's defaults, by name (case-insensitive): "sgd", "adam", "adamw",
     * "rmsprop", "adagrad", or "optimistic_sgd" (for min-max games, see {@link OptimisticSGD}; lr 0.01).
     *
     * @throws IllegalArgumentException for another name; the message lists the valid ones
     */
    public static Optimizer get(String name) {
        switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "sgd": return new SGD();
            case "adam": return new Adam();
            case "adamw": return new AdamW();
            case "rmsprop": return new RMSprop();
            case "adagrad": return new Adagrad();
            case "optimistic_sgd": return new OptimisticSGD();
            default: throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected one of " + String.join(", ", NAMES) + " (case-insensitive)");
        }
    }

    /**
     * Rebuilds an optimizer from {@link Optimizer#config()} (also after a JSON round trip: any
     * {@link Number} is accepted where a number was written). Keys not written are taken as defaults;
     * unknown keys are refused, so a typo does not silently change training. The result has no state
     * yet: use {@link Optimizer#loadState} to resume.
     *
     * @throws IllegalArgumentException for an unknown name or key, a value of the wrong type, or a
     *         custom (lambda) learning-rate schedule, which cannot be rebuilt from data
     */
    public static Optimizer fromConfig(Map<String, Object> config) {
        Reader c = new Reader(config);
        String name = c.string("name");
        LearningRateSchedule lr = schedule(config.get("learning_rate"), name);
        c.used.add("learning_rate");
        Optimizer o;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd":
                o = new SGD(lr, c.number("momentum", 0), c.bool("nesterov"));
                break;
            case "adam":
            case "adamw":
                double wd = c.number("weight_decay", name.equalsIgnoreCase("adamw") ? AdamW.DEFAULT_WEIGHT_DECAY : 0);
                double b1 = c.number("beta_1", Adam.DEFAULT_BETA1), b2 = c.number("beta_2", Adam.DEFAULT_BETA2), eps = c.number("epsilon", Adam.DEFAULT_EPSILON);
                o = name.equalsIgnoreCase("adamw") ? new AdamW(lr, wd, b1, b2, eps, c.bool("amsgrad")) : new Adam(lr, b1, b2, eps, c.bool("amsgrad"));
                break;
            case "rmsprop":
                o = new RMSprop(lr, c.number("rho", RMSprop.DEFAULT_RHO), c.number("momentum", RMSprop.DEFAULT_MOMENTUM),
                        c.number("epsilon", RMSprop.DEFAULT_EPSILON), c.bool("centered"));
                break;
            case "adagrad":
                o = new Adagrad(lr, c.number("initial_accumulator_value", Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE), c.number("epsilon", Adagrad.DEFAULT_EPSILON));
                break;
            case "optimistic_sgd":
                o = new OptimisticSGD(lr);
                break;
            default:
                throw new IllegalArgumentException("optimizer config has unknown name '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
        o.applyBaseConfig(c.bool("maximize"), c.number("weight_decay", o.weightDecay()), c.number("clipnorm", 0), c.number("clipvalue", 0), c.number("global_clipnorm", 0));
        c.refuseUnknown(name);
        return o;
    }

    @SuppressWarnings("unchecked")
    private static LearningRateSchedule schedule(Object lr, String optimizer) {
        if (lr == null) return LearningRateSchedule.constant(defaultLearningRate(optimizer));
        if (lr instanceof Number) return LearningRateSchedule.constant(((Number) lr).doubleValue());
        if (lr instanceof Map && "ExponentialDecay".equals(((Map<String, Object>) lr).get("class_name"))) {
            Object inner = ((Map<String, Object>) lr).get("config");
            if (!(inner instanceof Map)) throw new IllegalArgumentException("ExponentialDecay learning rate has no 'config' object: " + lr);
            Reader r = new Reader((Map<String, Object>) inner);
            ExponentialDecay e = new ExponentialDecay(r.number("initial_learning_rate", Double.NaN), (long) r.number("decay_steps", 0),
                    r.number("decay_rate", Double.NaN), r.bool("staircase"));
            r.refuseUnknown("ExponentialDecay");
            return e;
        }
        if ("custom".equals(lr)) {
            throw new IllegalArgumentException("the " + optimizer + " optimizer was saved with a custom learning-rate schedule (a Java function), which cannot be rebuilt from data; "
                    + "create the optimizer in code with the same schedule and call loadState to resume");
        }
        throw new IllegalArgumentException("optimizer config has a learning_rate of unknown form: " + lr + "; expected a number or an ExponentialDecay config");
    }

    private static double defaultLearningRate(String name) {
        if (name.equalsIgnoreCase("sgd") || name.equalsIgnoreCase("optimistic_sgd")) return SGD.DEFAULT_LEARNING_RATE;
        return Adam.DEFAULT_LEARNING_RATE; // 1e-3 for all the others
    }

    /** Reads typed values from a config and remembers which keys were read. */
    private static final class Reader {
        final Map<String, Object> map;
        final Set<String> used = new HashSet<>();

        Reader(Map<String, Object> map) {
            if (map == null) throw new IllegalArgumentException("optimizer config is null");
            this.map = map;
        }

        String string(String key) {
            used.add(key);
            Object v = map.get(key);
            if (!(v instanceof String)) throw new IllegalArgumentException("optimizer config needs a string '" + key + "', got " + v);
            return (String) v;
        }

        double number(String key, double absent) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) return absent;
            if (!(v instanceof Number)) throw new IllegalArgumentException("optimizer config '" + key + "' must be a number, got " + v);
            return ((Number) v).doubleValue();
        }

        boolean bool(String key) {
            used.add(key);
            Object v = map.get(key);
            if (v == null) return false;
            if (!(v instanceof Boolean)) throw new IllegalArgumentException("optimizer config '" + key + "' must be true or false, got " + v);
            return (Boolean) v;
        }

        void refuseUnknown(String what) {
            for (String key : map.keySet()) {
                if (!used.contains(key)) throw new IllegalArgumentException(what + " config has an unknown key '" + key + "'; known keys are " + used);
            }
        }
    }
}
