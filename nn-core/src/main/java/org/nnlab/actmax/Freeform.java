package org.nnlab.actmax;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;

/**
 * A class of your own: one fixed 28 x 28 image (values as given, ShapeShop's convention is 0
 * background and 1 shape), trained on like ShapeShop's shapes and correlated against itself.
 *
 * @param name  the class's name
 * @param image 784 values, row-major, top row first
 */
public record Freeform(String name, float[] image) implements TrainingClass {
    /** Validates the size and the values. */
    public Freeform {
        Checks.requireArgument(name != null && !name.isBlank(), "Freeform: the name must not be blank");
        Checks.requireArgument(image.length == SIDE * SIDE, "Freeform: image has %d values, needs 28 x 28 = 784",
                image.length);
        for (int i = 0; i < image.length; i++) {
            Checks.requireArgument(Float.isFinite(image[i]), "Freeform: pixel %d is %s; pixels must be finite", i, image[i]);
        }
        image = image.clone();
    }

    /**
     * A 28 x 28 PNG (or any format ImageIO reads) as a class: each pixel's luminance
     * (0.299 R + 0.587 G + 0.114 B) / 255, so white is 1, ShapeShop's shape colour.
     *
     * @throws IOException              naming the file if it cannot be read
     * @throws IllegalArgumentException if the picture is not 28 x 28
     */
    public static Freeform fromImage(String name, Path file) throws IOException {
        BufferedImage img = readSmall(file);
        float[] v = new float[SIDE * SIDE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int p = img.getRGB(c, r);
                v[r * SIDE + c] = (float) ((0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255)) / 255);
            }
        }
        return new Freeform(name, v);
    }

    /**
     * Reads the picture's header first and decodes it only if it is 28 x 28, so that a 10,000 x 10,000 file
     * is refused at once instead of being decoded whole.
     */
    private static BufferedImage readSmall(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + file + ": is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file + ": " + (Files.exists(file) ? "permission denied"
                    : "no such file"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("cannot read " + file + ": not a PNG, GIF, JPEG or BMP picture");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                Checks.requireArgument(w == SIDE && h == SIDE, "Freeform: %s is %d x %d pixels, needs 28 x 28", file, w, h);
                return reader.read(0);
            } catch (IIOException e) {
                throw new IOException("cannot read " + file + ": a damaged or unsupported picture (" + e.getMessage() + ")",
                        e);
            } finally {
                reader.dispose();
            }
        }
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public float[] image() {
        return image.clone();
    }

    @Override
    public float[] draw(Rng rng) {
        return image.clone();
    }
}
