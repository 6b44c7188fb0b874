package minimax.io;

/**
 * The rectangle of data coordinates a plot shows: {@code [xMin, xMax] × [yMin, yMax]}, all finite,
 * with {@code xMin < xMax} and {@code yMin < yMax}. The y axis points up, as in mathematics.
 */
public record PlotBounds(double xMin, double xMax, double yMin, double yMax) {
    /** Checks the bounds. */
    public PlotBounds {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))) {
            throw new IllegalArgumentException("plot bounds must be finite, got " + describe(xMin, xMax, yMin, yMax));
        }
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("plot bounds need xMin < xMax and yMin < yMax, got " + describe(xMin, xMax, yMin, yMax));
        }
    }

    /** The square of side {@code 2 · halfSide} centred on {@code (centerX, centerY)}. */
    public static PlotBounds square(double centerX, double centerY, double halfSide) {
        return new PlotBounds(centerX - halfSide, centerX + halfSide, centerY - halfSide, centerY + halfSide);
    }

    /** Width {@code xMax − xMin}. */
    public double width() {
        return xMax - xMin;
    }

    /** Height {@code yMax − yMin}. */
    public double height() {
        return yMax - yMin;
    }

    /** True if {@code (x, y)} lies inside, edges included (false for NaN). */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    private static String describe(double xMin, double xMax, double yMin, double yMax) {
        return "x in [" + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]";
    }

    @Override
    public String toString() {
        return "PlotBounds " + describe(xMin, xMax, yMin, yMax);
    }
}
