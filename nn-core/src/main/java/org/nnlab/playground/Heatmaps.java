package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.NoGrad;
import org.nnlab.core.Tensor;

/**
 * Playground's heatmaps (spec section 8): every neuron's output over the 100 x 100 grid on [-6, 6]²,
 * computed in one batched float32 pass on the tensor core with no graph recorded: the grid is a
 * [10000, inputs] matrix and each layer one product X·Wᵀ + b and one activation.
 *
 * <p>Grids are row-major with row 0 at the top (y = +6) and column 0 at the left (x = -6), 100 x 100
 * floats, as the page draws them. Coordinates use d3's interpolation form, which differs in the last
 * bit from -6 + 12·i/99 for 42 of the 100 values.
 */
public final class Heatmaps {
    /** Grid points per axis. */
    public static final int DENSITY = 100;
    /** The grid covers [-DOMAIN, DOMAIN] on both axes. */
    public static final double DOMAIN = 6;
    /** Cells per axis of a neuron thumbnail. */
    public static final int THUMBNAIL = 10;

    private Heatmaps() {
    }

    /** x of column i: d3's {@code -6·(1 - t) + 6·t} with t = i/99. */
    public static double xAt(int column) {
        double t = column / 99.0;
        return -DOMAIN * (1 - t) + DOMAIN * t;
    }

    /** y of row j (row 0 at the top): t = (j - 99)/(-99), then {@code -6·(1 - t) + 6·t}. */
    public static double yAt(int row) {
        double t = (row - 99) / -99.0;
        return -DOMAIN * (1 - t) + DOMAIN * t;
    }

    /**
     * Every non-input neuron on the grid, in one batched evaluation.
     *
     * @return grids[layer][node], layer 1 to {@link PlaygroundNetwork#layers()} (index 0 is empty),
     *         each DENSITY² floats, row-major, top row first
     */
    public static float[][][] neurons(PlaygroundNetwork net, List<Feature> features) {
        Checks.requireArgument(features.size() == net.size(0), "Heatmaps: %d features for a network with %d inputs",
                features.size(), net.size(0));
        int points = DENSITY * DENSITY;
        float[] in = new float[points * features.size()];
        for (int row = 0; row < DENSITY; row++) {
            for (int col = 0; col < DENSITY; col++) {
                int p = row * DENSITY + col;
                for (int f = 0; f < features.size(); f++) {
                    in[p * features.size() + f] = (float) features.get(f).value(xAt(col), yAt(row));
                }
            }
        }
        float[][][] grids = new float[net.layers() + 1][][];
        grids[0] = new float[0][];
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor h = Tensor.of(in, points, features.size());               // [points, inputs]
            for (int l = 1; l <= net.layers(); l++) {
                int n = net.size(l);
                int prev = net.size(l - 1);
                float[] w = new float[n * prev];
                float[] b = new float[n];
                for (int d = 0; d < n; d++) {
                    b[d] = (float) net.bias(l, d);
                    for (int s = 0; s < prev; s++) {
                        w[d * prev + s] = (float) net.weight(l, d, s);
                    }
                }
                Tensor z = h.matmulTransB(Tensor.of(w, n, prev)).add(Tensor.of(b, n));   // [points, n]
                h = activate(z, l == net.layers() ? net.outputActivation() : net.activation());
                grids[l] = columns(h.array(), points, n);
            }
        }
        return grids;
    }

    /** A feature's raw values on the grid, not squashed (Playground's input-node maps). */
    public static float[] feature(Feature f) {
        float[] g = new float[DENSITY * DENSITY];
        for (int row = 0; row < DENSITY; row++) {
            for (int col = 0; col < DENSITY; col++) {
                g[row * DENSITY + col] = (float) f.value(xAt(col), yAt(row));
            }
        }
        return g;
    }

    /**
     * Playground's {@code reduceMatrix}: the plain mean of each factor x factor block, summed in its order.
     *
     * @param grid size x size, row-major
     * @return (size/factor)², row-major
     * @throws IllegalArgumentException if factor does not divide size or the grid has the wrong length
     */
    public static float[] reduce(float[] grid, int size, int factor) {
        Checks.requireArgument(grid.length == size * size, "Heatmaps.reduce: grid has %d values, %d x %d needs %d",
                grid.length, size, size, size * size);
        Checks.requireArgument(factor >= 1 && size % factor == 0, "Heatmaps.reduce: factor %d does not divide %d",
                factor, size);
        int out = size / factor;
        float[] r = new float[out * out];
        for (int col = 0; col < size; col += factor) {          // Playground's matrix[i][j]: i = column, j = row
            for (int row = 0; row < size; row += factor) {
                double avg = 0;
                for (int k = 0; k < factor; k++) {
                    for (int l = 0; l < factor; l++) {
                        avg += grid[(row + l) * size + col + k];
                    }
                }
                r[(row / factor) * out + col / factor] = (float) (avg / (factor * factor));
            }
        }
        return r;
    }

    /**
     * "Discretize": +1 where v >= 0, -1 elsewhere. NOTE: NaN stays NaN (Playground turns it into -1 here
     * and then fails to colour it), so a diverged network still shows as grey.
     */
    public static float[] discretize(float[] grid) {
        float[] r = new float[grid.length];
        for (int i = 0; i < grid.length; i++) {
            r[i] = Float.isNaN(grid[i]) ? Float.NaN : (grid[i] >= 0 ? 1f : -1f);
        }
        return r;
    }

    private static Tensor activate(Tensor z, PlaygroundActivation f) {
        return switch (f) {
            case RELU -> z.relu();
            case TANH -> z.tanh();
            case SIGMOID -> z.sigmoid();
            case LINEAR -> z;
        };
    }

    /** Column d of a [points, n] matrix as grid d. */
    private static float[][] columns(float[] h, int points, int n) {
        float[][] g = new float[n][points];
        for (int p = 0; p < points; p++) {
            for (int d = 0; d < n; d++) {
                g[d][p] = h[p * n + d];
            }
        }
        return g;
    }
}
