package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playground's colour formulas at known values, the PNG encoder against ImageIO's decoder, and the figure's mapping. */
class RasterTest {
    @TempDir
    Path dir;

    @Test
    void playgroundColoursAtKnownValues() {
        assertThat(Palettes.playgroundIndex(-1f)).isZero();
        assertThat(Palettes.playgroundIndex(1f)).isEqualTo(30);            // floor(31) clamps to 30
        assertThat(Palettes.playgroundIndex(0f)).isEqualTo(15);
        assertThat(Palettes.playgroundIndex(-0.5f)).isEqualTo(7);           // floor(7.75)
        assertThat(Palettes.playgroundIndex(-7f)).isZero();
        assertThat(ColorMap.PLAYGROUND_OPAQUE.rgb(0f)).isEqualTo(0xe8eaeb);
        assertThat(ColorMap.PLAYGROUND_OPAQUE.rgb(-0.5f)).isEqualTo(0xefbc80);
        assertThat(ColorMap.PLAYGROUND_OPAQUE.rgb(1f)).isEqualTo(0x0877bd);
        // alpha 160 over white: 0x0877bd -> (8·160 + 255·95)/255 = 100, (119·160 + 24225)/255 = 170, (189·160 + 24225)/255 = 214
        assertThat(ColorMap.PLAYGROUND.rgb(1f)).isEqualTo((100 << 16) | (170 << 8) | 214);
        assertThat(ColorMap.PLAYGROUND.rgb(Float.NaN)).isEqualTo(0x5f5f5f);
        assertThat(Palettes.playgroundLink(-0.5)).isEqualTo(0xefbf87);      // spec section 9's examples
        assertThat(Palettes.playgroundLink(0.5)).isEqualTo(0x78b1d4);
        assertThat(Palettes.playgroundLink(-9)).isEqualTo(0xf59322);
    }

    @Test
    void pngDecodesToTheSamePixels() throws IOException {
        int w = 37;
        int h = 23;
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i * 2654435761L % 0xffffff) > 0 ? (int) (i * 2654435761L % 0xffffff) : 7;
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(w, h, rgb)));
        assertThat(back.getWidth()).isEqualTo(w);
        assertThat(back.getHeight()).isEqualTo(h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                assertThat(back.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(rgb[y * w + x]);
            }
        }
    }

    @Test
    void pngOfNoiseOutgrowsItsFirstBufferAndStillDecodes() throws IOException {
        int w = 301;
        int h = 157;
        int[] rgb = new int[w * h];
        org.nnlab.core.Rng rng = org.nnlab.core.Rng.seeded(11);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (int) (rng.nextDouble() * 0x1000000);            // incompressible: deflate output > raw / 4
        }
        byte[] png = Png.encode(w, h, rgb);
        assertThat(png.length).isGreaterThan(3 * w * h);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        int[] decoded = back.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            assertThat(decoded[i] & 0xffffff).as("pixel %d", i).isEqualTo(rgb[i]);
        }
    }

    /**
     * The two-thread encoding: noise (each half outgrows its first buffer) and smooth pictures, at heights around the
     * split, decode to the same pixels through ImageIO; the zlib stream inflates to the end with its Adler-32 checked
     * (java.util.zip.Inflater verifies it); and the bytes are the same whichever thread finishes first.
     */
    @Test
    void pngOnTwoThreadsDecodesToTheSamePixelsAndTheSameBytesEveryTime() throws Exception {
        java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            org.nnlab.core.Rng rng = org.nnlab.core.Rng.seeded(5);
            for (int h : new int[] {1, 63, 64, 65, 157, 600}) {
                for (boolean noise : new boolean[] {true, false}) {
                    int w = 211;
                    int[] rgb = new int[w * h];
                    for (int i = 0; i < rgb.length; i++) {
                        rgb[i] = noise ? (int) (rng.nextDouble() * 0x1000000)
                                : ((i % w) * 255 / w) << 16 | ((i / w) * 255 / h) << 8 | 0x40;
                    }
                    byte[] png = Png.encode(w, h, rgb, helper);
                    int[] decoded = ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0, w, h, null, 0, w);
                    for (int i = 0; i < rgb.length; i++) {
                        assertThat(decoded[i] & 0xffffff).as("h %d noise %s pixel %d", h, noise, i).isEqualTo(rgb[i]);
                    }
                    java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                    int idatLength = java.nio.ByteBuffer.wrap(png, 33, 4).getInt();
                    inflater.setInput(png, 41, idatLength);
                    byte[] raw = new byte[h * (1 + 3 * w) + 1];
                    int n = inflater.inflate(raw);
                    assertThat(inflater.finished()).as("h %d: the stream ends, its checksum right", h).isTrue();
                    assertThat(n).isEqualTo(h * (1 + 3 * w));
                    inflater.end();
                    assertThat(Png.encode(w, h, rgb, Runnable::run)).as("the same bytes on one thread").isEqualTo(png);
                    assertThat(Png.encode(w, h, rgb, helper)).as("the same bytes again").isEqualTo(png);
                }
            }
        } finally {
            helper.shutdownNow();
        }
    }

    @Test
    void failedWritesNameThePathAndLeaveNothing() {
        Path target = dir.resolve("missing/folder/x.png");
        assertThatThrownBy(() -> Png.write(target, 1, 1, new int[] {0}))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot write " + target);
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    /**
     * Every writer, into a folder that is a regular file (unwritable even for root): the IOException
     * names the path, the existing file is untouched, no temporary file is left beside it; and replacing an
     * existing picture is all or nothing.
     */
    @Test
    void everyWriterFailsCleanlyAndReplacesAtomically() throws IOException {
        Path notAFolder = dir.resolve("plain.txt");
        Files.writeString(notAFolder, "keep me");
        Path png = notAFolder.resolve("x.png");
        Path gif = notAFolder.resolve("x.gif");
        Path txt = notAFolder.resolve("x.txt");
        Figure f = Figure.blank(4, 4);
        assertThatThrownBy(() -> f.writePng(png)).isInstanceOf(IOException.class).hasMessageContaining(png.toString());
        assertThatThrownBy(() -> Gif.write(gif, java.util.List.of(f, f), 5, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining(gif.toString());
        assertThatThrownBy(() -> AtomicFiles.writeString(txt, "x")).isInstanceOf(IOException.class)
                .hasMessageContaining(txt.toString());
        assertThat(Files.readString(notAFolder)).isEqualTo("keep me");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(notAFolder);
        }
        // an existing file is replaced whole: after the write it is the new picture, and nothing else is there
        Path existing = dir.resolve("pic.png");
        Figure.blank(3, 3).writePng(existing);
        Figure.blank(7, 5).writePng(existing);
        assertThat(ImageIO.read(existing.toFile()).getWidth()).isEqualTo(7);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(notAFolder, existing);
        }
    }

    @Test
    void figureMapsDataToPixelsWithYUp() throws IOException {
        // a 2x2 field: bottom row -1 (orange), top row +1 (blue)
        Grid g = new Grid(2, 2, new float[] {-1, -1, 1, 1}, Bounds.square(-1, 1));
        Figure f = Figure.of(10, 10, Bounds.square(-1, 1)).heatmap(g, ColorMap.PLAYGROUND_OPAQUE, false);
        int[] px = f.rgb();
        assertThat(px[0]).isEqualTo(0x0877bd);               // top-left pixel: top row of the field
        assertThat(px[99]).isEqualTo(0xf59322);              // bottom-right: bottom row
        Grid flipped = Grid.fromTopDown(2, 2, new float[] {1, 1, -1, -1}, Bounds.square(-1, 1));
        assertThat(flipped.values()).containsExactly(g.values());
        Path out = dir.resolve("f.png");
        f.writePng(out);
        assertThat(ImageIO.read(out.toFile()).getRGB(0, 0) & 0xffffff).isEqualTo(0x0877bd);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThatThrownBy(() -> new Grid(3, 3, new float[8], Bounds.square(0, 1)))
                .hasMessage("Grid: values.length 8 != width * height = 3 * 3 = 9");
    }

    /**
     * A smooth heatmap against bilinear interpolation of the samples' colours computed in doubles: a pixel whose
     * centre sits at grid coordinate (gx, gy) (sample centres at integers, clamped at the edges) blends the four
     * nearest samples' colours, within two levels (the weights are in 1/256, and the two blends across and the one
     * between them each round).
     */
    @Test
    void aSmoothHeatmapIsTheBilinearBlendOfItsSamplesColours() {
        int gw = 7;
        int gh = 5;
        float[] values = new float[gw * gh];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(1.3 * i);
        }
        Grid g = new Grid(gw, gh, values, new Bounds(0, 7, 0, 5));
        int w = 61;
        int h = 47;
        int[] px = Figure.of(w, h, new Bounds(0, 7, 0, 5)).heatmap(g, ColorMap.PRGN, true).rgb();
        int worst = 0;
        for (int py = 0; py < h; py++) {
            double gy = Math.max(0, Math.min(gh - 1, (h - py - 0.5) / h * gh - 0.5));        // row 0 at the bottom
            for (int pxl = 0; pxl < w; pxl++) {
                double gx = Math.max(0, Math.min(gw - 1, (pxl + 0.5) / w * gw - 0.5));
                int x0 = (int) Math.floor(gx);
                int y0 = (int) Math.floor(gy);
                int x1 = Math.min(gw - 1, x0 + 1);
                int y1 = Math.min(gh - 1, y0 + 1);
                double fx = gx - x0;
                double fy = gy - y0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    double c00 = channel(g, x0, y0, shift);
                    double c10 = channel(g, x1, y0, shift);
                    double c01 = channel(g, x0, y1, shift);
                    double c11 = channel(g, x1, y1, shift);
                    double expected = (c00 * (1 - fx) + c10 * fx) * (1 - fy) + (c01 * (1 - fx) + c11 * fx) * fy;
                    worst = Math.max(worst, (int) Math.ceil(Math.abs(((px[py * w + pxl] >> shift) & 255) - expected) - 1e-9));
                }
            }
        }
        assertThat(worst).as("largest channel error").isLessThanOrEqualTo(2);
    }

    private static double channel(Grid g, int x, int y, int shift) {
        return (ColorMap.PRGN.rgb(g.values()[y * g.width() + x]) >> shift) & 255;
    }
}
