package minimax.io;

import java.util.Arrays;

/**
 * An 8-bit RGB raster with simple drawing: pixels, rectangles, lines, discs and circles.
 *
 * <p>Colours are {@code int}s {@code 0xRRGGBB} (higher bits ignored). Pixel {@code (x, y)} is column
 * {@code x} from the left and row {@code y} from the top. Every drawing method clips: the parts that
 * fall outside the image are silently skipped, so callers may draw partly (or wholly) off-canvas.
 *
 * <pre>{@code
 * RgbImage image = new RgbImage(64, 48);          // black
 * image.fill(0xFFFFFF);
 * image.drawLine(0, 0, 63, 47, 0x1F77B4);
 * image.fillDisc(32, 24, 5, 0xD62728);
 * Png.write(Path.of("out.png"), image);
 * }</pre>
 */
public final class RgbImage {
    private final int width;
    private final int height;
    private final byte[] rgb;

    /** A black image of {@code width × height} pixels; both must be at least 1. */
    public RgbImage(int width, int height) {
        checkSize("RgbImage", width, height, 3);
        this.width = width;
        this.height = height;
        this.rgb = new byte[width * height * 3];
    }

    static void checkSize(String what, int width, int height, int channels) {
        if (width < 1 || height < 1) throw new IllegalArgumentException(what + " needs width and height of at least 1, got " + width + "×" + height);
        long bytes = (long) width * height * channels + height; // + one PNG filter byte per row
        if (bytes > Integer.MAX_VALUE - 1024) throw new IllegalArgumentException(what + " of " + width + "×" + height + " is too large: at most 2^31 bytes of pixels, got " + bytes);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The live pixel bytes, row-major, three per pixel (R, G, B): writing them changes this image. */
    public byte[] rgbData() {
        return rgb;
    }

    /** The colour {@code 0xRRGGBB} at {@code (x, y)}, which must lie inside the image. */
    public int getPixel(int x, int y) {
        if (!inside(x, y)) throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside a " + width + "×" + height + " image");
        int i = (y * width + x) * 3;
        return (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF);
    }

    /** True if {@code (x, y)} lies inside the image. */
    public boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** Sets pixel {@code (x, y)} to {@code color}; nothing happens outside the image. */
    public void setPixel(int x, int y, int color) {
        if (!inside(x, y)) return;
        int i = (y * width + x) * 3;
        rgb[i] = (byte) (color >>> 16);
        rgb[i + 1] = (byte) (color >>> 8);
        rgb[i + 2] = (byte) color;
    }

    /**
     * Blends {@code color} over pixel {@code (x, y)} with opacity {@code alpha} in [0, 1]: each channel
     * becomes {@code round(old · (1 − alpha) + new · alpha)}. Nothing happens outside the image.
     */
    public void blendPixel(int x, int y, int color, double alpha) {
        if (!inside(x, y)) return;
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        int i = (y * width + x) * 3;
        for (int c = 0; c < 3; c++) {
            int old = rgb[i + c] & 0xFF;
            int add = (color >>> (16 - 8 * c)) & 0xFF;
            rgb[i + c] = (byte) Math.round(old * (1 - alpha) + add * alpha);
        }
    }

    /** Sets every pixel to {@code color}. */
    public void fill(int color) {
        fillRect(0, 0, width, height, color);
    }

    /** Fills the {@code w × h} rectangle whose top-left pixel is {@code (x, y)}, clipped to the image. */
    public void fillRect(int x, int y, int w, int h, int color) {
        int x0 = Math.max(x, 0), y0 = Math.max(y, 0);
        int x1 = (int) Math.min((long) x + w, width), y1 = (int) Math.min((long) y + h, height);
        for (int row = y0; row < y1; row++) {
            for (int col = x0; col < x1; col++) setPixel(col, row, color);
        }
    }

    /** Draws the 1-pixel outline of the {@code w × h} rectangle whose top-left pixel is {@code (x, y)}. */
    public void drawRect(int x, int y, int w, int h, int color) {
        if (w < 1 || h < 1) return;
        fillRect(x, y, w, 1, color);
        fillRect(x, y + h - 1, w, 1, color);
        fillRect(x, y, 1, h, color);
        fillRect(x + w - 1, y, 1, h, color);
    }

    /** Draws a 1-pixel line from {@code (x0, y0)} to {@code (x1, y1)}, both ends included (Bresenham). */
    public void drawLine(int x0, int y0, int x1, int y1, int color) {
        drawLine((double) x0, y0, x1, y1, color);
    }

    /**
     * Draws a 1-pixel line between points in pixel coordinates (rounded to the nearest pixel), clipped
     * to the image first so that far-away ends cost nothing; non-finite coordinates draw nothing.
     */
    public void drawLine(double x0, double y0, double x1, double y1, int color) {
        double[] clipped = clip(x0, y0, x1, y1, -1, -1, width, height);
        if (clipped == null) return;
        int ax = (int) Math.round(clipped[0]), ay = (int) Math.round(clipped[1]);
        int bx = (int) Math.round(clipped[2]), by = (int) Math.round(clipped[3]);
        int dx = Math.abs(bx - ax), dy = -Math.abs(by - ay);
        int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
        int err = dx + dy;
        while (true) {
            setPixel(ax, ay, color);
            if (ax == bx && ay == by) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; ax += sx; }
            if (e2 <= dx) { err += dx; ay += sy; }
        }
    }

    /**
     * Liang–Barsky: the part of the segment inside {@code [xMin, xMax] × [yMin, yMax]} as
     * {@code {x0, y0, x1, y1}}, or null if none (or if a coordinate is not finite).
     */
    static double[] clip(double x0, double y0, double x1, double y1, double xMin, double yMin, double xMax, double yMax) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) return null;
        double dx = x1 - x0, dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - xMin, xMax - x0, y0 - yMin, yMax - y0};
        double t0 = 0, t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) return null; // parallel to this edge and outside it
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) t0 = Math.max(t0, t);
                else t1 = Math.min(t1, t);
            }
        }
        if (t0 > t1) return null;
        return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /** Fills the disc of pixels {@code (x, y)} with {@code (x − cx)² + (y − cy)² ≤ radius²}. */
    public void fillDisc(int cx, int cy, double radius, int color) {
        forEachInDisc(cx, cy, radius, (x, y) -> setPixel(x, y, color));
    }

    /** Blends {@code color} with opacity {@code alpha} once over each pixel of the disc (see {@link #fillDisc}). */
    public void blendDisc(int cx, int cy, double radius, int color, double alpha) {
        forEachInDisc(cx, cy, radius, (x, y) -> blendPixel(x, y, color, alpha));
    }

    private interface PixelAction {
        void at(int x, int y);
    }

    private void forEachInDisc(int cx, int cy, double radius, PixelAction action) {
        if (!(radius >= 0)) throw new IllegalArgumentException("radius must be at least 0, got " + radius);
        int r = (int) Math.floor(Math.min(radius, width + height)); // beyond that every pixel is covered anyway
        double r2 = radius * radius;
        int yFrom = (int) Math.max((long) cy - r, 0), yTo = (int) Math.min((long) cy + r, height - 1);
        int xFrom = (int) Math.max((long) cx - r, 0), xTo = (int) Math.min((long) cx + r, width - 1);
        for (int y = yFrom; y <= yTo; y++) {
            for (int x = xFrom; x <= xTo; x++) {
                double dx = x - cx, dy = y - cy;
                if (dx * dx + dy * dy <= r2) action.at(x, y);
            }
        }
    }

    /**
     * Draws the outline of a circle of {@code radius} pixels around the point {@code (cx, cy)} in
     * pixel coordinates, as a closed polyline fine enough to look round.
     */
    public void drawCircle(double cx, double cy, double radius, int color) {
        drawEllipse(cx, cy, radius, radius, color);
    }

    /** Draws the outline of an axis-aligned ellipse with half-axes {@code rx} and {@code ry} pixels. */
    public void drawEllipse(double cx, double cy, double rx, double ry, int color) {
        double longest = Math.max(Math.abs(rx), Math.abs(ry));
        int segments = (int) Math.max(16, Math.min(4096, Math.ceil(2 * Math.PI * longest / 2)));
        double px = cx + rx, py = cy;
        for (int i = 1; i <= segments; i++) {
            double t = 2 * Math.PI * i / segments;
            double qx = cx + rx * Math.cos(t), qy = cy + ry * Math.sin(t);
            drawLine(px, py, qx, qy, color);
            px = qx;
            py = qy;
        }
    }

    /** An independent copy. */
    public RgbImage copy() {
        RgbImage c = new RgbImage(width, height);
        System.arraycopy(rgb, 0, c.rgb, 0, rgb.length);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RgbImage other && width == other.width && height == other.height && Arrays.equals(rgb, other.rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "RgbImage " + width + "×" + height;
    }
}
