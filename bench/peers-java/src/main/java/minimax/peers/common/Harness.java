package minimax.peers.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Shared timing and reporting for the peer harnesses.
 *
 * <p>Timing: warm-up for a fixed time, then a calibration that picks how many operations make a
 * round of about {@code roundSeconds}, then {@code rounds} timed rounds. Each round gives one value
 * (time per operation, or GFLOP/s); the result holds the median, min, max and every round.
 */
public final class Harness {
    /** One timed operation (a training step, a GAN iteration, one matmul). */
    @FunctionalInterface
    public interface Op {
        void run() throws Exception;
    }

    /** Converts seconds per operation into the reported unit. */
    @FunctionalInterface
    public interface Unit {
        double of(double secondsPerOp);
    }

    public static final Unit MICROS = s -> s * 1e6;
    public static final Unit MILLIS = s -> s * 1e3;

    public static Unit gflops(double flopsPerOp) {
        return s -> flopsPerOp / s / 1e9;
    }

    public final String peer;
    public final boolean quick;
    public final int rounds;
    public final double warmupSeconds;
    public final double roundSeconds;
    private final Path out;
    private java.util.Set<String> only;
    private final List<Map<String, Object>> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Object> header = new LinkedHashMap<>();

    public Harness(String peer, String[] args) {
        this.peer = peer;
        Path o = null;
        boolean q = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> o = Path.of(args[++i]);
                case "--quick" -> q = true;
                case "--only" -> only = java.util.Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]
                        + " (usage: --out FILE [--quick] [--only W1,W2,W3])");
            }
        }
        if (o == null) throw new IllegalArgumentException("usage: --out FILE [--quick] [--only W1,W2,W3]");
        this.out = o;
        this.quick = q;
        this.rounds = q ? 3 : 7;
        this.warmupSeconds = q ? 0.3 : 1.5;
        this.roundSeconds = q ? 0.1 : 0.5;
        header.put("peer", peer);
        header.put("loadavg_at_start", loadavg());
    }

    /** /proc/loadavg's first three fields: other work on this 2-core machine skews every figure. */
    public static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** False when {@code --only W1,W3} leaves this workload out. */
    public boolean wants(String workload) {
        return only == null || only.contains(workload);
    }

    /** Versions filled in by Maven at build time (minimax-peers.properties). */
    public static Properties buildVersions() {
        Properties p = new Properties();
        try (InputStream in = Harness.class.getResourceAsStream("/minimax-peers.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // versions stay unknown
        }
        return p;
    }

    public void put(String key, Object value) {
        header.put(key, value);
    }

    public void note(String note) {
        notes.add(note);
        System.err.println("[" + peer + "] note: " + (note.length() > 120 ? note.substring(0, 117) + "..." : note));
    }

    /** Runs one case; a failure is recorded (and printed) but does not stop the other cases. */
    public void measure(String workload, String caseName, int threads, String unitName, Unit unit, Op op) {
        String label = workload + " " + caseName + " threads=" + threads;
        if (!wants(workload)) return;
        try {
            Map<String, Object> r = time(workload, caseName, threads, unitName, unit, op);
            results.add(r);
            System.err.printf("[%s] %-40s median %10.3f %s  (min %.3f, max %.3f)%n", peer, label,
                    (Double) r.get("median"), unitName, (Double) r.get("min"), (Double) r.get("max"));
        } catch (Throwable t) {
            errors.add(label + ": " + describe(t));
            System.err.println("[" + peer + "] " + label + " FAILED: " + describe(t));
            t.printStackTrace();
        }
    }

    private Map<String, Object> time(String workload, String caseName, int threads, String unitName, Unit unit, Op op)
            throws Exception {
        // warm-up: at least 3 operations and warmupSeconds
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warm = 0;
        while (warm < 3 || System.nanoTime() < warmEnd) {
            op.run();
            warm++;
        }
        // calibration: double n until a batch takes >= 1/5 of a round
        int n = 1;
        double perOp;
        while (true) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) op.run();
            double el = (System.nanoTime() - t0) / 1e9;
            if (el >= roundSeconds / 5 || n >= (1 << 24)) {
                perOp = el / n;
                break;
            }
            n *= 2;
        }
        int perRound = (int) Math.max(1, Math.round(roundSeconds / perOp));
        double[] values = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) op.run();
            double el = (System.nanoTime() - t0) / 1e9;
            values[r] = unit.of(el / perRound);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", workload);
        r.put("case", caseName);
        r.put("threads", threads);
        r.put("unit", unitName);
        r.put("median", sorted[sorted.length / 2]);
        r.put("min", sorted[0]);
        r.put("max", sorted[sorted.length - 1]);
        List<Object> rs = new ArrayList<>();
        for (double v : values) rs.add(v);
        r.put("rounds", rs);
        r.put("ops_per_round", perRound);
        r.put("loadavg", loadavg());
        return r;
    }

    /** Writes the result file; with no results at all but errors, it is an error file. */
    public void write() throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        if (results.isEmpty() && !errors.isEmpty()) {
            doc.put("error", String.join("; ", errors));
        }
        doc.put("loadavg_at_end", loadavg());
        doc.put("quick", quick);
        doc.put("timing", "warm-up " + warmupSeconds + " s, then " + rounds + " rounds of ~" + roundSeconds
                + " s each; median/min/max over rounds");
        doc.put("results", results);
        if (!errors.isEmpty()) doc.put("errors", errors);
        doc.put("notes", String.join(" ", notes));
        writeDoc(out, doc);
    }

    public static void writeError(String peer, String[] args, Throwable t) {
        Path o = null;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--out")) o = Path.of(args[i + 1]);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("peer", peer);
        doc.put("error", describe(t));
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        doc.put("trace", sw.toString().lines().limit(25).reduce((a, b) -> a + "\n" + b).orElse(""));
        System.err.println("[" + peer + "] cannot run: " + describe(t));
        t.printStackTrace();
        if (o != null) {
            try {
                writeDoc(o, doc);
            } catch (IOException e) {
                System.err.println("cannot write " + o + ": " + e);
            }
        }
    }

    private static void writeDoc(Path o, Map<String, Object> doc) throws IOException {
        if (o.toAbsolutePath().getParent() != null) Files.createDirectories(o.toAbsolutePath().getParent());
        Files.writeString(o, Json.write(doc));
        System.err.println("written: " + o);
    }

    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (sb.length() > 0) sb.append(" <- caused by: ");
            sb.append(c.getClass().getName());
            if (c.getMessage() != null) sb.append(": ").append(c.getMessage().lines().findFirst().orElse(""));
            if (sb.length() > 1500) break;
        }
        return sb.toString();
    }

    /** Environment variables that decide native thread counts, for the report. */
    public static Map<String, Object> threadEnv() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "MKL_NUM_THREADS",
                "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE")) {
            String v = System.getenv(k);
            if (v != null) m.put(k, v);
        }
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        return m;
    }

    /** Deterministic uniform floats in [lo, hi). */
    public static float[] uniform(long seed, int n, float lo, float hi) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * (float) r.nextDouble();
        return a;
    }

    /** Deterministic standard-normal floats. */
    public static float[] normal(long seed, int n) {
        java.util.Random r = new java.util.Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
