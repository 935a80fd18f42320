package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.Compute;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * The forward and backward passes of a run of examples that share the weights (Playground's examples between two
 * updates), computed layer by layer with the examples side by side: one row per neuron, one column per example, so
 * the sums run in vector lanes ({@code Kernels.laneSums}, {@code laneGradients}) and tanh on
 * {@link Compute#strictTanh}. Each column does exactly the double arithmetic of one example's passes (spec 5.5, 5.6):
 * z = bias, then + w·a(src) in link order; δa(src) = 0, then + w·δz(dest) in node order. The accumulators receive
 * the examples' terms in example order, so they hold the same bits as after the per-example passes. Scratch state of
 * one {@link PlaygroundNetwork}; not thread-safe.
 */
final class ExampleLanes {
    /** Examples per block: a longer run is processed block after block, in order. */
    static final int BLOCK = 64;
    /**
     * Every row array reaches this far past its last value: tanh runs over a layer's values rounded up to a multiple
     * of it (8 doubles, a 512-bit register), so that it has no scalar tail (the values past the layer's are stale, and
     * nobody reads what tanh makes of them), and the lane kernels mask their last vector instead of finishing on
     * scalar loops.
     */
    private static final int PAD = 8;
    /** Independent sums the gradient loops keep going at once: each is a chain of dependent additions. */
    private static final int CHAINS = 4;

    private final int[] sizes;
    private final double[][] z;       // [layer][node * m + example], m the examples in the block
    private final double[][] a;
    private final double[][] dz;
    private final double[][] da;
    private int lastExample = -1;     // the column of the last example passed, until the next block; -1: none
    private int lastCount;

    ExampleLanes(int[] sizes) {
        this.sizes = sizes;
        z = new double[sizes.length][];
        a = new double[sizes.length][];
        dz = new double[sizes.length][];
        da = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            z[l] = new double[sizes[l] * BLOCK + PAD];
            a[l] = new double[sizes[l] * BLOCK + PAD];
            dz[l] = new double[sizes[l] * BLOCK + PAD];
            da[l] = new double[sizes[l] * BLOCK + PAD];
        }
    }

    /** Runs examples [from, to) through both passes and adds their gradients to p's accumulators. */
    void accumulate(PlaygroundNetwork p, double[][] inputs, List<Example> data, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int m = Math.min(BLOCK, to - start);
            forward(p, inputs, start, m);
            backward(p, data, start, m);
            lastExample = m - 1;
            lastCount = m;
        }
    }

    /** Whether a block has run since {@link #forget}: then {@link #copyLast} has a last example to give. */
    boolean holdsLast() {
        return lastExample >= 0;
    }

    /** Forgets the last example (the per-example passes have overwritten the network's per-node state). */
    void forget() {
        lastExample = -1;
    }

    /**
     * Copies the last example's per-node state into the network's arrays, each [layer][node]; the input layer has
     * no z, δz or δa.
     */
    void copyLast(double[][] zs, double[][] as, double[][] dzs, double[][] das) {
        for (int l = 0; l < sizes.length; l++) {
            for (int node = 0; node < sizes[l]; node++) {
                int i = node * lastCount + lastExample;
                as[l][node] = a[l][i];
                if (l > 0) {
                    zs[l][node] = z[l][i];
                    dzs[l][node] = dz[l][i];
                    das[l][node] = da[l][i];
                }
            }
        }
    }

    private void forward(PlaygroundNetwork p, double[][] inputs, int start, int m) {
        double[] in = a[0];
        for (int e = 0; e < m; e++) {
            double[] x = inputs[start + e];
            for (int s = 0; s < sizes[0]; s++) {
                in[s * m + e] = x[s];
            }
        }
        Kernels k = Kernels.get();
        for (int l = 1; l < sizes.length; l++) {
            int prev = sizes[l - 1];
            k.laneSums(p.weights[l], prev, 1, p.biases[l], a[l - 1], prev, z[l], sizes[l], m);
            double[] totals = z[l];
            PlaygroundActivation f = p.activationOf(l);
            int n = sizes[l] * m;
            if (f == PlaygroundActivation.TANH) {
                Compute.strictTanh(totals, a[l], (n + PAD - 1) / PAD * PAD);
            } else {
                for (int i = 0; i < n; i++) {
                    a[l][i] = f.output(totals[i]);
                }
            }
        }
    }

    private void backward(PlaygroundNetwork p, List<Example> data, int start, int m) {
        Kernels k = Kernels.get();
        int out = sizes.length - 1;
        for (int e = 0; e < m; e++) {
            da[out][e] = a[out][e] - data.get(start + e).label();
        }
        for (int l = out; l >= 1; l--) {
            int prev = sizes[l - 1];
            double[] delta = dz[l];
            derivative(p.activationOf(l), z[l], a[l], da[l], delta, sizes[l] * m);
            accumulateBiases(delta, p.accBiases[l], sizes[l], m);
            k.laneGradients(delta, sizes[l], a[l - 1], prev, p.dead[l], p.accWeights[l], m);
            if (l > 1) {
                k.laneSums(p.weights[l], 1, prev, null, delta, sizes[l], da[l - 1], prev, m);
            }
        }
    }

    /**
     * accB[d] += δz[d, e] for e in example order. Each bias is its own chain of additions; {@link #CHAINS} of them
     * run side by side, so the adder's latency is hidden.
     */
    private static void accumulateBiases(double[] delta, double[] accB, int nodes, int m) {
        int d = 0;
        for (; d + CHAINS <= nodes; d += CHAINS) {
            int r0 = d * m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
            double b0 = accB[d], b1 = accB[d + 1], b2 = accB[d + 2], b3 = accB[d + 3];
            for (int e = 0; e < m; e++) {
                b0 += delta[r0 + e];
                b1 += delta[r1 + e];
                b2 += delta[r2 + e];
                b3 += delta[r3 + e];
            }
            accB[d] = b0;
            accB[d + 1] = b1;
            accB[d + 2] = b2;
            accB[d + 3] = b3;
        }
        for (; d < nodes; d++) {
            double acc = accB[d];
            for (int e = 0; e < m; e++) {
                acc += delta[d * m + e];
            }
            accB[d] = acc;
        }
    }

    /** δz = δa·f'(z), f' as Playground codes it, from the forward pass's a = f(z) where that gives the same bits. */
    private static void derivative(PlaygroundActivation f, double[] z, double[] a, double[] da, double[] dz, int n) {
        if (f == PlaygroundActivation.TANH) {
            for (int i = 0; i < n; i++) {
                dz[i] = da[i] * (1 - a[i] * a[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dz[i] = da[i] * f.derivative(z[i], a[i]);
            }
        }
    }
}
