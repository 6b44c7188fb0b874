package minimax.bench;

import java.util.concurrent.TimeUnit;
import minimax.nn.Dense;
import minimax.nn.Sequential;
import minimax.optim.Adam;
import minimax.tensor.Rng;
import minimax.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2 (DESIGN.md): one MLP GAN iteration, ms. G 100→256→512→784 (LeakyReLU 0.2, tanh), D
 * 784→512→256→1 (LeakyReLU 0.2, sigmoid), BCE, Adam(2e-4, β1 0.5). One iteration: one
 * discriminator step on a real and a fake batch (concatenated, labels 1 and 0), then one
 * non-saturating generator step through the combined model whose discriminator is frozen.
 *
 * <p>The generator's forward pass runs twice per iteration (to make the fake batch, then inside the
 * combined model); PyTorch's usual loop reuses it — a known extra cost of the Keras pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class W2MlpGanBenchmark {
    @Param({"64", "256"})
    int batch;

    private Sequential generator;
    private Sequential discriminator;
    private Sequential combined;
    private Tensor real;
    private Tensor z;
    private Tensor labels;
    private Tensor ones;

    @Setup
    public void setUp() {
        Rng rng = new Rng(2);
        generator = new Sequential(1, new Dense(256, "leaky_relu", 100), new Dense(512, "leaky_relu"), new Dense(784, "tanh"));
        discriminator = new Sequential(2, new Dense(512, "leaky_relu", 784), new Dense(256, "leaky_relu"), new Dense(1, "sigmoid"));
        discriminator.compile("binary_crossentropy", new Adam(2e-4, 0.5f));
        discriminator.setTrainable(false);
        combined = new Sequential(3, generator, discriminator);
        combined.compile("binary_crossentropy", new Adam(2e-4, 0.5f));
        real = Tensor.uniform(rng, -1f, 1f, batch, 784);
        z = Tensor.normal(rng, 0f, 1f, batch, 100);
        labels = Tensor.concat(0, Tensor.ones(batch, 1), Tensor.zeros(batch, 1));
        ones = Tensor.ones(batch, 1);
    }

    @Benchmark
    public float iteration() {
        Tensor fake = generator.predict(z);
        float d = discriminator.trainOnBatch(Tensor.concat(0, real, fake), labels);
        return d + combined.trainOnBatch(z, ones);
    }
}
