package minimax.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import minimax.cli.lab.Lab;
import minimax.cli.lab.LabReport;
import minimax.cli.lab.LabResult;
import minimax.cli.lab.LabSettings;
import minimax.cli.lab.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code minimax lab}: "how do I make my model maximize the MSE?" answered by two experiments over
 * many seeds, written as a run folder with a self-contained HTML report, a Markdown summary and
 * CSVs of every curve (see {@link minimax.cli.lab.Lab}).
 */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Settles 'how do I make my model maximize the MSE?' by measurement: (1) the Keras generator trained to maximize its MSE",
                "by a negated loss, an inverse-MSE loss and the maximize flag (a negative learning rate is refused, and measured outside the library);",
                "(2) a GAN on the 8-Gaussian ring whose generator maximizes the discriminator's MSE, minimizes its negation, or minimizes toward",
                "the real label (LSGAN, non-saturating BCE). Writes report.html (self-contained), summary.md and CSVs of every curve.",
                "Full run: about 10 minutes on two busy cores; --quick: about 2 minutes."})
public final class LabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "N", description = "runs per strategy, seeds 0 to N-1 (default: " + LabSettings.SEEDS + "; --quick: " + LabSettings.QUICK_SEEDS + ")")
    Integer seeds;

    @Option(names = "--steps", paramLabel = "N", description = "training steps of the literal question (default: " + LabSettings.STEPS + "; --quick: " + LabSettings.QUICK_STEPS + ")")
    Integer steps;

    @Option(names = "--gan-steps", paramLabel = "N", description = "generator steps of each GAN run (default: " + LabSettings.GAN_STEPS + "; --quick: " + LabSettings.QUICK_GAN_STEPS + ")")
    Integer ganSteps;

    @Option(names = "--samples", paramLabel = "N", description = "rows of the literal question's fixed data (default: " + LabSettings.SAMPLES + ")")
    Integer samples;

    @Option(names = "--quick", description = "a fast version: fewer seeds and steps (explicit flags still apply)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/lab-<time>)")
    Path out;

    @Option(names = "--quiet", description = "print only the folder and the report's path")
    boolean quiet;

    @Override
    public Integer call() {
        LabSettings base = quick ? LabSettings.quick() : LabSettings.full();
        LabSettings s = new LabSettings(value(seeds, base.seeds()), value(steps, base.steps()), value(ganSteps, base.ganSteps()), value(samples, base.samples()));
        check("--seeds", s.seeds(), 2, " (confidence intervals need at least two seeds)");
        check("--steps", s.steps(), 1, "");
        check("--gan-steps", s.ganSteps(), 1, "");
        check("--samples", s.samples(), 1, "");
        Path dir = out != null ? out : Path.of("runs", "lab-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new ParameterException(spec.commandLine(), "--out must be a folder, got the file " + dir);
        if (Files.exists(dir.resolve(LabReport.REPORT))) throw new ParameterException(spec.commandLine(), dir + " already holds a lab report; choose another --out");

        PrintStream o = System.out;
        long total = Lab.totalSteps(s);
        if (!quiet) o.println("minimax lab: " + s.seeds() + " seeds; literal question " + s.steps() + " steps per run, GAN " + s.ganSteps() + " steps per run; " + total + " training steps in all");
        long start = System.nanoTime();
        Bars bars = new Bars(o);
        LabResult r = Lab.run(s, commandLine(), quiet ? Progress.NONE : bars);
        bars.finish();
        try {
            LabReport.write(r, dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the run folder " + dir + " (" + e + "); no report was written", e);
        }
        if (!quiet) {
            o.println("In short:");
            for (String line : LabReport.headlines(r)) o.println("- " + line);
        }
        o.printf(Locale.ROOT, "%d training steps in %.1f s; run folder %s; report %s%n", total, (System.nanoTime() - start) / 1e9, dir, dir.resolve(LabReport.REPORT));
        return 0;
    }

    /** One progress bar per part of the run: their steps cost differently, so each part has its own ETA. */
    private static final class Bars implements Progress {
        private final PrintStream out;
        private ProgressBar bar;
        private long done, total;

        Bars(PrintStream out) {
            this.out = out;
        }

        @Override
        public void phase(String title, long steps) {
            finish();
            out.println(title);
            bar = new ProgressBar(out, System.console() != null, 0, steps);
            done = 0;
            total = steps;
            bar.update(0, "starting", true); // no ETA from the first, slowest steps
        }

        @Override
        public void advance(long steps, String status) {
            done += steps;
            if (bar != null) bar.update(done, status, done == total);
        }

        void finish() {
            if (bar != null) bar.finish();
            bar = null;
        }
    }

    private static int value(Integer given, int otherwise) {
        return given != null ? given : otherwise;
    }

    private void check(String flag, int value, int min, String why) {
        if (value < min) throw new ParameterException(spec.commandLine(), flag + " must be >= " + min + why + ", got " + value);
    }

    /** The command as typed (options in the order given). */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        return "minimax " + String.join(" ", args);
    }
}
