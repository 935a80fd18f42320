package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/**
 * A polyline of far more points than pixel columns (a loss chart after tens of thousands of epochs), drawn through
 * {@link Plot#polyline} (which keeps four points a column), against the same points all stroked by Java2D.
 */
class PolylineReductionTest {
    @Test
    void aLineOfSixtyThousandPointsInksThePixelsAllItsPointsInk() {
        int n = 60_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        Rng rng = Rng.seeded(3);
        double y = 0.5;
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            y = Math.max(0.05, Math.min(0.95, y + (rng.nextDouble() - 0.5) * 0.02));
            ys[i] = i == 31_234 ? 0.99 : y;                    // one spike: a single point must still show
        }
        ys[40_000] = Double.NaN;                                 // a gap
        Bounds view = new Bounds(0, n - 1, 0, 1);
        Figure reduced = Figure.blank(340, 140);
        Plot plot = reduced.plot(20, 10, 300, 120, view);
        plot.polyline(xs, ys, Argb.opaque(0x000000), 1.5);

        Figure all = Figure.blank(340, 140);
        Plot full = all.plot(20, 10, 300, 120, view);
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                path.lineTo(full.pixelX(xs[i]), full.pixelY(ys[i]));
            } else {
                path.moveTo(full.pixelX(xs[i]), full.pixelY(ys[i]));
                pen = true;
            }
        }
        Graphics2D g = all.graphics();
        g.clip(new Rectangle2D.Double(20, 10, 300, 120));
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.dispose();

        int[] a = reduced.rgb();
        int[] b = all.rgb();
        int inked = 0;
        int missed = 0;                                          // inked by one, untouched by the other
        for (int i = 0; i < a.length; i++) {
            int reducedGrey = a[i] & 255;                         // grey: one channel says it all
            int fullGrey = b[i] & 255;
            inked += fullGrey < 128 ? 1 : 0;
            missed += (fullGrey < 128 && reducedGrey == 255) || (reducedGrey < 128 && fullGrey == 255) ? 1 : 0;
        }
        int spike = (int) Math.floor(plot.pixelX(31_234));
        int top = (int) Math.floor(plot.pixelY(0.99));
        assertThat(a[top * 340 + spike] & 255).as("the spike's pixel is inked").isLessThan(160);
        assertThat(inked).as("pixels the full line inks").isGreaterThan(3000);
        // M4 is exact for one-pixel lines without anti-aliasing; a 1.5-pixel anti-aliased line differs at a few edge
        // pixels where the dropped points' joins reached (18 of 5,441 when written)
        assertThat(missed).as("pixels inked by one line and blank in the other, of %d inked", inked)
                .isLessThan(inked / 100);
    }
}
