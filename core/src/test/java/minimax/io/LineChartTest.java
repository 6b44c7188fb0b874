package minimax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LineChart}: the range ignores non-finite values, lines join the right pixels, gaps stay gaps. */
class LineChartTest {
    @TempDir
    Path dir;

    private static final double NAN = Double.NaN;

    private static void assertRange(double low, double high, PlotBounds b) {
        assertEquals(low, b.yMin(), 1e-12, "yMin");
        assertEquals(high, b.yMax(), 1e-12, "yMax");
    }

    @Test
    void yRangeCoversFiniteValuesWidenedToNiceNumbers() {
        assertRange(0, 1, LineChart.of(new double[] {0, 1}).dataBounds());
        assertRange(0, 1, LineChart.of(new double[] {0, NAN, Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY}).dataBounds());
        assertRange(0.2, 0.7, LineChart.of(new double[] {0.25}, new double[] {0.7, 0.3}).dataBounds()); // step 0.1; 0.7 / 0.1 is 6.999…
        assertRange(-50, 150, LineChart.of(new double[] {-13, 101}).dataBounds());                      // step 50
        assertRange(1.8, 2.2, LineChart.of(new double[] {2, 2, 2}).dataBounds());   // constant: ±10 %
        assertRange(-1, 1, LineChart.of(new double[] {0, 0}).dataBounds());        // constant zero: ±1
        assertRange(0, 1, LineChart.of(new double[] {NAN}, new double[0]).dataBounds()); // nothing finite
    }

    @Test
    void xRangeRunsOverTheLongestSeries() {
        PlotBounds b = LineChart.of(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4, 5, 6}).dataBounds();
        assertEquals(0, b.xMin());
        assertEquals(5, b.xMax());
        assertEquals(1, LineChart.of(new double[] {7}).dataBounds().xMax());
    }

    @Test
    void aLineJoinsTheFirstAndLastPointsInTheSeriesColour() {
        RgbImage image = LineChart.of(new double[] {0, 1}, new double[] {1, 0}).size(200, 100).render();
        Viewport view = LineChart.of(new double[] {0, 1}, new double[] {1, 0}).size(200, 100).layout();
        int left = (int) Math.round(view.px(0)), right = (int) Math.round(view.px(1));
        int bottom = (int) Math.round(view.py(0)), top = (int) Math.round(view.py(1));
        assertTrue(left > 0 && right < 199 && top > 0 && bottom < 99, "plot area inside the canvas: " + left + ".." + right + ", " + top + ".." + bottom);
        assertEquals(LineChart.color(0), image.getPixel(left, bottom));
        assertEquals(LineChart.color(1), image.getPixel(left, top));
        assertEquals(LineChart.color(0), image.getPixel(right, top));
        assertEquals(LineChart.color(1), image.getPixel(right, bottom));
        assertNotEquals(LineChart.color(0), LineChart.color(1));
    }

    @Test
    void nonFiniteValuesBreakTheLineAndIsolatedPointsBecomeDots() {
        double[] y = {0, 0, NAN, 1, 1, Double.POSITIVE_INFINITY, 0.5, NAN};
        LineChart chart = LineChart.of(y).size(300, 120);
        RgbImage image = chart.render();
        Viewport view = chart.layout();
        int color = LineChart.color(0);
        int gapFrom = (int) Math.round(view.px(1)) + 1, gapTo = (int) Math.round(view.px(3)) - 1;
        for (int x = gapFrom; x <= gapTo; x++) {
            for (int row = 0; row < image.height(); row++) assertNotEquals(color, image.getPixel(x, row), "pixel (" + x + ", " + row + ") in the gap");
        }
        assertEquals(color, image.getPixel((int) Math.round(view.px(6)), (int) Math.round(view.py(0.5)))); // the lone 0.5
        assertEquals(color, image.getPixel((int) Math.round(view.px(3.5)), (int) Math.round(view.py(1))));
    }

    @Test
    void colorsCycleThroughTenDistinctOnes() {
        assertEquals(10, java.util.stream.IntStream.range(0, 10).map(LineChart::color).distinct().count());
        assertEquals(LineChart.color(0), LineChart.color(10));
    }

    @Test
    void extremeAndEmptyInputsStillRender() {
        for (double[] y : List.of(new double[0], new double[] {NAN, NAN}, new double[] {-1e308, 1e308}, new double[] {1e-300, 2e-300}, new double[] {1e15, -1e15})) {
            RgbImage image = LineChart.of(y).size(64, 48).render();
            assertEquals(64, image.width());
        }
    }

    @Test
    void wrongArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, LineChart::of);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineChart.of(new double[] {1}).size(10, 10));
        assertEquals("LineChart needs at least 64×48 pixels, got 10×10", e.getMessage());
    }

    @Test
    void writesAPngOfTheDefaultSizeAndCopiesItsInput() throws IOException {
        double[] loss = {0.7, 0.6, 0.65, 0.5};
        LineChart chart = LineChart.of(List.of(loss));
        RgbImage before = chart.render();
        loss[0] = 100; // the chart keeps its own copy
        Path file = dir.resolve("loss.png");
        chart.write(file);
        Decoded decoded = Decoded.of(Files.readAllBytes(file));
        assertEquals(LineChart.DEFAULT_WIDTH, decoded.width);
        assertEquals(LineChart.DEFAULT_HEIGHT, decoded.height);
        assertEquals(before, decoded.toRgbImage());
    }
}
