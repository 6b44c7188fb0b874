package minimax.cli.lab;

import static minimax.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import minimax.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code minimax lab} end to end on a tiny version of both experiments (2 seeds, a few steps): the
 * run folder's structure, figures recomputed from the CSVs, determinism, and bad flags.
 */
class LabCommandTest {
    private static final String[] TINY = {"lab", "--seeds", "2", "--steps", "20", "--gan-steps", "10", "--samples", "32", "--quiet"};

    @TempDir
    static Path tmp;
    private static Path first, second;

    @BeforeAll
    static void runTwice() {
        first = tmp.resolve("first");
        second = tmp.resolve("second");
        for (Path dir : List.of(first, second)) {
            CliRun.Result r = run(with(TINY, "--out", dir.toString()));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("report " + dir.resolve("report.html")), r.out());
        }
    }

    @Test
    void writesACompleteSelfContainedReport() throws Exception {
        for (String name : LabResult.TABLES) assertTrue(Files.isRegularFile(first.resolve(name + ".csv")), name + ".csv missing");
        for (String name : List.of("lab.json", "summary.md", "report.html")) assertTrue(Files.isRegularFile(first.resolve(name)), name + " missing");
        try (Stream<Path> files = Files.list(first)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
        String html = Files.readString(first.resolve("report.html"));
        for (String section : List.of("<h2>1. The literal question", "<h2>2. The GAN setting", "<h3>Conclusions</h3>", "(c) The negative learning rate", "<h2>Wall time</h2>", "<h2>Methods</h2>")) {
            assertTrue(html.contains(section), "report.html lacks " + section);
        }
        Matcher images = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">").matcher(html);
        int count = 0;
        while (images.find()) {
            byte[] png = Base64.getDecoder().decode(images.group(1));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            count++;
        }
        assertEquals(8, count, "charts: MSE, saturation, gradient norm, weight norm, modes, quality, radius, samples");
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://") || html.contains("<link"), "nothing to fetch, no script");
        String md = Files.readString(first.resolve("summary.md"));
        for (String line : headlines(md)) assertTrue(html.contains(Document.escape(line).replaceAll("`([^`]*)`", "<code>$1</code>")), "report.html states " + line);
    }

    @Test
    void summaryIsComputedFromTheCsvs() throws Exception {
        LabResult fromDisk = LabReport.read(first);
        fromDisk.tables.remove(LabResult.ASCENT_RUNS);
        fromDisk.tables.remove(LabResult.GAN_RUNS);
        fromDisk.derive(); // the derived tables again, from the raw CSVs
        assertEquals(Files.readString(first.resolve("ascent-runs.csv")), fromDisk.table(LabResult.ASCENT_RUNS).toCsv());
        assertEquals(Files.readString(first.resolve("gan-runs.csv")), fromDisk.table(LabResult.GAN_RUNS).toCsv());
        assertEquals(Files.readString(first.resolve("summary.md")), LabReport.document(fromDisk).markdown());
    }

    @Test
    void figuresAgreeWithAnIndependentReadingOfTheCsvs() throws Exception {
        List<String[]> curves = csv(first.resolve("ascent-curves.csv")), seeds = csv(first.resolve("ascent-seeds.csv")), runs = csv(first.resolve("ascent-runs.csv"));
        String md = Files.readString(first.resolve("summary.md"));
        for (String strategy : List.of("negated loss", "inverse MSE", "maximize flag")) {
            double[] finals = new double[2];
            for (int seed = 0; seed < 2; seed++) {
                double last = Double.NaN, constant = Double.parseDouble(seeds.get(seed + 1)[2]), reached = Double.POSITIVE_INFINITY;
                for (String[] row : curves) {
                    if (row[1].equals(strategy) && row[2].equals(String.valueOf(seed))) {
                        last = Double.parseDouble(row[4]);
                        if (last >= 0.9 * constant && reached == Double.POSITIVE_INFINITY) reached = Double.parseDouble(row[3]);
                    }
                }
                finals[seed] = last;
                String[] run = find(runs, strategy, seed);
                assertEquals(Table.number(last), run[7], "final MSE of " + strategy + " seed " + seed);
                assertEquals(Table.number(reached), run[6], "steps to 90 % of the best constant, " + strategy + " seed " + seed);
            }
            double median = (finals[0] + finals[1]) / 2; // two seeds
            String row = md.lines().filter(l -> l.startsWith("| " + AscentSection.display(strategy) + " | ") && l.split("\\|").length > 8).findFirst().orElseThrow();
            assertTrue(row.contains(Fmt.num(median) + " ["), "summary's median final MSE of " + strategy + " (" + Fmt.num(median) + "): " + row);
        }
        List<String[]> evaluations = csv(first.resolve("gan-evaluations.csv")), ganRuns = csv(first.resolve("gan-runs.csv"));
        for (String[] run : ganRuns.subList(1, ganRuns.size())) {
            String[] lastEvaluation = null;
            for (String[] e : evaluations) if (e[1].equals(run[1]) && e[2].equals(run[2])) lastEvaluation = e;
            assertEquals(Table.number(Double.parseDouble(lastEvaluation[4])), run[3], "final modes of " + run[1] + " seed " + run[2]);
            assertEquals(lastEvaluation[5], run[4], "final high-quality share");
        }
    }

    @Test
    void sameSeedsGiveTheSameNumbers() throws Exception {
        for (String name : LabResult.TABLES) {
            if (name.equals(LabResult.TIMING)) continue;
            assertEquals(Files.readString(first.resolve(name + ".csv")), Files.readString(second.resolve(name + ".csv")), name + ".csv differs between identical runs");
        }
        String a = Files.readString(first.resolve("summary.md")), b = Files.readString(second.resolve("summary.md"));
        assertEquals(a.substring(0, a.indexOf("## Wall time")).replace(first.toString(), "DIR"), b.substring(0, b.indexOf("## Wall time")).replace(second.toString(), "DIR"));
    }

    @Test
    void badFlagsGetOneClearMessage() throws Exception {
        assertBad("--seeds must be >= 2 (confidence intervals need at least two seeds), got 1", "lab", "--seeds", "1");
        assertBad("--steps must be >= 1, got 0", "lab", "--steps", "0");
        assertBad("--gan-steps must be >= 1, got -5", "lab", "--gan-steps", "-5");
        assertBad("--samples must be >= 1, got 0", "lab", "--samples", "0");
        assertBad("'abc'", "lab", "--seeds", "abc");
        assertBad("Unknown option", "lab", "--seed", "3");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertBad("--out must be a folder, got the file " + file, "lab", "--out", file.toString());
        assertBad("already holds a lab report; choose another --out", "lab", "--out", first.toString());
    }

    @Test
    void aRunThatCannotFinishWritingLeavesNoReport() throws Exception {
        Path dir = tmp.resolve("blocked");
        Files.createDirectories(dir.resolve("summary.md"));
        Files.writeString(dir.resolve("summary.md").resolve("in-the-way"), "x"); // the summary cannot replace a non-empty folder
        CliRun.Result r = run("lab", "--seeds", "2", "--steps", "2", "--gan-steps", "2", "--samples", "4", "--quiet", "--out", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("minimax: cannot write the run folder " + dir) && r.err().contains("no report was written"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("report.html")), "report.html is written last, after everything else succeeded");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
    }

    @Test
    void helpNamesTheOptions() {
        CliRun.Result r = run("lab", "--help");
        assertEquals(0, r.code());
        for (String option : List.of("--seeds", "--steps", "--gan-steps", "--quick", "--out")) assertTrue(r.out().contains(option), r.out());
    }

    private static void assertBad(String part, String... args) {
        CliRun.Result r = run(args);
        assertEquals(2, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
        assertTrue(r.err().startsWith("minimax: ") && r.err().contains(part), "stderr should contain '" + part + "': " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static List<String> headlines(String md) {
        String conclusions = md.substring(md.indexOf("### Conclusions"));
        List<String> out = new ArrayList<>();
        for (String line : conclusions.split("\n")) if (line.startsWith("- ")) out.add(line.substring(2));
        return out;
    }

    private static String[] find(List<String[]> rows, String strategy, int seed) {
        return rows.stream().filter(r -> r[1].equals(strategy) && r[2].equals(String.valueOf(seed))).findFirst().orElseThrow();
    }

    /** A CSV without quoted cells that matter here: quoted names are not looked into. */
    private static List<String[]> csv(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

}
