package minimax.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The real Fashion-MNIST, where Debian's dataset-fashion-mnist is installed (skipped elsewhere). */
class FashionMnistInstalledTest {

    @Test
    void trainingSetIs60000ImagesOf784PixelsInTheTanhRange() throws IOException {
        assumeTrue(Files.isDirectory(FashionMnist.defaultDir()), "dataset-fashion-mnist is not installed");
        ImageDataset train = FashionMnist.loadTrain(FashionMnist.defaultDir());
        assertArrayEquals(new int[] {60000, 784}, train.images().shape());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : train.images().floatData()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertEquals(1f, max);
        int[] perClass = new int[10];
        for (int label : train.labels()) perClass[label]++; // an out-of-range label fails here
        for (int c = 0; c < 10; c++) assertEquals(6000, perClass[c], "class " + FashionMnist.CLASS_NAMES.get(c)); // Fashion-MNIST is balanced
    }
}
