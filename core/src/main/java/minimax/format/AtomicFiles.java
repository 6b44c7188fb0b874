package minimax.format;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old complete file or the new complete file, never
 * half of one: the content goes to a temporary file {@code .NAME.tmp-RANDOM} in the same folder, is
 * forced to disk, and is then renamed over the target.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> SafeTensors.write(out, tensors, metadata));
 * }</pre>
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** An action on a value that may throw an {@link IOException}, such as writing to a stream. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        /** Performs the action on {@code value}. */
        void accept(T value) throws IOException;
    }

    /**
     * Writes {@code target} atomically: {@code writer} fills a buffered stream (closing it is
     * allowed and only flushes), then the data is forced to disk and the file renamed onto
     * {@code target} ({@code ATOMIC_MOVE}; a plain replacing move only where the file system cannot
     * rename atomically). Parent folders are created. If anything throws, the temporary file is
     * deleted, the exception is rethrown, and {@code target} is left as it was (absent if it was).
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = createSibling(dir, "." + absolute.getFileName() + ".tmp-");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                writer.accept(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len); // FilterOutputStream's own version writes byte by byte
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // a writer using try-with-resources must not close the channel before the force below
                    }
                });
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable e) { // Throwable: checked exceptions can also escape a lambda undeclared ("sneaky throws")
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e; // precise rethrow: javac still sees only IOException or unchecked exceptions
        }
        forceFolder(dir);
    }

    /** Writes {@code text} as UTF-8, atomically (see {@link #write}). */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Creates an empty file {@code prefix + random} in {@code dir}. Not {@link Files#createTempFile}:
     * that makes the file owner-only (0600) on POSIX, and the rename would hand those permissions to
     * the target instead of the usual ones from the umask.
     */
    private static Path createSibling(Path dir, String prefix) throws IOException {
        while (true) {
            Path candidate = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    /**
     * Makes the rename itself durable: without it a power cut soon after could bring back the old
     * entry. Best effort, since some systems (Windows among them) cannot open a folder to sync it.
     */
    private static void forceFolder(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException unsupported) {
            // the file's content is on disk already; only the rename's durability is left to the system
        }
    }
}
