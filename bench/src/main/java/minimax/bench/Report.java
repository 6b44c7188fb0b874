package minimax.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import minimax.format.AtomicFiles;
import minimax.format.Json;

/**
 * Turns one benchmark run into a table: reads Minimax's JMH results ({@code minimax-jmh.json}, and
 * {@code minimax-jmh-w1.json} where W1 ran on its own) and
 * each peer's results ({@code pytorch.json}, {@code djl.json}, {@code dl4j.json}) from a folder and
 * writes {@code report.md} and {@code report.json} beside them, with medians, spreads, ratios to
 * the best peer and the targets of the performance issue.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar minimax.bench.Report DIR}.
 */
public final class Report {
    /** One measured case, normalized: W1 in µs/step, W2 in ms/iteration, W3 in GFLOP/s. */
    record Row(String source, String workload, String kase, int threads, String unit, double median, double min, double max) {}

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report DIR   (DIR holds minimax-jmh.json and the peers' JSON files)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Row> rows = new ArrayList<>();
        // W1 runs in its own JMH invocation (a longer warm-up): minimax-jmh-w1.json, when present, comes first
        Path w1 = dir.resolve("minimax-jmh-w1.json");
        if (Files.exists(w1)) rows.addAll(minimaxRows(w1));
        rows.addAll(minimaxRows(dir.resolve("minimax-jmh.json")));
        Map<String, String> peerErrors = new LinkedHashMap<>();
        for (String peer : List.of("pytorch", "djl", "dl4j")) {
            Path f = dir.resolve(peer + ".json");
            if (!Files.exists(f)) {
                peerErrors.put(peer, "not run (no " + f.getFileName() + ")");
                continue;
            }
            rows.addAll(peerRows(peer, f, peerErrors));
        }
        String jvm = minimaxJvm(dir.resolve("minimax-jmh.json"));
        Map<String, String> latency = coreLatency(dir);
        String md = markdown(rows, peerErrors, jvm) + latencyLine(latency);
        AtomicFiles.writeString(dir.resolve("report.md"), md);
        List<Object> json = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", r.source());
            m.put("workload", r.workload());
            m.put("case", r.kase());
            m.put("threads", (long) r.threads());
            m.put("unit", r.unit());
            m.put("median", r.median());
            m.put("min", r.min());
            m.put("max", r.max());
            json.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("minimax_jvm", jvm);
        top.put("core_round_trip_ns", new LinkedHashMap<>(latency));
        top.put("rows", json);
        top.put("peer_errors", new LinkedHashMap<>(peerErrors));
        AtomicFiles.writeString(dir.resolve("report.json"), Json.write(top));
        System.out.print(md);
    }

    /** The moments at which bench/run.sh measures the core-to-core round trip, in order, with the words the report uses. */
    private static final Map<String, String> LATENCY_MOMENTS = new LinkedHashMap<>();
    static {
        LATENCY_MOMENTS.put("before-minimax", "before Minimax's runs");
        LATENCY_MOMENTS.put("after-minimax", "after them");
        LATENCY_MOMENTS.put("after-peers", "after the peers'");
    }

    /**
     * What {@code core-latency-<moment>.json} in {@code dir} says, for the moments whose file exists: the
     * median round trip in ns ("70 ns"), or why there is none ("not measured: …", "unreadable: …").
     * A bad file never stops the report.
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> coreLatency(Path dir) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String moment : LATENCY_MOMENTS.keySet()) {
            Path f = dir.resolve("core-latency-" + moment + ".json");
            if (!Files.exists(f)) continue;
            try {
                Object parsed = Json.parse(Files.readString(f));
                Map<String, Object> m = parsed instanceof Map ? (Map<String, Object>) parsed : Map.of();
                Object median = m.get("median_ns");
                if (median instanceof Number && Double.isFinite(((Number) median).doubleValue())) {
                    found.put(moment, String.format(Locale.ROOT, "%.0f ns", ((Number) median).doubleValue()));
                } else if (m.get("skipped") != null) {
                    found.put(moment, "not measured (" + m.get("skipped") + ")");
                } else {
                    found.put(moment, "unreadable (" + f.getFileName() + " holds no median_ns number)");
                }
            } catch (IOException | RuntimeException e) {
                found.put(moment, "unreadable (" + f.getFileName() + ": " + e.getMessage() + ")");
            }
        }
        return found;
    }

    /** A line saying which state the VM's two cores were in during the runs (empty when nothing was measured). */
    static String latencyLine(Map<String, String> latency) {
        if (latency.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("\nCore-to-core round trip (two threads passing a cache line): ");
        int i = 0;
        for (Map.Entry<String, String> e : latency.entrySet()) {
            if (i++ > 0) sb.append(", ");
            sb.append(e.getValue()).append(' ').append(LATENCY_MOMENTS.get(e.getKey()));
        }
        sb.append(". On the 2-vCPU development VM it was about 70 ns while the two vCPUs shared an L3 cache and about 330 ns while they did not;"
                + " in the second state W1 at batch 1,024 ran up to 1.7× slower (README, Performance).\n");
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Row> minimaxRows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) Json.parse(Files.readString(file))) {
            Map<String, Object> b = (Map<String, Object>) o;
            String name = (String) b.get("benchmark");
            Map<String, Object> params = b.get("params") == null ? Map.of() : (Map<String, Object>) b.get("params");
            Map<String, Object> metric = (Map<String, Object>) b.get("primaryMetric");
            double[] raw = flatten((List<Object>) metric.get("rawData"));
            String unit = (String) metric.get("scoreUnit");
            if (name.contains("W1")) {
                rows.add(row("minimax", "W1", "batch=" + params.get("batch"), 2, "us/step", raw, toMicros(unit), false));
            } else if (name.contains("W2")) {
                rows.add(row("minimax", "W2", "batch=" + params.get("batch"), 2, "ms/iteration", raw, toMicros(unit) / 1000.0, false));
            } else if (name.contains("W3")) {
                String shape = (String) params.get("shape");
                long[] mnk = Arrays.stream(shape.split("x")).mapToLong(Long::parseLong).toArray();
                double flop = 2.0 * mnk[0] * mnk[1] * mnk[2];
                double[] gflops = Arrays.stream(raw).map(us -> flop / (us * toMicros(unit)) / 1e3).toArray();
                rows.add(row("minimax", "W3", shape.replace('x', ','), Integer.parseInt((String) params.get("threads")), "GFLOP/s", gflops, 1, true));
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    static List<Row> peerRows(String peer, Path file, Map<String, String> errors) throws IOException {
        Map<String, Object> top = (Map<String, Object>) Json.parse(Files.readString(file));
        if (top.get("error") != null) {
            errors.put(peer, String.valueOf(top.get("error")));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) top.get("results")) {
            Map<String, Object> r = (Map<String, Object>) o;
            String kase = String.valueOf(r.get("case")).replace("(", "").replace(")", "").replace(" ", "");
            if (kase.startsWith("M=") || kase.contains("x")) kase = kase.replace("M=", "").replace("N=", "").replace("K=", "").replace('x', ',');
            rows.add(new Row(peer, (String) r.get("workload"), kase, ((Number) r.get("threads")).intValue(), (String) r.get("unit"),
                    num(r.get("median")), num(r.get("min")), num(r.get("max"))));
        }
        return rows;
    }

    private static double num(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static double toMicros(String unit) {
        switch (unit) {
            case "us/op": return 1;
            case "ms/op": return 1000;
            case "ns/op": return 1e-3;
            case "s/op": return 1e6;
            default: throw new IllegalArgumentException("unexpected JMH unit " + unit);
        }
    }

    private static Row row(String source, String workload, String kase, int threads, String unit, double[] raw, double scale, boolean already) {
        double[] v = Arrays.stream(raw).map(x -> already ? x : x * scale).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Row(source, workload, kase, threads, unit, median, v[0], v[v.length - 1]);
    }

    private static double[] flatten(List<Object> rawData) {
        List<Double> out = new ArrayList<>();
        for (Object fork : rawData) for (Object x : (List<Object>) fork) out.add(((Number) x).doubleValue());
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The target of the performance issue for a case, as a factor on the best peer (time) or on OpenBLAS (GFLOP/s). */
    private static String target(String workload, String kase) {
        switch (workload + " " + kase) {
            case "W1 batch=32": return "≤ 0.025× PyTorch";
            case "W1 batch=1024": return "≤ 0.2×";
            case "W2 batch=64": return "≤ 0.5×";
            case "W2 batch=256": return "≤ 0.67×";
            default: return workload.equals("W3") ? "≥ 0.8× OpenBLAS (PyTorch)" : "";
        }
    }

    /** The JVM Minimax's benchmarks ran on, as JMH recorded it: "17.0.15 (OpenJDK 64-Bit Server VM, /usr/lib/jvm/…/bin/java)". */
    @SuppressWarnings("unchecked")
    static String minimaxJvm(Path file) throws IOException {
        List<Object> runs = (List<Object>) Json.parse(Files.readString(file));
        if (runs.isEmpty()) return "unknown";
        Map<String, Object> first = (Map<String, Object>) runs.get(0);
        return first.get("jdkVersion") + " (" + first.get("vmName") + ", " + first.get("jvm") + ")";
    }

    static String markdown(List<Row> rows, Map<String, String> peerErrors, String minimaxJvm) {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | case | threads | Minimax | PyTorch | DJL | DL4J | Minimax ÷ best peer | target |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row m : rows) {
            if (!m.source().equals("minimax")) continue;
            boolean higherIsBetter = m.unit().equals("GFLOP/s");
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d | %s |", m.workload(), m.kase(), m.threads(), cell(m)));
            double best = Double.NaN;
            for (String peer : List.of("pytorch", "djl", "dl4j")) {
                Row p = match(rows, peer, m, higherIsBetter);
                line.append(' ').append(p == null ? "—" : cell(p)).append(" |");
                if (p != null && (Double.isNaN(best) || (higherIsBetter ? p.median() > best : p.median() < best))) best = p.median();
            }
            // Minimax ÷ best peer: below 1 is better for times, above 1 is better for GFLOP/s
            String ratio = Double.isNaN(best) ? "—" : String.format(Locale.ROOT, "%.2f×", m.median() / best);
            line.append(' ').append(ratio).append(" | ").append(target(m.workload(), m.kase())).append(" |");
            sb.append(line).append('\n');
        }
        sb.append("\nUnits: W1 µs/step, W2 ms/iteration (lower is better), W3 GFLOP/s (higher is better); median [min–max] over measurement rounds.\n");
        sb.append("The ratio column divides Minimax's median by the best peer's: below 1× Minimax is faster on time rows, above 1× on GFLOP/s rows.\n");
        sb.append("Time rows compare with each peer's best thread setting; W3 rows compare at the same thread count.\n");
        sb.append("Minimax ran on JDK ").append(minimaxJvm).append(".\n");
        peerErrors.forEach((p, e) -> sb.append("\n- ").append(p).append(": ").append(e));
        sb.append('\n');
        return sb.toString();
    }

    /** The peer's row for the same case: same threads for W3, else its best thread setting. */
    private static Row match(List<Row> rows, String peer, Row m, boolean higherIsBetter) {
        Row best = null;
        for (Row r : rows) {
            if (!r.source().equals(peer) || !r.workload().equals(m.workload()) || !r.kase().equals(m.kase())) continue;
            if (m.workload().equals("W3") && r.threads() != m.threads()) continue;
            if (best == null || (higherIsBetter ? r.median() > best.median() : r.median() < best.median())) best = r;
        }
        return best;
    }

    private static String cell(Row r) {
        String f = r.median() >= 100 ? "%.0f" : r.median() >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f + " [" + f + "–" + f + "]", r.median(), r.min(), r.max());
    }
}
