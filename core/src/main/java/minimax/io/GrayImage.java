package minimax.io;

import java.util.Arrays;

/**
 * An 8-bit grayscale raster: {@code width × height} levels in 0 (black) .. 255 (white), row-major.
 * Pixel {@code (x, y)} is column {@code x} from the left and row {@code y} from the top.
 */
public final class GrayImage {
    private final int width;
    private final int height;
    private final byte[] levels;

    /** A black image of {@code width × height} pixels; both must be at least 1. */
    public GrayImage(int width, int height) {
        RgbImage.checkSize("GrayImage", width, height, 1);
        this.width = width;
        this.height = height;
        this.levels = new byte[width * height];
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The live pixel bytes, row-major, one per pixel (unsigned): writing them changes this image. */
    public byte[] grayData() {
        return levels;
    }

    /** The level 0..255 at {@code (x, y)}, which must lie inside the image. */
    public int getPixel(int x, int y) {
        check(x, y);
        return levels[y * width + x] & 0xFF;
    }

    /** Sets pixel {@code (x, y)}, which must lie inside the image, to {@code level} in 0..255. */
    public void setPixel(int x, int y, int level) {
        check(x, y);
        levels[y * width + x] = (byte) checkLevel(level);
    }

    /** Sets every pixel to {@code level} in 0..255. */
    public void fill(int level) {
        Arrays.fill(levels, (byte) checkLevel(level));
    }

    private void check(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside a " + width + "×" + height + " image");
    }

    static int checkLevel(int level) {
        if (level < 0 || level > 255) throw new IllegalArgumentException("gray level must be in 0..255, got " + level);
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage other && width == other.width && height == other.height && Arrays.equals(levels, other.levels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "GrayImage " + width + "×" + height;
    }
}
