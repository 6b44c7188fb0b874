package minimax.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.tensor.DType;
import minimax.tensor.Tensor;

/**
 * Reads and writes the safetensors layout: an 8-byte little-endian header length {@code N}, then
 * {@code N} bytes of UTF-8 JSON mapping each tensor name to
 * {@code {"dtype": "F32"|"F64", "shape": [...], "data_offsets": [begin, end]}} (plus an optional
 * {@code "__metadata__"} object of strings), padded with spaces to a multiple of 8, then the
 * tensors' little-endian bytes, contiguous, offsets relative to the end of the header.
 *
 * <p>Reading checks every field and that the data exactly fills the rest of the file; any
 * inconsistency is one {@link FormatException}. Data is copied bit for bit (NaN payloads, −0.0).
 */
public final class SafeTensors {
    /** Headers larger than this are refused as corrupt. */
    public static final long MAX_HEADER_BYTES = 100L << 20;

    private SafeTensors() {}

    /** Tensors in offset order and the metadata strings of a file. */
    public static final class Contents {
        private final LinkedHashMap<String, Tensor> tensors;
        private final Map<String, String> metadata;

        Contents(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
            this.tensors = tensors;
            this.metadata = metadata;
        }

        /** The tensors, in the order their data appears. */
        public LinkedHashMap<String, Tensor> tensors() {
            return tensors;
        }

        /** The {@code __metadata__} strings (empty if absent). */
        public Map<String, String> metadata() {
            return metadata;
        }
    }

    /** Writes tensors (in map order) and metadata to {@code out}; does not close it. */
    public static void write(OutputStream out, LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (e.getValue() == null) throw new IllegalArgumentException("metadata value for '" + e.getKey() + "' is null; the format holds only strings");
            }
            header.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals("__metadata__")) throw new IllegalArgumentException("a tensor cannot be named __metadata__");
            Tensor t = e.getValue();
            long bytes = (long) t.size() * width(t.dtype());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", t.dtype() == DType.FLOAT32 ? "F32" : "F64");
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) shape.add((long) d);
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        out.write(length.array());
        out.write(json);
        for (int i = json.length; i < padded; i++) out.write(' ');
        for (Tensor t : tensors.values()) out.write(bytesOf(t));
    }

    /** Writes to a byte array (for tests and in-memory use). */
    public static byte[] toBytes(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(out, tensors, metadata);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }

    /** Reads a file; errors name it. */
    public static Contents read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) throw new FormatException(path + " does not exist or is not a file");
        try {
            return read(Files.readAllBytes(path));
        } catch (FormatException e) {
            throw new FormatException(path + ": " + e.getMessage());
        }
    }

    /** Reads the layout from bytes. */
    @SuppressWarnings("unchecked")
    public static Contents read(byte[] file) throws FormatException {
        if (file.length < 8) throw new FormatException("not a safetensors file: " + file.length + " bytes, expected at least 8 (the header length)");
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) throw new FormatException("not a safetensors file: header length " + headerLength + " is outside [2, " + MAX_HEADER_BYTES + "]");
        if (8 + headerLength > file.length) throw new FormatException("file is truncated: the header needs " + headerLength + " bytes, only " + (file.length - 8) + " follow");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file, 8, (int) headerLength)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("safetensors header is not valid UTF-8");
        }
        Object parsed = Json.parse(text);
        if (!(parsed instanceof Map)) throw new FormatException("safetensors header must be a JSON object");
        Map<String, Object> header = (Map<String, Object>) parsed;
        Map<String, String> metadata = metadata(header.get("__metadata__"));
        int dataStart = (int) (8 + headerLength);
        long available = file.length - dataStart;
        List<Object[]> entries = new ArrayList<>(); // {name, dtype, shape, begin, end}
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) continue;
            entries.add(entry(e.getKey(), e.getValue()));
        }
        // by begin, then end: an empty tensor may share its begin with the next one (the reference writer does this)
        entries.sort(Comparator.comparing((Object[] en) -> (Long) en[3]).thenComparing(en -> (Long) en[4]));
        long expected = 0;
        for (Object[] en : entries) {
            long begin = (Long) en[3], end = (Long) en[4];
            if (begin != expected) throw new FormatException("tensor '" + en[0] + "' starts at byte " + begin + ", expected " + expected + " (tensors must be contiguous, without gaps or overlaps)");
            expected = end;
        }
        if (expected > available) throw new FormatException("file is truncated: header promises " + expected + " bytes of tensor data, found " + available);
        if (expected < available) throw new FormatException("file has " + (available - expected) + " unexpected bytes after the tensor data");
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        for (Object[] en : entries) {
            tensors.put((String) en[0], tensorOf((DType) en[1], (int[]) en[2], file, dataStart + (int) (long) (Long) en[3]));
        }
        return new Contents(tensors, metadata);
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
    private static Object[] entry(String name, Object raw) throws FormatException {
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
            if (count > Integer.MAX_VALUE) throw new FormatException("tensor '" + name + "' is too large: shape " + dims);
        }
        Object offsets = m.get("data_offsets");
        if (!(offsets instanceof List) || ((List<Object>) offsets).size() != 2
                || !(((List<Object>) offsets).get(0) instanceof Long) || !(((List<Object>) offsets).get(1) instanceof Long)) {
            throw new FormatException("tensor '" + name + "' needs 'data_offsets' [begin, end] of integers, got " + offsets);
        }
        long begin = (Long) ((List<Object>) offsets).get(0), end = (Long) ((List<Object>) offsets).get(1);
        long bytes = count * width(dtype);
        if (begin < 0 || end - begin != bytes) throw new FormatException("tensor '" + name + "' has data_offsets [" + begin + ", " + end + "] but shape " + dims + " of " + dtypeName + " needs " + bytes + " bytes");
        return new Object[] {name, dtype, shape, begin, end};
    }

    private static int width(DType dtype) {
        return dtype == DType.FLOAT32 ? 4 : 8;
    }

    private static byte[] bytesOf(Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(t.size() * width(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        if (t.dtype() == DType.FLOAT32) {
            for (float v : t.floatData()) b.putInt(Float.floatToRawIntBits(v));
        } else {
            for (double v : t.doubleData()) b.putLong(Double.doubleToRawLongBits(v));
        }
        return b.array();
    }

    private static Tensor tensorOf(DType dtype, int[] shape, byte[] file, int start) {
        int n = 1;
        for (int d : shape) n *= d;
        ByteBuffer b = ByteBuffer.wrap(file, start, n * width(dtype)).order(ByteOrder.LITTLE_ENDIAN);
        if (dtype == DType.FLOAT32) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat(b.getInt());
            return Tensor.wrap(v, shape);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Double.longBitsToDouble(b.getLong());
        return Tensor.wrap(v, shape);
    }
}
