package minimax.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The epoch/batch loop shared by every kind of training: it runs a {@link Step} it knows nothing
 * about (a supervised step, a GAN's two-player step, a user's own), averages the step logs over
 * each epoch weighted by batch size (as Keras does), adds end-of-epoch logs such as validation
 * loss, and drives {@link Callback}s and a {@link History}.
 */
public final class FitLoop {
    private FitLoop() {}

    /** One training step on one batch. */
    @FunctionalInterface
    public interface Step {
        /**
         * @param epoch 0-based epoch
         * @param batch 0-based batch within the epoch
         * @return the step's logs (e.g. {@code loss}) and its weight (the batch size)
         */
        StepResult run(int epoch, int batch);
    }

    /** Logs of one step and the weight they carry in the epoch average. */
    public static final class StepResult {
        final Map<String, Double> logs;
        final int weight;

        /** @param logs values to average (not modified) @param weight e.g. the batch size, ≥ 1 */
        public StepResult(Map<String, Double> logs, int weight) {
            this.logs = logs;
            this.weight = weight;
        }
    }

    /** Logs added at the end of each epoch (e.g. {@code val_loss}); may return an empty map. */
    @FunctionalInterface
    public interface EpochEnd {
        Map<String, Double> logs(int epoch);
    }

    /**
     * Runs epochs {@code initialEpoch .. epochs−1}, each of {@code batchesPerEpoch} steps.
     *
     * @return the history of this run (also passed the callbacks' events)
     */
    public static History run(int epochs, int initialEpoch, int batchesPerEpoch, Step step, EpochEnd epochEnd, List<Callback> callbacks) {
        if (epochs < 0 || initialEpoch < 0) throw new IllegalArgumentException("epochs and initialEpoch must be >= 0, got " + epochs + " and " + initialEpoch);
        History history = new History();
        List<Callback> all = new ArrayList<>(callbacks);
        all.add(0, history);
        for (Callback c : all) c.onTrainBegin(epochs);
        try {
            for (int epoch = initialEpoch; epoch < epochs; epoch++) {
                for (Callback c : all) c.onEpochBegin(epoch);
                Map<String, double[]> sums = new LinkedHashMap<>(); // key -> {weighted sum, weight}
                for (int b = 0; b < batchesPerEpoch; b++) {
                    StepResult r = step.run(epoch, b);
                    for (Map.Entry<String, Double> e : r.logs.entrySet()) {
                        double[] s = sums.computeIfAbsent(e.getKey(), k -> new double[2]);
                        s[0] += e.getValue() * r.weight;
                        s[1] += r.weight;
                    }
                    for (Callback c : all) c.onBatchEnd(epoch, b, r.logs);
                }
                Map<String, Double> logs = new LinkedHashMap<>();
                sums.forEach((k, s) -> logs.put(k, s[0] / s[1]));
                if (epochEnd != null) logs.putAll(epochEnd.logs(epoch));
                for (Callback c : all) c.onEpochEnd(epoch, logs);
                boolean stop = false;
                for (Callback c : all) stop |= c.stopRequested();
                if (stop) break;
            }
        } finally {
            for (Callback c : all) c.onTrainEnd();
        }
        return history;
    }
}
