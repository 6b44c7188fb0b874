package minimax.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws one or more series (e.g. loss per step) as polylines: value {@code y[i]} at {@code x = i}.
 *
 * <p>The y range covers every finite value of every series, widened outwards to "nice" grid values
 * (a constant series {@code v} gets {@code v ± max(10 % of |v|, 1 if v = 0)} first; no finite value at
 * all gives [0, 1]); the x range is {@code [0, longest length − 1]} (at least [0, 1]). Non-finite
 * values (NaN, ±∞) are left out: the line breaks there, and a finite value with no finite neighbour is
 * drawn as a dot. Series {@code k} has colour {@link #color(int) color(k)}. A light grid carries
 * numeric labels in the built-in {@link BitmapFont}.
 *
 * <pre>{@code
 * LineChart.of(history.get("d_loss"), history.get("g_loss")).write(Path.of("losses.png"));
 * }</pre>
 *
 * <p>Instances are immutable; {@link #size} returns a changed copy.
 */
public final class LineChart {
    /** Default canvas width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default canvas height in pixels. */
    public static final int DEFAULT_HEIGHT = 360;

    private static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF};
    private static final int BACKGROUND = 0xFFFFFF, GRID = 0xE6E6E6, AXIS = 0xB4B4B4, INK = 0x404040;

    private final double[][] series;
    private final int width, height;

    private LineChart(double[][] series, int width, int height) {
        this.series = series;
        this.width = width;
        this.height = height;
    }

    /** A chart of these series (copied; at least one, each may be empty or hold non-finite values). */
    public static LineChart of(double[]... series) {
        if (series.length == 0) throw new IllegalArgumentException("LineChart needs at least one series, got 0");
        double[][] copy = new double[series.length][];
        for (int k = 0; k < series.length; k++) copy[k] = series[k].clone();
        return new LineChart(copy, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** A chart of these series (see {@link #of(double[]...)}). */
    public static LineChart of(List<double[]> series) {
        return of(series.toArray(new double[0][]));
    }

    /** The same chart on a canvas of {@code width × height} pixels (at least 64 × 48). */
    public LineChart size(int width, int height) {
        if (width < 64 || height < 48) throw new IllegalArgumentException("LineChart needs at least 64×48 pixels, got " + width + "×" + height);
        return new LineChart(series, width, height);
    }

    /** The colour {@code 0xRRGGBB} of series {@code k} (ten colours, then repeating). */
    public static int color(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }

    /** Draws the chart into a new image. */
    public RgbImage render() {
        Viewport view = layout();
        PlotBounds b = view.bounds;
        RgbImage image = new RgbImage(width, height);
        image.fill(BACKGROUND);
        double yStep = yStep(b), xStep = xStep(b);
        for (double y : Ticks.positions(b.yMin(), b.yMax(), yStep)) {
            int row = (int) Math.round(view.py(y));
            image.fillRect(view.left, row, view.width + 1, 1, y == 0 ? AXIS : GRID);
            String text = Ticks.label(y, yStep);
            BitmapFont.drawText(image, view.left - 4 - BitmapFont.textWidth(text, 1), row - 3, text, INK, 1);
        }
        for (double x : Ticks.positions(b.xMin(), b.xMax(), xStep)) {
            int column = (int) Math.round(view.px(x));
            image.fillRect(column, view.top, 1, view.height + 1, GRID);
            String text = Ticks.label(x, 1);
            BitmapFont.drawText(image, column - BitmapFont.textWidth(text, 1) / 2, view.top + view.height + 4, text, INK, 1);
        }
        image.drawRect(view.left - 1, view.top - 1, view.width + 3, view.height + 3, AXIS);
        for (int k = 0; k < series.length; k++) drawSeries(image, view, series[k], color(k));
        return image;
    }

    /** Renders the chart and writes it as a PNG file, atomically. */
    public void write(Path file) throws IOException {
        Png.write(file, render());
    }

    private static void drawSeries(RgbImage image, Viewport view, double[] y, int color) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            double px = view.px(i), py = view.py(y[i]);
            boolean previous = i > 0 && Double.isFinite(y[i - 1]), next = i + 1 < y.length && Double.isFinite(y[i + 1]);
            if (previous) {
                // clipped to the plot area: only values beyond ±Double.MAX_VALUE / 4 can leave it
                double[] s = RgbImage.clip(view.px(i - 1), view.py(y[i - 1]), px, py, view.left, view.top, view.left + view.width, view.top + view.height);
                if (s != null) image.drawLine(s[0], s[1], s[2], s[3], color);
            }
            else if (!next) image.fillDisc((int) Math.round(px), (int) Math.round(py), 1, color);
        }
    }

    /**
     * The plot area: data bounds mapped so that {@code xMin}/{@code yMax} land on pixel
     * {@code (left, top)} and {@code xMax}/{@code yMin} on {@code (left + width, top + height)}, after
     * rounding; margins leave room for the tick labels.
     */
    Viewport layout() {
        PlotBounds b = dataBounds();
        int labelWidth = 0;
        double yStep = yStep(b);
        for (double y : Ticks.positions(b.yMin(), b.yMax(), yStep)) labelWidth = Math.max(labelWidth, BitmapFont.textWidth(Ticks.label(y, yStep), 1));
        double[] xTicks = Ticks.positions(b.xMin(), b.xMax(), xStep(b)); // never empty: x starts at 0
        String lastX = Ticks.label(xTicks[xTicks.length - 1], 1);
        int left = labelWidth + 8, top = 8;
        int right = Math.max(10, BitmapFont.textWidth(lastX, 1) / 2 + 4), bottom = BitmapFont.GLYPH_HEIGHT + 10;
        return new Viewport(b, left, top, Math.max(1, width - left - right - 1), Math.max(1, height - top - bottom - 1));
    }

    /** The data range drawn (see the class comment). */
    PlotBounds dataBounds() {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int longest = 0;
        for (double[] s : series) {
            longest = Math.max(longest, s.length);
            for (double v : s) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        } else if (min == max) {
            double half = min != 0 ? 0.1 * Math.abs(min) : 1;
            min -= half;
            max += half;
        }
        min = Math.max(min, -Double.MAX_VALUE / 4); // keeps max − min and the nice bounds below finite
        max = Math.min(max, Double.MAX_VALUE / 4);
        double step = Ticks.step(max - min, 5);
        // the tolerance keeps 0.7 / 0.1 = 6.999… from widening the range by a whole step
        double low = Math.floor(min / step + 1e-9) * step, high = Math.ceil(max / step - 1e-9) * step;
        if (!(low < high)) { // step too small to represent near min and max (spans of a few ulps)
            low = min;
            high = max;
        }
        return new PlotBounds(0, Math.max(longest - 1, 1), low, high);
    }

    private static double yStep(PlotBounds b) {
        return Ticks.step(b.height(), 5);
    }

    private static double xStep(PlotBounds b) {
        return Math.max(1, Ticks.step(b.width(), 8)); // steps are whole numbers
    }
}
