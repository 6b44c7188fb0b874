package minimax.train;

import java.util.Map;

/**
 * Hooks into a training loop. Called in this order: {@code onTrainBegin}, then per epoch
 * {@code onEpochBegin}, {@code onBatchEnd} after each step, {@code onEpochEnd} with the epoch's
 * logs (e.g. {@code loss}, {@code val_loss}); finally {@code onTrainEnd}. Logs are read-only.
 */
public interface Callback {
    /** Before the first epoch. */
    default void onTrainBegin(int epochs) {}

    /** Before an epoch (0-based). */
    default void onEpochBegin(int epoch) {}

    /** After each step, with that step's logs. */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs) {}

    /** After an epoch, with its averaged logs. */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {}

    /** After training (also after a stop request). */
    default void onTrainEnd() {}

    /** Return true to stop training after the current epoch (early stopping). */
    default boolean stopRequested() {
        return false;
    }
}
