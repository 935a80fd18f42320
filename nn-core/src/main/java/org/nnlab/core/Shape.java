package org.nnlab.core;

import java.util.Arrays;

/**
 * The dimensions of a tensor: rank 0 (a scalar) to 4 (NCHW image batches), row-major.
 *
 * <p>Immutable. {@code toString()} prints {@code [4, 3]}; a scalar prints {@code []}.
 */
public final class Shape {
    /** The largest rank a tensor may have. */
    public static final int MAX_RANK = 4;
    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        this.size = (int) n;
    }

    /**
     * The shape with the given dimensions.
     *
     * @throws IllegalArgumentException if the rank exceeds 4, a dimension is negative, or the element
     *                                  count exceeds {@link Integer#MAX_VALUE} - 8
     */
    public static Shape of(int... dims) {
        Checks.requireArgument(dims.length <= MAX_RANK, "Shape: rank must be <= %d, got %d (%s)",
                MAX_RANK, dims.length, Arrays.toString(dims));
        long n = 1;
        for (int i = 0; i < dims.length; i++) {
            Checks.requireArgument(dims[i] >= 0, "Shape: dimension %d must be >= 0, got %d in %s",
                    i, dims[i], Arrays.toString(dims));
            n *= dims[i];
            Checks.requireArgument(n <= Integer.MAX_VALUE - 8,
                    "Shape: %s has more than %d elements; a float[] cannot hold it",
                    Arrays.toString(dims), Integer.MAX_VALUE - 8);
        }
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** The rank-0 shape of a scalar. */
    public static Shape scalar() {
        return SCALAR;
    }

    /** The number of dimensions, 0 to 4. */
    public int rank() {
        return dims.length;
    }

    /**
     * The size of dimension {@code axis}; negative axes count from the end ({@code -1} is the last).
     *
     * @throws IllegalArgumentException if the axis is out of range
     */
    public int dim(int axis) {
        return dims[normalizeAxis(axis)];
    }

    /**
     * Maps a possibly negative axis to {@code 0..rank-1}.
     *
     * @throws IllegalArgumentException if the axis is outside {@code -rank..rank-1}
     */
    public int normalizeAxis(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        Checks.requireArgument(a >= 0 && a < dims.length, "axis %d is out of range for shape %s (rank %d)",
                axis, this, dims.length);
        return a;
    }

    /** The number of elements: the product of the dimensions (1 for a scalar). */
    public int size() {
        return size;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The shape without its first dimension: the per-sample shape of a batch. */
    public Shape dropFirst() {
        Checks.requireArgument(dims.length > 0, "dropFirst: a scalar shape has no first dimension");
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** The shape with {@code first} put in front: the batch shape of a per-sample shape. */
    public Shape prepend(int first) {
        int[] d = new int[dims.length + 1];
        d[0] = first;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return of(d);
    }

    /** Dimensions joined with the multiplication sign, as in {@code 32×26×26} (a scalar gives {@code 1}). */
    public String toTimesString() {
        if (dims.length == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
