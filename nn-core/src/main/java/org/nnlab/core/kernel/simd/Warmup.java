package org.nnlab.core.kernel.simd;

import java.util.concurrent.atomic.AtomicBoolean;

import org.nnlab.core.kernel.KernelSelection;
import org.nnlab.core.kernel.ScalarKernels;

/**
 * Warms up, on a daemon thread, the vector kernels whose results are bitwise the scalar loops' (strictTanh,
 * gemmDoubleSum), and tells callers when each has become the faster one. Until then {@link VectorKernels}
 * runs those two on the scalar loops: same bits, no wait.
 *
 * <p>Why: before C2 has compiled it, Vector API code runs in its Java fallback, about 60 times slower than
 * a scalar loop (2,000 strict tanh values: 4 to 35 ms a call against 80 µs, for the first 500 calls or
 * about 1 s), so a short run on the vector kernels was slower than on the scalar ones. The warm-up thread
 * pays that second on a spare core, once the run has shown it is long enough to gain from it; each kernel
 * switches when its vector form times faster than its scalar form on the same input. The bits cannot
 * depend on when that happens, because they are the same either way. Kernels whose vector and scalar
 * results differ (map, the sums) never switch on timing: a run's numbers must not depend on the JIT. The
 * matrix products are bitwise equal too, but stay on the vector form: routing the small ones here made
 * the ShapeShop MLP slower from a cold start, not faster.
 *
 * <p>{@code -Dnn.warmup=false} (or a single processor) turns the thread off: the vector forms then run from the
 * first call, as before. The thread gives up after {@link #MAX_CALLS} calls per kernel, leaving the scalar form.
 */
final class Warmup {
    /** The most calls the thread makes per kernel before it gives up on it. */
    static final int MAX_CALLS = 20_000;
    private static final int ROUND = 16;
    /**
     * Scalar work before the thread starts, about one second's worth, which is also about what the warm-up
     * costs (ski rental: keep renting the scalar loops until the rent paid equals the price of buying the
     * warm vector code). A run that ends sooner never pays for a warm-up it could not use, and never
     * competes with the JIT's own threads for the cores; a longer one pays at most twice the ideal.
     */
    static final long STRICT_TANH_RENT = 25_000_000L;                 // values, at about 40 ns each
    /** The same for gemmDoubleSum, in multiply-adds (about 1 ns each in the scalar loops). */
    static final long DOUBLE_SUM_RENT = 1_000_000_000L;
    private static long strictTanhWork;                            // racy on purpose: only a hint when to start
    private static long doubleSumWork;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean strictTanhFaster;
    private static volatile boolean doubleSumFaster;

    private Warmup() {
    }

    /** Whether the thread runs at all: the property and at least two processors. */
    static boolean enabled() {
        return KernelSelection.warmup() && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** Whether strictTanh's vector form is warm and faster, for a call on n values (counted as rent). */
    static boolean strictTanh(int n) {
        if (strictTanhFaster) {
            return true;
        }
        strictTanhWork += n;
        if (strictTanhWork >= STRICT_TANH_RENT) {
            start();
        }
        return false;
    }

    /** Whether gemmDoubleSum's vector form is warm and faster, for a call of m·k·n multiply-adds. */
    static boolean doubleSum(long multiplyAdds) {
        if (doubleSumFaster) {
            return true;
        }
        doubleSumWork += multiplyAdds;
        if (doubleSumWork >= DOUBLE_SUM_RENT) {
            start();
        }
        return false;
    }

    private static void start() {
        if (!STARTED.get() && STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(Warmup::run, "nnlab-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    private static void run() {
        // Inputs of the sizes the seed systems use: Playground's layers over 500 points, GAN Lab's layers
        // over a 300-row batch (a wide product, a narrow one, a transposed gradient one).
        double[] x = new double[2000];
        double[] y = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 1000) / 250.0;
        }
        strictTanhFaster = race(() -> StrictTanh.apply(x, y, x.length), () -> ScalarKernels.strictTanhLoop(x, y, x.length));
        float[] a = new float[300 * 16];
        float[] b = new float[300 * 16];
        float[] c = new float[300 * 16];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13 - 6) / 7f;
            b[i] = (i % 11 - 5) / 9f;
        }
        doubleSumFaster = race(() -> {
            DoubleSumGemm.multiply(a, 0, b, 0, b, 0, c, 0, 300, 16, 16);
            DoubleSumGemm.multiply(a, 0, b, 0, null, 0, c, 0, 300, 16, 1);
            DoubleSumGemm.multiply(a, 0, b, 0, null, 0, c, 0, 16, 300, 16);
        }, () -> {
            ScalarKernels.doubleSums(a, 0, b, 0, b, 0, c, 0, 0, 300, 16, 16);
            ScalarKernels.doubleSums(a, 0, b, 0, null, 0, c, 0, 0, 300, 16, 1);
            ScalarKernels.doubleSums(a, 0, b, 0, null, 0, c, 0, 0, 16, 300, 16);
        });
    }

    /**
     * Runs both forms in rounds until the vector one is faster than the scalar one in two rounds running
     * (true), or MAX_CALLS calls of it have not got there (false).
     */
    private static boolean race(Runnable vector, Runnable scalar) {
        int ahead = 0;
        for (int calls = 0; calls < MAX_CALLS; calls += ROUND) {
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                vector.run();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                scalar.run();
            }
            long t2 = System.nanoTime();
            ahead = t1 - t0 < t2 - t1 ? ahead + 1 : 0;
            if (ahead == 2) {
                return true;
            }
        }
        return false;
    }
}
