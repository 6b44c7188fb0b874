package minimax.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28×28 grey-scale pictures of clothing in 10
 * classes, 60,000 for training and 10,000 for testing, stored as IDX files.
 *
 * <p>Debian's package {@code dataset-fashion-mnist} installs them in {@link #defaultDir()}. A
 * folder is read if it holds the standard file names, raw or with {@code .gz}:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}.
 *
 * <pre>{@code
 * ImageDataset train = FashionMnist.loadTrain(FashionMnist.defaultDir());
 * Tensor real = train.images();   // float32 [60000, 784] in [−1, 1]
 * }</pre>
 */
public final class FashionMnist {
    /** The label names, by label 0..9. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnist() {}

    /** {@code /usr/share/datasets/fashion-mnist}, where Debian's {@code dataset-fashion-mnist} puts the files. */
    public static Path defaultDir() {
        return DEFAULT_DIR;
    }

    /**
     * The 60,000 training images and labels in {@code dir}.
     *
     * @throws NoSuchFileException if the folder or a file is missing; the message says how to get them
     * @throws minimax.format.FormatException if a file is corrupt
     */
    public static ImageDataset loadTrain(Path dir) throws IOException {
        return ImageDataset.load(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"));
    }

    /**
     * The 10,000 test images and labels in {@code dir}.
     *
     * @throws NoSuchFileException if the folder or a file is missing; the message says how to get them
     * @throws minimax.format.FormatException if a file is corrupt
     */
    public static ImageDataset loadTest(Path dir) throws IOException {
        return ImageDataset.load(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"));
    }

    /** {@code dir/name}, else {@code dir/name.gz}. */
    private static Path find(Path dir, String name) throws NoSuchFileException {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) return raw;
        Path gzip = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gzip)) return gzip;
        String what = Files.isDirectory(dir) ? "has neither " + name + " nor " + name + ".gz" : "does not exist";
        throw new NoSuchFileException(dir.toString(), null, "Fashion-MNIST folder " + what
                + "; install Debian's package dataset-fashion-mnist (which puts the files in " + DEFAULT_DIR
                + ") or give the path of a folder that holds the IDX files");
    }
}
