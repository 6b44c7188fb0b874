package minimax.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import minimax.gan.GanLoss;
import minimax.gan.GanTrainer;
import minimax.gan.RealSamples;
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
 * 784→512→256→1 (LeakyReLU 0.2, sigmoid), BCE, Adam(2e-4, β1 0.5). One iteration of
 * {@link GanTrainer}: one discriminator step on a real and a (detached) fake batch, then one
 * non-saturating generator step on fresh latents.
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

    private GanTrainer trainer;
    private RealSamples real;

    @Setup
    public void setUp() {
        Rng rng = new Rng(2);
        Sequential generator = new Sequential(1, new Dense(256, "leaky_relu", 100), new Dense(512, "leaky_relu"), new Dense(784, "tanh"));
        Sequential discriminator = new Sequential(2, new Dense(512, "leaky_relu", 784), new Dense(256, "leaky_relu"), new Dense(1, "sigmoid"));
        trainer = GanTrainer.builder()
                .generator(generator, new Adam(2e-4, 0.5))
                .discriminator(discriminator, new Adam(2e-4, 0.5))
                .loss(GanLoss.NON_SATURATING)
                .latent(100)
                .seed(3)
                .build();
        Tensor batchOfReal = Tensor.uniform(rng, -1f, 1f, batch, 784);
        real = (draw, n) -> batchOfReal;
    }

    @Benchmark
    public Map<String, Double> iteration() {
        return trainer.trainStep(real, batch);
    }
}
