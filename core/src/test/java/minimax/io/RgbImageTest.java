package minimax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RgbImage} and {@link GrayImage}: exact pixels of each primitive, and clipping at the edges. */
class RgbImageTest {
    private static final int INK = 0xABCDEF;

    /** The set of pixels "x,y" that hold {@code color}. */
    static Set<String> pixelsOf(RgbImage image, int color) {
        Set<String> out = new HashSet<>();
        for (int y = 0; y < image.height(); y++) for (int x = 0; x < image.width(); x++) if (image.getPixel(x, y) == color) out.add(x + "," + y);
        return out;
    }

    @Test
    void setAndGetPixelKeepTheColourAndIgnoreOutsideWrites() {
        RgbImage image = new RgbImage(4, 3);
        image.setPixel(3, 2, 0xFF112233); // alpha byte ignored
        image.setPixel(-1, 0, INK);
        image.setPixel(4, 0, INK);
        image.setPixel(0, 3, INK);
        assertEquals(0x112233, image.getPixel(3, 2));
        assertEquals(Set.of("3,2"), pixelsOf(image, 0x112233));
        assertEquals(11, pixelsOf(image, 0).size());
        assertThrows(IndexOutOfBoundsException.class, () -> image.getPixel(4, 0));
    }

    @Test
    void sizesBelowOneAreRefusedWithTheSizeInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RgbImage(0, 5));
        assertEquals("RgbImage needs width and height of at least 1, got 0×5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GrayImage(3, -1));
        assertThrows(IllegalArgumentException.class, () -> new RgbImage(50_000, 50_000));
    }

    @Test
    void fillRectIsClippedToTheImage() {
        RgbImage image = new RgbImage(5, 5);
        image.fillRect(3, -2, 10, 4, INK); // covers columns 3..4, rows 0..1
        assertEquals(Set.of("3,0", "4,0", "3,1", "4,1"), pixelsOf(image, INK));
        image.fillRect(Integer.MAX_VALUE - 1, 0, Integer.MAX_VALUE, 2, 0x010101); // no overflow, nothing drawn
        assertEquals(0, pixelsOf(image, 0x010101).size());
    }

    @Test
    void drawRectDrawsTheOutlineOnly() {
        RgbImage image = new RgbImage(5, 5);
        image.drawRect(1, 1, 3, 3, INK);
        assertEquals(8, pixelsOf(image, INK).size());
        assertEquals(0, image.getPixel(2, 2));
    }

    @Test
    void linesIncludeBothEndsAndFollowBresenham() {
        RgbImage image = new RgbImage(10, 10);
        image.drawLine(1, 1, 4, 4, INK);
        assertEquals(Set.of("1,1", "2,2", "3,3", "4,4"), pixelsOf(image, INK));
        RgbImage shallow = new RgbImage(10, 10);
        shallow.drawLine(6, 2, 0, 0, INK); // right to left, slope 1/3
        assertEquals(Set.of("0,0", "1,0", "2,1", "3,1", "4,1", "5,2", "6,2"), pixelsOf(shallow, INK));
        RgbImage dot = new RgbImage(3, 3);
        dot.drawLine(1, 1, 1, 1, INK);
        assertEquals(Set.of("1,1"), pixelsOf(dot, INK));
    }

    @Test
    void linesFarOutsideAreClippedQuicklyAndNonFiniteOnesDrawNothing() {
        RgbImage image = new RgbImage(20, 10);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> image.drawLine(-1e9, 5, 1e9, 5, INK));
        Set<String> row = new HashSet<>();
        for (int x = 0; x < 20; x++) row.add(x + ",5");
        assertEquals(row, pixelsOf(image, INK));
        RgbImage empty = new RgbImage(20, 10);
        empty.drawLine(Double.NaN, 0, 5, 5, INK);
        empty.drawLine(-5, -5, -1, 100, INK); // wholly left of the image
        assertEquals(0, pixelsOf(empty, INK).size());
        assertNull(RgbImage.clip(0, 0, 1, Double.POSITIVE_INFINITY, 0, 0, 10, 10));
    }

    @Test
    void discsHoldThePixelsWithinTheRadiusAndAreClipped() {
        RgbImage image = new RgbImage(9, 9);
        image.fillDisc(4, 4, 0, INK);
        assertEquals(Set.of("4,4"), pixelsOf(image, INK));
        image.fillDisc(4, 4, 1, INK);
        assertEquals(Set.of("4,4", "3,4", "5,4", "4,3", "4,5"), pixelsOf(image, INK));
        image.fillDisc(4, 4, 2, INK);
        assertEquals(13, pixelsOf(image, INK).size()); // the 5×5 square minus its 4 corners and the 8 pixels at distance √5
        RgbImage corner = new RgbImage(9, 9);
        corner.fillDisc(0, 0, 2, INK);
        assertEquals(Set.of("0,0", "1,0", "2,0", "0,1", "1,1", "0,2"), pixelsOf(corner, INK));
        assertThrows(IllegalArgumentException.class, () -> corner.fillDisc(0, 0, Double.NaN, INK));
    }

    @Test
    void blendingMixesEachChannelAndRounds() {
        RgbImage image = new RgbImage(2, 1);
        image.fill(0xFFFFFF);
        image.blendPixel(0, 0, 0x000080, 0.25);
        // 255·0.75 = 191.25 → 191; blue: 255·0.75 + 128·0.25 = 223.25 → 223
        assertEquals(0xBFBFDF, image.getPixel(0, 0));
        image.blendDisc(1, 0, 0, 0x000000, 1.0);
        assertEquals(0x000000, image.getPixel(1, 0));
        assertThrows(IllegalArgumentException.class, () -> image.blendPixel(0, 0, 0, 1.5));
    }

    @Test
    void circleOutlinePixelsLieNearTheRadius() {
        RgbImage image = new RgbImage(41, 41);
        image.drawCircle(20, 20, 15, INK);
        Set<String> pixels = pixelsOf(image, INK);
        assertTrue(pixels.contains("35,20") && pixels.contains("5,20") && pixels.contains("20,35") && pixels.contains("20,5"), pixels.toString());
        for (String p : pixels) {
            String[] xy = p.split(",");
            double r = Math.hypot(Integer.parseInt(xy[0]) - 20, Integer.parseInt(xy[1]) - 20);
            assertTrue(Math.abs(r - 15) <= 1, "pixel " + p + " at distance " + r);
        }
        assertTrue(pixels.size() > 80, "a closed outline of circumference ~94 px, got " + pixels.size());
    }

    @Test
    void grayImageChecksLevelsAndCoordinates() {
        GrayImage image = new GrayImage(2, 2);
        image.fill(7);
        image.setPixel(1, 1, 255);
        assertEquals(7, image.getPixel(0, 1));
        assertEquals(255, image.getPixel(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> image.setPixel(0, 0, 256));
        assertEquals("gray level must be in 0..255, got 256", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> image.setPixel(2, 0, 1));
    }
}
