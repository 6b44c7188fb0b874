package minimax.cli.lab;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.data.Mixture;
import minimax.gan.GanCallback;
import minimax.gan.GanTrainer;
import minimax.gan.ModeCoverage;
import minimax.gan.RealSamples;
import minimax.nn.Dense;
import minimax.nn.LeakyReLU;
import minimax.nn.NonFiniteLossException;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * Experiment 2, the GAN setting: for each seed, one generator and one discriminator (the same
 * initial weights for every strategy), trained on fresh samples of the 8-Gaussian ring with each
 * {@link GanStrategy}; the generator is scored before training and every {@code ganSteps / 20}
 * steps on the same 2,500 latents (PacGAN's scoring, {@link ModeCoverage}).
 *
 * <p>Writes raw measurements only: {@code gan-evaluations} and {@code gan-losses} (and wall
 * times); {@link GanFigures} derives the reported figures. A run stopped by a NaN or infinite loss
 * or gradient gets its remaining evaluations recorded as diverged (no mode, no high-quality sample).
 */
final class GanExperiment {
    static final String NAME = "gan";
    private static final long G_STREAM = 0x47454EL, D_STREAM = 0x444953L, REAL_STREAM = 0x5245414CL, EVAL_STREAM = 0x4556414CL;

    final Table evaluations = new Table("experiment", "strategy", "seed", "step", "modes", "high_quality", "reverse_kl", "median_radius", "diverged");
    final Table losses = new Table("experiment", "strategy", "seed", "step", "d_loss", "g_loss");
    /** Per seed: the generator after (i) against the generator after (ii), weight by weight. */
    final Table comparisons = new Table("seed", "comparison", "max_abs_weight_difference", "bit_identical");
    /** Seed 0's samples at the end of each strategy's run, for the scatter plots. */
    final Map<String, Tensor> finalSamples = new LinkedHashMap<>();
    final Mixture ring = Mixture.ring();

    private final LabSettings settings;
    private final Table timing;
    private final Progress progress;

    GanExperiment(LabSettings settings, Table timing, Progress progress) {
        this.settings = settings;
        this.timing = timing;
        this.progress = progress;
    }

    static long totalSteps(LabSettings s) {
        return (long) s.seeds() * GanStrategy.all().size() * s.ganSteps();
    }

    void run() {
        for (int seed = 0; seed < settings.seeds(); seed++) {
            Map<String, List<Tensor>> generators = new LinkedHashMap<>();
            for (GanStrategy s : GanStrategy.all()) generators.put(s.name(), runOne(s, seed).generator().getWeights());
            double[] c = AscentRun.compare(generators.get(GanStrategy.MAXIMIZE), generators.get(GanStrategy.NEGATED));
            comparisons.add(seed, GanStrategy.MAXIMIZE + " vs " + GanStrategy.NEGATED, c[0], c[1] == 1);
        }
    }

    /** G: {@code z(2) → 64 → 64 → 64 → 2} (ReLU). */
    static Sequential generator(long seed) {
        Sequential g = new Sequential(seed);
        g.add(new Dense(LabSettings.WIDTH, "relu", LabSettings.LATENT));
        for (int i = 1; i < LabSettings.DEPTH; i++) g.add(new Dense(LabSettings.WIDTH, "relu"));
        g.add(new Dense(2));
        return g;
    }

    /** D: {@code 2 → 64 → 64 → 64 → 1} (LeakyReLU 0.2), a raw score (a logit for the BCE strategy). */
    static Sequential discriminator(long seed) {
        Sequential d = new Sequential(seed);
        for (int i = 0; i < LabSettings.DEPTH; i++) {
            d.add(i == 0 ? new Dense(LabSettings.WIDTH, "linear", 2) : new Dense(LabSettings.WIDTH));
            d.add(new LeakyReLU((float) LabSettings.LEAKY_SLOPE));
        }
        d.add(new Dense(1));
        return d;
    }

    private GanTrainer runOne(GanStrategy strategy, int seed) {
        long start = System.nanoTime();
        GanTrainer trainer = GanTrainer.builder()
                .generator(generator(Rng.mix(seed, G_STREAM)), new Adam(LabSettings.GAN_RATE, LabSettings.GAN_BETA1))
                .discriminator(discriminator(Rng.mix(seed, D_STREAM)), new Adam(LabSettings.GAN_RATE, LabSettings.GAN_BETA1))
                .loss(strategy.loss())
                .latent(LabSettings.LATENT)
                .seed(seed)
                .build();
        long realSeed = Rng.mix(seed, REAL_STREAM);
        RealSamples real = (draw, n) -> ring.sample(n, new Rng(Rng.mix(realSeed, draw)));
        String status = String.format("%s: %s, seed %d of %d", NAME, strategy.name(), seed + 1, settings.seeds());
        Recorder recorder = new Recorder(strategy.name(), seed, status);
        recorder.evaluate(trainer, 0);
        try {
            trainer.fit(real, settings.ganSteps(), LabSettings.BATCH, recorder);
        } catch (NonFiniteLossException e) {
            recorder.stopped(trainer.step());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains("nothing was updated")) throw e; // only a non-finite gradient stops a run
            recorder.stopped(trainer.step());
        }
        timing.add(NAME, strategy.name(), seed, settings.ganSteps(), (System.nanoTime() - start) / 1e9);
        return trainer;
    }

    /** Losses, evaluations and progress during one run. */
    private final class Recorder implements GanCallback {
        private final String strategy, status;
        private final int seed;
        private double dSum, gSum;
        private int inWindow;
        private Tensor lastSamples;

        Recorder(String strategy, int seed, String status) {
            this.strategy = strategy;
            this.seed = seed;
            this.status = status;
        }

        @Override
        public void onStepEnd(GanTrainer trainer, long step, Map<String, Double> logs) {
            long done = step + 1;
            dSum += logs.get("d_loss");
            gSum += logs.get("g_loss");
            inWindow++;
            if (done % settings.lossEvery() == 0 || done == settings.ganSteps()) {
                losses.add(NAME, strategy, seed, done, dSum / inWindow, gSum / inWindow);
                dSum = gSum = 0;
                inWindow = 0;
            }
            if (done % settings.evalEvery() == 0 || done == settings.ganSteps()) evaluate(trainer, done);
            progress.advance(1, status);
        }

        void evaluate(GanTrainer trainer, long step) {
            Tensor samples = trainer.sample(LabSettings.EVAL_SAMPLES, new Rng(Rng.mix(seed, EVAL_STREAM)));
            ModeCoverage c = ModeCoverage.score(samples, ring.modes(), ring.sigma());
            double radius = medianRadius(samples);
            boolean diverged = !(radius <= LabSettings.DIVERGED_RADIUS);
            evaluations.add(NAME, strategy, seed, step, c.modesCovered(), c.highQualityFraction(), c.reverseKl(), radius, diverged);
            lastSamples = samples;
            if (seed == 0 && step == settings.ganSteps()) finalSamples.put(strategy, samples);
        }

        /** After a NaN or infinite loss at step {@code step}: the rest of the run is recorded as diverged. */
        void stopped(long step) {
            for (long s = step + 1; s <= settings.ganSteps(); s++) {
                if (s % settings.lossEvery() == 0 || s == settings.ganSteps()) losses.add(NAME, strategy, seed, s, Double.NaN, Double.NaN);
                if (s % settings.evalEvery() == 0 || s == settings.ganSteps()) {
                    evaluations.add(NAME, strategy, seed, s, 0, 0.0, Math.log(ring.modeCount()), Double.NaN, true);
                }
            }
            if (seed == 0 && lastSamples != null) finalSamples.put(strategy, lastSamples);
            progress.advance(settings.ganSteps() - step, status);
        }
    }

    /** The median distance of the samples from the origin; +∞ for a sample with a non-finite coordinate. */
    static double medianRadius(Tensor samples) {
        int n = samples.dim(0);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = samples.getFlat(2 * i), y = samples.getFlat(2 * i + 1);
            r[i] = Double.isFinite(x) && Double.isFinite(y) ? Math.hypot(x, y) : Double.POSITIVE_INFINITY;
        }
        Arrays.sort(r);
        return Stats.median(r);
    }
}
