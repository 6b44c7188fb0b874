package minimax.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code minimax seed}: the seed question, answered by running each strategy. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Trains the Keras generator Dense(50, sigmoid, input 15) -> Dense(1, sigmoid) to MAXIMIZE its MSE",
                "against fixed targets: by a negated loss, by Adam's maximize flag, and by an inverse-MSE custom loss,",
                "printing the MSE as it rises; then shows why a negative learning rate is refused."})
public final class SeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--steps", defaultValue = "2000", description = "training steps per strategy (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--samples", defaultValue = "256", description = "rows of the fixed data set (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--seed", defaultValue = "1", description = "seed for data and initial weights (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (steps < 1) throw new ParameterException(spec.commandLine(), "--steps must be >= 1, got " + steps);
        if (samples < 1) throw new ParameterException(spec.commandLine(), "--samples must be >= 1, got " + samples);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new ParameterException(spec.commandLine(), "--lr must be a positive number, got " + learningRate + " (to ascend, Minimax uses maximize(), not a negative rate)");
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        int every = Math.max(1, steps / 10);
        SeedScenario.Result r = SeedScenario.run(samples, steps, every, learningRate, seed);
        print(r, out);
        out.printf(Locale.ROOT, "%nTime: %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    static void print(SeedScenario.Result r, PrintStream out) {
        out.println("Maximizing the MSE of Dense(50, sigmoid, input 15) -> Dense(1, sigmoid), Adam, same initial weights.");
        out.printf(Locale.ROOT, "Upper bound (each output at the far end of (0, 1) from its own target): MSE %.4f%n", r.maxReachableMse);
        out.printf(Locale.ROOT, "Best constant output (all outputs saturated to one end):              MSE %.4f%n%n", r.bestConstantMse);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%8s", "step"));
        for (String name : r.curves.keySet()) header.append(String.format(Locale.ROOT, " %16s", name));
        out.println(header);
        SeedScenario.Curve first = r.curves.values().iterator().next();
        for (int i = 0; i < first.steps.size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%8d", first.steps.get(i)));
            for (SeedScenario.Curve c : r.curves.values()) row.append(String.format(Locale.ROOT, " %16.4f", c.mse.get(i)));
            out.println(row);
        }
        out.println();
        for (SeedScenario.Curve c : r.curves.values()) {
            double last = c.mse.get(c.mse.size() - 1);
            out.printf(Locale.ROOT, "%-14s %s%n               MSE %.4f -> %.4f (%.0f%% of the upper bound)%n",
                    c.strategy + ":", c.code, c.mse.get(0), last, 100 * last / r.maxReachableMse);
        }
        out.println();
        out.println("negative rate: new Adam(-lr) is refused:");
        out.println("               " + r.negativeLearningRateMessage);
    }
}
