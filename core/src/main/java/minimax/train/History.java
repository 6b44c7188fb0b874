package minimax.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-epoch logs of a training run, as Keras's {@code History}: {@code history.get("loss")} lists
 * the mean training loss of each epoch, {@code get("val_loss")} the validation loss if any.
 */
public final class History implements Callback {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** The values logged under {@code key}, one per epoch (empty if never logged). */
    public List<Double> get(String key) {
        return Collections.unmodifiableList(values.getOrDefault(key, List.of()));
    }

    /** The mean training loss of each epoch. */
    public List<Double> losses() {
        return get("loss");
    }

    /** The validation loss of each epoch (empty without validation data). */
    public List<Double> valLosses() {
        return get("val_loss");
    }

    /** The epochs (0-based) that were run. */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** All logged keys with their per-epoch values. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    @Override
    public String toString() {
        return "History" + values;
    }
}
