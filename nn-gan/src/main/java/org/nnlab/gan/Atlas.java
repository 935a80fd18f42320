package org.nnlab.gan;

import org.nnlab.core.Checks;
import org.nnlab.core.io.Json;

/**
 * A fixed table of samples, [rows, cols] row-major, from which training takes consecutive batches in
 * order, wrapping around: GAN Lab draws 12,000 real points and 12,000 noise vectors once per experiment
 * and slices batch k at rows (k·batch) mod rows (spec 2.l), without shuffling.
 */
public final class Atlas {
    /** GAN Lab's atlas size. */
    public static final int ROWS = 12_000;

    private final float[] values;
    private final int rows;
    private final int cols;
    private long next;

    /**
     * An atlas over a copy of values.
     *
     * @throws IllegalArgumentException if values does not hold rows x cols numbers, or rows or cols &lt; 1
     */
    public Atlas(float[] values, int rows, int cols) {
        Checks.requireArgument(rows >= 1 && cols >= 1, "Atlas: rows and cols must be >= 1, got %d x %d", rows, cols);
        Checks.requireArgument(values.length == (long) rows * cols, "Atlas: %d values for %d rows x %d cols",
                values.length, rows, cols);
        this.values = values.clone();
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * An atlas from JSON {@code {"rows": R, "cols": C, "values": [R·C numbers, row-major]}}.
     *
     * @param source named in error messages
     * @throws IllegalArgumentException naming the source and what is missing or inconsistent
     */
    public static Atlas fromJson(String json, String source) {
        if (!(Json.parse(json) instanceof java.util.Map<?, ?> map)) {
            throw new IllegalArgumentException("Atlas: " + source + " must hold {\"rows\", \"cols\", \"values\"}");
        }
        if (!(map.get("rows") instanceof Double rows) || !(map.get("cols") instanceof Double cols)) {
            throw new IllegalArgumentException("Atlas: " + source + " needs numbers \"rows\" and \"cols\", got "
                    + Json.describe(map.get("rows")) + " and " + Json.describe(map.get("cols")));
        }
        float[] values = Json.floats(map.get("values"), "Atlas: " + source + " \"values\"");
        Checks.requireArgument(values.length == rows * cols, "Atlas: %s has %d values for rows %s x cols %s", source,
                values.length, rows.intValue(), cols.intValue());
        return new Atlas(values, rows.intValue(), cols.intValue());
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Values per row. */
    public int cols() {
        return cols;
    }

    /** Row r's value c. */
    public float get(int r, int c) {
        return values[r * cols + c];
    }

    /** The first n rows, [n, cols] (a copy), as GAN Lab's fixed display batches; n may exceed rows (wraps). */
    public float[] head(int n) {
        float[] out = new float[n * cols];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, (i % rows) * cols, out, i * cols, cols);
        }
        return out;
    }

    /** How many batches have been taken. */
    public long taken() {
        return next;
    }

    /** Copies the next batch of n rows into out[0, n·cols), wrapping around the end, and advances. */
    public void nextBatch(float[] out, int n) {
        int row = (int) (next * n % rows);                       // rows (start + i) mod rows: contiguous runs,
        for (int i = 0; i < n; ) {                                // one copy each (one wrap per pass at most)
            int run = Math.min(n - i, rows - row);
            System.arraycopy(values, row * cols, out, i * cols, run * cols);
            i += run;
            row = 0;
        }
        next++;
    }

    /** Starts the batches again at row 0. */
    void rewind() {
        next = 0;
    }
}
