package minimax.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import minimax.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Png}: the JDK's decoder reads back exactly the pixels written; chunks are well formed. */
class PngTest {
    @TempDir
    Path dir;

    record Chunk(String type, byte[] data, int storedCrc) {}

    static List<Chunk> chunks(byte[] png) {
        assertArrayEquals(Png.SIGNATURE, Arrays.copyOf(png, 8), "PNG signature");
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> out = new ArrayList<>();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4], data = new byte[length];
            in.get(type).get(data);
            out.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data, in.getInt()));
        }
        return out;
    }

    @Test
    void rgbPixelsRoundTripExactly() {
        int[][] colors = {{0xFF0000, 0x00FF00, 0x0000FF}, {0x000000, 0xFFFFFF, 0x123456}};
        RgbImage image = new RgbImage(3, 2);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) image.setPixel(x, y, colors[y][x]);
        Decoded decoded = Decoded.of(Png.encode(image));
        assertEquals(3, decoded.width);
        assertEquals(2, decoded.height);
        assertEquals(3, decoded.bands);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) assertEquals(colors[y][x], decoded.rgb(x, y), "pixel (" + x + ", " + y + ")");
    }

    @Test
    void grayPixelsRoundTripExactly() {
        int[][] levels = {{0, 1, 127}, {128, 254, 255}};
        GrayImage image = new GrayImage(3, 2);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) image.setPixel(x, y, levels[y][x]);
        Decoded decoded = Decoded.of(Png.encode(image));
        assertEquals(1, decoded.bands);
        for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) assertEquals(levels[y][x], decoded.sample(x, y, 0), "pixel (" + x + ", " + y + ")");
    }

    @Test
    void headerOfOnePixelRgbImageHasTheWellKnownCrc() {
        List<Chunk> chunks = chunks(Png.encode(new RgbImage(1, 1)));
        Chunk header = chunks.get(0);
        assertEquals("IHDR", header.type());
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0}, header.data());
        assertEquals(0x907753DE, header.storedCrc()); // the IHDR CRC of every 1×1 8-bit RGB PNG
    }

    @Test
    void chunksAreOrderedAndEveryCrcMatches() {
        List<Chunk> chunks = chunks(Png.encode(randomImage(40, 30, 1)));
        List<String> types = chunks.stream().map(Chunk::type).collect(Collectors.toList());
        assertEquals("IHDR", types.get(0));
        assertEquals("IEND", types.get(types.size() - 1));
        assertTrue(types.subList(1, types.size() - 1).stream().allMatch("IDAT"::equals), types.toString());
        for (Chunk c : chunks) {
            CRC32 crc = new CRC32();
            crc.update(c.type().getBytes(StandardCharsets.US_ASCII));
            crc.update(c.data());
            assertEquals((int) crc.getValue(), c.storedCrc(), "CRC of " + c.type());
        }
    }

    @Test
    void largeImageSpansSeveralDataChunksAndRoundTrips() {
        RgbImage image = randomImage(1000, 700, 7);
        image.fillRect(100, 100, 500, 300, 0x336699);   // smooth regions too, for Sub and Up
        image.drawLine(0, 0, 999, 699, 0xFFFFFF);
        byte[] png = Png.encode(image);
        assertTrue(chunks(png).stream().filter(c -> c.type().equals("IDAT")).count() > 10, "random data should need many 64 KiB IDAT chunks");
        assertEquals(image, Decoded.of(png).toRgbImage());
    }

    @Test
    void everyFilterTypeIsUsedAndDecodes() {
        // rows chosen so each filter wins somewhere: noise (None), horizontal ramp (Sub), copy of the row
        // above (Up), the mean of left and above (Average), and a diagonal gradient (Paeth or others)
        GrayImage image = new GrayImage(64, 64);
        Rng rng = new Rng(3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int level = switch (y % 4) {
                    case 0 -> (int) (rng.nextDouble() * 256);
                    case 1 -> (x * 3) & 0xFF;
                    case 2 -> image.getPixel(x, y - 1);
                    default -> (x * 7 + y * 5) & 0xFF;
                };
                image.setPixel(x, y, level);
            }
        }
        byte[] filtered = Png.filterRows(64, 64, 1, image.grayData());
        Set<Integer> used = new HashSet<>();
        for (int y = 0; y < 64; y++) used.add((int) filtered[y * 65]);
        assertTrue(used.size() >= 3, "filter types used: " + used);
        assertEquals(image, Decoded.of(Png.encode(image)).toGrayImage());
        RgbImage random = randomImage(97, 31, 11); // odd width: filters must respect 3 bytes per pixel
        assertEquals(random, Decoded.of(Png.encode(random)).toRgbImage());
    }

    @Test
    void paethPredictorPicksTheNeighbourNearestToLeftPlusAboveMinusCornerWithTiesToLeftThenAbove() {
        assertEquals(20, Png.paeth(10, 20, 10)); // p = 20: distances 10, 0, 10
        assertEquals(40, Png.paeth(30, 40, 20)); // p = 50: distances 20, 10, 30
        assertEquals(15, Png.paeth(10, 20, 15)); // p = 15: the corner itself
        assertEquals(4, Png.paeth(4, 10, 8));    // p = 6: left 2, above 4, corner 2: left wins over corner
        assertEquals(10, Png.paeth(1, 10, 4));   // p = 7: left 6, above 3, corner 3: above wins over corner
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.png");
        Files.write(file, new byte[] {1, 2, 3});
        RgbImage image = randomImage(20, 10, 5);
        Png.write(file, image);
        assertEquals(image, Decoded.of(Files.readAllBytes(file)).toRgbImage());
        GrayImage gray = new GrayImage(4, 4);
        gray.fill(200);
        Path grayFile = dir.resolve("sub/gray.png");
        Png.write(grayFile, gray);
        assertEquals(gray, Decoded.of(Files.readAllBytes(grayFile)).toGrayImage());
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(Set.of("out.png", "gray.png"),
                    files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    static RgbImage randomImage(int width, int height, long seed) {
        RgbImage image = new RgbImage(width, height);
        Rng rng = new Rng(seed);
        byte[] data = image.rgbData();
        for (int i = 0; i < data.length; i++) data[i] = (byte) (rng.nextDouble() * 256);
        return image;
    }
}
