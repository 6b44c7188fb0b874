package minimax.io;

import java.io.IOException;
import java.nio.file.Path;
import minimax.tensor.Shapes;
import minimax.tensor.Tensor;

/**
 * Tiles a batch of grayscale images (a generator's tanh output) into one grayscale grid.
 *
 * <p>Input values are in [−1, 1]; each maps to the level {@code round((v + 1) · 127.5)} rounded half
 * up and clamped to 0..255, so −1 → 0 (black), 0 → 128 (127.5 rounds up), 1 → 255 (white); NaN → 0.
 * Image {@code i} goes to row {@code i / columns}, column {@code i % columns}, each pixel enlarged to
 * a {@code scale × scale} block (nearest neighbour). {@code padding} pixels of {@code paddingLevel}
 * separate the tiles and frame the grid, so tile {@code (r, c)} starts at
 * {@code (padding + c · (w · scale + padding), padding + r · (h · scale + padding))}; cells after the
 * last image are left at the padding level.
 *
 * <p>Defaults: {@code ceil(sqrt(n))} columns (never more than n), padding 2 pixels (not scaled),
 * padding level 255 (white, which separates the usual dark backgrounds), scale 2.
 *
 * <pre>{@code
 * ImageGrid.of(28, 28).columns(8).write(Path.of("samples.png"), generator.predict(noise));
 * }</pre>
 *
 * <p>Instances are immutable; the configuring methods return changed copies.
 */
public final class ImageGrid {
    /** Default padding between and around tiles, in output pixels. */
    public static final int DEFAULT_PADDING = 2;
    /** Default nearest-neighbour enlargement. */
    public static final int DEFAULT_SCALE = 2;
    /** Default gray level of the padding. */
    public static final int DEFAULT_PADDING_LEVEL = 255;

    private final int height, width, columns, padding, paddingLevel, scale;

    private ImageGrid(int height, int width, int columns, int padding, int paddingLevel, int scale) {
        this.height = height;
        this.width = width;
        this.columns = columns;
        this.padding = padding;
        this.paddingLevel = paddingLevel;
        this.scale = scale;
    }

    /** A grid of images of {@code height × width} pixels each (both at least 1), with the defaults. */
    public static ImageGrid of(int height, int width) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("ImageGrid needs image height and width of at least 1, got " + height + "×" + width);
        return new ImageGrid(height, width, 0, DEFAULT_PADDING, DEFAULT_PADDING_LEVEL, DEFAULT_SCALE);
    }

    /** The same grid with {@code count ≥ 1} tiles per row instead of {@code ceil(sqrt(n))}. */
    public ImageGrid columns(int count) {
        if (count < 1) throw new IllegalArgumentException("ImageGrid columns must be at least 1, got " + count);
        return new ImageGrid(height, width, count, padding, paddingLevel, scale);
    }

    /** The same grid with {@code pixels ≥ 0} of padding between and around tiles. */
    public ImageGrid padding(int pixels) {
        if (pixels < 0) throw new IllegalArgumentException("ImageGrid padding must be at least 0, got " + pixels);
        return new ImageGrid(height, width, columns, pixels, paddingLevel, scale);
    }

    /** The same grid with padding of gray {@code level} in 0..255. */
    public ImageGrid paddingLevel(int level) {
        return new ImageGrid(height, width, columns, padding, GrayImage.checkLevel(level), scale);
    }

    /** The same grid with each image pixel drawn as a {@code factor × factor} block ({@code factor ≥ 1}). */
    public ImageGrid scale(int factor) {
        if (factor < 1) throw new IllegalArgumentException("ImageGrid scale must be at least 1, got " + factor);
        return new ImageGrid(height, width, columns, padding, paddingLevel, factor);
    }

    /**
     * Tiles {@code images} (not modified) of shape {@code [n, h·w]}, {@code [n, h, w]} or
     * {@code [n, 1, h, w]} with {@code n ≥ 1} into a new image.
     */
    public GrayImage render(Tensor images) {
        int n = checkShape(images.shape());
        int cols = columns > 0 ? Math.min(columns, n) : (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        int tileW = width * scale, tileH = height * scale;
        long outW = (long) cols * (tileW + padding) + padding, outH = (long) rows * (tileH + padding) + padding;
        if (outW > Integer.MAX_VALUE || outH > Integer.MAX_VALUE) throw new IllegalArgumentException("ImageGrid of " + outW + "×" + outH + " pixels is too large");
        GrayImage grid = new GrayImage((int) outW, (int) outH);
        grid.fill(paddingLevel);
        byte[] out = grid.grayData();
        float[] f = images.floatData();
        double[] d = images.doubleData();
        for (int i = 0; i < n; i++) {
            int x0 = padding + (i % cols) * (tileW + padding), y0 = padding + (i / cols) * (tileH + padding);
            for (int y = 0; y < tileH; y++) {
                int rowBase = (y0 + y) * grid.width() + x0;
                int source = (i * height + y / scale) * width;
                for (int x = 0; x < tileW; x++) {
                    int k = source + x / scale;
                    out[rowBase + x] = (byte) level(f != null ? f[k] : d[k]);
                }
            }
        }
        return grid;
    }

    /** Renders {@code images} and writes the grid as a grayscale PNG file, atomically. */
    public void write(Path file, Tensor images) throws IOException {
        Png.write(file, render(images));
    }

    /** The gray level of a tanh output: {@code round((v + 1) · 127.5)}, half up, clamped to 0..255; NaN → 0. */
    public static int level(double v) {
        if (Double.isNaN(v)) return 0;
        return (int) Math.max(0, Math.min(255, Math.floor((v + 1) * 127.5 + 0.5)));
    }

    /** The number of images n, after checking the shape against h and w. */
    private int checkShape(int[] shape) {
        boolean ok = shape.length == 2 && shape[1] == (long) height * width
                || shape.length == 3 && shape[1] == height && shape[2] == width
                || shape.length == 4 && shape[1] == 1 && shape[2] == height && shape[3] == width;
        if (!ok) {
            throw new IllegalArgumentException("ImageGrid expects images of shape [n, " + (long) height * width + "], [n, " + height + ", " + width
                    + "] or [n, 1, " + height + ", " + width + "], got " + Shapes.str(shape));
        }
        if (shape[0] < 1) throw new IllegalArgumentException("ImageGrid needs at least one image, got shape " + Shapes.str(shape));
        return shape[0];
    }
}
