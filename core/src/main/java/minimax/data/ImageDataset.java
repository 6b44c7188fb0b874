package minimax.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import minimax.format.FormatException;
import minimax.tensor.Tensor;

/**
 * Grey-scale images with class labels, loaded from a pair of IDX files (the MNIST family).
 *
 * <p>Pixels {@code p ∈ 0..255} become {@code x = p / 127.5 − 1 ∈ [−1, 1]}, the range of a
 * generator that ends in tanh. Image {@code i} is row {@code i} of {@link #images()}, flattened row
 * by row.
 *
 * <pre>{@code
 * ImageDataset train = ImageDataset.load(Path.of("train-images-idx3-ubyte.gz"), Path.of("train-labels-idx1-ubyte.gz"));
 * Tensor x = train.images();    // float32 [60000, 784]
 * }</pre>
 *
 * @param images  float32 {@code [n, height·width]}, values in {@code [−1, 1]}
 * @param labels  {@code n} class labels, {@code 0..255} (not copied: do not modify)
 * @param height  pixel rows of one image
 * @param width   pixel columns of one image
 */
public record ImageDataset(Tensor images, int[] labels, int height, int width) {

    /**
     * Loads images and labels from IDX files, raw or gzip.
     *
     * @param imagesFile  IDX of unsigned bytes, shape {@code [n, height, width]} (not modified)
     * @param labelsFile  IDX of unsigned bytes, shape {@code [n]} (not modified)
     * @throws FormatException if either file is not such an IDX file or their counts differ
     */
    public static ImageDataset load(Path imagesFile, Path labelsFile) throws IOException {
        Idx.Data pixels = Idx.read(imagesFile);
        Idx.Data classes = Idx.read(labelsFile);
        if (pixels.shape().length != 3) {
            throw new FormatException("images file " + imagesFile + ": expected 3 dimensions [n, height, width], got shape " + Arrays.toString(pixels.shape()));
        }
        if (classes.shape().length != 1) {
            throw new FormatException("labels file " + labelsFile + ": expected 1 dimension [n], got shape " + Arrays.toString(classes.shape()));
        }
        if (pixels.count() != classes.count()) {
            throw new FormatException("images file " + imagesFile + " has " + pixels.count() + " items but labels file " + labelsFile + " has " + classes.count());
        }
        return new ImageDataset(scaleToTanhRange(pixels), toInts(classes), pixels.shape()[1], pixels.shape()[2]);
    }

    /**
     * Loads images alone (no labels: {@code labels} is empty), e.g. for training a generator.
     *
     * @param imagesFile IDX of unsigned bytes, shape {@code [n, height, width]} (not modified)
     * @throws FormatException if it is not such an IDX file
     */
    public static ImageDataset loadImages(Path imagesFile) throws IOException {
        Idx.Data pixels = Idx.read(imagesFile);
        if (pixels.shape().length != 3) {
            throw new FormatException("images file " + imagesFile + ": expected 3 dimensions [n, height, width], got shape " + Arrays.toString(pixels.shape()));
        }
        return new ImageDataset(scaleToTanhRange(pixels), new int[0], pixels.shape()[1], pixels.shape()[2]);
    }

    /** The number of images {@code n}. */
    public int size() {
        return images.dim(0);
    }

    /** {@code p / 127.5 − 1} for every byte: 0 → −1, 255 → 1. */
    private static Tensor scaleToTanhRange(Idx.Data pixels) {
        float[] values = new float[pixels.values().length];
        for (int i = 0; i < values.length; i++) values[i] = (float) (pixels.unsigned(i) / 127.5 - 1.0);
        return Tensor.wrap(values, pixels.count(), pixels.itemSize());
    }

    private static int[] toInts(Idx.Data classes) {
        int[] labels = new int[classes.count()];
        for (int i = 0; i < labels.length; i++) labels[i] = classes.unsigned(i);
        return labels;
    }

    /** Counts and image size; the values are left out. */
    @Override
    public String toString() {
        return "ImageDataset[" + size() + " images of " + height + "×" + width + "]";
    }
}
