package minimax.data;

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
import minimax.tensor.DType;
import minimax.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image/label pairs from IDX files, scaled to the tanh range; Fashion-MNIST's folder layout. */
class ImageDatasetTest {
    @TempDir
    Path dir;

    /** Three 2×2 images: pixels 0, 255, 127.5's neighbours and so on; labels 7, 0, 9. */
    private static final byte[] PIXELS = {0, (byte) 255, 51, (byte) 204, 1, 2, 3, 4, (byte) 128, 127, 0, 0};
    private static final byte[] LABELS = {7, 0, 9};

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void pixelsAreScaledToMinusOneToOne() throws IOException {
        ImageDataset data = ImageDataset.load(write("images", idx(new int[] {3, 2, 2}, PIXELS)), write("labels", idx(new int[] {3}, LABELS)));
        Tensor x = data.images();
        assertEquals(DType.FLOAT32, x.dtype());
        assertArrayEquals(new int[] {3, 4}, x.shape());
        assertEquals(3, data.size());
        assertEquals(2, data.height());
        assertEquals(2, data.width());
        assertArrayEquals(new int[] {7, 0, 9}, data.labels());
        float[] v = x.floatData();
        // x = p / 127.5 − 1
        assertEquals(-1f, v[0]);
        assertEquals(1f, v[1]);
        assertEquals(-0.6f, v[2], 1e-7f);
        assertEquals(0.6f, v[3], 1e-7f);
        assertEquals((float) (128 / 127.5 - 1), v[8]);
        assertEquals((float) (127 / 127.5 - 1), v[9]);
    }

    @Test
    void labelsAbove127AreReadUnsigned() throws IOException {
        ImageDataset data = ImageDataset.load(write("images", idx(new int[] {1, 1, 1}, new byte[] {0})), write("labels", idx(new int[] {1}, new byte[] {(byte) 200})));
        assertArrayEquals(new int[] {200}, data.labels());
    }

    @Test
    void mismatchedCountsNameBothFiles() throws IOException {
        Path images = write("images", idx(new int[] {3, 2, 2}, PIXELS));
        Path labels = write("labels", idx(new int[] {2}, new byte[] {1, 2}));
        FormatException e = assertThrows(FormatException.class, () -> ImageDataset.load(images, labels));
        assertEquals("images file " + images + " has 3 items but labels file " + labels + " has 2", e.getMessage());
    }

    @Test
    void wrongRanksAreRejected() throws IOException {
        Path flat = write("flat", idx(new int[] {3, 4}, PIXELS));
        Path labels = write("labels", idx(new int[] {3}, LABELS));
        assertTrue(assertThrows(FormatException.class, () -> ImageDataset.load(flat, labels)).getMessage()
                .endsWith("expected 3 dimensions [n, height, width], got shape [3, 4]"));
        Path images = write("images", idx(new int[] {3, 2, 2}, PIXELS));
        Path labelMatrix = write("label-matrix", idx(new int[] {3, 1}, LABELS));
        assertTrue(assertThrows(FormatException.class, () -> ImageDataset.load(images, labelMatrix)).getMessage()
                .endsWith("expected 1 dimension [n], got shape [3, 1]"));
    }

    @Test
    void fashionMnistFolderIsReadRawOrGzip() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(idx(new int[] {3, 2, 2}, PIXELS)));
        write("train-labels-idx1-ubyte", idx(new int[] {3}, LABELS));
        write("t10k-images-idx3-ubyte", idx(new int[] {1, 2, 2}, new byte[4]));
        write("t10k-labels-idx1-ubyte.gz", gzip(idx(new int[] {1}, new byte[] {5})));
        ImageDataset train = FashionMnist.loadTrain(dir);
        assertEquals(3, train.size());
        assertArrayEquals(new int[] {7, 0, 9}, train.labels());
        ImageDataset test = FashionMnist.loadTest(dir);
        assertArrayEquals(new int[] {5}, test.labels());
    }

    @Test
    void missingFashionMnistSaysHowToGetIt() throws IOException {
        Path nowhere = dir.resolve("no-such-folder");
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> FashionMnist.loadTrain(nowhere));
        assertTrue(absent.getMessage().startsWith(nowhere + ": Fashion-MNIST folder does not exist; install Debian's package dataset-fashion-mnist"), absent.getMessage());
        assertTrue(absent.getMessage().contains("give the path of a folder"), absent.getMessage());

        write("train-images-idx3-ubyte", idx(new int[] {3, 2, 2}, PIXELS));
        NoSuchFileException noLabels = assertThrows(NoSuchFileException.class, () -> FashionMnist.loadTrain(dir));
        assertTrue(noLabels.getMessage().contains("has neither train-labels-idx1-ubyte nor train-labels-idx1-ubyte.gz"), noLabels.getMessage());
        assertTrue(noLabels.getMessage().contains("dataset-fashion-mnist"), noLabels.getMessage());
    }

    @Test
    void fashionMnistClassNames() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), FashionMnist.defaultDir());
    }
}
