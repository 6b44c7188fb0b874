package minimax.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles}: the target holds the old or the new content, and no temporary file is left behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheContent() throws IOException {
        Path target = dir.resolve("config.json");
        AtomicFiles.writeString(target, "{\"é\":\"😀\"}");
        assertArrayEquals("{\"é\":\"😀\"}".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
        assertEquals(List.of("config.json"), namesIn(dir));
    }

    @Test
    void writesLargeBinaryContentPastTheBuffer() throws IOException {
        byte[] data = new byte[200_000]; // larger than the 64 KiB buffer
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        Path target = dir.resolve("weights.bin");
        AtomicFiles.write(target, out -> {
            out.write(data, 0, 1000);
            out.write(data, 1000, data.length - 1000);
        });
        assertArrayEquals(data, Files.readAllBytes(target));
    }

    @Test
    void writesAnEmptyFile() throws IOException {
        Path target = dir.resolve("empty");
        AtomicFiles.write(target, out -> { });
        assertEquals(0, Files.size(target));
    }

    @Test
    void overwritesAnExistingLongerFileCompletely() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "old content that is longer than the new one");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("model.safetensors"), namesIn(dir));
    }

    /** While the writer runs, the target still holds the old file and the temporary file sits in the same folder. */
    @Test
    void targetIsUntouchedWhileWritingAndTheTempFileIsASibling() throws IOException {
        Path target = dir.resolve("a.txt");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("old", Files.readString(target));
            List<String> names = namesIn(dir);
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith(".a.txt.tmp-")), names.toString());
        });
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("a.txt"), namesIn(dir));
    }

    @Test
    void whenTheWriterThrowsIOExceptionThePreviousFileIsIntactAndNoTempRemains() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.writeString(target, "previous");
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // partly written, some of it already flushed past the buffer
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of("model.safetensors"), namesIn(dir));
    }

    @Test
    void whenTheWriterThrowsUncheckedThePreviousFileIsIntactAndNoTempRemains() throws IOException {
        Path target = dir.resolve("x.json");
        Files.writeString(target, "previous");
        for (RuntimeException failure : List.of(new IllegalStateException("bad tensor"), new ArithmeticException())) {
            assertSame(failure, assertThrows(RuntimeException.class, () -> AtomicFiles.write(target, out -> {
                out.write(1);
                throw failure;
            })));
            assertEquals("previous", Files.readString(target));
            assertEquals(List.of("x.json"), namesIn(dir));
        }
        AssertionError error = new AssertionError("an Error");
        assertSame(error, assertThrows(AssertionError.class, () -> AtomicFiles.write(target, out -> {
            throw error;
        })));
        assertEquals(List.of("x.json"), namesIn(dir));
    }

    /** Checked exceptions can escape a lambda undeclared (sneaky throws, Kotlin callers); they must clean up too. */
    @Test
    void whenTheWriterThrowsAnUndeclaredCheckedExceptionNoTempRemains() throws IOException {
        Path target = dir.resolve("x.json");
        Files.writeString(target, "previous");
        Exception failure = new Exception("undeclared");
        Exception thrown = assertThrows(Exception.class, () -> AtomicFiles.write(target, out -> sneakyThrow(failure)));
        assertSame(failure, thrown);
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of("x.json"), namesIn(dir));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void whenTheWriterFailsAndNoFileExistedNoneIsCreated() {
        Path target = dir.resolve("new.bin");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(42);
            throw new IOException("boom");
        }));
        assertFalse(Files.exists(target));
        assertTrue(dir.toFile().list().length == 0);
    }

    @Test
    void createsParentFolders() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("c").resolve("model.json");
        AtomicFiles.writeString(target, "{}");
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("model.json"), namesIn(target.getParent()));
    }

    @Test
    void aTargetThatIsAFolderFailsWithoutLeavingATempFile() throws IOException {
        Path target = dir.resolve("folder");
        Files.createDirectories(target.resolve("inside"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertTrue(Files.isDirectory(target.resolve("inside")));
        assertEquals(List.of("folder"), namesIn(dir));
    }

    /** Files.createTempFile would make the temporary file owner-only, and the rename would pass that on. */
    @Test
    void theTargetGetsTheSamePermissionsAsAFileWrittenDirectly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path direct = dir.resolve("direct");
        Files.writeString(direct, "x");
        Path atomic = dir.resolve("atomic");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(direct), Files.getPosixFilePermissions(atomic));
    }

    /** A writer may close its stream (try-with-resources around a Writer, say): the data is still forced and moved. */
    @Test
    void aWriterThatClosesItsStreamStillProducesTheFile() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            try (java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("written then closed");
            }
        });
        assertEquals("written then closed", Files.readString(target));
        assertEquals(List.of("closed.txt"), namesIn(dir));
    }

    @Test
    void manyWritesToTheSameTargetLeaveOnlyTheLastContent() throws IOException {
        Path target = dir.resolve("counter");
        for (int i = 0; i < 50; i++) AtomicFiles.writeString(target, Integer.toString(i));
        assertEquals("49", Files.readString(target));
        assertEquals(List.of("counter"), namesIn(dir));
    }
}
