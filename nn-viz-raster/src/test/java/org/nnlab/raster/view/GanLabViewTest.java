package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.GoldenImages;

/**
 * GAN Lab's pictures: the layered view and the overview graph against golden images (after 20 epochs,
 * where vector and scalar kernels still agree to the pixel), the manifold animation's first frame against
 * GAN Lab's 0.5 opacity of an unwarped grid, the charts' cadence, and a diverged run drawn in grey.
 */
class GanLabViewTest {
    private static GanSession ring(int epochs) {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
        if (epochs > 0) {
            s.train(epochs);
        }
        return s;
    }

    @Test
    void distributionsWithEveryLayer() throws IOException {
        GanSession s = ring(20);
        GoldenImages.assertMatches(GanLabView.distributions(s.frame(), s.config().noise(), 400, GanLabView.Part.all()),
                "ganlab-distributions");
    }

    @Test
    void overviewGraph() throws IOException {
        GoldenImages.assertMatches(GanLabOverview.of(ring(20), 1), "ganlab-overview");
    }

    @Test
    void theMorphStartsFromTheUnwarpedNoiseGrid() {
        GanSession s = ring(20);
        List<Figure> frames = GanLabView.manifoldMorph(s, 6, 400);
        assertThat(frames).hasSize(6);
        // an unwarped cell has GAN Lab's opacity 0.5: #7b3294 at 0.5 over #f3f3f3 inside the cells
        int[] rgb = frames.get(0).rgb();
        int expected = blend(0x7b3294, 0xf3f3f3, 0.5);
        int matching = 0;
        for (int y = 100; y < 300; y += 7) {
            for (int x = 100; x < 300; x += 7) {
                if (close(rgb[y * 400 + x], expected, 4)) {
                    matching++;
                }
            }
        }
        assertThat(matching).as("samples at the unwarped fill").isGreaterThan(500);
        assertThat(frames.get(5).rgb()).isNotEqualTo(rgb);
    }

    @Test
    void timelapseGifHasAFramePerStretch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        GanSession s = ring(0);
        java.nio.file.Path gif = dir.resolve("ring.gif");
        GanLabView.writeTrainingGif(s, gif, new Timelapse(3, 5, 200, 10));
        assertThat(s.epochCount()).isEqualTo(10);
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
            assertThat(reader.read(0).getWidth()).isEqualTo(200);
        }
    }

    @Test
    void chartsPlotOnePointPerFrame() {
        GanSession s = ring(0);
        List<GanFrame> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            s.train(10);
            frames.add(s.frame());
        }
        Figure f = GanLabView.charts(s.history(), frames, 640, 240);
        assertThat(f.width()).isEqualTo(640);
        assertThat(f.height()).isEqualTo(240);
    }

    @Test
    void aDivergedRunIsDrawnGrey() {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.defaults().withLearningRates(1e6, 1e6), Rng.seeded(17));
        for (int i = 0; i < 200 && !s.diverged(); i++) {
            s.epoch();
        }
        assertThat(s.diverged()).isTrue();
        // the first infinite weights flag it; a few epochs later D's outputs are NaN everywhere
        for (int i = 0; i < 50 && !Float.isNaN(s.frame().heatmapD()[0]); i++) {
            s.epoch();
        }
        assertThat(s.frame().heatmapD()[0]).isNaN();
        int[] rgb = GanLabView.distributions(s, 200).rgb();
        int grey = 0;
        for (int p : rgb) {
            if (p == ColorMap.NAN_GREY) {
                grey++;
            }
        }
        assertThat(grey).isGreaterThan(rgb.length / 2);
    }

    private static int blend(int src, int dst, double a) {
        int r = (int) Math.round(((src >> 16) & 255) * a + ((dst >> 16) & 255) * (1 - a));
        int g = (int) Math.round(((src >> 8) & 255) * a + ((dst >> 8) & 255) * (1 - a));
        int b = (int) Math.round((src & 255) * a + (dst & 255) * (1 - a));
        return (r << 16) | (g << 8) | b;
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 255) - ((b >> shift) & 255)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
