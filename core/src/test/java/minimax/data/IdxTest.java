package minimax.data;

import static minimax.data.IdxFiles.append;
import static minimax.data.IdxFiles.dropLast;
import static minimax.data.IdxFiles.gzip;
import static minimax.data.IdxFiles.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import minimax.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here by hand: good ones raw and gzip, and every kind of damage. */
class IdxTest {
    @TempDir
    Path dir;

    private static final int[] SHAPE = {2, 2, 3};
    private static final byte[] VALUES = {0, 1, 2, 127, (byte) 128, (byte) 255, 10, 20, 30, 40, 50, 60};

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private FormatException failure(String name, byte[] content) throws IOException {
        Path file = write(name, content);
        FormatException e = assertThrows(FormatException.class, () -> Idx.read(file));
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void readsARawFile() throws IOException {
        Idx.Data data = Idx.read(write("images-idx3-ubyte", idx(SHAPE, VALUES)));
        assertArrayEquals(SHAPE, data.shape());
        assertArrayEquals(VALUES, data.values());
        assertEquals(2, data.count());
        assertEquals(6, data.itemSize());
        assertEquals(128, data.unsigned(4));
        assertEquals(255, data.unsigned(5));
    }

    @Test
    void readsAGzipFileByItsMagicNotItsName() throws IOException {
        Idx.Data unnamed = Idx.read(write("no-extension", gzip(idx(SHAPE, VALUES))));
        assertArrayEquals(SHAPE, unnamed.shape());
        assertArrayEquals(VALUES, unnamed.values());
        // and a raw file that is misleadingly called .gz is still read raw
        assertArrayEquals(VALUES, Idx.read(write("raw.gz", idx(SHAPE, VALUES))).values());
    }

    @Test
    void readsLabelsAndEmptyFiles() throws IOException {
        Idx.Data labels = Idx.read(write("labels", idx(new int[] {3}, new byte[] {9, 0, 4})));
        assertArrayEquals(new int[] {3}, labels.shape());
        assertEquals(1, labels.itemSize());
        Idx.Data empty = Idx.read(write("empty", idx(new int[] {0, 28, 28}, new byte[0])));
        assertEquals(0, empty.values().length);
    }

    @Test
    void truncatedDataSaysHowManyBytesWereExpected() throws IOException {
        FormatException raw = failure("short", dropLast(idx(SHAPE, VALUES), 1));
        assertTrue(raw.getMessage().endsWith("truncated: shape [2, 2, 3] needs 12 data bytes, got 11"), raw.getMessage());
        FormatException gz = failure("short.gz", gzip(dropLast(idx(SHAPE, VALUES), 5)));
        assertTrue(gz.getMessage().endsWith("truncated: shape [2, 2, 3] needs 12 data bytes, got 7"), gz.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        assertTrue(failure("two-bytes", new byte[] {0, 0}).getMessage().contains("has only 2 byte(s)"));
        FormatException dims = failure("cut-dims", dropLast(idx(SHAPE, new byte[0]), 3));
        assertTrue(dims.getMessage().contains("expected 3 dimension sizes (12 bytes)"), dims.getMessage());
        assertTrue(failure("zero-bytes", new byte[0]).getMessage().contains("has only 0 byte(s)"));
    }

    @Test
    void wrongMagicNamesWhatCame() throws IOException {
        FormatException png = failure("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});
        assertTrue(png.getMessage().endsWith("expected magic number 0x00 0x00 TYPE NDIMS, got 0x89 0x50 0x4e 0x47 (not an IDX file)"), png.getMessage());
        FormatException insideGzip = failure("text.gz", gzip("hello world".getBytes()));
        assertTrue(insideGzip.getMessage().contains("got 0x68 0x65 0x6c 0x6c"), insideGzip.getMessage());
    }

    @Test
    void unsupportedTypeNamesItsCode() throws IOException {
        FormatException e = failure("floats", idx(0x0D, new int[] {1}, new byte[4]));
        assertTrue(e.getMessage().endsWith("expected data type 0x08 (unsigned byte), got type code 0x0d (float32), which is not supported"), e.getMessage());
        assertTrue(failure("odd", idx(0x42, new int[] {1}, new byte[1])).getMessage().contains("0x42 (not an IDX type)"));
    }

    @Test
    void dimensionCountMustBeOneToFour() throws IOException {
        assertTrue(failure("zero-dims", idx(new int[0], new byte[1])).getMessage().endsWith("expected 1 to 4 dimensions, got 0"));
        assertTrue(failure("five-dims", idx(new int[] {1, 1, 1, 1, 1}, new byte[1])).getMessage().endsWith("expected 1 to 4 dimensions, got 5"));
    }

    @Test
    void trailingBytesAreCounted() throws IOException {
        FormatException raw = failure("long", append(idx(SHAPE, VALUES), (byte) 7, (byte) 8));
        assertTrue(raw.getMessage().endsWith("expected 12 data bytes for shape [2, 2, 3], but 2 more byte(s) follow them"), raw.getMessage());
        FormatException gz = failure("long.gz", gzip(append(idx(SHAPE, VALUES), (byte) 7)));
        assertTrue(gz.getMessage().contains("but 1 more byte(s) follow them (after decompression)"), gz.getMessage());
    }

    @Test
    void absurdHeadersFailBeforeAllocating() throws IOException {
        // 2^30 · 2^30 values cannot be one array
        FormatException huge = failure("huge", idx(new int[] {1 << 30, 1 << 30}, new byte[3]));
        assertTrue(huge.getMessage().contains("more than one array can hold"), huge.getMessage());
        // two billion bytes claimed by a 20-byte file: compared with the file size, not allocated
        FormatException raw = failure("liar", idx(new int[] {2_000_000_000}, new byte[3]));
        assertTrue(raw.getMessage().endsWith("needs 2000000000 data bytes, got 3"), raw.getMessage());
        // and in gzip, where the size is unknown until read: memory follows the real data
        FormatException gz = failure("liar.gz", gzip(idx(new int[] {2_000_000_000}, new byte[3])));
        assertTrue(gz.getMessage().endsWith("needs 2000000000 data bytes, got 3"), gz.getMessage());
        FormatException negative = failure("negative", idx(new int[] {-1}, new byte[0]));
        assertTrue(negative.getMessage().contains("dimension 0 has size 4294967295"), negative.getMessage());
    }

    @Test
    void damagedGzipIsAFormatException() throws IOException {
        byte[] good = gzip(idx(SHAPE, VALUES));
        FormatException cut = failure("cut.gz", dropLast(good, good.length / 2));
        assertTrue(cut.getMessage().contains("damaged gzip data"), cut.getMessage());
        byte[] scrambled = good.clone();
        for (int i = 10; i < scrambled.length - 8; i++) scrambled[i] ^= (byte) 0x5a;
        failure("scrambled.gz", scrambled);
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nowhere-idx3-ubyte");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Idx.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
