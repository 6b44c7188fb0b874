package minimax.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random tensor sets round trip bit for bit; random damage is always a {@link FormatException}. */
class SafeTensorsPropertiesTest {

    /** A tensor of rank 0 to 3, dimensions 0 to 3, either dtype, elements of random bit patterns (NaNs included). */
    @Provide
    Arbitrary<Tensor> tensors() {
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 3).array(int[].class).ofMaxSize(3);
        return Combinators.combine(shapes, Arbitraries.of(DType.class), Arbitraries.longs()).as((shape, dtype, seed) -> {
            int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            java.util.Random random = new java.util.Random(seed);
            if (dtype == DType.FLOAT32) {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = Float.intBitsToFloat(random.nextInt());
                return Tensor.of(v, shape);
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = Double.longBitsToDouble(random.nextLong());
            return Tensor.of(v, shape);
        });
    }

    @Provide
    Arbitrary<LinkedHashMap<String, Tensor>> tensorSets() {
        Arbitrary<String> names = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6).filter(s -> !s.equals("__metadata__"));
        return Arbitraries.maps(names, tensors()).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static boolean sameBits(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype() || !Arrays.equals(a.shape(), b.shape())) return false;
        if (a.dtype() == DType.FLOAT32) {
            float[] x = a.floatData(), y = b.floatData();
            for (int i = 0; i < x.length; i++) if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) return false;
            return x.length == y.length;
        }
        double[] x = a.doubleData(), y = b.doubleData();
        for (int i = 0; i < x.length; i++) if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) return false;
        return x.length == y.length;
    }

    @Property(tries = 200)
    boolean writeThenReadGivesTheSameTensorsBitForBit(@ForAll("tensorSets") LinkedHashMap<String, Tensor> in,
            @ForAll Map<@net.jqwik.api.constraints.StringLength(max = 5) String, @net.jqwik.api.constraints.StringLength(max = 5) String> metadata)
            throws FormatException {
        byte[] bytes = SafeTensors.toBytes(in, metadata);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength % 8 != 0) return false;
        SafeTensors.Contents back = SafeTensors.read(bytes);
        if (!back.metadata().equals(metadata)) return false;
        // Read order is data order, which is the written order except that empty tensors may move: compare by name.
        if (!back.tensors().keySet().equals(in.keySet())) return false;
        for (String name : in.keySet()) if (!sameBits(in.get(name), back.tensors().get(name))) return false;
        // Non-empty tensors keep their written order.
        List<String> writtenNonEmpty = in.keySet().stream().filter(k -> in.get(k).size() > 0).toList();
        List<String> readNonEmpty = back.tensors().keySet().stream().filter(k -> in.get(k).size() > 0).toList();
        return writtenNonEmpty.equals(readNonEmpty);
    }

    /** Overwriting one to three bytes anywhere gives a file that reads, or one FormatException; never another exception. */
    @Property(tries = 300)
    void randomDamageIsReadOrRejectedWithFormatExceptionOnly(@ForAll("tensorSets") LinkedHashMap<String, Tensor> in,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll byte[] replacement) {
        byte[] bytes = SafeTensors.toBytes(in, Map.of("k", "v"));
        for (int i = 0; i < Math.min(3, replacement.length); i++) bytes[(int) (((long) where + i * 7919L) % bytes.length)] = replacement[i];
        try {
            SafeTensors.read(bytes);
        } catch (FormatException expected) {
            // fine
        }
    }

    /** Header text damaged by a character edit (the likelier corruption of a hand-edited file). */
    @Property(tries = 300)
    void damagedHeaderTextIsReadOrRejectedWithFormatExceptionOnly(@ForAll("tensorSets") LinkedHashMap<String, Tensor> in,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll("headerChars") char c) {
        byte[] bytes = SafeTensors.toBytes(in, null);
        int headerLength = (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        bytes[8 + where % headerLength] = (byte) c;
        try {
            SafeTensors.read(bytes);
        } catch (FormatException expected) {
            // fine
        }
    }

    @Provide
    Arbitrary<Character> headerChars() {
        return Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '-', '0', '1', '9', '.', 'e', ' ', 'n', '\\', 'F', '3', '6');
    }
}
