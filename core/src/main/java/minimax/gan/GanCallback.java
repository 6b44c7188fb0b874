package minimax.gan;

import java.util.Map;

/**
 * Hooks into {@link GanTrainer#fit}: progress display, periodic metrics (which may add values to
 * {@link GanTrainer#history()} for the step), checkpoints, early stopping. Called on the training
 * thread, in the order the callbacks were given.
 */
public interface GanCallback {
    /** Before the first step; steps {@code firstStep} (inclusive) to {@code endStep} (exclusive) will run. */
    default void onTrainBegin(GanTrainer trainer, long firstStep, long endStep) {}

    /** After step {@code step} (0-based; the trainer's {@code step()} is now {@code step + 1}), with its losses (read-only). */
    default void onStepEnd(GanTrainer trainer, long step, Map<String, Double> logs) {}

    /** After the last step, also after a stop request. Not called when a step throws. */
    default void onTrainEnd(GanTrainer trainer) {}

    /** True to stop after the current step. */
    default boolean stopRequested() {
        return false;
    }
}
