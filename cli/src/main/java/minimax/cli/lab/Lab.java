package minimax.cli.lab;

/**
 * {@code minimax lab}: runs both experiments and returns their measurements; {@link LabReport}
 * writes them as a run folder.
 *
 * <pre>{@code
 * LabResult r = Lab.run(LabSettings.quick(), "minimax lab --quick", Progress.NONE);
 * LabReport.write(r, Path.of("runs/lab"));
 * }</pre>
 */
public final class Lab {
    private Lab() {}

    /** Training steps a run with these settings takes, for a progress display. */
    public static long totalSteps(LabSettings settings) {
        return AscentExperiment.totalSteps(settings) + GanExperiment.totalSteps(settings);
    }

    /**
     * Runs the literal question, then the GAN setting.
     *
     * @param command the command line that asked for it, quoted in the report
     */
    public static LabResult run(LabSettings settings, String command, Progress progress) {
        Table timing = new Table(LabResult.TIMING_COLUMNS);
        AscentExperiment ascent = new AscentExperiment(settings, timing, progress);
        progress.phase("1/2 the literal question: " + settings.seeds() + " seeds x " + (AscentStrategy.all().size() + 5) + " runs of " + settings.steps() + " steps",
                AscentExperiment.totalSteps(settings));
        ascent.run();
        GanExperiment gan = new GanExperiment(settings, timing, progress);
        progress.phase("2/2 the GAN setting: " + settings.seeds() + " seeds x " + GanStrategy.all().size() + " runs of " + settings.ganSteps() + " steps",
                GanExperiment.totalSteps(settings));
        gan.run();
        LabResult r = new LabResult(settings, command, ascent.refusal);
        r.tables.put(LabResult.ASCENT_CURVES, ascent.curves);
        r.tables.put(LabResult.ASCENT_SEEDS, ascent.seeds);
        r.tables.put(LabResult.NEGATIVE_RATE, ascent.comparisons);
        r.tables.put(LabResult.NEGATIVE_RATE_CURVES, ascent.demoCurves);
        r.tables.put(LabResult.GAN_EVALUATIONS, gan.evaluations);
        r.tables.put(LabResult.GAN_LOSSES, gan.losses);
        r.tables.put(LabResult.GAN_COMPARISONS, gan.comparisons);
        r.tables.put(LabResult.TIMING, timing);
        r.derive();
        r.ganSamples.putAll(gan.finalSamples);
        return r;
    }
}
