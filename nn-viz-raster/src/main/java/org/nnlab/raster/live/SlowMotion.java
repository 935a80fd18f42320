package org.nnlab.raster.live;

import org.nnlab.core.Tensor;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.StepTrace;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Plot;
import org.nnlab.raster.Points;
import org.nnlab.raster.view.GanLabView;

/**
 * One phase of an update drawn over the distributions view, as GAN Lab's slow motion shows it: the update's batch
 * of samples (fakes in purple, and for the discriminator the real batch in green), then each sample filled with
 * the discriminator's prediction (PRGn of GAN Lab's contrast stretch, purple fake, green real), and for the
 * generator's gradients the arrows along which each fake will move, to x - 0.15·dL/dx.
 */
final class SlowMotion {
    /** A batch sample's radius at 400 px: larger than the frame's dots, so the batch stands out. */
    private static final double RADIUS = 3.5;
    private static final int OUTLINE = Argb.rgba(40, 40, 40, 0.8);

    private SlowMotion() {
    }

    /** Draws {@code phase} of {@code trace} (any but the last, whose picture is the updated networks). */
    static void draw(Plot p, StepTrace trace, StepTrace.Phase phase) {
        StepTrace.Step samples = trace.phase(StepTrace.Phase.SAMPLES);
        boolean d = trace.network() == StepTrace.Network.DISCRIMINATOR;
        Tensor fake = samples.get("fake");
        Tensor real = d ? samples.get("real") : null;
        if (phase == StepTrace.Phase.SAMPLES) {
            if (real != null) {
                p.scatter(Points.ofRows(real.toArray(), Argb.rgba(0, 136, 55, 0.9)), null, OUTLINE, RADIUS);
            }
            p.scatter(Points.ofRows(fake.toArray(), Argb.rgba(123, 50, 148, 0.9)), null, OUTLINE, RADIUS);
            return;
        }
        StepTrace.Step predictions = trace.phase(StepTrace.Phase.PREDICTIONS);
        if (phase == StepTrace.Phase.GRADIENTS && !d) {
            arrows(p, fake.toArray(), trace.phase(StepTrace.Phase.GRADIENTS).get("fakeGradients").toArray());
        }
        if (real != null) {
            GanLabView.predictions(p, real.toArray(), predictions.get("realPredictions").toArray(), OUTLINE, RADIUS);
        }
        GanLabView.predictions(p, fake.toArray(), predictions.get("fakePredictions").toArray(), OUTLINE, RADIUS);
    }

    /** The step each fake takes downhill on the generator's loss: to x - 0.15·dL/dx. */
    private static void arrows(Plot p, float[] xy, float[] gradients) {
        int n = gradients.length / 2;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
            vx[i] = -gradients[2 * i];
            vy[i] = -gradients[2 * i + 1];
        }
        p.arrows(xs, ys, vx, vy, GanFrame.ARROW_SCALE, 0.002, GanLabView.KITE_CAP, Argb.rgba(196, 20, 219, 0.7));
    }
}
