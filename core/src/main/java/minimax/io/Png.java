package minimax.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import minimax.format.AtomicFiles;

/**
 * Encodes images as PNG (ISO/IEC 15948) with the JDK alone: 8 bits per channel, RGB (colour type 2)
 * or grayscale (colour type 0), not interlaced.
 *
 * <p>Each row gets the filter (None, Sub, Up, Average or Paeth) whose output has the smallest sum of
 * absolute values, the heuristic the PNG specification recommends; the filtered rows are compressed
 * with {@link Deflater} into a zlib stream split over IDAT chunks of at most 64 KiB. Every chunk ends
 * with the CRC-32 of its type and data. Images are never modified.
 *
 * <pre>{@code
 * Png.write(Path.of("samples.png"), image);   // atomically: temporary file, then rename
 * }</pre>
 */
public final class Png {
    private Png() {}

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final int MAX_IDAT_BYTES = 1 << 16;

    /** The PNG file bytes of an RGB image. */
    public static byte[] encode(RgbImage image) {
        return encode(image.width(), image.height(), 3, image.rgbData());
    }

    /** The PNG file bytes of a grayscale image. */
    public static byte[] encode(GrayImage image) {
        return encode(image.width(), image.height(), 1, image.grayData());
    }

    /** Writes {@code image} as a PNG file, atomically (see {@link AtomicFiles#write}). */
    public static void write(Path file, RgbImage image) throws IOException {
        byte[] png = encode(image);
        AtomicFiles.write(file, out -> out.write(png));
    }

    /** Writes {@code image} as a grayscale PNG file, atomically (see {@link AtomicFiles#write}). */
    public static void write(Path file, GrayImage image) throws IOException {
        byte[] png = encode(image);
        AtomicFiles.write(file, out -> out.write(png));
    }

    /** PNG bytes of {@code width × height} pixels of {@code channels} (1 gray, 3 RGB) bytes each, row-major. */
    static byte[] encode(int width, int height, int channels, byte[] pixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 2 + 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;                                // bits per channel
        header[9] = (byte) (channels == 3 ? 2 : 0);   // colour type: truecolour or grayscale
        // bytes 10..12 stay 0: deflate compression, adaptive filtering, no interlace
        writeChunk(out, "IHDR", header, 0, header.length);
        byte[] zlib = deflate(filterRows(width, height, channels, pixels));
        for (int off = 0; off < zlib.length; off += MAX_IDAT_BYTES) {
            writeChunk(out, "IDAT", zlib, off, Math.min(MAX_IDAT_BYTES, zlib.length - off));
        }
        writeChunk(out, "IEND", new byte[0], 0, 0);
        return out.toByteArray();
    }

    /** Rows each preceded by their filter type byte, as the zlib stream must contain them. */
    static byte[] filterRows(int width, int height, int channels, byte[] pixels) {
        int stride = width * channels;
        byte[] filtered = new byte[height * (stride + 1)];
        byte[] candidate = new byte[stride];
        byte[] zeros = new byte[stride];
        for (int y = 0; y < height; y++) {
            int rowStart = y * stride, prevStart = y == 0 ? -1 : rowStart - stride;
            long bestCost = Long.MAX_VALUE;
            int target = y * (stride + 1);
            for (int type = 0; type <= 4; type++) {
                long cost = applyFilter(type, pixels, rowStart, prevStart < 0 ? zeros : pixels, Math.max(prevStart, 0), stride, channels, candidate);
                if (cost < bestCost) {
                    bestCost = cost;
                    filtered[target] = (byte) type;
                    System.arraycopy(candidate, 0, filtered, target + 1, stride);
                }
            }
        }
        return filtered;
    }

    /** Writes filter {@code type} of one row into {@code out}; returns the sum of |signed output bytes|. */
    private static long applyFilter(int type, byte[] row, int r, byte[] prevRow, int p, int stride, int bpp, byte[] out) {
        long cost = 0;
        for (int i = 0; i < stride; i++) {
            int x = row[r + i] & 0xFF;
            int a = i >= bpp ? row[r + i - bpp] & 0xFF : 0;          // left
            int b = prevRow[p + i] & 0xFF;                            // above
            int c = i >= bpp ? prevRow[p + i - bpp] & 0xFF : 0;     // above left
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                default -> paeth(a, b, c);
            };
            byte v = (byte) (x - predicted);
            out[i] = v;
            cost += Math.abs(v);
        }
        return cost;
    }

    /** The neighbour (left, above, above-left) closest to {@code a + b − c}; ties in that order. */
    static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION); // zlib wrapper (header + Adler-32), as PNG requires
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end(); // frees the native zlib memory now rather than at garbage collection
        }
    }

    /** Length, type, data and CRC-32 of type + data. */
    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data, int off, int len) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] four = new byte[4];
        putInt(four, 0, len);
        out.write(four, 0, 4);
        out.write(typeBytes, 0, 4);
        out.write(data, off, len);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, off, len);
        putInt(four, 0, (int) crc.getValue());
        out.write(four, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
