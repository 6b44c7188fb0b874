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
 * W1 (DESIGN.md): the seed model Dense(50, sigmoid, input 15) → Dense(1, sigmoid), MSE, Adam
 * lr 1e-3; one training step (forward, backward, update) per invocation, in µs.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar W1 -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class W1SeedModelBenchmark {
    @Param({"32", "1024"})
    int batch;

    private Sequential model;
    private Tensor x;
    private Tensor y;

    @Setup
    public void setUp() {
        Rng rng = new Rng(42);
        x = Tensor.uniform(rng, -1f, 1f, batch, 15);
        y = Tensor.uniform(rng, 0f, 1f, batch, 1);
        model = new Sequential(42);
        model.add(new Dense(50, "sigmoid", 15));
        model.add(new Dense(1, "sigmoid"));
        model.compile("mse", new Adam(1e-3));
    }

    @Benchmark
    public float trainStep() {
        return model.trainOnBatch(x, y);
    }
}
