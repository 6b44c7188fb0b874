package minimax.cli.lab;

import java.util.Locale;

/**
 * What a lab run does, and every fixed choice of the two experiments in one place.
 *
 * @param seeds runs per strategy, seeds {@code 0 … seeds − 1}
 * @param steps training steps of each run of the literal question (full batch)
 * @param ganSteps generator steps of each GAN run
 * @param samples rows of the literal question's fixed data set
 */
public record LabSettings(int seeds, int steps, int ganSteps, int samples) {
    /** Defaults of a full run and of {@code --quick}. */
    public static final int SEEDS = 20, STEPS = 2000, GAN_STEPS = 2000, SAMPLES = 256;
    public static final int QUICK_SEEDS = 8, QUICK_STEPS = 500, QUICK_GAN_STEPS = 800;

    // ---- the literal question: Dense(50, sigmoid, input 15) -> Dense(1, sigmoid), Keras's Adam defaults
    /** Adam's rate: Keras's default, as in {@code compile(loss, 'adam')}. */
    static final double ADAM_RATE = 1e-3;
    /** The guard of the inverse MSE custom loss {@code mean(1 / ((ŷ − y)² + ε))}. */
    static final float INVERSE_EPSILON = 1e-7f;
    /** SGD's rate in the negative-rate demonstration (Keras's default). */
    static final double SGD_RATE = 0.01;
    /** Decoupled weight decay in the negative-rate demonstration (large, so that its sign shows within a run). */
    static final double WEIGHT_DECAY = 0.1;
    /** An output is saturated when it lies within this distance of 0 or 1 (the sigmoid's slope is then below 0.0099). */
    static final double SATURATION = 0.01;
    /** "Reached" means this share of a reference MSE. */
    static final double THRESHOLD = 0.9;

    // ---- the GAN setting: a small fixed setup of its own (not minimax gan's tuned recipe)
    static final int LATENT = 2, WIDTH = 64, DEPTH = 3, BATCH = 256;
    static final double GAN_RATE = 2e-3, GAN_BETA1 = 0.5, LEAKY_SLOPE = 0.2;
    /** Samples scored at each evaluation (PacGAN's 2,500), and evaluations per run (plus one before training). */
    static final int EVAL_SAMPLES = 2500, EVALUATIONS = 20;
    /** Points of the loss curves per run (each the mean over its window of steps). */
    static final int LOSS_POINTS = 100;
    /** A generator has diverged when a loss is NaN or infinite, or its samples' median distance from the origin exceeds this (the ring has radius 1). */
    static final double DIVERGED_RADIUS = 10;
    /** Mode collapse: at most this many of the 8 modes covered at the end (and not diverged). */
    static final int COLLAPSED_MODES = 4;

    /** The settings of {@code --quick}. */
    public static LabSettings quick() {
        return new LabSettings(QUICK_SEEDS, QUICK_STEPS, QUICK_GAN_STEPS, SAMPLES);
    }

    /** The settings of a full run. */
    public static LabSettings full() {
        return new LabSettings(SEEDS, STEPS, GAN_STEPS, SAMPLES);
    }

    /** The command line that repeats this run exactly. */
    public String command() {
        return String.format(Locale.ROOT, "minimax lab --seeds %d --steps %d --gan-steps %d --samples %d", seeds, steps, ganSteps, samples);
    }

    /** Steps between GAN evaluations. */
    int evalEvery() {
        return Math.max(1, ganSteps / EVALUATIONS);
    }

    /** Steps per point of the GAN loss curves. */
    int lossEvery() {
        return Math.max(1, ganSteps / LOSS_POINTS);
    }

    /** Steps between the recorded points of the negative-rate demonstration's curves. */
    int demoEvery() {
        return Math.max(1, steps / 200);
    }
}
