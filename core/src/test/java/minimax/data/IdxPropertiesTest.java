package minimax.data;

import static minimax.data.IdxFiles.gzip;
import static minimax.data.IdxFiles.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import minimax.format.FormatException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random IDX files round trip raw and gzip; any shortening or extension of one is a {@link FormatException}. */
class IdxPropertiesTest {

    private static byte[] randomValues(int[] shape, long seed) {
        int n = 1;
        for (int s : shape) n *= s;
        byte[] v = new byte[n];
        new Random(seed).nextBytes(v);
        return v;
    }

    private static Path temp(byte[] content) throws IOException {
        Path file = Files.createTempFile("idx-property", "");
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file;
    }

    @Property(tries = 100)
    void roundTrips(@ForAll @IntRange(min = 1, max = 4) int rank, @ForAll @IntRange(min = 0, max = 5) int size, @ForAll long seed, @ForAll boolean compressed) throws IOException {
        int[] shape = new int[rank];
        Random random = new Random(seed);
        for (int i = 0; i < rank; i++) shape[i] = random.nextInt(size + 1);
        byte[] values = randomValues(shape, seed);
        byte[] file = idx(shape, values);
        Path path = temp(compressed ? gzip(file) : file);
        try {
            Idx.Data data = Idx.read(path);
            assertArrayEquals(shape, data.shape());
            assertArrayEquals(values, data.values());
        } finally {
            Files.delete(path);
        }
    }

    @Property(tries = 100)
    void anyOtherLengthIsRejected(@ForAll @IntRange(min = 1, max = 30) int items, @ForAll @IntRange(min = -40, max = 5) int change, @ForAll boolean compressed) throws IOException {
        Assume.that(change != 0);
        byte[] good = idx(new int[] {items}, randomValues(new int[] {items}, items));
        byte[] damaged = java.util.Arrays.copyOf(good, Math.max(0, good.length + change)); // longer: zero bytes appended
        Path path = temp(compressed ? gzip(damaged) : damaged);
        try {
            assertThrows(FormatException.class, () -> Idx.read(path));
        } finally {
            Files.delete(path);
        }
    }
}
