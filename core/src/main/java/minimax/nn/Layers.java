package minimax.nn;

import java.util.List;
import java.util.Map;
import minimax.format.FormatException;

/**
 * Rebuilds layers from their {@link Layer#config()}: a fixed table from class name to
 * constructor, so loading a model never runs code named by a file.
 */
final class Layers {
    private static final List<String> CLASSES = List.of("Dense", "Activation", "LeakyReLU", "Dropout", "GradientReversal", "Sequential");

    private Layers() {}

    /** A new, unbuilt layer from its config; the caller builds it. */
    @SuppressWarnings("unchecked")
    static Layer fromConfig(Map<String, Object> c) throws FormatException {
        String cls = string(c, "class");
        Layer layer;
        switch (cls) {
            case "Dense": {
                int units = integer(c, "units");
                String activation = string(c, "activation");
                Dense d = c.containsKey("input_size") ? new Dense(units, activation, integer(c, "input_size")) : new Dense(units, activation);
                d.useBias(Boolean.TRUE.equals(c.get("use_bias")));
                // initial values are overwritten by the saved weights; the names are kept for config()
                if (!"custom".equals(c.get("kernel_initializer"))) d.kernelInitializer(string(c, "kernel_initializer"));
                if (!"custom".equals(c.get("bias_initializer"))) d.biasInitializer(string(c, "bias_initializer"));
                layer = d;
                break;
            }
            case "Activation": layer = new Activation(string(c, "activation")); break;
            case "LeakyReLU": layer = new LeakyReLU((float) number(c, "negative_slope")); break;
            case "Dropout": layer = new Dropout((float) number(c, "rate")); break;
            case "GradientReversal": layer = new GradientReversal((float) number(c, "lambda")); break;
            case "Sequential": {
                Sequential s = new Sequential((long) number(c, "seed"));
                Object ls = c.get("layers");
                if (!(ls instanceof List)) throw new FormatException("Sequential config needs a list 'layers', got " + ls);
                for (Object o : (List<Object>) ls) {
                    if (!(o instanceof Map)) throw new FormatException("a layer config must be an object, got " + o);
                    s.add(fromConfig((Map<String, Object>) o));
                }
                if (c.get("input_shape") instanceof List && !s.isBuilt()) {
                    List<Object> dims = (List<Object>) c.get("input_shape");
                    int[] shape = new int[dims.size()];
                    for (int i = 0; i < shape.length; i++) {
                        if (!(dims.get(i) instanceof Number)) throw new FormatException("input_shape must hold integers, got " + dims);
                        shape[i] = ((Number) dims.get(i)).intValue();
                    }
                    s.build(shape, new minimax.tensor.Rng(s.seed()));
                }
                layer = s;
                break;
            }
            default: throw new FormatException("unknown layer class '" + cls + "'; this version knows " + CLASSES);
        }
        layer.setName(string(c, "name"));
        return layer;
    }

    static String string(Map<String, Object> c, String key) throws FormatException {
        Object v = c.get(key);
        if (!(v instanceof String)) throw new FormatException("layer config needs a string '" + key + "', got " + v + " in " + c);
        return (String) v;
    }

    static double number(Map<String, Object> c, String key) throws FormatException {
        Object v = c.get(key);
        if (!(v instanceof Number)) throw new FormatException("layer config needs a number '" + key + "', got " + v + " in " + c);
        return ((Number) v).doubleValue();
    }

    static int integer(Map<String, Object> c, String key) throws FormatException {
        double v = number(c, key);
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) throw new FormatException("layer config needs a non-negative integer '" + key + "', got " + v);
        return (int) v;
    }
}
