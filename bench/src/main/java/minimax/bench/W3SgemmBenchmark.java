package minimax.bench;

import java.util.concurrent.TimeUnit;
import minimax.kernels.Gemm;
import minimax.kernels.Parallel;
import minimax.tensor.Rng;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3 (DESIGN.md): SGEMM C = A·B for (M,N,K) = (512,512,512), (64,512,784), (1024,1024,1024) at 1
 * and 2 threads, µs per product; GFLOP/s = 2MNK / time. {@code path=vector} is the Vector API
 * kernel, {@code path=portable} the fallback loops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class W3SgemmBenchmark {
    @Param({"512x512x512", "64x512x784", "1024x1024x1024"})
    String shape;

    @Param({"1", "2"})
    int threads;

    @Param({"vector"})
    String path;

    private int m, n, k;
    private float[] a, b, c;

    @Setup
    public void setUp() {
        String[] s = shape.split("x");
        m = Integer.parseInt(s[0]);
        n = Integer.parseInt(s[1]);
        k = Integer.parseInt(s[2]);
        Rng rng = new Rng(3);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextDouble();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextDouble();
        Parallel.setThreads(threads);
    }

    @TearDown
    public void tearDown() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    public float[] sgemm() {
        if (path.equals("portable")) Gemm.sgemmPortable(false, false, m, n, k, a, b, c, false);
        else Gemm.sgemm(false, false, m, n, k, a, b, c, false);
        return c;
    }
}
