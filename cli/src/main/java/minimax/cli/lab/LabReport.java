package minimax.cli.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.format.AtomicFiles;
import minimax.format.FormatException;
import minimax.format.Json;

/**
 * Writes a lab run folder: the CSVs, {@code lab.json} (settings, command, refusal message),
 * {@code summary.md}, and {@code report.html} last — each file to a temporary file renamed into
 * place, so an interrupted run never leaves a half-written file, and a folder without
 * {@code report.html} is an unfinished run. The report is computed from the tables exactly as the
 * CSVs hold them: {@link #read} plus {@link #document} rebuild {@code summary.md} from the folder.
 */
public final class LabReport {
    /** Files of a run folder, besides the CSVs. */
    public static final String REPORT = "report.html", SUMMARY = "summary.md", SETTINGS = "lab.json";

    private LabReport() {}

    /** Writes the run folder {@code dir} (created if needed). */
    public static void write(LabResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Table> e : r.tables.entrySet()) AtomicFiles.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue().toCsv());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", r.command);
        settings.put("repeat", r.settings.command());
        settings.put("seeds", (long) r.settings.seeds());
        settings.put("steps", (long) r.settings.steps());
        settings.put("gan_steps", (long) r.settings.ganSteps());
        settings.put("samples", (long) r.settings.samples());
        settings.put("negative_rate_refusal", r.refusal);
        AtomicFiles.writeString(dir.resolve(SETTINGS), Json.write(settings) + "\n");
        Document d = document(r);
        AtomicFiles.writeString(dir.resolve(SUMMARY), d.markdown());
        AtomicFiles.writeString(dir.resolve(REPORT), d.html());
    }

    /** A run folder's tables and settings, as written (no samples: pictures of samples are left out). */
    @SuppressWarnings("unchecked")
    static LabResult read(Path dir) throws IOException {
        Map<String, Object> s = (Map<String, Object>) Json.parse(Files.readString(dir.resolve(SETTINGS)));
        LabSettings settings = new LabSettings(Math.toIntExact(Json.getLong(s, "seeds")), Math.toIntExact(Json.getLong(s, "steps")),
                Math.toIntExact(Json.getLong(s, "gan_steps")), Math.toIntExact(Json.getLong(s, "samples")));
        LabResult r = new LabResult(settings, Json.getString(s, "command"), Json.getString(s, "negative_rate_refusal"));
        for (String name : LabResult.TABLES) {
            Path csv = dir.resolve(name + ".csv");
            if (!Files.isRegularFile(csv)) throw new FormatException(dir + " has no " + name + ".csv");
            r.tables.put(name, Table.parse(Files.readString(csv)));
        }
        return r;
    }

    /** The report's "In short": a few of its conclusions, as it states them. */
    public static List<String> headlines(LabResult r) {
        return inShort(AscentSection.findings(r), GanSection.findings(r));
    }

    /**
     * Picked by position in the sections' lists: the literal question's (a) = (d) identity, the
     * claim's verdict and the weight-decay comparison; the GAN's all-modes and divergence verdicts.
     */
    private static List<String> inShort(List<String> ascent, List<String> gan) {
        return List.of(ascent.get(0), ascent.get(3), ascent.get(ascent.size() - 1), gan.get(1), gan.get(2));
    }

    /** The whole report. */
    static Document document(LabResult r) {
        Document d = new Document("minimax lab: how do I make my model maximize the MSE?");
        d.paragraph("A GAN's discriminator is trained with MSE, and its generator “should maximize it”. The answers people give — (a) a custom loss returning −MSE, "
                + "(b) a custom loss `mean(1/(ŷ − y)²)`, (c) a negative learning rate, (d) the optimizer's maximize flag, (e) not maximizing at all: both players minimize, the generator "
                + "toward the real label (LSGAN) or with non-saturating BCE — are run head to head below, each over " + r.settings.seeds() + " seeds. "
                + "Every conclusion is generated from the measured numbers in this folder's CSVs.");
        d.paragraph("Made by `" + r.command + "`; the same numbers again (all but wall times): `" + r.settings.command() + "`.");
        List<String> ascent = AscentSection.findings(r), gan = GanSection.findings(r);
        d.heading(2, "In short");
        d.bullets(inShort(ascent, gan));
        AscentSection.addTo(d, r, ascent);
        GanSection.addTo(d, r, gan);
        addTiming(d, r);
        addMethods(d);
        return d;
    }

    private static void addTiming(Document d, LabResult r) {
        d.heading(2, "Wall time");
        d.paragraph("Wall times depend on the machine and on what else runs on it: they are the only figures that the same command does not repeat exactly (timing.csv). "
                + "The first runs include the JIT compiler's warm-up.");
        Table t = r.table(LabResult.TIMING), ganRuns = r.table(LabResult.GAN_RUNS);
        List<List<String>> rows = new ArrayList<>();
        for (String experiment : t.distinct("experiment")) {
            Table e = t.where("experiment", experiment);
            for (String strategy : e.distinct("strategy")) {
                Table s = e.where("strategy", strategy);
                double[] seconds = s.numbers("seconds"), steps = s.numbers("steps"), perStep = new double[seconds.length];
                for (int i = 0; i < seconds.length; i++) perStep[i] = 1000 * seconds[i] / steps[i];
                String toBest = "";
                if (experiment.equals(GanExperiment.NAME)) {
                    double[] best = ganRuns.where("strategy", strategy).numbers("best_step"), secondsToBest = new double[best.length];
                    for (int i = 0; i < best.length; i++) secondsToBest[i] = best[i] * perStep[i] / 1000;
                    toBest = Fmt.medianIqr(secondsToBest);
                }
                String name = experiment.equals(GanExperiment.NAME) ? GanSection.display(strategy) : AscentSection.display(strategy);
                rows.add(List.of(experiment, name, String.valueOf(s.size()), Fmt.medianIqr(seconds), Fmt.medianIqr(perStep), toBest));
            }
        }
        d.table(List.of("experiment", "run", "runs", "seconds per run, median [IQR]", "ms per step, median [IQR]", "seconds to its best, median [IQR]"), rows);
    }

    private static void addMethods(Document d) {
        d.heading(2, "Methods");
        d.bullets(List.of(
                "Medians and interquartile ranges [IQR] across seeds (quantiles by linear interpolation, R's type 7).",
                "95 % confidence intervals of medians: percentile bootstrap, " + Stats.BOOTSTRAP_RESAMPLES + " resamples from a fixed seed; of proportions: Wilson score intervals.",
                "A step count of “not reached” counts as larger than any other: a median is reported only when more than half the seeds reached the threshold.",
                "“Fastest”, “most often” and “highest” are claimed only when the leader's 95 % CI does not overlap the runner-up's; otherwise the two are reported as a tie.",
                "Strategies with identical values in every seed are named together, joined by “=”.",
                "Determinism: every random draw comes from the seed (data, weights, noise, batches) and the kernels' results do not depend on the thread count, so the same command gives the same CSVs; "
                        + "numbers in the CSVs are rounded to 6 significant digits, and every figure here is computed from those rounded values.",
                "Files: ascent-curves.csv (every step of every run), ascent-seeds.csv (reference MSEs), ascent-runs.csv (per-run figures), negative-rate.csv and negative-rate-curves.csv "
                        + "(the negative-rate comparison), gan-evaluations.csv, gan-losses.csv (window means), gan-runs.csv, gan-comparisons.csv, timing.csv (wall times), lab.json."));
    }
}
