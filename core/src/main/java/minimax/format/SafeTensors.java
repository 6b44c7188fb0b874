package minimax.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.tensor.DType;
import minimax.tensor.Tensor;

/**
 * Reads and writes the <a href="https://huggingface.co/docs/safetensors">safetensors</a> layout: an
 * 8-byte little-endian header length {@code N}, then {@code N} bytes of UTF-8 JSON mapping each
 * tensor name to {@code {"dtype": "F32"|"F64", "shape": [...], "data_offsets": [begin, end]}} (plus
 * an optional {@code "__metadata__"} object of strings), padded with spaces to a multiple of 8, then
 * the tensors' little-endian bytes, contiguous, offsets relative to the end of the header.
 *
 * <p>Reading checks every field, and that the data exactly fills the rest of the file, before it
 * allocates any tensor; any inconsistency is one {@link FormatException}. Values are copied bit for
 * bit (NaN payloads, −0.0, subnormals). Files are streamed in 64 KiB chunks, so reading or writing
 * needs memory for the tensors only, not a second copy of the file.
 */
public final class SafeTensors {
    /** Headers larger than this are refused as corrupt. */
    public static final long MAX_HEADER_BYTES = 100L << 20;

    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensors() {}

    /**
     * The contents of a file.
     *
     * @param tensors the tensors in the order their data appears in the file
     * @param metadata the {@code __metadata__} strings in file order (empty if absent)
     */
    public record Contents(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {}

    /** One header entry, validated on its own; {@code [begin, end)} is relative to the data buffer. */
    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

    /** Random access to the bytes of a file or an array. */
    private interface Source {
        long size();

        /** Fills {@code into} from its position to its limit with the bytes at {@code position}. */
        void read(long position, ByteBuffer into) throws IOException;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes tensors, in map order, and metadata ({@code null} for none) to {@code out}, which stays
     * open. Neither argument is modified.
     *
     * @throws IllegalArgumentException for a tensor named {@code __metadata__} or a null metadata value
     */
    public static void write(OutputStream out, LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] json = Json.write(headerOf(tensors, metadata)).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // the reference writer pads so the data starts 8-byte aligned
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.write(json);
        for (int i = json.length; i < padded; i++) out.write(' ');
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors.values()) {
            int n = t.size(), per = CHUNK_BYTES / width(t.dtype());
            for (int done = 0; done < n; done += per) {
                int k = Math.min(per, n - done);
                chunk.clear();
                // the buffer views copy raw bits (floatToRawIntBits), so NaN payloads survive
                if (t.dtype() == DType.FLOAT32) chunk.asFloatBuffer().put(t.floatData(), done, k);
                else chunk.asDoubleBuffer().put(t.doubleData(), done, k);
                out.write(chunk.array(), 0, k * width(t.dtype()));
            }
        }
    }

    /** Writes a file atomically (see {@link AtomicFiles#write}): a reader never sees half of it. */
    public static void write(Path path, LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        AtomicFiles.write(path, out -> write(out, tensors, metadata));
    }

    /** The file as a byte array, for tests and in-memory use. */
    public static byte[] toBytes(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static Map<String, Object> headerOf(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getValue() == null) throw new IllegalArgumentException("metadata value for '" + e.getKey() + "' is null; the format holds only strings");
            }
            header.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if ("__metadata__".equals(e.getKey())) throw new IllegalArgumentException("a tensor cannot be named __metadata__, the format reserves it");
            Tensor t = e.getValue();
            long bytes = (long) t.size() * width(t.dtype());
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) shape.add((long) d);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", t.dtype() == DType.FLOAT32 ? "F32" : "F64");
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        return header;
    }

    // ---------------------------------------------------------------- reading

    /** Reads a file; error messages start with its path. */
    public static Contents read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) throw new FormatException(path + " does not exist or is not a file");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            return read(new Source() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public void read(long position, ByteBuffer into) throws IOException {
                    for (long at = position; into.hasRemaining(); ) {
                        int n = channel.read(into, at);
                        // -1 only if the file shrank after size() was taken
                        if (n < 0) throw new FormatException("file is truncated: it shrank while being read");
                        at += n;
                    }
                }
            });
        } catch (FormatException e) {
            throw new FormatException(path + ": " + e.getMessage());
        }
    }

    /** Reads the layout from the bytes of a whole file. */
    public static Contents read(byte[] file) throws FormatException {
        try {
            return read(new Source() {
                @Override
                public long size() {
                    return file.length;
                }

                @Override
                public void read(long position, ByteBuffer into) {
                    into.put(file, (int) position, into.remaining());
                }
            });
        } catch (FormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an array source does no I/O
        }
    }

    private static Contents read(Source source) throws IOException {
        long size = source.size();
        if (size < 8) throw new FormatException("not a safetensors file: " + size + " bytes, expected at least 8 (the header length)");
        ByteBuffer lengthField = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        source.read(0, lengthField);
        long headerLength = lengthField.getLong(0); // an unsigned u64 above 2^63 reads as negative and fails the range check
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) throw new FormatException("not a safetensors file: header length " + headerLength + " is outside [2, " + MAX_HEADER_BYTES + "]");
        if (headerLength > size - 8) throw new FormatException("file is truncated: the header needs " + headerLength + " bytes, only " + (size - 8) + " follow");
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        source.read(8, headerBytes);
        Map<String, Object> header = parseHeader(headerBytes.flip());

        Map<String, String> metadata = metadata(header.get("__metadata__"));
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (!e.getKey().equals("__metadata__")) entries.add(entry(e.getKey(), e.getValue()));
        }
        // by begin, then end: an empty tensor may share its begin with the next one (the reference writer does this)
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : entries) {
            if (e.begin() != expected) throw new FormatException("tensor '" + e.name() + "' starts at byte " + e.begin() + ", expected " + expected + " (tensors must be contiguous, without gaps or overlaps)");
            expected = e.end();
        }
        long dataStart = 8 + headerLength, available = size - dataStart;
        if (expected > available) throw new FormatException("file is truncated: header promises " + expected + " bytes of tensor data, found " + available);
        if (expected < available) throw new FormatException("file has " + (available - expected) + " unexpected bytes after the tensor data");

        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : entries) tensors.put(e.name(), tensor(e, source, dataStart + e.begin(), chunk));
        return new Contents(tensors, metadata);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseHeader(ByteBuffer utf8) throws FormatException {
        String text;
        try {
            // a strict decoder: new String(...) would turn invalid bytes into U+FFFD silently
            text = StandardCharsets.UTF_8.newDecoder().decode(utf8).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("safetensors header is not valid UTF-8");
        }
        Object parsed = Json.parse(text);
        if (!(parsed instanceof Map)) throw new FormatException("safetensors header must be a JSON object, found " + (parsed instanceof List ? "an array" : String.valueOf(parsed)));
        return (Map<String, Object>) parsed;
    }

    private static Map<String, String> metadata(Object raw) throws FormatException {
        if (raw == null) return Collections.emptyMap();
        if (!(raw instanceof Map)) throw new FormatException("__metadata__ must be an object of strings");
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            if (!(e.getValue() instanceof String)) throw new FormatException("__metadata__ value for '" + e.getKey() + "' must be a string, got " + e.getValue());
            m.put((String) e.getKey(), (String) e.getValue());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String name, Object raw) throws FormatException {
        if (!(raw instanceof Map)) throw new FormatException("tensor '" + name + "' must be described by an object");
        Map<String, Object> m = (Map<String, Object>) raw;
        Object dtypeName = m.get("dtype");
        DType dtype;
        if ("F32".equals(dtypeName)) dtype = DType.FLOAT32;
        else if ("F64".equals(dtypeName)) dtype = DType.FLOAT64;
        else throw new FormatException("tensor '" + name + "' has dtype " + dtypeName + "; supported: F32, F64");
        if (!(m.get("shape") instanceof List)) throw new FormatException("tensor '" + name + "' needs a list 'shape'");
        List<Object> dims = (List<Object>) m.get("shape");
        int[] shape = new int[dims.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Object d = dims.get(i);
            if (!(d instanceof Long) || (Long) d < 0 || (Long) d > Integer.MAX_VALUE) throw new FormatException("tensor '" + name + "' has shape " + dims + "; dimensions must be non-negative integers");
            shape[i] = (int) (long) (Long) d;
            count *= shape[i];
            if (count > Integer.MAX_VALUE) throw new FormatException("tensor '" + name + "' is too large: shape " + dims + " has more than " + Integer.MAX_VALUE + " elements");
        }
        Object offsets = m.get("data_offsets");
        if (!(offsets instanceof List) || ((List<Object>) offsets).size() != 2
                || !(((List<Object>) offsets).get(0) instanceof Long) || !(((List<Object>) offsets).get(1) instanceof Long)) {
            throw new FormatException("tensor '" + name + "' needs 'data_offsets' [begin, end] of integers, got " + offsets);
        }
        long begin = (Long) ((List<Object>) offsets).get(0), end = (Long) ((List<Object>) offsets).get(1);
        long bytes = count * width(dtype);
        if (begin < 0 || end - begin != bytes) throw new FormatException("tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] but shape " + dims + " of " + dtypeName + " needs " + bytes + " bytes");
        return new Entry(name, dtype, shape, begin, end);
    }

    /** Reads one tensor's values, starting at absolute byte {@code position}, through {@code chunk}. */
    private static Tensor tensor(Entry e, Source source, long position, ByteBuffer chunk) throws IOException {
        int n = Math.toIntExact((e.end() - e.begin()) / width(e.dtype())), per = CHUNK_BYTES / width(e.dtype());
        float[] f = e.dtype() == DType.FLOAT32 ? new float[n] : null;
        double[] d = f == null ? new double[n] : null;
        for (int done = 0; done < n; done += per) {
            int k = Math.min(per, n - done);
            chunk.clear().limit(k * width(e.dtype()));
            source.read(position + (long) done * width(e.dtype()), chunk);
            chunk.flip();
            if (f != null) chunk.asFloatBuffer().get(f, done, k);
            else chunk.asDoubleBuffer().get(d, done, k);
        }
        return f != null ? Tensor.wrap(f, e.shape()) : Tensor.wrap(d, e.shape());
    }

    private static int width(DType dtype) {
        return dtype == DType.FLOAT32 ? 4 : 8;
    }
}
