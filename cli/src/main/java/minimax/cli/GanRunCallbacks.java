package minimax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import minimax.format.AtomicFiles;
import minimax.gan.GanCallback;
import minimax.gan.GanTrainer;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/** What {@code minimax gan} does between steps: progress display, periodic scoring and plots, checkpoints. */
final class GanRunCallbacks implements GanCallback {
    private final GanSettings settings;
    private final GanDataset data;
    private final Path dir;
    private final boolean quiet;
    private final PrintStream out;
    private ProgressBar bar;
    private long lastCheckpoint = -1;

    GanRunCallbacks(GanSettings settings, GanDataset data, Path dir, PrintStream out, boolean quiet) {
        this.settings = settings;
        this.data = data;
        this.dir = dir;
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void onTrainBegin(GanTrainer trainer, long firstStep, long endStep) {
        if (!quiet) bar = new ProgressBar(out, System.console() != null, firstStep, endStep);
        lastCheckpoint = firstStep > 0 ? firstStep : -1;
    }

    @Override
    public void onStepEnd(GanTrainer trainer, long step, Map<String, Double> logs) {
        long done = step + 1;
        try {
            if (done % settings.evalEvery == 0 || done == settings.steps) evaluate(trainer, step);
            if (done % settings.checkpointEvery == 0 && done < settings.steps) checkpoint(trainer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write to the run folder " + dir + ": " + e.getMessage(), e);
        }
        if (bar != null) {
            String status = String.format(Locale.ROOT, "d %.3f  g %.3f  %s", logs.get("d_loss"), logs.get("g_loss"), data.describe(GanCommand.lastMetrics(trainer)));
            bar.update(done, status, done == settings.steps);
        }
    }

    private void evaluate(GanTrainer trainer, long step) throws IOException {
        Tensor samples = trainer.sample(data.plotSamples(), evaluationNoise(settings));
        Map<String, Double> metrics = data.score(samples);
        if (!metrics.isEmpty()) trainer.history().put(step, metrics);
        data.plot(dir.resolve(String.format(Locale.ROOT, "samples-step%06d.png", step + 1)), samples, "step " + (step + 1));
    }

    private void checkpoint(GanTrainer trainer) throws IOException {
        trainer.save(dir.resolve("checkpoint.safetensors"));
        trainer.saveGenerator(dir.resolve("model.safetensors"));
        AtomicFiles.writeString(dir.resolve("history.csv"), trainer.history().toCsv());
        lastCheckpoint = trainer.step();
    }

    void writeFinal(GanTrainer trainer) throws IOException {
        checkpoint(trainer);
        Tensor samples = trainer.sample(data.plotSamples(), evaluationNoise(settings));
        data.plot(dir.resolve("samples.png"), samples, "step " + trainer.step());
    }

    /** The same latents at every evaluation, so pictures and scores show the generator changing, not the noise. */
    private static Rng evaluationNoise(GanSettings settings) {
        return new Rng(Rng.mix(settings.seed, 0x504C_4F54L));
    }

    long lastCheckpointStep() {
        return lastCheckpoint;
    }

    void finishProgress() {
        if (bar != null) bar.finish();
    }
}
