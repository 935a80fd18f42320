package org.nnlab.gan;

import org.nnlab.nn.dense.DenseStack;
/**
 * Everything GAN Lab's views show at one moment (spec 2.g, 2.h), as numbers.
 *
 * <p>Mode collapse is visible here: the generator covers one part of the real distribution, so the 150
 * fixed fakes huddle together ({@link #spreadRatio()}, the RMS distance of the fakes from their centroid
 * over that of the 450 displayed real samples, falls well below 1, typically under 0.3) while JS stays
 * high (above about 0.5 bits) and D's loss keeps oscillating rather than settling.
 *
 * @param epoch            the session's epoch
 * @param heatmapD         D at the 900 cell centres: index j·30 + i is D((i + 0.5)/30, (j + 0.5)/30)
 * @param manifold         G at the noise corners: [441, 2], row 21a + b is G(a/20, b/20) (2-D noise); [21, 2]
 *                         for 1-D noise
 * @param cellAreas        each of the 400 cells' normalised area (empty for 1-D noise)
 * @param cellOpacity      each cell's fill opacity by GAN Lab's formula for the noise type (empty for 1-D)
 * @param realSamples      the first 450 real atlas rows, [450, 2], as GAN Lab displays them
 * @param realPredictions  D on the first 150 real rows
 * @param fixedFake        G on the first 150 noise rows, [150, 2]
 * @param fixedFakeD       D on the fixed fakes
 * @param fixedFakeGradDx  dD/dx at the fixed fakes, [150, 2] (GAN Lab draws the arrow to x + 0.15·dD/dx)
 * @param divergence       KL and JS on the 30 x 30 grid, in bits
 */
public record GanFrame(long epoch, float[] heatmapD, float[] manifold, double[] cellAreas, double[] cellOpacity,
                       float[] realSamples, float[] realPredictions, float[] fixedFake, float[] fixedFakeD,
                       float[] fixedFakeGradDx, GridDivergence divergence) {
    /** Real samples displayed. */
    public static final int REAL_SHOWN = 450;
    /** Fixed fakes (and real rows whose predictions are shown). */
    public static final int FIXED = 150;
    /** GAN Lab's gradient arrow scale: the tip is at x + 0.15·dD/dx. */
    public static final double ARROW_SCALE = 0.15;

    /**
     * The divergence a frame reports ({@link #kl()}, {@link #js()}), without the rest of the frame: one generator
     * pass over the fixed noise and two histograms, the same bits as the frame's.
     */
    static GridDivergence divergence(GanSession session) {
        float[] fixedFake = session.generator().apply(session.noiseAtlas().head(FIXED), FIXED);
        return GridDivergence.of(session.realAtlas().head(REAL_SHOWN), REAL_SHOWN, fixedFake, FIXED);
    }

    static GanFrame of(GanSession session, boolean ganLabCompatible) {
        DenseStack g = session.generator();
        DenseStack d = session.discriminator();
        int cells = GridDivergence.CELLS;
        int points = cells * cells;
        float[] centres = new float[2 * points];                          // feature-major: all x, then all y
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                centres[j * cells + i] = (i + 0.5f) / cells;
                centres[points + j * cells + i] = (j + 0.5f) / cells;
            }
        }
        float[] heatmap = d.neurons(centres, points, cells).output();     // the library's one grid evaluation
        DenseStack.Workspace dPass = d.workspace(FIXED);

        int noiseSize = session.noiseSize();
        float[] corners = Manifold.noiseCorners(noiseSize);
        int cornerCount = corners.length / noiseSize;
        float[] manifold = g.apply(corners, cornerCount);
        double[] areas = noiseSize == 2 ? Manifold.normalizedAreas(manifold) : new double[0];
        double[] opacity = noiseSize == 2 ? Manifold.opacities(session.config().noise(), areas) : new double[0];

        float[] real = session.realAtlas().head(REAL_SHOWN);
        float[] realPredictions = d.apply(real, FIXED);
        float[] fixedFake = g.apply(session.noiseAtlas().head(FIXED), FIXED);
        d.forward(fixedFake, FIXED, dPass);
        float[] fixedFakeD = new float[FIXED];
        System.arraycopy(dPass.output(), 0, fixedFakeD, 0, FIXED);
        float[] delta = new float[FIXED];
        for (int i = 0; i < FIXED; i++) {
            delta[i] = fixedFakeD[i] * (1 - fixedFakeD[i]);                   // dD/dz of the sigmoid
        }
        float[] gradDx = new float[2 * FIXED];
        d.backward(dPass, delta, null, gradDx);
        GridDivergence divergence = ganLabCompatible
                ? GridDivergence.ganLabCompatible(session.realAtlas(), fixedFake, FIXED)
                : GridDivergence.of(real, REAL_SHOWN, fixedFake, FIXED);
        return new GanFrame(session.epochCount(), heatmap, manifold, areas, opacity, real, realPredictions, fixedFake,
                fixedFakeD, gradDx, divergence);
    }

    /** KL(real || fake) in bits. */
    public double kl() {
        return divergence.kl();
    }

    /** JS in bits. */
    public double js() {
        return divergence.js();
    }

    /**
     * RMS distance of the fixed fakes from their centroid over that of the displayed real samples: about
     * 1 when G covers the real distribution, far below 1 under mode collapse.
     */
    public double spreadRatio() {
        return spread(fixedFake, FIXED) / spread(realSamples, REAL_SHOWN);
    }

    private static double spread(float[] xy, int n) {
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += xy[2 * i];
            cy += xy[2 * i + 1];
        }
        cx /= n;
        cy /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double dx = xy[2 * i] - cx;
            double dy = xy[2 * i + 1] - cy;
            s += dx * dx + dy * dy;
        }
        return Math.sqrt(s / n);
    }

    /**
     * GAN Lab's prediction colouring stretch: s(d) = 0.5 + 0.5·sign(2d - 1)·sqrt(|2d - 1|), the value
     * fed to the PRGn scale for the prediction dots.
     */
    public static double predictionContrast(double d) {
        double c = 2 * d - 1;
        return 0.5 + 0.5 * Math.signum(c) * Math.sqrt(Math.abs(c));
    }
}
