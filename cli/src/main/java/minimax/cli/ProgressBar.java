package minimax.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display: {@code [=====>    ] 2400/6000  40%  ETA 0:32  <status>}. On a
 * terminal the line is redrawn in place (at most ten times a second); otherwise a line is printed
 * at every tenth of the run, so logs stay short.
 */
final class ProgressBar {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean interactive;
    private final long first, total;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long lastDecile = -1;
    private int lastLength;

    /**
     * @param first the step the run starts at (nonzero when resuming)
     * @param total the step it ends at
     */
    ProgressBar(PrintStream out, boolean interactive, long first, long total) {
        this.out = out;
        this.interactive = interactive;
        this.first = first;
        this.total = total;
    }

    /** Shows {@code done} of {@code total} steps with a status text (losses, metrics). */
    void update(long done, String status, boolean force) {
        long now = System.nanoTime();
        if (interactive) {
            if (!force && now - lastDrawNanos < 100_000_000L && done < total) return;
            lastDrawNanos = now;
            String line = line(done, status, now);
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            out.flush();
        } else {
            long decile = total == 0 ? 10 : done * 10 / total;
            if (decile == lastDecile && !force) return;
            lastDecile = decile;
            out.println(line(done, status, now));
        }
    }

    /** Ends the line on a terminal. */
    void finish() {
        if (interactive) out.println();
    }

    private String line(long done, String status, long now) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? (done >= total ? "=" : ">") : "") + " ".repeat(WIDTH - filled);
        double elapsed = (now - startNanos) / 1e9;
        long stepsDone = done - first;
        String eta = stepsDone <= 0 ? "--:--" : clock(elapsed / stepsDone * (total - done));
        return String.format(Locale.ROOT, "[%s] %d/%d %3.0f%%  ETA %s  %s", bar, done, total, 100 * fraction, eta, status);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
