package minimax.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import minimax.format.FormatException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed.
 *
 * <p>Layout (all integers big-endian): a magic number {@code 0x00 0x00 TYPE NDIMS}; then
 * {@code NDIMS} int32 dimension sizes; then the values, row-major. Only {@code TYPE = 0x08}
 * (unsigned byte) is read, the type of every MNIST-family file. Compression is recognised by the
 * gzip magic {@code 0x1f 0x8b}, not by the file name.
 *
 * <pre>{@code
 * Idx.Data images = Idx.read(Path.of("train-images-idx3-ubyte.gz"));   // shape [60000, 28, 28]
 * int firstPixel = images.unsigned(0);                                  // 0..255
 * }</pre>
 *
 * <p>A corrupt header is checked before anything of the size it claims is allocated: against the
 * file size for raw files; for gzip files the values are read in chunks, so memory grows only with
 * the data that is really there.
 */
public final class Idx {
    /** The IDX type code of unsigned bytes, the only one read. */
    public static final int UNSIGNED_BYTE = 0x08;
    /** The largest number of dimensions accepted; MNIST-family files have 1 (labels) or 3 (images). */
    public static final int MAX_DIMENSIONS = 4;

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8; // the largest Java array

    private Idx() {}

    /**
     * The content of an IDX file of unsigned bytes.
     *
     * @param shape   dimension sizes, e.g. {@code [60000, 28, 28]}
     * @param values  the {@code product(shape)} values, row-major, as stored (read them with
     *                {@link #unsigned}: Java bytes are signed)
     */
    public record Data(int[] shape, byte[] values) {
        /** The size of the first dimension: the number of items (images or labels). */
        public int count() {
            return shape[0];
        }

        /** The number of values in one item: the product of all dimensions but the first (1 for labels). */
        public int itemSize() {
            int size = 1;
            for (int i = 1; i < shape.length; i++) size *= shape[i];
            return size;
        }

        /** Value {@code i} (flat, row-major) as the unsigned number 0..255 it stands for. */
        public int unsigned(int i) {
            return values[i] & 0xff;
        }

        /** Shape and value count; the values themselves are left out. */
        @Override
        public String toString() {
            return "Idx.Data[shape=" + Arrays.toString(shape) + ", " + values.length + " values]";
        }
    }

    /**
     * Reads a whole IDX file of unsigned bytes.
     *
     * @param file  a raw or gzip-compressed IDX file (not modified)
     * @throws FormatException  if the magic number, type or dimension count is wrong, the data is
     *                          shorter than the dimensions say, or bytes follow it; the message
     *                          names the file, what was expected and what came
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     */
    public static Data read(Path file) throws IOException {
        boolean gzip = isGzip(file);
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int[] shape = readHeader(in, file);
            long count = valueCount(shape, file);
            long headerBytes = 4 + 4L * shape.length;
            byte[] values;
            if (gzip) {
                values = in.readNBytes((int) count); // grows chunk by chunk: a lying header cannot force a huge allocation
            } else {
                long available = Files.size(file) - headerBytes;
                if (available < count) throw truncated(file, shape, count, available);
                values = new byte[(int) count];
                in.readNBytes(values, 0, values.length);
            }
            if (values.length < count) throw truncated(file, shape, count, values.length);
            if (in.read() != -1) {
                long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
                throw new FormatException("IDX file " + file + ": expected " + count + " data bytes for shape " + Arrays.toString(shape)
                        + ", but " + extra + " more byte(s) follow them" + (gzip ? " (after decompression)" : ""));
            }
            return new Data(shape, values);
        } catch (EOFException | ZipException e) {
            // a damaged gzip stream: GZIPInputStream reports it without the file name
            FormatException wrapped = new FormatException("IDX file " + file + ": damaged gzip data (" + e.getMessage() + ")");
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && (start[0] & 0xff) == GZIP_MAGIC_0 && (start[1] & 0xff) == GZIP_MAGIC_1;
        }
    }

    private static int[] readHeader(InputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new FormatException("IDX file " + file + ": expected a 4-byte magic number 0x00 0x00 TYPE NDIMS, but the file has only " + magic.length + " byte(s)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new FormatException("IDX file " + file + ": expected magic number 0x00 0x00 TYPE NDIMS, got " + hex(magic) + " (not an IDX file)");
        }
        int type = magic[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new FormatException("IDX file " + file + ": expected data type 0x08 (unsigned byte), got type code " + String.format("0x%02x", type)
                    + " (" + typeName(type) + "), which is not supported");
        }
        int dimensions = magic[3] & 0xff;
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new FormatException("IDX file " + file + ": expected 1 to " + MAX_DIMENSIONS + " dimensions, got " + dimensions);
        }
        byte[] sizes = in.readNBytes(4 * dimensions);
        if (sizes.length < 4 * dimensions) {
            throw new FormatException("IDX file " + file + ": expected " + dimensions + " dimension sizes (" + 4 * dimensions + " bytes) after the magic number, but the file ends after "
                    + sizes.length + " of those bytes");
        }
        int[] shape = new int[dimensions];
        for (int i = 0; i < dimensions; i++) {
            shape[i] = ((sizes[4 * i] & 0xff) << 24) | ((sizes[4 * i + 1] & 0xff) << 16) | ((sizes[4 * i + 2] & 0xff) << 8) | (sizes[4 * i + 3] & 0xff);
            if (shape[i] < 0) throw new FormatException("IDX file " + file + ": dimension " + i + " has size " + Integer.toUnsignedString(shape[i]) + ", more than an IDX reader can hold (at most " + Integer.MAX_VALUE + ")");
        }
        return shape;
    }

    private static long valueCount(int[] shape, Path file) throws FormatException {
        long count = 1;
        for (int size : shape) {
            count *= size;
            if (count > MAX_VALUES) {
                throw new FormatException("IDX file " + file + ": shape " + Arrays.toString(shape) + " has more than " + MAX_VALUES + " values, more than one array can hold (a corrupt header?)");
            }
        }
        return count;
    }

    private static FormatException truncated(Path file, int[] shape, long expected, long got) {
        return new FormatException("IDX file " + file + ": truncated: shape " + Arrays.toString(shape) + " needs " + expected + " data bytes, got " + got);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(sb.length() == 0 ? "" : " ").append(String.format("0x%02x", b & 0xff));
        return sb.toString();
    }

    /** The IDX names of the type codes, so an error can say what the file holds. */
    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "int16";
            case 0x0C -> "int32";
            case 0x0D -> "float32";
            case 0x0E -> "float64";
            default -> "not an IDX type";
        };
    }
}
