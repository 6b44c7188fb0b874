package minimax.nn;

import java.util.HashMap;
import java.util.Map;

/** Unique default layer names in Keras's style: {@code dense}, {@code dense_1}, {@code dense_2}, ... */
final class Names {
    private static final Map<String, Integer> COUNTS = new HashMap<>();

    private Names() {}

    static synchronized String unique(String prefix) {
        int n = COUNTS.merge(prefix, 1, Integer::sum) - 1;
        return n == 0 ? prefix : prefix + "_" + n;
    }
}
