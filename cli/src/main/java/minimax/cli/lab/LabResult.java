package minimax.cli.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import minimax.tensor.Tensor;

/**
 * What a lab run measured: its tables by CSV name (raw measurements, the figures derived from them,
 * and wall times), the refusal message of a negative rate, and seed 0's final GAN samples (for
 * pictures only; absent when the result is read back from a run folder).
 */
public final class LabResult {
    static final String ASCENT_CURVES = "ascent-curves", ASCENT_SEEDS = "ascent-seeds", ASCENT_RUNS = "ascent-runs", NEGATIVE_RATE = "negative-rate",
            NEGATIVE_RATE_CURVES = "negative-rate-curves", GAN_EVALUATIONS = "gan-evaluations", GAN_LOSSES = "gan-losses", GAN_RUNS = "gan-runs",
            GAN_COMPARISONS = "gan-comparisons", TIMING = "timing";
    /** The CSVs a run folder holds, in the order they are written. */
    static final String[] TABLES = {ASCENT_CURVES, ASCENT_SEEDS, ASCENT_RUNS, NEGATIVE_RATE, NEGATIVE_RATE_CURVES, GAN_EVALUATIONS, GAN_LOSSES, GAN_RUNS,
            GAN_COMPARISONS, TIMING};
    static final String[] TIMING_COLUMNS = {"experiment", "strategy", "seed", "steps", "seconds"};

    final LabSettings settings;
    final String command;
    final String refusal;
    final Map<String, Table> tables = new LinkedHashMap<>();
    final Map<String, Tensor> ganSamples = new LinkedHashMap<>();

    LabResult(LabSettings settings, String command, String refusal) {
        this.settings = settings;
        this.command = command;
        this.refusal = refusal;
    }

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw new IllegalStateException("no table " + name);
        return t;
    }

    /** Adds the derived tables, computed from the raw ones. */
    void derive() {
        tables.put(ASCENT_RUNS, AscentFigures.runs(table(ASCENT_CURVES), table(ASCENT_SEEDS)));
        tables.put(GAN_RUNS, GanFigures.runs(table(GAN_EVALUATIONS), minimax.data.Mixture.ring().modeCount()));
    }
}
