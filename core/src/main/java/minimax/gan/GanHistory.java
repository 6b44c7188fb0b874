package minimax.gan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a GAN run logged, one row per training step: the players' losses ({@code d_loss},
 * {@code g_loss}, and {@code penalty} when one is used), plus whatever callbacks add at that step
 * (e.g. {@code modes}, {@code high_quality}). A row may lack some columns; {@link #toCsv()} leaves
 * those cells empty.
 */
public final class GanHistory {
    private final List<Long> steps = new ArrayList<>();
    private final List<Map<String, Double>> rows = new ArrayList<>();

    /** Adds a row for {@code step} (0-based), or merges {@code values} into it if it is the last row. */
    public void put(long step, Map<String, Double> values) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) == step) {
            rows.get(rows.size() - 1).putAll(values);
            return;
        }
        if (!steps.isEmpty() && step < steps.get(steps.size() - 1)) {
            throw new IllegalArgumentException("history rows must come in step order: got step " + step + " after " + steps.get(steps.size() - 1));
        }
        steps.add(step);
        rows.add(new LinkedHashMap<>(values));
    }

    /** Removes every row. */
    public void clear() {
        steps.clear();
        rows.clear();
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** The step of each row. */
    public List<Long> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** Row {@code i}'s values (read-only). */
    public Map<String, Double> row(int i) {
        return Collections.unmodifiableMap(rows.get(i));
    }

    /** The column names in first-seen order. */
    public List<String> columns() {
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Double> r : rows) names.addAll(r.keySet());
        return List.copyOf(names);
    }

    /** Column {@code key} with NaN where a row lacks it. */
    public double[] column(String key) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i).getOrDefault(key, Double.NaN);
        return out;
    }

    /** The last logged value of {@code key}, or NaN if it was never logged. */
    public double last(String key) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            Double v = rows.get(i).get(key);
            if (v != null) return v;
        }
        return Double.NaN;
    }

    /** {@code step,<columns>} then one line per row; missing values are empty cells; numbers as Java prints doubles. */
    public String toCsv() {
        List<String> cols = columns();
        StringBuilder sb = new StringBuilder("step");
        for (String c : cols) sb.append(',').append(c);
        sb.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            sb.append(steps.get(i));
            for (String c : cols) {
                Double v = rows.get(i).get(c);
                sb.append(',');
                if (v != null) sb.append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GanHistory && steps.equals(((GanHistory) o).steps) && rows.equals(((GanHistory) o).rows);
    }

    @Override
    public int hashCode() {
        return steps.hashCode() * 31 + rows.hashCode();
    }
}
