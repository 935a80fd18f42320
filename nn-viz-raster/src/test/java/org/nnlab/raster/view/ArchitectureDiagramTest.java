package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.GanSummary;
import org.nnlab.gan.RealData;
import org.nnlab.nn.ModelSummary;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Figure;
import org.nnlab.raster.GoldenImages;

/**
 * Architecture diagrams: the same numbers as their text twins, margins that stay empty, the same pixels
 * on every run, a scale that scales, and golden images of the ShapeShop CNN and a GAN.
 */
class ArchitectureDiagramTest {
    private static List<ModelSummary> models() {
        GanSession gan = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(1));
        return List.of(Architecture.CNN.summary(10), Architecture.MLP.summary(6), GanSummary.of("ganlab-ring", gan),
                playground().summary("playground"));
    }

    private static PlaygroundNetwork playground() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("seed=0.1&networkShape=4,2&x=true&y=true"));
        s.step(10);
        return s.network();
    }

    @Test
    void theDiagramShowsTheTextTwinsNumbers() {
        for (ModelSummary m : models()) {
            String text = m.toText();
            for (ModelSummary.Row r : m.rows()) {
                List<String> lines = ArchitectureDiagram.boxLines(r);
                assertThat(lines.get(0)).as(m.name()).startsWith(r.layer());
                if (r.parameters() > 0) {
                    String params = String.format(Locale.ROOT, "%,d", r.parameters());
                    assertThat(lines).as(m.name()).contains(params + " params");
                    assertThat(text).as(m.name()).contains(params);
                }
                if (!r.activation().isEmpty()) {
                    assertThat(lines).contains(r.activation());
                }
                assertThat(text).contains(r.outputShape().toTimesString());
            }
            String total = String.format(Locale.ROOT, "%,d", m.totalParameters());
            assertThat(ArchitectureDiagram.footerLines(m).get(0)).startsWith(total + " params");
            assertThat(text).contains(total);
            assertThat(ArchitectureDiagram.footerLines(m).get(1))
                    .startsWith(String.format(Locale.ROOT, "%,d MACs", m.totalMacs()));
        }
        // the CNN's footer carries B.4's exact totals
        ModelSummary cnn = Architecture.CNN.summary(10);
        assertThat(ArchitectureDiagram.footerLines(cnn)).containsExactly(
                "600,810 params \u00b7 all trainable \u00b7 2.29 MiB float32",
                "6,094,208 MACs per sample \u00b7 54,938 activation floats");
        assertThat(ArchitectureDiagram.boxLines(cnn.rows().get(0))).containsExactly("Conv2D 32 \u00b7 3\u00d73", "relu",
                "320 params");
    }

    private static List<Figure> pictures() {
        List<Figure> out = new ArrayList<>();
        for (ModelSummary m : models()) {
            out.add(ArchitectureDiagram.of(m));
            if (m.sections().size() == 1) {
                out.add(ArchitectureDiagram.of(m, new ArchitectureDiagram.Layout(ArchitectureDiagram.Direction.LEFT_RIGHT, 1)));
            }
        }
        PlaygroundNetwork net = playground();
        out.add(ArchitectureDiagram.neurons(net.summary("playground"), net.weightMatrices(), List.of("X1", "X2"), 1));
        return out;
    }


    @Test
    void marginsStayEmptyAndRunsAreIdentical() {
        List<Figure> a = pictures();
        List<Figure> b = pictures();
        for (int k = 0; k < a.size(); k++) {
            Figure f = a.get(k);
            assertThat(f.rgb()).as("picture %d", k).isEqualTo(b.get(k).rgb());
            int[] rgb = f.rgb();
            int m = 16;                                                       // inside the 24-unit margin
            for (int y = 0; y < f.height(); y++) {
                for (int x = 0; x < f.width(); x++) {
                    if (x < m || y < m || x >= f.width() - m || y >= f.height() - m) {
                        assertThat(rgb[y * f.width() + x]).as("picture %d, pixel %d,%d", k, x, y).isEqualTo(0xffffff);
                    }
                }
            }
        }
    }

    @Test
    void scaleScalesThePicture() {
        ModelSummary cnn = Architecture.CNN.summary(10);
        Figure one = ArchitectureDiagram.of(cnn);
        Figure two = ArchitectureDiagram.of(cnn, new ArchitectureDiagram.Layout(ArchitectureDiagram.Direction.TOP_DOWN, 2));
        assertThat(two.width()).isBetween(2 * one.width() - 2, 2 * one.width() + 2);
        assertThat(two.height()).isBetween(2 * one.height() - 2, 2 * one.height() + 2);
    }

    @Test
    void goldenShapeShopCnnAndGan() throws IOException {
        GoldenImages.assertMatches(ArchitectureDiagram.of(Architecture.CNN.summary(10)), "diagram-shapeshop-cnn");
        GanSession gan = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(1));
        GoldenImages.assertMatches(ArchitectureDiagram.of(GanSummary.of("ganlab-ring", gan)), "diagram-ganlab-ring");
    }
}
