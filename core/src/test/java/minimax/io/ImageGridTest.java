package minimax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImageGrid}: tanh values map to gray levels, tiles land where the layout says. */
class ImageGridTest {
    @TempDir
    Path dir;

    /** n images of 2 × 2 pixels, image i filled with values[i]. */
    private static Tensor constantImages(float... values) {
        float[] data = new float[values.length * 4];
        for (int i = 0; i < data.length; i++) data[i] = values[i / 4];
        return Tensor.of(data, values.length, 2, 2);
    }

    @Test
    void tanhValuesMapToLevelsRoundingHalfUp() {
        assertEquals(0, ImageGrid.level(-1));
        assertEquals(255, ImageGrid.level(1));
        assertEquals(128, ImageGrid.level(0));       // 127.5 rounds up
        assertEquals(64, ImageGrid.level(-0.5));     // 63.75
        assertEquals(191, ImageGrid.level(0.5));     // 191.25
        assertEquals(0, ImageGrid.level(-3));        // clamped
        assertEquals(255, ImageGrid.level(Double.POSITIVE_INFINITY));
        assertEquals(0, ImageGrid.level(Double.NEGATIVE_INFINITY));
        assertEquals(0, ImageGrid.level(Double.NaN));
    }

    @Test
    void tilesLandAtTheirCellsWithPaddingAroundAndBetween() {
        // 3 images → ceil(sqrt(3)) = 2 columns, 2 rows; tile 2 × 2, padding 2: 2 · (2 + 2) + 2 = 10 pixels each way
        GrayImage grid = ImageGrid.of(2, 2).scale(1).render(constantImages(-1, 1, 0));
        assertEquals(10, grid.width());
        assertEquals(10, grid.height());
        int[][] expected = new int[10][10];
        for (int[] row : expected) Arrays.fill(row, 255);
        fillTile(expected, 2, 2, 2, 0);
        fillTile(expected, 6, 2, 2, 255);
        fillTile(expected, 2, 6, 2, 128);
        for (int y = 0; y < 10; y++) for (int x = 0; x < 10; x++) assertEquals(expected[y][x], grid.getPixel(x, y), "pixel (" + x + ", " + y + ")");
    }

    private static void fillTile(int[][] image, int x0, int y0, int side, int level) {
        for (int y = y0; y < y0 + side; y++) for (int x = x0; x < x0 + side; x++) image[y][x] = level;
    }

    @Test
    void scaleRepeatsEachPixelAndKeepsOrientation() {
        // one 2 × 3 image: rows (−1, 0, 1) and (1, 1, −1), scale 2, no padding
        Tensor image = Tensor.of(new float[] {-1, 0, 1, 1, 1, -1}, 1, 6);
        GrayImage grid = ImageGrid.of(2, 3).padding(0).render(image);
        assertEquals(6, grid.width());
        assertEquals(4, grid.height());
        int[][] expected = {
            {0, 0, 128, 128, 255, 255},
            {0, 0, 128, 128, 255, 255},
            {255, 255, 255, 255, 0, 0},
            {255, 255, 255, 255, 0, 0}};
        for (int y = 0; y < 4; y++) for (int x = 0; x < 6; x++) assertEquals(expected[y][x], grid.getPixel(x, y), "pixel (" + x + ", " + y + ")");
    }

    @Test
    void allThreeInputLayoutsAndFloat64GiveTheSameGrid() {
        float[] values = new float[5 * 12];
        for (int i = 0; i < values.length; i++) values[i] = (float) Math.sin(i);
        ImageGrid grid = ImageGrid.of(3, 4).columns(3).paddingLevel(40);
        GrayImage flat = grid.render(Tensor.of(values, 5, 12));
        assertEquals(flat, grid.render(Tensor.of(values, 5, 3, 4)));
        assertEquals(flat, grid.render(Tensor.of(values, 5, 1, 3, 4)));
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) doubles[i] = values[i];
        assertEquals(flat, grid.render(Tensor.of(doubles, 5, 12)));
        // 3 columns of 4·2 + 2, 2 rows of 3·2 + 2: the empty sixth cell keeps the padding level
        assertEquals(3 * 10 + 2, flat.width());
        assertEquals(2 * 8 + 2, flat.height());
        assertEquals(40, flat.getPixel(2 + 2 * 10 + 3, 2 + 8 + 2));
        assertEquals(ImageGrid.level(values[4 * 12]), flat.getPixel(2 + 10, 2 + 8)); // image 4: row 1, column 1
    }

    @Test
    void columnsNeverExceedTheNumberOfImages() {
        GrayImage grid = ImageGrid.of(2, 2).columns(10).scale(1).render(constantImages(0, 0));
        assertEquals(2 * 4 + 2, grid.width());
    }

    @Test
    void badShapesAreRefusedNamingExpectedAndGot() {
        ImageGrid grid = ImageGrid.of(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grid.render(Tensor.zeros(3, 5)));
        assertEquals("ImageGrid expects images of shape [n, 4], [n, 2, 2] or [n, 1, 2, 2], got [3, 5]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> grid.render(Tensor.zeros(3, 3, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> grid.render(Tensor.zeros(3, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> grid.render(Tensor.zeros(4)));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> grid.render(Tensor.zeros(0, 4)));
        assertEquals("ImageGrid needs at least one image, got shape [0, 4]", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> grid.columns(0));
        assertThrows(IllegalArgumentException.class, () -> grid.scale(0));
        assertThrows(IllegalArgumentException.class, () -> grid.padding(-1));
        assertThrows(IllegalArgumentException.class, () -> grid.paddingLevel(256));
    }

    @Test
    void writesAGrayscalePngWithExactLevels() throws IOException {
        Path file = dir.resolve("grid.png");
        ImageGrid.of(2, 2).write(file, constantImages(-1, 1, 0, 0.5f));
        Decoded decoded = Decoded.of(Files.readAllBytes(file));
        assertEquals(1, decoded.bands);
        // defaults: 2 columns, scale 2, padding 2 → tiles of 4 at 2 and 8
        assertEquals(2 * 6 + 2, decoded.width);
        assertEquals(0, decoded.sample(2, 2, 0));
        assertEquals(255, decoded.sample(8, 2, 0));
        assertEquals(128, decoded.sample(5, 11, 0));
        assertEquals(191, decoded.sample(11, 11, 0));
        assertEquals(255, decoded.sample(0, 0, 0));
        assertEquals(255, decoded.sample(6, 6, 0)); // padding between tiles
    }
}
