package minimax.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints one line per epoch: {@code Epoch 3/10 - 0.42s - loss: 0.1234 - val_loss: 0.2345}. */
public final class ProgressLogger implements Callback {
    private final PrintStream out;
    private int epochs;
    private long epochStart;

    /** @param out where lines go (e.g. {@code System.out}) */
    public ProgressLogger(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onTrainBegin(int epochs) {
        this.epochs = epochs;
    }

    @Override
    public void onEpochBegin(int epoch) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Epoch %d/%d - %.2fs", epoch + 1, epochs, (System.nanoTime() - epochStart) / 1e9));
        logs.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " - %s: %.6g", k, v)));
        out.println(sb);
    }
}
