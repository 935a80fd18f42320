package org.nnlab.core.internal.kernel.simd;

import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.KernelSelection;
import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.core.internal.kernel.ScalarKernels;
import org.nnlab.core.internal.kernel.Unary;

/**
 * Warms up the vector kernels on a daemon thread and tells {@link VectorKernels} when each family of kernels
 * has become faster than the scalar loops. Until then the vector kernels run the scalar loops, which give
 * bitwise the same results (see {@link ScalarKernels}): the switch changes how fast a run goes, never a bit.
 *
 * <p>Why: before C2 has compiled it, Vector API code runs in its Java fallback, 30 to 100 times slower than a
 * plain loop (64 tanh values: 240 µs a call against 2 µs for the first thousand calls; 2,000 strict tanh
 * values: 4 to 35 ms against 80 µs, for about a second), so a short run on the vector kernels was slower
 * than on the scalar ones. The warm-up thread pays that second on a spare core, once the run has shown it is
 * long enough to gain from it, and each {@link Family} switches when its vector form times faster than its
 * scalar form on the same inputs, in two rounds running. The inputs take every branch the kernels have
 * (every function, operator, transpose and tail), so that C2 compiles all of them and a run's first call of
 * a rarer one does not fall back to the interpreter.
 *
 * <p>{@code -Dnn.warmup=false} (or a single processor) turns the thread off: the vector forms then run from
 * the first call. The thread gives up on a family after {@link #MAX_ROUNDS} rounds, leaving it on the scalar
 * loops (on 128-bit vectors the scalar loops, which C2 vectorizes itself, are often as fast).
 */
final class Warmup {
    /** The kernels that switch together, each with the scalar work it may do before the thread starts. */
    enum Family {
        /** gemm, gemmTransA, gemmTransB, in multiply-adds. */
        PRODUCTS(1.0),
        /** convForward, convWeightGradient, convInputGradient, in multiply-adds. */
        CONVOLUTIONS(1.0),
        /** gemmDoubleSum, in multiply-adds. */
        DOUBLE_SUMS(1.0),
        /** denseColumns, denseColumnsBack, denseColumnsGradients, in multiply-adds. */
        COLUMNS(1.0),
        /** laneSums, laneGradients, in multiply-adds. */
        LANES(1.0),
        /** strictTanh, strictSigmoid, strictSoftplus, in values (fdlibm's functions: about 10 to 40 ns each). */
        STRICT_MATH(40.0),
        /** map and mapGrad, in values. */
        MAPS(5.0),
        /** maxPool2x2, in outputs (four values each). */
        POOLING(5.0),
        /** sum and dot, in values. */
        REDUCTIONS(0.5),
        /** axpy, zip, zipRow, zipScalar, mulAdd, addColumnSums, in values. */
        ELEMENTWISE(0.5);

        /** About how many nanoseconds the scalar loops take per unit of work. */
        final double nanosPerUnit;

        Family(double nanosPerUnit) {
            this.nanosPerUnit = nanosPerUnit;
        }
    }

    /** The most rounds the thread runs per family before it gives up on it. */
    static final int MAX_ROUNDS = 300;
    private static final int ROUND = 16;
    /**
     * Scalar work before the thread starts, in estimated nanoseconds: about two seconds, more than what the
     * warm-up costs (ski rental: keep renting the scalar loops until the rent paid exceeds the price of buying
     * warm vector code). A run that ends sooner never pays for a warm-up it could not use and never competes
     * with the JIT's own threads for the cores; a longer one pays at most about twice the ideal.
     */
    static final long RENT_NANOS = 2_000_000_000L;
    /**
     * A run that says how long it is ({@link Kernels#progress}) starts the thread as soon as its remaining scalar
     * work, projected from the rent paid so far, reaches this: about twice the rent, so that the warm-up's cost,
     * paid on a core the run may share, is repaid within the run.
     */
    static final long FORECAST_NANOS = 2 * RENT_NANOS;
    /** The thread warms only the families that have paid at least this share of the rent: the ones the run uses. */
    static final double USED_SHARE = 0.05;
    /**
     * Matrix products of at least this many multiply-adds ("large") take the vector form without waiting for the
     * thread once the large products have paid {@link #EAGER_RENT_NANOS} on the scalar loops: their loops run
     * long enough for C2 to compile them (on-stack replacement) within a few calls, and the scalar loops are
     * many times slower on them (the ShapeShop CNN: 3.4 s against 6.4 s from a cold start).
     */
    static final long EAGER_PRODUCT_MACS = 1L << 22;
    /**
     * The scalar work of large products after which they go vector: enough that a run with only a few of them
     * (the ShapeShop MLP's two accuracy passes of 4.8 million multiply-adds) never pays C2's compilation of the
     * vector products, about 0.3 s of CPU that those few calls cannot repay; little enough that a run made of
     * them (the CNN, 21 million per convolution product) switches within its first batches.
     */
    static final long EAGER_RENT_NANOS = 200_000_000L;
    private static double largeRent;                       // racy on purpose: only a hint

    /** When the thread starts and when each family switches or is given up, at DEBUG (java.util.logging FINE). */
    private static final System.Logger LOG = System.getLogger(Warmup.class.getName());
    private static final double[] RENT = new double[Family.values().length];   // racy on purpose: only hints
    private static double rentTotal;

    // A volatile field and a volatile array that is replaced, never written in place, rather than
    // AtomicBoolean and AtomicIntegerArray: those go through VarHandles, whose first calls spin method-handle
    // classes (about 5 ms of a cold start that the scalar kernels do not pay).
    private static volatile boolean started;
    private static final int UNDECIDED = 0;
    private static final int FASTER = 1;
    private static final int GAVE_UP = 2;
    private static volatile int[] state = new int[Family.values().length];

    private Warmup() {
    }

    /** Whether the thread runs at all: the property and at least two processors. */
    static boolean enabled() {
        return KernelSelection.warmup() && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * Whether the family's vector form is warm and faster, for a call doing {@code work} units of it (counted
     * as rent while it is not).
     */
    static boolean ready(Family f, long work) {
        if (state[f.ordinal()] == FASTER) {
            return true;
        }
        double nanos = work * f.nanosPerUnit;
        RENT[f.ordinal()] += nanos;
        rentTotal += nanos;
        if (rentTotal >= RENT_NANOS) {
            start();
        }
        return false;
    }

    /**
     * {@link #ready} for a product of at least {@link #EAGER_PRODUCT_MACS} multiply-adds: also true once the
     * large products have paid {@link #EAGER_RENT_NANOS}.
     */
    static boolean readyLarge(Family f, long multiplyAdds) {
        if (largeRent >= EAGER_RENT_NANOS) {
            return true;
        }
        largeRent += multiplyAdds * f.nanosPerUnit;
        return ready(f, multiplyAdds);
    }

    /** The last {@link #forecast}'s progress and the rent paid by then (racy on purpose: only hints). */
    private static long lastDone;
    private static double lastRent;

    /**
     * Starts the thread now if the run, {@code done} of {@code total} epochs or steps through, will do at least
     * {@link #FORECAST_NANOS} more scalar work at the rate of its last epochs: the rent paid since the previous
     * call per epoch done since. A call that does not advance on the previous one (a new run, or a loop that
     * trains in several calls) only sets the baseline, so that earlier runs' work never counts as this one's.
     */
    static void forecast(long done, long total) {
        if (started) {
            return;
        }
        double paid = rentTotal;
        if (lastDone >= 1 && done > lastDone && repays((paid - lastRent) / (done - lastDone), total - done)) {
            start();
        }
        lastDone = done;
        lastRent = paid;
    }

    /** Whether {@code remaining} epochs of {@code perEpoch} nanoseconds of scalar work come to {@link #FORECAST_NANOS}. */
    static boolean repays(double perEpoch, long remaining) {
        return remaining >= 1 && perEpoch * remaining >= FORECAST_NANOS;
    }

    /** Whether the thread has finished with the family: switched it, or given up on it. */
    static boolean decided(Family f) {
        return state[f.ordinal()] != UNDECIDED;
    }

    /** Whether the thread warms every family, used or not (for tests). */
    private static volatile boolean everything;

    /** Starts the thread now if it has not started, whatever the rent paid, and has it warm every family (for tests). */
    static void warmEverything() {
        everything = true;
        start();
    }

    private static void start() {
        if (!started && claimStart()) {
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, String.format("nnlab warm-up: starts at %d ms, rent %.0f ms", uptime(),
                        rentTotal / 1e6));
            }
            Thread t = new Thread(Warmup::run, "nnlab-vector-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    /** True for the one caller that starts the thread. */
    private static synchronized boolean claimStart() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    /** Publishes a family's decision: a new array, so that readers see either the old state or the new. */
    private static synchronized void decide(int family, int decision) {
        int[] next = state.clone();
        next[family] = decision;
        state = next;
    }

    private static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /**
     * Races the used, undecided families, the most used first, in rounds; a family switches when its vector
     * form wins two rounds running, and is given up after {@link #MAX_ROUNDS}. A family the run has not used
     * waits until it has paid its share of the rent; the thread ends when every family is decided.
     */
    private static void run() {
        Kernels vector = new VectorForms();
        Kernels scalar = KernelSelection.scalar();
        Family[] families = Family.values();
        int[] ahead = new int[families.length];
        int[] rounds = new int[families.length];
        while (true) {
            Family[] order = families.clone();
            java.util.Arrays.sort(order, (p, q) -> Double.compare(RENT[q.ordinal()], RENT[p.ordinal()]));
            boolean open = false;
            boolean raced = false;
            for (Family f : order) {
                int i = f.ordinal();
                if (state[i] != UNDECIDED) {
                    continue;
                }
                open = true;
                if (!everything && RENT[i] < USED_SHARE * rentTotal) {
                    continue;
                }
                raced = true;
                long t0 = System.nanoTime();
                for (int r = 0; r < ROUND; r++) {
                    exercise(f, vector);
                }
                long t1 = System.nanoTime();
                for (int r = 0; r < ROUND; r++) {
                    exercise(f, scalar);
                }
                long t2 = System.nanoTime();
                ahead[i] = t1 - t0 < t2 - t1 ? ahead[i] + 1 : 0;
                if (ahead[i] == 2) {
                    decide(i, FASTER);
                } else if (++rounds[i] == MAX_ROUNDS) {
                    decide(i, GAVE_UP);
                }
                if (state[i] != UNDECIDED && LOG.isLoggable(System.Logger.Level.DEBUG)) {
                    LOG.log(System.Logger.Level.DEBUG, String.format("nnlab warm-up: %s %s at %d ms, round %d", f,
                            state[i] == FASTER ? "switched" : "given up", uptime(), rounds[i]));
                }
            }
            if (!open) {
                return;
            }
            if (!raced) {
                try {
                    Thread.sleep(200);                              // until another family is used enough
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Inputs of the sizes the seed systems use, with tails past every vector width. */
    private static final class Inputs {
        static final int N = 1003;
        static final int LENGTH = 150 * 33 + 64;                       // a batch of 150 through a layer of 33
        static final float[] X = wave(LENGTH, 0.37f);
        static final float[] Y = wave(LENGTH, 0.11f);
        static final float[] OUT = new float[LENGTH];
        static final float[] G = new float[N + 64];
        static final double[] DX = new double[2003];
        static final double[] DY = new double[2003];
        static final double[] COLUMNS_IN = new double[33 * 300 + 1];
        static final double[] COLUMNS_OUT = new double[33 * 300 + 1];
        static final double[] LANE_SUMS = new double[81];
        static final float[] CONV_OUT = new float[32 * 26 * 26];
        static final float[] CONV_IN = new float[32 * 6 * 14];
        static final float[] CONV_WEIGHTS = new float[32 * 16 * 9];
        static final int[] ARGMAX = new int[4 * 12 * 12];


        static {
            for (int i = 0; i < DX.length; i++) {
                DX[i] = (i - 1000) / 250.0;
            }
        }

        private static float[] wave(int n, float step) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) Math.sin(i * step) * 3 + 0.5f;
            }
            return v;
        }
    }

    /** One call of each kernel of the family, on k: every branch the family's vector code has. */
    static void exercise(Family f, Kernels k) {
        float[] x = Inputs.X;
        float[] y = Inputs.Y;
        float[] out = Inputs.OUT;
        int n = Inputs.N;
        switch (f) {
            case PRODUCTS -> {
                // Playground's heatmap layers over a grid, a ShapeShop batch, and edge tiles of every kind
                k.gemm(x, 0, y, 0, out, 0, 8, 16, 60);
                k.gemmTransA(x, 0, y, 0, out, 0, 13, 30, 17);
                k.gemmTransB(x, 0, y, 0, out, 0, 17, 30, 13);
                k.gemm(x, 1, y, 3, out, 0, 3, 5, 7);
                // a dense layer on a batch of 4 (ShapeShop's): forward, weight gradient, back-propagation. On the tiny
                // products alone the race was a coin toss (the CNN's run gave the family up after 300 rounds and ran
                // its dense layers on the scalar loops); on these the vector form wins clearly
                k.gemm(x, 0, y, 0, out, 0, 4, 32, 128);
                k.gemmTransA(x, 0, y, 0, out, 0, 32, 4, 128);
                k.gemmTransB(x, 0, y, 0, out, 0, 4, 32, 128);
            }
            case CONVOLUTIONS -> {
                // ShapeShop's two layers, cut down: one input channel and many, rows of whole tiles with an
                // overlapping last one, rows narrower than a tile, and filter and channel counts off the lanes
                int[][] shapes = {{1, 28, 28, 32, 3}, {32, 6, 14, 16, 3}, {16, 8, 16, 32, 3}, {3, 7, 9, 5, 3}, {2, 5, 5, 3, 2}};
                for (int[] shape : shapes) {
                    int c = shape[0];
                    int h = shape[1];
                    int w = shape[2];
                    int filters = shape[3];
                    int kk = shape[4];
                    k.convForward(x, 1, c, h, w, y, filters, kk, kk, y, Inputs.CONV_OUT);
                    k.convWeightGradient(Inputs.CONV_OUT, x, 1, c, h, w, filters, kk, kk, Inputs.CONV_WEIGHTS);
                    k.convInputGradient(Inputs.CONV_OUT, y, 1, c, h, w, filters, kk, kk, Inputs.CONV_IN);
                }
            }
            case DOUBLE_SUMS -> {
                // GAN Lab's ring discriminator (2-9-9-1) over a batch of 150, with layers of 8 and 33 for the
                // one-vector and four-vector column blocks: forward, weight and bias gradients (Aᵀ·δ, 1ᵀ·δ),
                // back-propagation (δ·Wᵀ); every layer in one call each
                int batch = 150;
                int[] widths = {2, 8, 9, 33, 1};
                for (int l = 1; l < widths.length; l++) {
                    int in = widths[l - 1];
                    int width = widths[l];
                    k.gemmDoubleSum(x, 0, y, 0, y, 0, out, 0, batch, in, width);
                    k.gemmDoubleSum(x, 0, true, y, 0, false, null, 0, out, 0, in, batch, width);
                    k.gemmDoubleSum(y, 0, x, 0, null, 0, out, 0, 1, batch, width);
                    k.gemmDoubleSum(y, 0, false, x, 0, true, null, 0, out, 0, batch, width, in);
                }
            }
            case COLUMNS -> {
                // GAN Lab's passes: a D step's 300 rows and a G step's 150 (a partial vector block and a scalar
                // tail), through layers of 2, 8, 9, 33 and 1: forward with and without ReLU, back with and without
                // it, and the gradients along either side
                double[] cx = Inputs.COLUMNS_IN;
                double[] cy = Inputs.COLUMNS_OUT;
                for (int i = 0; i < cx.length; i++) {
                    cx[i] = x[i % x.length];
                }
                int[] widths = {2, 8, 9, 33, 1};
                for (int rows : new int[] {300, 151}) {
                    for (int l = 1; l < widths.length; l++) {
                        int in = widths[l - 1];
                        int width = widths[l];
                        k.denseColumns(cx, in, y, 0, 40, cy, width, rows, l < widths.length - 1);
                        k.denseColumnsBack(cx, width, y, 0, l > 1 ? cx : null, cy, in, rows);
                        k.denseColumnsGradients(cx, in, cy, width, rows, out, 0, in * width);
                    }
                }
            }
            case LANES -> {
                // Playground's networks: batches of 10 and 30 examples, one of 64 (a whole block), layers of 2, 7, 8
                // and 9 (a vector of links and a tail), forward, back and the link gradients with dead links
                double[] lx = Inputs.COLUMNS_IN;
                double[] ly = Inputs.COLUMNS_OUT;
                for (int i = 0; i < lx.length; i++) {
                    lx[i] = x[i % x.length];
                }
                boolean[] dead = new boolean[81];
                dead[3] = true;
                int[] widths = {2, 7, 8, 9, 1};
                for (int m : new int[] {10, 30, 64}) {
                    for (int l = 1; l < widths.length; l++) {
                        int in = widths[l - 1];
                        int width = widths[l];
                        k.laneSums(lx, in, 1, lx, lx, in, ly, width, m);
                        k.laneSums(lx, 1, in, null, lx, width, ly, in, m);
                        k.laneGradients(lx, width, ly, in, dead, Inputs.LANE_SUMS, m);
                    }
                }
            }
            case STRICT_MATH -> {
                k.strictTanh(Inputs.DX, Inputs.DY, Inputs.DX.length);
                k.strictSigmoid(Inputs.DX, Inputs.DY, Inputs.DX.length);
                k.strictSoftplus(Inputs.DX, Inputs.DY, Inputs.DX.length);
            }
            case MAPS -> {
                for (Unary u : Unary.values()) {
                    k.map(u, 0.3f, x, out, n);
                    k.mapGrad(u, 0.3f, x, out, y, Inputs.G, n);
                }
            }
            case POOLING -> {
                // ShapeShop's 24 x 24 planes, odd sides, and planes of fewer outputs than a vector
                k.maxPool2x2(x, 4, 24, 24, out, Inputs.ARGMAX);
                k.maxPool2x2(x, 3, 7, 9, out, Inputs.ARGMAX);
                k.maxPool2x2(x, 5, 2, 6, out, Inputs.ARGMAX);
            }
            case REDUCTIONS -> {
                k.sum(x, 1, n);
                k.dot(x, 2, y, 3, n);
                k.sum(x, 0, 70);
            }
            case ELEMENTWISE -> {
                k.axpy(0.5f, x, 1, out, 2, n);
                k.mulAdd(x, y, out, n);
                for (Binary op : Binary.values()) {
                    k.zip(op, x, y, out, n);
                    k.zipScalar(op, x, 0.7f, out, n);
                    k.zipRow(op, x, y, out, 17, 59);
                }
                k.addColumnSums(x, out, 17, 59);
            }
        }
    }
}
