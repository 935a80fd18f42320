package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.nn.dense.DenseStack;
import org.nnlab.nn.dense.NeuronGrids;

/**
 * Playground's heatmaps (spec section 8): every neuron's output over the 100 x 100 grid on [-6, 6]²,
 * computed in one batched float32 pass on the core's kernels, with no graph and no intermediate tensors:
 * one matrix product and one in-place activation per layer.
 *
 * <p>The layout is transposed: a layer's values are [neurons, 10000], so each row is one neuron's grid
 * and the products are wide ([n, prev] x [prev, 10000]), the shape the packed kernels run fastest; the
 * biases are the rows' starting values, since the product accumulates. The grid inputs are computed
 * once per feature list.
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
     * Every non-input neuron on the grid, in one batched evaluation ({@link DenseStack#neurons}, the one grid
     * evaluation of the library): per layer, rows of biases, then H_l += W_l·H_(l-1) as one matrix product
     * [n, prev] x [prev, 10000] in float32, then the activation in place.
     *
     * @throws IllegalArgumentException if the feature count differs from the network's inputs
     */
    public static NeuronGrids neurons(PlaygroundNetwork net, List<Feature> features) {
        Checks.requireArgument(features.size() == net.size(0), "Heatmaps: %d features for a network with %d inputs",
                features.size(), net.size(0));
        return net.toDenseStack().neurons(inputs(features), DENSITY * DENSITY, DENSITY);
    }

    /** The features on the grid as rows [inputs, points]: computed once per feature list, then shared. */
    private static float[] inputs(List<Feature> features) {
        return INPUTS.computeIfAbsent(List.copyOf(features), fs -> {
            int points = DENSITY * DENSITY;
            float[] in = new float[fs.size() * points];
            for (int f = 0; f < fs.size(); f++) {
                System.arraycopy(feature(fs.get(f)), 0, in, f * points, points);
            }
            return in;
        });
    }

    /** Read-only grid inputs per feature list (at most 2^7 lists of up to 0.3 MB). */
    private static final java.util.Map<List<Feature>, float[]> INPUTS = new java.util.concurrent.ConcurrentHashMap<>();

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
}
