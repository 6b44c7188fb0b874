package minimax.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round trips, the exact byte layout, and one clear {@link FormatException} per kind of corruption. */
class SafeTensorsTest {

    // ---------------------------------------------------------------- helpers

    private static LinkedHashMap<String, Tensor> tensors(Object... namesAndTensors) {
        LinkedHashMap<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTensors.length; i += 2) m.put((String) namesAndTensors[i], (Tensor) namesAndTensors[i + 1]);
        return m;
    }

    /** A file with the given header text (not padded) followed by {@code dataBytes} bytes 0, 1, 2, .... */
    private static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        for (int i = 0; i < dataBytes; i++) b.put((byte) i);
        return b.array();
    }

    private static byte[] withHeaderLength(long length, int totalBytes) {
        byte[] f = new byte[totalBytes];
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
        return f;
    }

    private static String corruptionMessage(byte[] file) {
        return assertThrows(FormatException.class, () -> SafeTensors.read(file)).getMessage();
    }

    private static void assertContainsAll(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
    }

    /** Bit patterns of every element, so NaN payloads count (Tensor.equals uses Arrays.equals, which merges NaNs). */
    private static long[] bits(Tensor t) {
        if (t.dtype() == DType.FLOAT32) {
            float[] f = t.floatData();
            long[] out = new long[f.length];
            for (int i = 0; i < f.length; i++) out[i] = Float.floatToRawIntBits(f[i]);
            return out;
        }
        return Arrays.stream(t.doubleData()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        for (String name : expected.keySet()) {
            Tensor e = expected.get(name), a = actual.get(name);
            assertEquals(e.dtype(), a.dtype(), name);
            assertArrayEquals(e.shape(), a.shape(), name);
            assertArrayEquals(bits(e), bits(a), name);
            assertEquals(e, a, name);
        }
    }

    private static LinkedHashMap<String, Tensor> sample() {
        return tensors(
                "dense/kernel", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
                "dense/bias", Tensor.of(new double[] {-1.5, 2.25}, 2),
                "scalar32", Tensor.of(new float[] {7.5f}),
                "scalar64", Tensor.of(new double[] {-0.125}),
                "empty32", Tensor.of(new float[0], 0),
                "empty64", Tensor.of(new double[0], 2, 0, 3),
                "cube", Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2));
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void severalTensorsOfBothDtypesRoundTripWithMetadata() throws FormatException {
        LinkedHashMap<String, Tensor> in = sample();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "minimax");
        metadata.put("note", "ünï 😀 \"quoted\"\n");
        SafeTensors.Contents back = SafeTensors.read(SafeTensors.toBytes(in, metadata));
        assertSameTensors(in, back.tensors());
        assertEquals(metadata, back.metadata());
        assertEquals(List.of("format", "note"), new ArrayList<>(back.metadata().keySet()));
    }

    @Test
    void noTensorsAndNoMetadataRoundTrip() throws FormatException {
        for (Map<String, String> none : Arrays.<Map<String, String>>asList(null, Map.of())) {
            byte[] bytes = SafeTensors.toBytes(new LinkedHashMap<>(), none);
            assertEquals(16, bytes.length, "8-byte length + \"{}\" padded to 8");
            SafeTensors.Contents back = SafeTensors.read(bytes);
            assertTrue(back.tensors().isEmpty());
            assertTrue(back.metadata().isEmpty());
        }
    }

    @Test
    void specialFloatValuesAreCopiedBitForBit() throws FormatException {
        float[] f = {
            Float.intBitsToFloat(0x7fc01234), // quiet NaN with a payload
            Float.intBitsToFloat(0xffc00001), // negative NaN with a payload
            Float.NaN, -0.0f, 0.0f, Float.MIN_VALUE, Float.intBitsToFloat(0x00012345) /* subnormal */, -Float.MIN_NORMAL,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
        };
        double[] d = {
            Double.longBitsToDouble(0x7ff80000deadbeefL), Double.longBitsToDouble(0xfff8000000000001L),
            Double.NaN, -0.0, Double.MIN_VALUE, Double.longBitsToDouble(0x000fedcba9876543L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE,
        };
        LinkedHashMap<String, Tensor> in = tensors("f", Tensor.of(f, f.length), "d", Tensor.of(d, d.length));
        // Check the inputs still carry their payloads, so a pass below means something.
        assertEquals(0x7fc01234L, bits(in.get("f"))[0]);
        assertEquals(0x7ff80000deadbeefL, bits(in.get("d"))[0]);
        assertSameTensors(in, SafeTensors.read(SafeTensors.toBytes(in, null)).tensors());
    }

    @Test
    void writeLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        SafeTensors.write(out, sample(), Map.of("k", "v"));
        assertFalse(closed[0]);
        assertArrayEquals(SafeTensors.toBytes(sample(), Map.of("k", "v")), out.toByteArray());
    }

    @Test
    void aTensorCannotBeNamedMetadata() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.toBytes(tensors("__metadata__", Tensor.of(new float[] {1}, 1)), null));
        assertTrue(e.getMessage().contains("__metadata__"), e.getMessage());
    }

    @Test
    void metadataValuesMustNotBeNullSinceTheyCouldNotBeReadBack() {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("k", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(sample(), metadata));
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    }

    /** A lone surrogate has no UTF-8 form; it must not silently turn into '?' (it is written as a JSON escape). */
    @Test
    void namesWithLoneSurrogatesSurviveExactly() throws FormatException {
        LinkedHashMap<String, Tensor> in = tensors("a\ud800", Tensor.of(new float[] {1}, 1), "b\udc00", Tensor.of(new float[] {2}, 1));
        SafeTensors.Contents back = SafeTensors.read(SafeTensors.toBytes(in, Map.of("m\ud83d", "v\ude00")));
        assertSameTensors(in, back.tensors());
        assertEquals(Map.of("m\ud83d", "v\ude00"), back.metadata());
    }

    // ---------------------------------------------------------------- byte layout, by hand

    /** {"a": float32 [1, -2]}: header of 54 bytes padded with 2 spaces to 56 = 0x38, then 8 data bytes. */
    @Test
    void layoutOfOneFloat32TensorByHand() {
        byte[] expected = concat(
                new byte[] {0x38, 0, 0, 0, 0, 0, 0, 0},
                ascii("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  "),
                new byte[] {0, 0, (byte) 0x80, 0x3f}, // 1.0f = 0x3f800000, little-endian
                new byte[] {0, 0, 0, (byte) 0xc0}); // -2.0f = 0xc0000000
        assertEquals(72, expected.length);
        assertArrayEquals(expected, SafeTensors.toBytes(tensors("a", Tensor.of(new float[] {1, -2}, 2)), null));
    }

    /**
     * Metadata first, a float64 scalar then an empty float32 tensor: header of 131 bytes padded with 5 spaces to
     * 136 = 0x88; the scalar takes bytes [0, 8), the empty tensor [8, 8).
     */
    @Test
    void layoutWithMetadataScalarAndEmptyTensorByHand() throws FormatException {
        String header = "{\"__metadata__\":{\"k\":\"v\"},"
                + "\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"z\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,8]}}";
        byte[] expected = concat(
                new byte[] {(byte) 0x88, 0, 0, 0, 0, 0, 0, 0},
                ascii(header + "     "),
                new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xe0, 0x3f}); // 0.5 = 0x3fe0000000000000, little-endian
        LinkedHashMap<String, Tensor> in = tensors("s", Tensor.of(new double[] {0.5}), "z", Tensor.of(new float[0], 0));
        byte[] written = SafeTensors.toBytes(in, Map.of("k", "v"));
        assertArrayEquals(expected, written);
        assertSameTensors(in, SafeTensors.read(expected).tensors());
    }

    @Test
    void headerIsAlwaysPaddedToAMultipleOfEight() {
        for (int nameLength = 1; nameLength <= 16; nameLength++) {
            byte[] bytes = SafeTensors.toBytes(tensors("n".repeat(nameLength), Tensor.of(new float[] {1}, 1)), null);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, "name length " + nameLength);
            assertEquals(8 + headerLength + 4, bytes.length);
        }
    }

    /**
     * Files from other writers: unpadded header with whitespace, keys in another order, header order unlike data
     * order, and (as the reference writer produces when it sorts by dtype) an empty tensor sharing its offset with
     * the next one. Tensors come back in data order.
     */
    @Test
    void readsForeignButValidHeaders() throws FormatException {
        String header = "{ \"b\" : {\"data_offsets\":[4,12], \"shape\":[2], \"dtype\":\"F32\"},\n"
                + "  \"a\" : {\"shape\":[1],\"dtype\":\"F32\",\"data_offsets\":[0,4]},"
                + "  \"e\" : {\"shape\":[0, 5],\"dtype\":\"F64\",\"data_offsets\":[0,0]},"
                + "  \"__metadata__\": {} }";
        SafeTensors.Contents c = SafeTensors.read(file(header, 12));
        assertEquals(List.of("e", "a", "b"), new ArrayList<>(c.tensors().keySet()));
        assertArrayEquals(new int[] {0, 5}, c.tensors().get("e").shape());
        float a = Float.intBitsToFloat(0x03020100); // data bytes are 0, 1, 2, ... little-endian
        assertEquals(Tensor.of(new float[] {a}, 1), c.tensors().get("a"));
        assertEquals(Tensor.of(new float[] {Float.intBitsToFloat(0x07060504), Float.intBitsToFloat(0x0b0a0908)}, 2), c.tensors().get("b"));
    }

    // ---------------------------------------------------------------- corruption

    @Test
    void shorterThanEightBytes() {
        for (int n = 0; n < 8; n++) {
            assertContainsAll(corruptionMessage(new byte[n]), n + " bytes", "expected at least 8");
        }
    }

    @Test
    void headerLengthLargerThanTheFile() {
        assertContainsAll(corruptionMessage(withHeaderLength(1000, 40)), "truncated", "1000", "only 32");
        assertContainsAll(corruptionMessage(withHeaderLength(9, 16)), "truncated", "9", "only 8");
    }

    @Test
    void absurdHeaderLengths() {
        for (long n : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1, SafeTensors.MAX_HEADER_BYTES + 1, 1L << 40}) {
            assertContainsAll(corruptionMessage(withHeaderLength(n, 64)), "header length " + n, "outside");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{nope}                                                      | invalid JSON",
            "{\"a\":1,}                                                  | invalid JSON",
            "{\"a\":{},\"a\":{}}                                         | duplicate JSON key \"a\"",
            "[1,2]                                                       | must be a JSON object",
            "\"text\"                                                    | must be a JSON object",
            "null                                                        | must be a JSON object",
            "{\"a\":5}                                                   | 'a' must be described by an object",
            "{\"a\":[\"F32\"]}                                           | 'a' must be described by an object",
            "{\"__metadata__\":[1]}                                      | __metadata__ must be an object of strings",
            "{\"__metadata__\":{\"k\":1}}                                | __metadata__ value for 'k' must be a string",
    })
    void headerThatIsNotTheExpectedJson(String header, String expected) {
        assertContainsAll(corruptionMessage(file(header, 0)), expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"I8\"      | dtype I8",
            "\"BF16\"    | dtype BF16",
            "\"f32\"     | dtype f32",
            "32          | dtype 32",
            "null        | dtype null",
    })
    void unknownDtypeListsTheSupportedOnes(String dtype, String expected) {
        String header = "{\"w\":{\"dtype\":" + dtype + ",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertContainsAll(corruptionMessage(file(header, 4)), "'w'", expected, "supported: F32, F64");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"shape\":\"2\",                 | needs a list 'shape'",
            "\"shape\":null,                  | needs a list 'shape'",
            "``                               | needs a list 'shape'",
            "\"shape\":[-1],                  | shape [-1]; dimensions must be non-negative integers",
            "\"shape\":[1.0],                 | shape [1.0]; dimensions must be non-negative integers",
            "\"shape\":[\"2\"],               | dimensions must be non-negative integers",
            "\"shape\":[null],                | dimensions must be non-negative integers",
            "\"shape\":[2147483648],          | dimensions must be non-negative integers",
            "\"shape\":[65536,65536],         | 'w' is too large: shape [65536, 65536]",
    })
    void badShape(String shapeField, String expected) {
        String header = "{\"w\":{\"dtype\":\"F32\"," + shapeField + "\"data_offsets\":[0,4]}}";
        assertContainsAll(corruptionMessage(file(header, 4)), "'w'", expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[0,4]       | data_offsets [0, 4] but shape [2] of F32 needs 8 bytes",
            "[0,16]      | data_offsets [0, 16] but shape [2] of F32 needs 8 bytes",
            "[8,0]       | data_offsets [8, 0]",
            "[-8,0]      | data_offsets [-8, 0]",
            "[0]         | needs 'data_offsets' [begin, end] of integers, got [0]",
            "[0,8,16]    | needs 'data_offsets' [begin, end] of integers",
            "[0.0,8.0]   | needs 'data_offsets' [begin, end] of integers",
            "[\"0\",\"8\"] | needs 'data_offsets' [begin, end] of integers",
            "null        | needs 'data_offsets' [begin, end] of integers, got null",
            "{}          | needs 'data_offsets' [begin, end] of integers",
    })
    void offsetsInconsistentWithShape(String offsets, String expected) {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":" + offsets + "}}";
        assertContainsAll(corruptionMessage(file(header, 8)), "'w'", expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // a and b as F32 [1] (4 bytes) or [2] (8 bytes); the file holds exactly `data` bytes
            "[0,4]  | [8,12] | 1 | 1 | 12 | 'b' starts at byte 8, expected 4",
            "[0,8]  | [4,12] | 2 | 2 | 12 | 'b' starts at byte 4, expected 8",
            "[0,4]  | [0,4]  | 1 | 1 | 4  | starts at byte 0, expected 4",
            "[4,8]  | [8,12] | 1 | 1 | 12 | 'a' starts at byte 4, expected 0",
            "[0,8]  | [2,10] | 2 | 2 | 10 | 'b' starts at byte 2, expected 8",
    })
    void gapsAndOverlaps(String a, String b, int aSize, int bSize, int data, String expected) {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[" + aSize + "],\"data_offsets\":" + a + "},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[" + bSize + "],\"data_offsets\":" + b + "}}";
        assertContainsAll(corruptionMessage(file(header, data)), expected, "contiguous");
    }

    @Test
    void everyTruncationOfAValidFileIsAFormatException() {
        byte[] valid = SafeTensors.toBytes(sample(), Map.of("k", "v"));
        for (int i = 0; i < valid.length; i++) {
            int cut = i;
            byte[] truncated = Arrays.copyOf(valid, cut);
            String message;
            try {
                SafeTensors.read(truncated);
                throw new AssertionError("a file cut to " + cut + " of " + valid.length + " bytes was accepted");
            } catch (FormatException e) {
                message = e.getMessage();
            } catch (RuntimeException e) {
                throw new AssertionError("cut at " + cut + " gave " + e, e);
            }
            String m = message;
            assertTrue(m.contains("truncated") || m.contains("expected at least 8"), () -> "cut at " + cut + ": " + m);
        }
    }

    @Test
    void extraTrailingBytesAreRefused() {
        byte[] valid = SafeTensors.toBytes(sample(), null);
        for (int extra = 1; extra <= 9; extra++) {
            assertContainsAll(corruptionMessage(Arrays.copyOf(valid, valid.length + extra)), extra + " unexpected bytes after the tensor data");
        }
    }

    @Test
    void headerThatIsNotUtf8IsRefused() {
        byte[] f = file("{\"a\":{}}", 0);
        f[10] = (byte) 0xff; // inside the key: 0xff never occurs in UTF-8
        assertContainsAll(corruptionMessage(f), "UTF-8");
    }

    // ---------------------------------------------------------------- files

    @Test
    void readPathRoundTripsAndNamesTheFileInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("model.safetensors");
        Files.write(good, SafeTensors.toBytes(sample(), Map.of("k", "v")));
        assertSameTensors(sample(), SafeTensors.read(good).tensors());

        Path bad = dir.resolve("broken.safetensors");
        byte[] valid = Files.readAllBytes(good);
        Files.write(bad, Arrays.copyOf(valid, valid.length - 3));
        String message = assertThrows(FormatException.class, () -> SafeTensors.read(bad)).getMessage();
        assertContainsAll(message, "broken.safetensors", "truncated");

        Path missing = dir.resolve("missing.safetensors");
        assertContainsAll(assertThrows(FormatException.class, () -> SafeTensors.read(missing)).getMessage(), "missing.safetensors", "does not exist");
        assertContainsAll(assertThrows(FormatException.class, () -> SafeTensors.read(dir)).getMessage(), dir.getFileName().toString(), "not a file");
    }

    /**
     * Tensors larger than the 64 KiB copy chunk, with sizes that put chunk ends at uneven places, survive
     * {@code write(Path)} and {@code read(Path)}, and the file equals the in-memory bytes.
     */
    @Test
    void largeTensorsStreamThroughFilesInChunks(@TempDir Path dir) throws IOException {
        java.util.Random random = new java.util.Random(42);
        float[] f = new float[40_005];
        for (int i = 0; i < f.length; i++) f[i] = Float.intBitsToFloat(random.nextInt());
        double[] d = new double[20_001];
        for (int i = 0; i < d.length; i++) d[i] = Double.longBitsToDouble(random.nextLong());
        LinkedHashMap<String, Tensor> in = tensors("f", Tensor.of(f, 7, 5_715, 1), "mid", Tensor.of(new float[] {3}, 1), "d", Tensor.of(d, d.length));
        Path path = dir.resolve("sub").resolve("big.safetensors");
        SafeTensors.write(path, in, Map.of("k", "v"));
        assertArrayEquals(SafeTensors.toBytes(in, Map.of("k", "v")), Files.readAllBytes(path));
        SafeTensors.Contents back = SafeTensors.read(path);
        assertSameTensors(in, back.tensors());
        assertEquals(Map.of("k", "v"), back.metadata());
        assertSameTensors(in, SafeTensors.read(Files.readAllBytes(path)).tensors());
    }

    /** A corrupt file read from disk is refused before any tensor is allocated, and the message names the file. */
    @Test
    void aHeaderPromisingHugeTensorsOnASmallFileIsRefusedFromDisk(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("liar.safetensors");
        Files.write(path, file("{\"w\":{\"dtype\":\"F64\",\"shape\":[100000,20000],\"data_offsets\":[0,16000000000]}}", 16));
        assertContainsAll(assertThrows(FormatException.class, () -> SafeTensors.read(path)).getMessage(),
                "liar.safetensors", "file is truncated: header promises 16000000000 bytes of tensor data, found 16");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
