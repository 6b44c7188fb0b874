package minimax.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import minimax.data.Batches;
import minimax.data.FashionMnist;
import minimax.data.ImageDataset;
import minimax.data.Mixture;
import minimax.gan.ModeCoverage;
import minimax.gan.RealSamples;
import minimax.io.ImageGrid;
import minimax.io.ScatterPlot;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;

/**
 * What {@code --dataset} names: a synthetic 2-D mixture (generated in-process, fresh samples every
 * batch) or a set of images (IDX files); where its batches come from, how samples are scored and
 * drawn.
 */
abstract class GanDataset {
    /** Samples scored per evaluation of a mixture (PacGAN's 2,500). */
    static final int EVALUATION_SAMPLES = 2500;

    final String spec;

    GanDataset(String spec) {
        this.spec = spec;
    }

    /** {@code ring}, {@code grid}, {@code fashion-mnist} (optionally from {@code dataDir}), or {@code idx:PATH}. */
    static GanDataset parse(String spec, Path dataDir) throws IOException {
        if (spec.equals("ring") || spec.equals("grid")) return new MixtureData(spec, Mixture.byName(spec));
        if (spec.equals("fashion-mnist")) {
            ImageDataset d = FashionMnist.loadTrain(dataDir == null ? FashionMnist.defaultDir() : dataDir);
            return new Images(spec, d);
        }
        if (spec.startsWith("idx:")) {
            Path p = Path.of(spec.substring(4));
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("--dataset " + spec + ": no such file " + p);
            return new Images(spec, ImageDataset.loadImages(p));
        }
        throw new IllegalArgumentException("--dataset must be ring, grid, fashion-mnist or idx:PATH, got '" + spec + "'");
    }

    /** The per-sample size: 2 for mixtures, height·width for images. */
    abstract int sampleSize();

    /** Real batches for a run with this seed; batch {@code draw} depends on (seed, draw) only. */
    abstract RealSamples samples(long seed);

    /** Metrics of generated samples to log (empty for images). */
    abstract Map<String, Double> score(Tensor generated);

    /** A one-line description of the metrics for the progress display and the summary. */
    abstract String describe(Map<String, Double> metrics);

    /** The metrics for the final summary line, e.g. {@code 8/8 modes, 97.9 % high quality, reverse KL 0.003}; empty if none. */
    abstract String summarize(Map<String, Double> metrics);

    /** Writes a picture of generated samples (scatter over the true modes, or an image grid). */
    abstract void plot(Path file, Tensor generated, String label) throws IOException;

    /** How many samples a picture shows. */
    abstract int plotSamples();

    static final class MixtureData extends GanDataset {
        final Mixture mixture;

        MixtureData(String spec, Mixture mixture) {
            super(spec);
            this.mixture = mixture;
        }

        @Override int sampleSize() { return mixture.dimension(); }

        @Override
        RealSamples samples(long seed) {
            long base = Rng.mix(seed, 0x4D49_5854L);
            return (draw, n) -> mixture.sample(n, new Rng(Rng.mix(base, draw)));
        }

        @Override
        Map<String, Double> score(Tensor generated) {
            ModeCoverage c = ModeCoverage.score(generated, mixture.modes(), mixture.sigma());
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("modes", (double) c.modesCovered());
            m.put("high_quality", c.highQualityFraction());
            m.put("reverse_kl", c.reverseKl());
            return m;
        }

        @Override
        String describe(Map<String, Double> m) {
            if (!m.containsKey("modes")) return "";
            return String.format(java.util.Locale.ROOT, "modes %d/%d  HQ %.1f%%", m.get("modes").intValue(), mixture.modeCount(), 100 * m.get("high_quality"));
        }

        @Override
        String summarize(Map<String, Double> m) {
            if (!m.containsKey("modes")) return "";
            return String.format(java.util.Locale.ROOT, "%d/%d modes, %.1f %% high quality, reverse KL %.3f",
                    m.get("modes").intValue(), mixture.modeCount(), 100 * m.get("high_quality"), m.get("reverse_kl"));
        }

        @Override
        void plot(Path file, Tensor generated, String label) throws IOException {
            ScatterPlot.of(mixture.modes(), mixture.sigma()).label(label).write(file, generated);
        }

        @Override int plotSamples() { return EVALUATION_SAMPLES; }
    }

    static final class Images extends GanDataset {
        final ImageDataset data;

        Images(String spec, ImageDataset data) {
            super(spec);
            this.data = data;
        }

        @Override int sampleSize() { return data.height() * data.width(); }

        @Override
        RealSamples samples(long seed) {
            Batches batches = new Batches(data.images(), Rng.mix(seed, 0x494D_4753L));
            return batches::batch;
        }

        @Override Map<String, Double> score(Tensor generated) { return Map.of(); }

        @Override String describe(Map<String, Double> m) { return ""; }

        @Override String summarize(Map<String, Double> m) { return ""; }

        @Override
        void plot(Path file, Tensor generated, String label) throws IOException {
            ImageGrid.of(data.height(), data.width()).columns(8).write(file, generated);
        }

        @Override int plotSamples() { return 64; }
    }
}
