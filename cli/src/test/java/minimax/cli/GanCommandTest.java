package minimax.cli;

import static minimax.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minimax gan} and {@code minimax sample} end to end on short runs. */
class GanCommandTest {


    @Test
    void writesARunFolder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        CliRun.Result r = run("gan", "--steps", "30", "--batch", "64", "--eval-every", "10", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ring: ") && r.out().contains("30 steps in"), r.out());
        for (String f : List.of("run.json", "history.csv", "model.safetensors", "checkpoint.safetensors", "samples.png", "samples-step000010.png", "samples-step000030.png")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing");
        }
        List<String> csv = Files.readAllLines(dir.resolve("history.csv"));
        assertEquals(31, csv.size(), "header and one row per step");
        assertTrue(csv.get(0).startsWith("step,") && csv.get(0).contains("d_loss") && csv.get(0).contains("g_loss") && csv.get(0).contains("modes"), csv.get(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
        CliRun.Result s = run("sample", dir.resolve("model").toString(), "--n", "100", "--out", tmp.resolve("s.png").toString());
        assertEquals(0, s.code(), s.err());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(tmp.resolve("s.png")), 4));
        CliRun.Result c = run("sample", dir.toString(), "--n", "3", "--out", tmp.resolve("s.csv").toString());
        assertEquals(0, c.code(), c.err());
        assertEquals(3, Files.readAllLines(tmp.resolve("s.csv")).size());
    }

    @Test
    void stoppingAndResumingEqualsAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path straight = tmp.resolve("a"), split = tmp.resolve("b");
        assertEquals(0, run("gan", "--steps", "24", "--batch", "32", "--eval-every", "8", "--seed", "3", "--out", straight.toString()).code());
        CliRun.Result first = run("gan", "--steps", "24", "--batch", "32", "--eval-every", "8", "--seed", "3", "--stop-at", "12", "--out", split.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("stopped at step 12 of 24") && first.out().contains("--resume"), first.out());
        CliRun.Result second = run("gan", "--resume", split.toString());
        assertEquals(0, second.code(), second.err());
        assertEquals(Files.readString(straight.resolve("history.csv")), Files.readString(split.resolve("history.csv")));
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(split.resolve("model.safetensors")));
        assertArrayEquals(Files.readAllBytes(straight.resolve("checkpoint.safetensors")), Files.readAllBytes(split.resolve("checkpoint.safetensors")));
    }

    @Test
    void badInputGetsOneClearMessage(@TempDir Path tmp) {
        assertBad(2, "--steps must be >= 1", "gan", "--steps", "0");
        assertBad(2, "maximize()", "gan", "--lr", "-1e-3");
        assertBad(2, "--loss must be one of", "gan", "--loss", "wasserstein");
        assertBad(1, "--dataset must be ring, grid, fashion-mnist or idx:PATH", "gan", "--dataset", "spiral");
        assertBad(1, "no such file", "gan", "--dataset", "idx:" + tmp.resolve("none.idx"));
        assertBad(1, "dataset-fashion-mnist", "gan", "--dataset", "fashion-mnist", "--data-dir", tmp.resolve("nowhere").toString(), "--steps", "1");
        assertBad(1, "no run.json", "gan", "--resume", tmp.toString());
        assertBad(2, "cannot change them", "gan", "--resume", tmp.toString(), "--loss", "hinge");
        assertBad(2, "Unknown option", "gan", "--stepz", "3");
        assertBad(1, "no generator at", "sample", tmp.resolve("missing").toString());
        assertBad(2, "--out must end in .png or .csv", "sample", tmp.toString(), "--out", "x.jpg");
    }

    @Test
    void refusesToOverwriteARun(@TempDir Path tmp) {
        Path dir = tmp.resolve("r");
        assertEquals(0, run("gan", "--steps", "2", "--batch", "8", "--out", dir.toString()).code());
        assertBad(2, "already holds a run", "gan", "--steps", "2", "--out", dir.toString());
    }

    private static void assertBad(int code, String part, String... args) {
        CliRun.Result r = run(args);
        assertEquals(code, r.code(), "exit code of " + String.join(" ", args) + "; stderr: " + r.err());
        assertTrue(r.err().contains(part), "stderr should contain '" + part + "': " + r.err());
        assertTrue(r.err().startsWith("minimax: "), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}
