package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.core.Rng;

/** Composite figures against golden images, and the animated GIF read back. */
class FiguresTest {
    @TempDir
    Path dir;

    /** A GAN-Lab-like picture from the primitives alone: every layer GAN Lab draws. */
    static Figure ganLike() {
        Rng rng = Rng.seeded(11);
        int n = 300;
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int i = 0; i < n; i++) {          // "real" data: a ring
            double a = 2 * Math.PI * rng.nextDouble();
            rx[i] = 0.5 + 0.3 * Math.cos(a) + 0.02 * rng.nextGaussian();
            ry[i] = 0.5 + 0.3 * Math.sin(a) + 0.02 * rng.nextGaussian();
        }
        Bounds unit = Bounds.square(0, 1);
        Figure f = Figure.of(400, 400, unit);
        Plot p = f.main().background(0xf3f3f3);
        float[] d = new float[30 * 30];
        for (int j = 0; j < 30; j++) {
            for (int i = 0; i < 30; i++) {
                double r = Math.hypot((i + 0.5) / 30 - 0.5, (j + 0.5) / 30 - 0.5);
                d[j * 30 + i] = (float) (1 / (1 + Math.exp(40 * Math.abs(r - 0.3) - 3)));
            }
        }
        p.heatmap(new Grid(30, 30, d, unit), ColorMap.PRGN, false);
        Grid density = Kde.density(Points.valued(rx, ry, new float[n]), unit, 100, 100, 0.0375);
        double[] levels = {0.5, 1, 1.5, 2};
        int[] bands = new int[levels.length];
        for (int k = 0; k < levels.length; k++) {
            bands[k] = ColorMap.scaled(ColorMap.GREENS, 0, 2.5).rgb((float) levels[k]);
        }
        p.filledContours(density, levels, bands, 0.5).contours(density, levels, Argb.of(0xbbbbbb, 1), 0.5);
        p.scatter(Points.uniform(rx, ry, Argb.rgba(0, 136, 55, 0.75)), null, 0, 2);
        WarpedGrid manifold = WarpedGrid.of(20, 20, unit, (x, y, out) -> {
            double a = 2 * Math.PI * x;
            out[0] = 0.5 + (0.15 + 0.2 * y) * Math.cos(a);
            out[1] = 0.5 + (0.15 + 0.2 * y) * Math.sin(a);
        });
        p.warpedGrid(manifold, 0x7b3294, manifold.uniformNoiseOpacities(), Argb.rgba(160, 160, 160, 0.25), 1);
        double[] fx = new double[40];
        double[] fy = new double[40];
        double[] gx = new double[40];
        double[] gy = new double[40];
        for (int i = 0; i < 40; i++) {
            double a = 2 * Math.PI * i / 40;
            fx[i] = 0.5 + 0.2 * Math.cos(a);
            fy[i] = 0.5 + 0.2 * Math.sin(a);
            gx[i] = 0.6 * Math.cos(a);
            gy[i] = 0.6 * Math.sin(a);
        }
        p.arrows(fx, fy, gx, gy, 0.15, 0.002 * 4, Argb.rgba(196, 20, 219, 0.5));
        p.scatter(Points.uniform(fx, fy, Argb.rgba(123, 50, 148, 0.75)), null, 0, 2);
        p.border(Argb.opaque(0xeeeeee), 1);
        return f;
    }

    @Test
    void ganLabLayers() throws IOException {
        GoldenImages.assertMatches(ganLike(), "gan-like");
    }

    static LineChart lossChart() {
        double[] d = new double[200];
        double[] g = new double[200];
        double[] kl = new double[200];
        for (int i = 0; i < 200; i++) {
            d[i] = 1.386 * Math.exp(-i / 80.0) + 0.05 * Math.sin(i / 5.0);
            g[i] = 0.693 + 0.4 * Math.exp(-i / 60.0) * Math.cos(i / 9.0);
            kl[i] = i == 120 ? Double.NaN : 2 * Math.exp(-i / 40.0);
        }
        return LineChart.of(Series.of("D loss", Argb.rgba(5, 117, 176, 0.5), d).withWidth(2),
                        Series.of("G loss", Argb.rgba(123, 50, 148, 0.5), g).withWidth(2),
                        Series.of("KL", Argb.rgba(220, 80, 20, 0.5), kl).withWidth(2))
                .title("Training").xLabel("epoch").yLabel("loss / divergence").fromZero(true);
    }

    @Test
    void lineChartWithAxesLegendAndAGap() throws IOException {
        GoldenImages.assertMatches(lossChart().render(480, 300), "line-chart");
    }

    @Test
    void contactSheetOfTitledFigures() throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        ColorMap[] maps = {ColorMap.PLAYGROUND, ColorMap.PRGN, ColorMap.GREENS, ColorMap.PURPLES, ColorMap.GREY,
            ColorMap.SEQUENTIAL};
        String[] names = {"Playground", "PRGn", "Greens", "Purples", "grey", "sequential (OKLab)"};
        for (int m = 0; m < maps.length; m++) {
            float[] ramp = new float[64];
            for (int i = 0; i < 64; i++) {
                ramp[i] = m == 0 ? -1 + 2 * i / 63f : i / 63f;
            }
            figures.add(Figure.of(160, 40, Bounds.square(0, 1)).heatmap(new Grid(64, 1, ramp, Bounds.square(0, 1)),
                    maps[m], false));
            titles.add(names[m]);
        }
        GoldenImages.assertMatches(ContactSheet.of(3, figures, titles, 12), "colour-maps");
    }

    @Test
    void animatedGifReadsBackWithDelayLoopAndFrames() throws IOException {
        List<Figure> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Figure f = Figure.of(64, 48, Bounds.square(0, 1));
            f.main().background(0xffffff).scatter(Points.uniform(new double[] {0.1 + 0.2 * i}, new double[] {0.5},
                    Argb.opaque(0x0877bd)), null, 0, 6);
            frames.add(f);
        }
        Path gif = dir.resolve("t.gif");
        Gif.write(gif, frames, 7, 0);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(Files.newInputStream(gif))) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertThat(control.getAttribute("delayTime")).isEqualTo("7");
                // few colours: the palette is exact, so every pixel reads back as drawn
                java.awt.image.BufferedImage back = reader.read(i);
                int[] drawn = frames.get(i).rgb();
                for (int p = 0; p < drawn.length; p++) {
                    assertThat(back.getRGB(p % 64, p / 64) & 0xffffff).isEqualTo(drawn[p]);
                }
            }
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode app = (IIOMetadataNode) first.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
        } finally {
            reader.dispose();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(gif);
        }
    }

    @Test
    void gifOfManyColoursStaysCloseToTheFrames() throws IOException {
        Figure f = ganLike();
        byte[] bytes = Gif.encode(List.of(f, f), 10, 1);
        java.awt.image.BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes));
        int[] drawn = f.rgb();
        long error = 0;
        for (int p = 0; p < drawn.length; p++) {
            int a = back.getRGB(p % 400, p / 400);
            for (int s = 0; s <= 16; s += 8) {
                error += Math.abs(((a >> s) & 255) - ((drawn[p] >> s) & 255));
            }
        }
        assertThat((double) error / (3.0 * drawn.length)).as("mean error per channel").isLessThan(2.0);
    }

    @Test
    void gifRejectsMismatchedFramesAndLeavesNoFileOnFailure() {
        assertThatThrownBy(() -> Gif.encode(List.of(Figure.blank(4, 4), Figure.blank(5, 4)), 5, 0))
                .hasMessage("Gif: frame 1 is 5 x 4, frame 0 is 4 x 4");
        assertThatThrownBy(() -> Gif.encode(List.of(Figure.blank(4, 4)), 0, 0))
                .hasMessage("Gif: delay must be 1..65535 (1/100 s), got 0");
        Path target = dir.resolve("no/such/dir/t.gif");
        assertThatThrownBy(() -> Gif.write(target, List.of(Figure.blank(4, 4)), 5, 0))
                .isInstanceOf(IOException.class).hasMessageStartingWith("cannot write " + target);
    }
}
