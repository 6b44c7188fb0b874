package minimax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScatterPlot}: modes, samples and circles land on the pixels the bounds predict. */
class ScatterPlotTest {
    @TempDir
    Path dir;

    /** Bounds [0, 10]² on 100 × 100 pixels: data (x, y) is pixel (floor(10x), floor(10 (10 − y))). */
    private static final PlotBounds TEN = new PlotBounds(0, 10, 0, 10);

    private static Tensor samples(float... xy) {
        return Tensor.of(xy, xy.length / 2, 2);
    }

    private static int blend(int under, int over, double alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (under >>> shift) & 0xFF, b = (over >>> shift) & 0xFF;
            out |= (int) Math.round(a * (1 - alpha) + b * alpha) << shift;
        }
        return out;
    }

    @Test
    void modeMarkerSitsAtThePixelOfItsCoordinates() {
        RgbImage image = ScatterPlot.of(new double[][] {{2.5, 7.5}, {9.0, 1.0}}, 0.1).bounds(TEN).size(100).render(samples());
        assertEquals(100, image.width());
        assertEquals(100, image.height());
        assertEquals(ScatterPlot.MODE, image.getPixel(25, 25));
        assertEquals(ScatterPlot.MODE, image.getPixel(90, 90));
        assertEquals(ScatterPlot.MODE, image.getPixel(25 + 3, 25)); // marker radius 3 at this size
        assertNotEquals(ScatterPlot.MODE, image.getPixel(25 + 4, 25));
    }

    @Test
    void samplesAreDrawnOverTheModeMarkersSoCoveredModesChangeColour() {
        ScatterPlot plot = ScatterPlot.of(new double[][] {{2.5, 7.5}}, 0.1).bounds(TEN).size(100);
        RgbImage covered = plot.render(samples(2.55f, 7.45f));
        assertEquals(blend(ScatterPlot.MODE, ScatterPlot.SAMPLE, ScatterPlot.SAMPLE_ALPHA), covered.getPixel(25, 25));
        assertEquals(ScatterPlot.MODE, covered.getPixel(28, 25));
    }

    @Test
    void samplesAreBlendedSemiOpaqueDotsAndDarkenWhereTheyOverlap() {
        ScatterPlot plot = ScatterPlot.of(new double[][] {{5, 5}}, 0.1).bounds(TEN).size(100);
        RgbImage empty = plot.render(samples());
        RgbImage one = plot.render(samples(7.55f, 2.55f));
        RgbImage two = plot.render(samples(7.55f, 2.55f, 7.55f, 2.55f));
        int once = blend(empty.getPixel(75, 74), ScatterPlot.SAMPLE, ScatterPlot.SAMPLE_ALPHA);
        assertEquals(once, one.getPixel(75, 74));
        assertEquals(blend(once, ScatterPlot.SAMPLE, ScatterPlot.SAMPLE_ALPHA), two.getPixel(75, 74));
        assertEquals(empty.getPixel(70, 74), one.getPixel(70, 74), "a dot is small");
    }

    @Test
    void samplesOutsideTheBoundsOrNonFiniteAreSkipped() {
        ScatterPlot plot = ScatterPlot.of(new double[][] {{5, 5}}, 0.1).bounds(TEN).size(100);
        RgbImage kept = plot.render(samples(1, 1, 3, 8));
        RgbImage withJunk = plot.render(samples(1, 1, Float.NaN, 5, 3, 8, 5, Float.POSITIVE_INFINITY, -0.01f, 5, 10.01f, 5, 5, 12));
        assertEquals(kept, withJunk);
        RgbImage edges = plot.render(samples(0, 0, 10, 10)); // bounds are inclusive: drawn in the corner pixels
        assertNotEquals(plot.render(samples()).getPixel(0, 99), edges.getPixel(0, 99));
        assertNotEquals(plot.render(samples()).getPixel(99, 0), edges.getPixel(99, 0));
    }

    @Test
    void threeSigmaCircleSurroundsEachMode() {
        RgbImage image = ScatterPlot.of(new double[][] {{5, 5}}, 0.5).bounds(TEN).size(100).render(samples());
        // 3σ = 1.5 data units = 15 pixels from the centre (50, 50)
        assertEquals(ScatterPlot.CIRCLE, image.getPixel(65, 50));
        assertEquals(ScatterPlot.CIRCLE, image.getPixel(35, 50));
        assertEquals(ScatterPlot.CIRCLE, image.getPixel(50, 35));
        assertEquals(ScatterPlot.CIRCLE, image.getPixel(50, 65));
        assertNotEquals(ScatterPlot.CIRCLE, image.getPixel(58, 50));
    }

    @Test
    void gridAndAxesAreDrawnAtNiceCoordinates() {
        RgbImage image = ScatterPlot.of(new double[][] {{0, 0}}, 0).bounds(PlotBounds.square(0, 0, 5)).size(100).render(samples());
        assertEquals(ScatterPlot.AXIS, image.getPixel(50, 10));   // x = 0
        assertEquals(ScatterPlot.AXIS, image.getPixel(10, 50));   // y = 0
        assertEquals(ScatterPlot.GRID, image.getPixel(70, 10));   // x = 2 (step 2 for a span of 10)
        assertEquals(ScatterPlot.BACKGROUND, image.getPixel(60, 15)); // x = 1, y = 3.5: between grid lines
    }

    @Test
    void defaultBoundsPadTheModesBoundingBoxIntoASquare() {
        double[][] ring = new double[8][];
        for (int k = 0; k < 8; k++) ring[k] = new double[] {Math.cos(2 * Math.PI * k / 8), Math.sin(2 * Math.PI * k / 8)};
        assertBounds(-1.5, 1.5, -1.5, 1.5, ScatterPlot.of(ring, 0.01).bounds());
        double[][] grid = new double[25][];
        for (int i = 0; i < 25; i++) grid[i] = new double[] {-4 + 2 * (i / 5), -4 + 2 * (i % 5)};
        assertBounds(-6, 6, -6, 6, ScatterPlot.of(grid, 0.05).bounds());
        assertBounds(0.5, 3.5, -0.5, 2.5, ScatterPlot.of(new double[][] {{1, 1}, {3, 1}}, 0.01).bounds()); // wide box → square
        assertBounds(1, 3, 0, 2, ScatterPlot.of(new double[][] {{2, 1}}, 0).bounds());             // one mode: ±1
        assertBounds(1.6, 2.4, 0.6, 1.4, ScatterPlot.of(new double[][] {{2, 1}}, 0.1).bounds());    // one mode: ±4σ
    }

    private static void assertBounds(double xMin, double xMax, double yMin, double yMax, PlotBounds b) {
        assertEquals(xMin, b.xMin(), 1e-12);
        assertEquals(xMax, b.xMax(), 1e-12);
        assertEquals(yMin, b.yMin(), 1e-12);
        assertEquals(yMax, b.yMax(), 1e-12);
    }

    @Test
    void labelIsDrawnInTheTopLeftCorner() {
        ScatterPlot plot = ScatterPlot.of(new double[][] {{5, 5}}, 0.1).bounds(TEN).size(100);
        RgbImage plain = plot.render(samples()), labelled = plot.label("1").render(samples());
        // "1" at (6, 6): its stem is font column 2
        assertEquals(ScatterPlot.INK, labelled.getPixel(8, 6));
        assertEquals(ScatterPlot.INK, labelled.getPixel(8, 12));
        assertNotEquals(ScatterPlot.INK, plain.getPixel(8, 6));
    }

    @Test
    void wrongInputsAreRefusedWithExpectedAndGot() {
        ScatterPlot plot = ScatterPlot.of(new double[][] {{0, 0}}, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plot.render(Tensor.zeros(5, 3)));
        assertEquals("ScatterPlot expects samples of shape [n, 2], got [5, 3]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plot.render(Tensor.zeros(10)));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.of(new double[][] {{0, 0, 0}}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> ScatterPlot.of(new double[][] {{0, 0}}, -1));
        assertThrows(IllegalArgumentException.class, () -> plot.size(8));
        assertThrows(IllegalArgumentException.class, () -> new PlotBounds(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PlotBounds(0, 1, 0, Double.NaN));
        IllegalStateException noModes = assertThrows(IllegalStateException.class, () -> ScatterPlot.of(new double[0][], 0).render(samples()));
        assertTrue(noModes.getMessage().contains("bounds"), noModes.getMessage());
        RgbImage explicit = ScatterPlot.of(new double[0][], 0).bounds(TEN).size(100).render(samples(5, 5));
        assertNotEquals(ScatterPlot.BACKGROUND, explicit.getPixel(50, 49));
    }

    @Test
    void writesA512PixelPngByDefaultAndAcceptsFloat64Samples() throws IOException {
        Path file = dir.resolve("ring.png");
        Tensor float64 = Tensor.of(new double[] {0.5, 0.5, -0.5, 0.25}, 2, 2);
        ScatterPlot plot = ScatterPlot.of(new double[][] {{1, 0}, {-1, 0}}, 0.01).label("step 100");
        plot.write(file, float64);
        Decoded decoded = Decoded.of(Files.readAllBytes(file));
        assertEquals(512, decoded.width);
        assertEquals(512, decoded.height);
        RgbImage image = decoded.toRgbImage();
        // bounds [-1.5, 1.5]²: mode (1, 0) at floor(2.5/3 · 512) = 426, row floor(1.5/3 · 512) = 256
        assertEquals(ScatterPlot.MODE, image.getPixel(426, 256));
        int under = plot.render(samples()).getPixel(341, 170); // sample (0.5, 0.5), on the grid line x = 0.5
        assertEquals(blend(under, ScatterPlot.SAMPLE, ScatterPlot.SAMPLE_ALPHA), image.getPixel(341, 170));
    }
}
