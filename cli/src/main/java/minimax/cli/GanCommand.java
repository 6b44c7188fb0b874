package minimax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import minimax.format.AtomicFiles;
import minimax.format.Json;
import minimax.gan.GanLoss;
import minimax.gan.GanTrainer;
import minimax.nn.NonFiniteLossException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code minimax gan}: trains a GAN on a 2-D mixture or on images and writes a run folder —
 * {@code run.json} (settings), {@code history.csv}, sample pictures, {@code model.safetensors}
 * (the generator, for {@code minimax sample}) and {@code checkpoint.safetensors} (for
 * {@code --resume}), each written atomically.
 */
@Command(name = "gan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a GAN and writes a run folder with sample pictures, the loss history (CSV), the generator and checkpoints.",
                "Default: 8 Gaussians on a ring (PacGAN's settings), scored by modes covered and high-quality samples; about a minute."})
public final class GanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "ring, grid, fashion-mnist or idx:PATH (an IDX images file) (default: ring)")
    String dataset;

    @Option(names = "--loss", paramLabel = "NAME", description = "non-saturating, minimax, least-squares, wgan-gp or hinge (default: non-saturating)")
    String loss;

    @Option(names = "--steps", paramLabel = "N", description = "generator steps (default: 12000 for ring, 20000 for grid and for images)")
    Long steps;

    @Option(names = "--batch", paramLabel = "N", description = "batch size (default: 256 for ring and grid, 64 for images)")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", description = "seed of initial weights, data and noise (default: 0)")
    Long seed;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate of both players (default: 2e-3 for ring and grid, decaying to a tenth over the run; 2e-4 for images)")
    Double learningRate;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<dataset>-<loss>-seed<seed>-<time>)")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run in DIR from its last checkpoint, with its saved settings (--steps may extend it)")
    Path resume;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "folder with the Fashion-MNIST IDX files (default: /usr/share/datasets/fashion-mnist)")
    Path dataDir;

    @Option(names = "--eval-every", paramLabel = "N", description = "score and plot samples every N steps (default: a tenth of the run)")
    Long evalEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "write a checkpoint every N steps (default: as --eval-every)")
    Long checkpointEvery;

    @Option(names = "--stop-at", paramLabel = "STEP", description = "stop after this step with a checkpoint, to continue later with --resume")
    Long stopAt;

    @Option(names = "--quiet", description = "print only the final summary line")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        GanSettings s = resume != null ? resumedSettings() : newSettings();
        GanDataset data = GanDataset.parse(s.dataset, s.dataDir == null ? null : Path.of(s.dataDir));
        GanRecipe recipe = GanRecipe.forDataset(s.dataset);
        GanTrainer trainer = s.trainer(data, recipe);
        Path dir = s.folder;
        Files.createDirectories(dir);
        Path checkpoint = dir.resolve("checkpoint.safetensors");
        if (resume != null) {
            if (!Files.isRegularFile(checkpoint)) throw new IllegalArgumentException(dir + " has no checkpoint.safetensors to resume from");
            trainer.restore(checkpoint);
        }
        AtomicFiles.writeString(dir.resolve("run.json"), Json.write(s.toMap()) + "\n");
        PrintStream out = System.out;
        if (!quiet) out.println(header(s, trainer));
        long start = System.nanoTime();
        GanRunCallbacks callbacks = new GanRunCallbacks(s, data, dir, out, quiet);
        try {
            long end = stopAt == null ? s.steps : Math.min(s.steps, stopAt);
            trainer.fit(data.samples(s.seed), Math.max(0, end - trainer.step()), s.batch, callbacks);
        } catch (NonFiniteLossException e) {
            callbacks.finishProgress();
            String kept = callbacks.lastCheckpointStep() < 0 ? "no checkpoint was written yet" : "the last good checkpoint (step " + callbacks.lastCheckpointStep() + ") is kept in " + checkpoint;
            throw new IllegalStateException("training diverged: " + e.getMessage() + "; " + kept + "; try a lower --lr or another --loss");
        }
        callbacks.finishProgress();
        callbacks.writeFinal(trainer);
        out.println(summary(s, data, trainer, (System.nanoTime() - start) / 1e9, dir));
        if (trainer.step() < s.steps) out.println("stopped at step " + trainer.step() + " of " + s.steps + "; continue with: minimax gan --resume " + dir);
        return 0;
    }

    private static String header(GanSettings s, GanTrainer t) {
        return String.format(Locale.ROOT, "GAN on %s: loss %s, %d steps of batch %d, lr %s, seed %d; G %d and D %d parameters",
                s.dataset, s.loss, s.steps, s.batch, s.learningRate, s.seed, t.generator().countParams(), t.discriminator().countParams());
    }

    private static String summary(GanSettings s, GanDataset data, GanTrainer t, double seconds, Path dir) {
        String metrics = data.summarize(lastMetrics(t));
        return String.format(Locale.ROOT, "%s: %s%s%d steps in %.1f s; run folder %s", s.dataset, metrics, metrics.isEmpty() ? "" : "; ", t.step(), seconds, dir);
    }

    /** The latest value of each mixture metric in the history (empty for images). */
    static Map<String, Double> lastMetrics(GanTrainer t) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String key : List.of("modes", "high_quality", "reverse_kl")) {
            double v = t.history().last(key);
            if (!Double.isNaN(v)) m.put(key, v);
        }
        return m;
    }

    private GanSettings newSettings() {
        GanSettings s = new GanSettings();
        s.dataset = dataset == null ? "ring" : dataset;
        s.dataDir = dataDir == null ? null : dataDir.toString();
        s.seed = seed == null ? 0 : seed;
        s.loss = loss == null ? "non-saturating" : loss;
        if (!GanLoss.names().contains(s.loss)) throw new ParameterException(spec.commandLine(), "--loss must be one of " + String.join(", ", GanLoss.names()) + ", got '" + s.loss + "'");
        GanRecipe recipe = GanRecipe.forDataset(s.dataset);
        s.steps = steps == null ? recipe.steps() : steps;
        s.scheduleSteps = s.steps;
        s.batch = batch == null ? recipe.batch() : batch;
        s.learningRate = learningRate == null ? recipe.learningRate() : learningRate;
        s.evalEvery = evalEvery == null ? Math.max(1, s.steps / 10) : evalEvery;
        s.checkpointEvery = checkpointEvery == null ? s.evalEvery : checkpointEvery;
        s.recipeSettingsFrom(recipe);
        check(s);
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safeName = s.dataset.startsWith("idx:") ? "idx" : s.dataset;
        s.folder = out != null ? out : Path.of("runs", safeName + "-" + s.loss + "-seed" + s.seed + "-" + time);
        if (Files.exists(s.folder.resolve("checkpoint.safetensors"))) {
            throw new ParameterException(spec.commandLine(), s.folder + " already holds a run; continue it with --resume " + s.folder + " or choose another --out");
        }
        return s;
    }

    private GanSettings resumedSettings() throws IOException {
        for (String flag : List.of("--dataset", "--loss", "--batch", "--seed", "--lr", "--out", "--data-dir", "--eval-every", "--checkpoint-every")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                throw new ParameterException(spec.commandLine(), "--resume continues a run with its saved settings; " + flag + " cannot change them (only --steps can extend the run)");
            }
        }
        Path runJson = resume.resolve("run.json");
        if (!Files.isRegularFile(runJson)) throw new IllegalArgumentException("--resume " + resume + ": no run.json there (is it a run folder written by 'minimax gan'?)");
        GanSettings s = GanSettings.fromJson(Files.readString(runJson), runJson);
        s.folder = resume;
        if (steps != null) s.steps = steps;
        check(s);
        return s;
    }

    private void check(GanSettings s) {
        if (stopAt != null && stopAt < 1) throw new ParameterException(spec.commandLine(), "--stop-at must be >= 1, got " + stopAt);
        if (s.steps < 1) throw new ParameterException(spec.commandLine(), "--steps must be >= 1, got " + s.steps);
        if (s.batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be >= 1, got " + s.batch);
        if (!(s.learningRate > 0) || Double.isInfinite(s.learningRate)) {
            throw new ParameterException(spec.commandLine(), "--lr must be a positive number, got " + s.learningRate + " (a maximizing player uses maximize(), never a negative rate)");
        }
        if (s.evalEvery < 1) throw new ParameterException(spec.commandLine(), "--eval-every must be >= 1, got " + s.evalEvery);
        if (s.checkpointEvery < 1) throw new ParameterException(spec.commandLine(), "--checkpoint-every must be >= 1, got " + s.checkpointEvery);
    }
}
