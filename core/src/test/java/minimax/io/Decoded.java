package minimax.io;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG bytes decoded by the JDK's own reader (javax.imageio), the independent check of {@link Png}. */
final class Decoded {
    private final Raster raster;
    final int width, height, bands;

    private Decoded(BufferedImage image) {
        raster = image.getRaster();
        width = image.getWidth();
        height = image.getHeight();
        bands = raster.getNumBands();
    }

    static Decoded of(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "ImageIO found no PNG in the bytes");
            return new Decoded(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw sample of band {@code b} (raster values: no colour conversion, which would alter gray levels). */
    int sample(int x, int y, int b) {
        return raster.getSample(x, y, b);
    }

    /** {@code 0xRRGGBB} of a 3-band image. */
    int rgb(int x, int y) {
        return sample(x, y, 0) << 16 | sample(x, y, 1) << 8 | sample(x, y, 2);
    }

    /** The RGB image this decodes to (for exact comparison with what was encoded). */
    RgbImage toRgbImage() {
        RgbImage image = new RgbImage(width, height);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setPixel(x, y, rgb(x, y));
        return image;
    }

    /** The grayscale image this decodes to. */
    GrayImage toGrayImage() {
        GrayImage image = new GrayImage(width, height);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setPixel(x, y, sample(x, y, 0));
        return image;
    }
}
