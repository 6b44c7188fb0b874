package minimax.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import minimax.data.Mixture;
import minimax.format.AtomicFiles;
import minimax.format.Json;
import minimax.io.ImageGrid;
import minimax.io.PlotBounds;
import minimax.io.ScatterPlot;
import minimax.nn.Sequential;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code minimax sample}: draws from a saved generator. 2-D samples become a scatter plot (over the
 * true modes when the run folder says which mixture it learned), square images an image grid; a
 * {@code .csv} output gets the raw numbers.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws samples from a generator saved by 'minimax gan' and writes a PNG (scatter plot or image grid) or a CSV.",
                "MODEL is a run folder, its model.safetensors, or that path without the extension (runs/<run>/model)."})
public final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "run folder or generator file")
    Path model;

    @Option(names = "--n", paramLabel = "N", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "samples.png", description = "output .png or .csv (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "seed of the latent noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (count < 1) throw new ParameterException(spec.commandLine(), "--n must be >= 1, got " + count);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".csv")) throw new ParameterException(spec.commandLine(), "--out must end in .png or .csv, got " + out);
        Path file = resolve(model);
        Sequential g = Sequential.load(file);
        if (g.inputShape().length != 1) throw new IllegalArgumentException(file + " is not a generator of latent vectors: its input shape is " + java.util.Arrays.toString(g.inputShape()));
        Tensor z = Tensor.normal(new Rng(seed), 0f, 1f, count, g.inputShape()[0]);
        Tensor samples = g.predict(z);
        int size = samples.size() / count;
        if (name.endsWith(".csv")) {
            AtomicFiles.writeString(out, csv(samples, count, size));
        } else if (size == 2) {
            scatter(file, samples).write(out, samples);
        } else {
            int side = (int) Math.round(Math.sqrt(size));
            if (side * side != size) throw new IllegalArgumentException("the generator makes samples of " + size + " values: neither 2-D points nor square images; use --out FILE.csv");
            ImageGrid.of(side, side).write(out, samples.reshape(count, size));
        }
        System.out.println("wrote " + count + " samples to " + out);
        return 0;
    }

    /** A run folder → its model.safetensors; {@code .../model} → {@code .../model.safetensors}. */
    static Path resolve(Path p) {
        if (Files.isDirectory(p)) p = p.resolve("model.safetensors");
        else if (!Files.exists(p) && Files.exists(Path.of(p + ".safetensors"))) p = Path.of(p + ".safetensors");
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException("no generator at " + p + " (expected a run folder of 'minimax gan' or its model.safetensors)");
        return p;
    }

    /** Over the true modes if {@code run.json} beside the model names a mixture; else bounds around the samples. */
    private static ScatterPlot scatter(Path modelFile, Tensor samples) throws IOException {
        Path runJson = modelFile.toAbsolutePath().getParent().resolve("run.json");
        if (Files.isRegularFile(runJson)) {
            Object dataset = ((java.util.Map<?, ?>) Json.parse(Files.readString(runJson))).get("dataset");
            if (Mixture.names().contains(String.valueOf(dataset))) {
                Mixture m = Mixture.byName(String.valueOf(dataset));
                return ScatterPlot.of(m.modes(), m.sigma());
            }
        }
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (int i = 0; i < samples.dim(0); i++) {
            double x = samples.getFlat(2 * i), y = samples.getFlat(2 * i + 1);
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
        if (minX > maxX) { minX = -1; maxX = 1; minY = -1; maxY = 1; }
        double half = Math.max(1e-6, Math.max(maxX - minX, maxY - minY) * 0.6);
        return ScatterPlot.of(new double[0][], 0).bounds(PlotBounds.square((minX + maxX) / 2, (minY + maxY) / 2, half));
    }

    private static String csv(Tensor samples, int count, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < size; j++) {
                if (j > 0) sb.append(',');
                sb.append(samples.getFlat(i * size + j));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
