package minimax.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Draws 2-D generated samples over the true modes of a mixture: the picture of mode collapse.
 *
 * <p>On a white square canvas (default 512 × 512) it draws, bottom to top: a light grid at "nice"
 * data coordinates and darker axes through 0; a green circle of radius 3σ around each mode (the
 * high-quality region of the PacGAN / VEEGAN scores); each mode as a red disc; each sample as a small
 * semi-opaque blue dot (alpha blending, so dense regions look darker); and an optional label in the
 * top-left corner. Samples go over the modes on purpose: a missed mode stays bright red, a covered
 * one turns blue.
 *
 * <p>Data bounds are fixed, so frames of a training run line up: by default a square centred on the
 * modes' bounding box, whose side is the longer side of that box plus a margin of
 * {@code max(25 % of it, 4σ)} on each side (1 for a single mode with σ = 0), e.g.
 * {@code [-1.5, 1.5]²} for the ring of 8 and {@code [-6, 6]²} for the grid of 25. Samples outside
 * the bounds are <b>skipped</b> (not clamped to the edge, which would pile them up into false
 * modes), and so are samples with a non-finite coordinate.
 *
 * <pre>{@code
 * ScatterPlot.of(modes, 0.01).label("step 2000").write(Path.of("ring-2000.png"), generated);
 * }</pre>
 *
 * <p>Instances are immutable; the configuring methods return changed copies.
 */
public final class ScatterPlot {
    /** Background colour. */
    public static final int BACKGROUND = 0xFFFFFF;
    /** Grid line colour. */
    public static final int GRID = 0xE6E6E6;
    /** Colour of the axes x = 0 and y = 0. */
    public static final int AXIS = 0xB4B4B4;
    /** Colour of the 3σ circles. */
    public static final int CIRCLE = 0x2CA02C;
    /** Colour of the sample dots, before blending. */
    public static final int SAMPLE = 0x1F77B4;
    /** Colour of the mode markers. */
    public static final int MODE = 0xD62728;
    /** Colour of the label. */
    public static final int INK = 0x202020;

    /** Default canvas side in pixels. */
    public static final int DEFAULT_SIZE = 512;
    /** Opacity of one sample dot. */
    public static final double SAMPLE_ALPHA = 0.35;

    private final double[][] modes;
    private final double sigma;
    private final PlotBounds bounds;   // null: derived from the modes
    private final int size;
    private final String label;

    private ScatterPlot(double[][] modes, double sigma, PlotBounds bounds, int size, String label) {
        this.modes = modes;
        this.sigma = sigma;
        this.bounds = bounds;
        this.size = size;
        this.label = label;
    }

    /**
     * A plot of the mixture with these mode centres ({@code [k][2]}, copied; may be empty if
     * {@link #bounds(PlotBounds)} is given) and standard deviation {@code sigma ≥ 0} (0 draws no
     * circles).
     */
    public static ScatterPlot of(double[][] modes, double sigma) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) throw new IllegalArgumentException("sigma must be finite and at least 0, got " + sigma);
        double[][] copy = new double[modes.length][];
        for (int k = 0; k < modes.length; k++) {
            if (modes[k].length != 2) throw new IllegalArgumentException("ScatterPlot expects 2-D modes, got " + modes[k].length + " coordinates for mode " + k);
            if (!(Double.isFinite(modes[k][0]) && Double.isFinite(modes[k][1]))) throw new IllegalArgumentException("mode " + k + " must be finite, got (" + modes[k][0] + ", " + modes[k][1] + ")");
            copy[k] = modes[k].clone();
        }
        return new ScatterPlot(copy, sigma, null, DEFAULT_SIZE, "");
    }

    /**
     * The same plot with explicit data bounds instead of those derived from the modes; unequal x and
     * y spans stretch the square picture (the 3σ circles become ellipses).
     */
    public ScatterPlot bounds(PlotBounds explicit) {
        return new ScatterPlot(modes, sigma, explicit, size, label);
    }

    /** The same plot on a canvas of {@code pixels × pixels} (at least 16). */
    public ScatterPlot size(int pixels) {
        if (pixels < 16) throw new IllegalArgumentException("ScatterPlot size must be at least 16 pixels, got " + pixels);
        return new ScatterPlot(modes, sigma, bounds, pixels, label);
    }

    /** The same plot with {@code text} (e.g. the step) in the top-left corner; see {@link BitmapFont}. */
    public ScatterPlot label(String text) {
        Objects.requireNonNull(text, "label text");
        return new ScatterPlot(modes, sigma, bounds, size, text);
    }

    /** The data bounds drawn: the explicit ones, or those derived from the modes (see the class comment). */
    public PlotBounds bounds() {
        if (bounds != null) return bounds;
        if (modes.length == 0) throw new IllegalStateException("ScatterPlot needs at least one mode to choose its bounds, or explicit bounds(...)");
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, yMin = xMin, yMax = xMax;
        for (double[] m : modes) {
            xMin = Math.min(xMin, m[0]);
            xMax = Math.max(xMax, m[0]);
            yMin = Math.min(yMin, m[1]);
            yMax = Math.max(yMax, m[1]);
        }
        double side = Math.max(xMax - xMin, yMax - yMin);
        double margin = Math.max(0.25 * side, 4 * sigma);
        double half = side / 2 + (margin > 0 ? margin : 1);
        return PlotBounds.square((xMin + xMax) / 2, (yMin + yMax) / 2, half);
    }

    /** Draws {@code samples}, shape {@code [n, 2]} (not modified), into a new image. */
    public RgbImage render(Tensor samples) {
        if (samples.rank() != 2 || samples.dim(1) != 2) throw new IllegalArgumentException("ScatterPlot expects samples of shape [n, 2], got " + Shapes.str(samples.shape()));
        PlotBounds b = bounds();
        Viewport view = new Viewport(b, 0, 0, size, size);
        RgbImage image = new RgbImage(size, size);
        image.fill(BACKGROUND);
        drawGrid(image, view);
        for (double[] m : modes) {
            image.drawEllipse(view.px(m[0]), view.py(m[1]), 3 * sigma * view.xScale(), 3 * sigma * view.yScale(), CIRCLE);
        }
        double markerRadius = Math.max(3.0, size / 128.0);
        for (double[] m : modes) {
            if (b.contains(m[0], m[1])) image.fillDisc(view.column(m[0]), view.row(m[1]), markerRadius, MODE);
        }
        double dotRadius = Math.max(1.0, size / 400.0);
        for (int i = 0; i < samples.dim(0); i++) {
            double x = samples.getFlat(2 * i), y = samples.getFlat(2 * i + 1);
            if (b.contains(x, y)) image.blendDisc(view.column(x), view.row(y), dotRadius, SAMPLE, SAMPLE_ALPHA);
        }
        if (!label.isEmpty()) BitmapFont.drawText(image, 6, 6, label, INK, Math.max(1, size / 256));
        return image;
    }

    /** Renders {@code samples} and writes the image as a PNG file, atomically. */
    public void write(Path file, Tensor samples) throws IOException {
        Png.write(file, render(samples));
    }

    /** Grid lines first, then the axes, so the axes stay unbroken where they cross grid lines. */
    private static void drawGrid(RgbImage image, Viewport view) {
        PlotBounds b = view.bounds;
        double step = Ticks.step(Math.max(b.width(), b.height()), 8);
        double[] xs = Ticks.positions(b.xMin(), b.xMax(), step), ys = Ticks.positions(b.yMin(), b.yMax(), step);
        for (double x : xs) image.fillRect(view.column(x), view.top, 1, view.height, GRID);
        for (double y : ys) image.fillRect(view.left, view.row(y), view.width, 1, GRID);
        if (b.xMin() <= 0 && 0 <= b.xMax()) image.fillRect(view.column(0), view.top, 1, view.height, AXIS);
        if (b.yMin() <= 0 && 0 <= b.yMax()) image.fillRect(view.left, view.row(0), view.width, 1, AXIS);
    }
}
