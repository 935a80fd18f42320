package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * Golden-image checks: a rendered figure against a committed reference PNG under
 * {@code src/test/resources/golden/}, pixel by pixel with a per-channel tolerance. On failure the actual
 * picture and a diff (the reference in pale grey, differing pixels in red, brighter the larger the
 * difference) go to {@code target/golden/}. Run with {@code -Dnnlab.golden.regenerate=true} to rewrite the
 * references after a deliberate change, then look at them before committing.
 */
public final class GoldenImages {
    /** Largest per-channel difference that still counts as equal (anti-aliasing, rounding). */
    public static final int TOLERANCE = 6;
    /** Share of pixels allowed beyond the tolerance (glyph rasterization between font versions). */
    public static final double OUTLIERS = 0.001;

    private static final Path REFERENCES = Path.of("src", "test", "resources", "golden");
    private static final Path FAILURES = Path.of("target", "golden");

    private GoldenImages() {
    }

    /** Compares, or regenerates the reference when asked to. */
    public static void assertMatches(Figure actual, String name) throws IOException {
        Path reference = REFERENCES.resolve(name + ".png");
        if (Boolean.getBoolean("nnlab.golden.regenerate")) {
            Files.createDirectories(REFERENCES);
            actual.writePng(reference);
            return;
        }
        assertThat(reference).as("golden reference %s (regenerate with -Dnnlab.golden.regenerate=true)", reference)
                .exists();
        BufferedImage expected = ImageIO.read(reference.toFile());
        int w = actual.width();
        int h = actual.height();
        if (expected.getWidth() != w || expected.getHeight() != h) {
            fail(actual, name, null, String.format("%s: size %d x %d, reference %d x %d", name, w, h,
                    expected.getWidth(), expected.getHeight()));
        }
        int[] got = actual.rgb();
        int[] diff = new int[got.length];
        int outliers = 0;
        int worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int e = expected.getRGB(x, y) & 0xffffff;
                int a = got[y * w + x];
                int d = Math.max(Math.abs(((e >> 16) & 255) - ((a >> 16) & 255)),
                        Math.max(Math.abs(((e >> 8) & 255) - ((a >> 8) & 255)), Math.abs((e & 255) - (a & 255))));
                worst = Math.max(worst, d);
                int grey = 200 + (((e >> 16) & 255) + ((e >> 8) & 255) + (e & 255)) / 3 * 55 / 255;
                if (d > TOLERANCE) {
                    outliers++;
                    diff[y * w + x] = (Math.min(255, 128 + d) << 16);
                } else {
                    diff[y * w + x] = grey << 16 | grey << 8 | grey;
                }
            }
        }
        if (outliers > OUTLIERS * got.length) {
            fail(actual, name, diff, String.format("%s: %d of %d pixels differ by more than %d per channel (worst %d)",
                    name, outliers, got.length, TOLERANCE, worst));
        }
    }

    private static void fail(Figure actual, String name, int[] diff, String message) throws IOException {
        Files.createDirectories(FAILURES);
        actual.writePng(FAILURES.resolve(name + "-actual.png"));
        if (diff != null) {
            Png.write(FAILURES.resolve(name + "-diff.png"), actual.width(), actual.height(), diff);
        }
        throw new AssertionError(message + "; see " + FAILURES.toAbsolutePath().resolve(name + "-*.png"));
    }
}
