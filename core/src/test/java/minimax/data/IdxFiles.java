package minimax.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents for tests: header bytes, data bytes, gzip. */
final class IdxFiles {
    private IdxFiles() {}

    /** {@code 0x00 0x00 type ndims}, the dimension sizes big-endian, then {@code values}. */
    static byte[] idx(int type, int[] shape, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + values.length); // big-endian by default
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) shape.length);
        for (int size : shape) b.putInt(size);
        b.put(values);
        return b.array();
    }

    /** An unsigned-byte IDX file. */
    static byte[] idx(int[] shape, byte[] values) {
        return idx(Idx.UNSIGNED_BYTE, shape, values);
    }

    /** {@code bytes} compressed with gzip. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code bytes} without its last {@code k} bytes. */
    static byte[] dropLast(byte[] bytes, int k) {
        return java.util.Arrays.copyOf(bytes, bytes.length - k);
    }

    /** {@code bytes} followed by {@code extra}. */
    static byte[] append(byte[] bytes, byte... extra) {
        byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + extra.length);
        System.arraycopy(extra, 0, all, bytes.length, extra.length);
        return all;
    }
}
