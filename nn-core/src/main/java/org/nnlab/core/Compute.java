package org.nnlab.core;

import org.nnlab.core.internal.kernel.KernelSelection;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * Where nnlab's arithmetic runs, for programs outside the engine: which kernels this JVM chose, the progress
 * hint that lets the vector kernels warm up early, and the few array routines the exact engines need, each
 * with the argument checks of a public entry point. The kernels themselves
 * ({@code org.nnlab.core.internal.kernel}) are internal: they validate nothing and may change between
 * releases; {@link Tensor}'s ops, {@code nn} and this class are the ways in (as Lucene keeps its
 * vectorization behind {@code VectorUtil}).
 *
 * <p>The choice is made once per JVM from the system properties {@code nn.kernels} ({@code auto},
 * {@code scalar}, {@code vector}), {@code nn.vector.bits}, {@code nn.threads} and {@code nn.warmup}; every
 * choice gives the same bits.
 */
public final class Compute {
    private Compute() {
    }

    /** A short name of the kernels in use, for run records and logs: {@code scalar} or {@code vector(S_256_BIT)}. */
    public static String kernels() {
        return Kernels.get().name();
    }

    /**
     * Checks the kernel system properties up front (the command line does, before any work).
     *
     * @throws IllegalArgumentException naming the property, its value and the valid choices
     */
    public static void checkProperties() {
        KernelSelection.checkProperties();
    }

    /**
     * Tells the kernels how far a run has come: {@code done} of its {@code total} epochs or steps. A hint for
     * speed only, never for a result: the vector kernels start their warm-up as soon as the rest of the run,
     * projected from the work so far, is long enough to repay it. Training loops that know their length call it
     * after each epoch.
     *
     * @throws IllegalArgumentException unless 0 &lt;= done &lt;= total
     */
    public static void progress(long done, long total) {
        if (done < 0 || done > total) {                      // no varargs on a per-epoch path
            throw new IllegalArgumentException(Checks.format("Compute.progress: done %d of total %d; need 0 <= done <= total",
                    done, total));
        }
        Kernels.get().progress(done, total);
    }

    /**
     * y[i] = tanh(x[i]) for i in [0, n), bit for bit {@link StrictMath#tanh} on every kernel, vector lanes
     * included (Playground's exact engine evaluates its tanh layers with it).
     *
     * @param x the arguments. Not modified.
     * @param y the results (may be x). Modified.
     * @throws IllegalArgumentException if n is negative or longer than x or y
     */
    public static void strictTanh(double[] x, double[] y, int n) {
        if (n < 0 || n > x.length || n > y.length) {
            throw new IllegalArgumentException(Checks.format("Compute.strictTanh: n = %d for arrays of %d and %d", n,
                    x.length, y.length));
        }
        Kernels.get().strictTanh(x, y, n);
    }

    /**
     * y[i] = 1 / (1 + e^-x[i]) for i in [0, n), bit for bit {@code 1 / (1 + StrictMath.exp(-x))} on every kernel, vector
     * lanes included.
     *
     * @param x the arguments. Not modified.
     * @param y the results (may be x). Modified.
     * @throws IllegalArgumentException if n is negative or longer than x or y
     */
    public static void strictSigmoid(double[] x, double[] y, int n) {
        if (n < 0 || n > x.length || n > y.length) {
            throw new IllegalArgumentException(Checks.format("Compute.strictSigmoid: n = %d for arrays of %d and %d", n,
                    x.length, y.length));
        }
        Kernels.get().strictSigmoid(x, y, n);
    }

    /**
     * y[i] = softplus(x[i]) = ln(1 + e^x[i]) for i in [0, n), evaluated as max(x, 0) + log1p(e^-|x|) (no overflow), bit for
     * bit {@code Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)))} on every kernel, vector lanes included
     * (GAN Lab's log loss is a sum of softplus terms).
     *
     * @param x the arguments. Not modified.
     * @param y the results (may be x). Modified.
     * @throws IllegalArgumentException if n is negative or longer than x or y
     */
    public static void strictSoftplus(double[] x, double[] y, int n) {
        if (n < 0 || n > x.length || n > y.length) {
            throw new IllegalArgumentException(Checks.format("Compute.strictSoftplus: n = %d for arrays of %d and %d", n,
                    x.length, y.length));
        }
        Kernels.get().strictSoftplus(x, y, n);
    }
}
