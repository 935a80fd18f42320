package org.nnlab.core;

import java.util.function.Supplier;

/**
 * A scope in which ops record no graph: results are plain constants, and no intermediate is retained.
 * Use it for evaluation (every neuron over a 100x100 heatmap grid) and for metrics.
 *
 * <pre>{@code
 * try (NoGrad ignored = NoGrad.enter()) {
 *     Tensor out = model.forward(grid);      // no graph, no gradient buffers
 * }
 * }</pre>
 *
 * <p>Scopes nest and are per thread.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final int[] depth;
    private boolean closed;

    private NoGrad(int[] depth) {
        this.depth = depth;
    }

    /** Enters a no-graph scope on this thread; close it (try-with-resources) to leave. */
    public static NoGrad enter() {
        int[] d = DEPTH.get();
        d[0]++;
        return new NoGrad(d);
    }

    /** Runs {@code body} with no graph recorded and returns its result. */
    public static <T> T run(Supplier<T> body) {
        try (NoGrad ignored = enter()) {
            return body.get();
        }
    }

    /** Whether ops on this thread currently record no graph. */
    public static boolean isActive() {
        return DEPTH.get()[0] > 0;
    }

    /** Leaves the scope; closing twice has no further effect. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
