package minimax.io;

/**
 * Maps data coordinates in {@link PlotBounds} onto a rectangle of pixels: x grows to the right, y
 * grows upwards (so {@code yMax} is the top pixel row).
 *
 * <p>Continuous pixel coordinates ({@link #px}, {@link #py}) put {@code xMin} at the left edge
 * {@code left} and {@code xMax} at {@code left + width}; the pixel that holds a point is their floor,
 * except that the right and bottom edges ({@code xMax}, {@code yMin}) fall in the last pixel.
 */
final class Viewport {
    final PlotBounds bounds;
    final int left, top, width, height;

    Viewport(PlotBounds bounds, int left, int top, int width, int height) {
        this.bounds = bounds;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
    }

    double px(double x) {
        return left + (x - bounds.xMin()) / bounds.width() * width;
    }

    double py(double y) {
        return top + (bounds.yMax() - y) / bounds.height() * height;
    }

    /** The pixel column of a point with {@code xMin ≤ x ≤ xMax}. */
    int column(double x) {
        return (int) Math.min(Math.floor(px(x)), left + width - 1);
    }

    /** The pixel row of a point with {@code yMin ≤ y ≤ yMax}. */
    int row(double y) {
        return (int) Math.min(Math.floor(py(y)), top + height - 1);
    }

    /** Pixels per data unit along x. */
    double xScale() {
        return width / bounds.width();
    }

    /** Pixels per data unit along y. */
    double yScale() {
        return height / bounds.height();
    }
}
