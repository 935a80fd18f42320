package org.nnlab.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.Unary;
import org.nnlab.core.op.Arithmetic;
import org.nnlab.core.op.Convolution;
import org.nnlab.core.op.DropoutMask;
import org.nnlab.core.op.MatMul;
import org.nnlab.core.op.Padding;
import org.nnlab.core.op.Pointwise;
import org.nnlab.core.op.Pooling;
import org.nnlab.core.op.Reduce;
import org.nnlab.core.op.Reshape;
import org.nnlab.core.op.Softmax;

/**
 * A dense float32 tensor of rank 0 to 4, row-major (NCHW for image batches), and a node of the
 * define-by-run autodiff graph.
 *
 * <p>Immutable to callers: every op returns a new tensor. Only trainable leaves change, in place,
 * through optimizers or methods named {@code ...InPlace}. A tensor made by an op from a trainable input
 * remembers its inputs and its backward rule; {@link #gradients(Tensor...)} sweeps that graph once.
 * Under {@link NoGrad} ops record nothing.
 *
 * <pre>{@code
 * Rng rng = Rng.seeded(42);
 * Tensor x = Tensor.randn(rng, 4, 2);                 // [batch, in], a constant
 * Tensor w = Tensor.randn(rng, 2, 3).trainable();     // [in, out], a trainable leaf
 * Tensor loss = x.matmul(w).tanh().square().mean();   // scalar
 * Gradients g = loss.gradients(w);                    // g.get(w) is [2, 3]
 * }</pre>
 *
 * <p>Ops use PyTorch's names; this class is a facade of one-line delegations to the op families in
 * {@code org.nnlab.core.op}. Binary arithmetic broadcasts a scalar (any tensor of one element) or a
 * row (a tensor whose shape is the trailing dimensions of the other).
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;
    private final String op;
    private final boolean trainable;
    private final boolean requiresGrad;
    private final Tensor[] inputs;
    private final Backward backward;

    private Tensor(Shape shape, float[] data, String op, boolean trainable, Tensor[] inputs, Backward backward) {
        this.shape = shape;
        this.data = data;
        this.op = op;
        this.trainable = trainable;
        this.inputs = inputs;
        this.backward = backward;
        this.requiresGrad = trainable || backward != null;
    }

    // ---------------------------------------------------------------- construction

    /** A rank-1 tensor holding a copy of {@code values}. */
    public static Tensor of(float... values) {
        return new Tensor(Shape.of(values.length), values.clone(), "const", false, null, null);
    }

    /**
     * A tensor of the given shape holding a copy of {@code values} (row-major).
     *
     * @throws IllegalArgumentException if {@code values.length} is not the product of {@code dims}
     */
    public static Tensor of(float[] values, int... dims) {
        Shape s = Shape.of(dims);
        Checks.requireArgument(values.length == s.size(), "Tensor.of: values.length %d != size of %s = %d",
                values.length, s, s.size());
        return new Tensor(s, values.clone(), "const", false, null, null);
    }

    /** A rank-2 tensor from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            Checks.requireArgument(rows[r].length == cols, "Tensor.of: row %d has %d values, row 0 has %d",
                    r, rows[r].length, cols);
            System.arraycopy(rows[r], 0, d, r * cols, cols);
        }
        return new Tensor(Shape.of(rows.length, cols), d, "const", false, null, null);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(Shape.scalar(), new float[] {value}, "const", false, null, null);
    }

    /** Zeros of the given shape. */
    public static Tensor zeros(int... dims) {
        Shape s = Shape.of(dims);
        return new Tensor(s, new float[s.size()], "zeros", false, null, null);
    }

    /** Ones of the given shape. */
    public static Tensor ones(int... dims) {
        return full(1f, dims);
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static Tensor full(float value, int... dims) {
        Shape s = Shape.of(dims);
        float[] d = new float[s.size()];
        Arrays.fill(d, value);
        return new Tensor(s, d, "full", false, null, null);
    }

    /** Standard normal draws N(0, 1), in row-major order from {@code rng}. */
    public static Tensor randn(Rng rng, int... dims) {
        Shape s = Shape.of(dims);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return new Tensor(s, d, "randn", false, null, null);
    }

    /** Uniform draws U[lo, hi), in row-major order from {@code rng}. */
    public static Tensor uniform(Rng rng, float lo, float hi, int... dims) {
        Checks.requireArgument(lo <= hi, "Tensor.uniform: lo must be <= hi, got lo=%s hi=%s", lo, hi);
        Shape s = Shape.of(dims);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.uniform(lo, hi);
        }
        return new Tensor(s, d, "uniform", false, null, null);
    }

    /**
     * The result of an op: for op families and custom ops. The graph is recorded only when
     * {@code backward} is given, some input requires a gradient, and no {@link NoGrad} scope is active.
     *
     * @param op       the op label shown by {@link #toString()} and in error messages
     * @param data     the result values; taken, not copied, and never modified afterwards
     * @param backward the vector-Jacobian product, or {@code null} for a constant result
     * @param inputs   the tensors the result was computed from, in the order {@code backward} expects
     */
    public static Tensor result(String op, Shape shape, float[] data, Backward backward, Tensor... inputs) {
        Checks.requireArgument(data.length == shape.size(), "%s: result has %d values but shape %s needs %d",
                op, data.length, shape, shape.size());
        boolean record = backward != null && !NoGrad.isActive() && anyRequiresGrad(inputs);
        return new Tensor(shape, data, op, false, record ? inputs.clone() : null, record ? backward : null);
    }

    static Tensor wrap(float[] data, Shape shape) {
        return new Tensor(shape, data, "gradient", false, null, null);
    }

    private static boolean anyRequiresGrad(Tensor[] ts) {
        for (Tensor t : ts) {
            if (t.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- properties

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The rank, 0 to 4. */
    public int rank() {
        return shape.rank();
    }

    /** The size of dimension {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** The label of the op that made this tensor ({@code const}, {@code randn}, {@code tanh}, ...). */
    public String op() {
        return op;
    }

    /** Whether this is a trainable leaf (a parameter or an optimized input). */
    public boolean isTrainable() {
        return trainable;
    }

    /** Whether gradients can flow back through this tensor: a trainable leaf or an op on one. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The inputs of the op that made this tensor, if it recorded a graph; empty otherwise. */
    public List<Tensor> inputs() {
        return inputs == null ? List.of() : List.of(inputs);
    }

    Backward backward() {
        return backward;
    }

    Tensor[] inputArray() {
        return inputs;
    }

    /**
     * The backing array, row-major. Live, not a copy: for kernels, custom ops and renderers that must
     * not copy large grids. Treat it as read-only; use {@link #toArray()} for a copy to change.
     */
    public float[] array() {
        return data;
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return data.clone();
    }

    /**
     * The value of a one-element tensor.
     *
     * @throws IllegalArgumentException if the tensor has more than one element
     */
    public float item() {
        Checks.requireArgument(data.length == 1, "item: tensor must have one element, got %s", shape);
        return data[0];
    }

    /**
     * The element at the given index, one coordinate per dimension.
     *
     * @throws IllegalArgumentException if the index has the wrong rank or is out of bounds
     */
    public float get(int... index) {
        Checks.requireArgument(index.length == shape.rank(), "get: index %s has rank %d, tensor %s has rank %d",
                Arrays.toString(index), index.length, shape, shape.rank());
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            int d = shape.dim(i);
            Checks.requireArgument(index[i] >= 0 && index[i] < d, "get: index %s is out of bounds for %s",
                    Arrays.toString(index), shape);
            flat = flat * d + index[i];
        }
        return data[flat];
    }

    // ---------------------------------------------------------------- autodiff

    /** A trainable leaf holding a copy of these values: a parameter, or an input to optimize. */
    public Tensor trainable() {
        return new Tensor(shape, data.clone(), "param", true, null, null);
    }

    /** The same values as a constant that gradients do not flow through. */
    public Tensor detach() {
        return new Tensor(shape, trainable ? data.clone() : data, "detach", false, null, null);
    }

    /**
     * The gradients of this scalar with respect to {@code wrt}, by one reverse sweep of the graph.
     * A tensor this one does not depend on gets a zero gradient.
     *
     * @throws IllegalArgumentException if this tensor has more than one element, or a tensor in
     *                                  {@code wrt} does not require a gradient
     */
    public Gradients gradients(Tensor... wrt) {
        return Autodiff.gradients(this, List.of(wrt));
    }

    /** As {@link #gradients(Tensor...)}, for a parameter list. */
    public Gradients gradients(List<Tensor> wrt) {
        return Autodiff.gradients(this, wrt);
    }

    // ---------------------------------------------------------------- in place (trainable leaves only)

    /** this += alpha·x, in place. */
    public Tensor axpyInPlace(float alpha, Tensor x) {
        requireTrainable("axpyInPlace");
        Checks.requireArgument(x.shape.equals(shape), "axpyInPlace: shapes differ: %s and %s", shape, x.shape);
        org.nnlab.core.internal.kernel.Kernels.get().axpy(alpha, x.data, 0, data, 0, data.length);
        return this;
    }

    /** Copies the values of {@code src} into this tensor, in place. */
    public Tensor copyInPlace(Tensor src) {
        requireTrainable("copyInPlace");
        Checks.requireArgument(src.shape.equals(shape), "copyInPlace: shapes differ: %s and %s", shape, src.shape);
        System.arraycopy(src.data, 0, data, 0, data.length);
        return this;
    }

    /** Copies {@code values} (row-major) into this tensor, in place. */
    public Tensor copyInPlace(float[] values) {
        requireTrainable("copyInPlace");
        Checks.requireArgument(values.length == data.length, "copyInPlace: values.length %d != size of %s = %d",
                values.length, shape, data.length);
        System.arraycopy(values, 0, data, 0, data.length);
        return this;
    }

    /** Multiplies every element by {@code s}, in place. */
    public Tensor mulInPlace(float s) {
        requireTrainable("mulInPlace");
        for (int i = 0; i < data.length; i++) {
            data[i] *= s;
        }
        return this;
    }

    private void requireTrainable(String method) {
        Checks.requireState(trainable, "%s: only trainable leaves can change in place; this tensor was produced by %s",
                method, op);
    }

    // ---------------------------------------------------------------- arithmetic

    /** this + other, broadcasting a scalar or a row. */
    public Tensor add(Tensor other) {
        return Arithmetic.binary(Binary.ADD, this, other);
    }

    /** this - other, broadcasting a scalar or a row. */
    public Tensor sub(Tensor other) {
        return Arithmetic.binary(Binary.SUB, this, other);
    }

    /** this * other elementwise, broadcasting a scalar or a row. */
    public Tensor mul(Tensor other) {
        return Arithmetic.binary(Binary.MUL, this, other);
    }

    /** this / other elementwise, broadcasting a scalar or a row. */
    public Tensor div(Tensor other) {
        return Arithmetic.binary(Binary.DIV, this, other);
    }

    /** this + s. */
    public Tensor add(float s) {
        return Arithmetic.scalar(Binary.ADD, this, s);
    }

    /** this - s. */
    public Tensor sub(float s) {
        return Arithmetic.scalar(Binary.SUB, this, s);
    }

    /** this * s. */
    public Tensor mul(float s) {
        return Arithmetic.scalar(Binary.MUL, this, s);
    }

    /** this / s. */
    public Tensor div(float s) {
        return Arithmetic.scalar(Binary.DIV, this, s);
    }

    // ---------------------------------------------------------------- pointwise

    /** -x. */
    public Tensor neg() {
        return Pointwise.apply(Unary.NEG, this, 0f);
    }

    /** e^x. */
    public Tensor exp() {
        return Pointwise.apply(Unary.EXP, this, 0f);
    }

    /** ln x (NaN for x &lt; 0, -infinity at 0). */
    public Tensor log() {
        return Pointwise.apply(Unary.LOG, this, 0f);
    }

    /** sqrt x. */
    public Tensor sqrt() {
        return Pointwise.apply(Unary.SQRT, this, 0f);
    }

    /** x^2. */
    public Tensor square() {
        return Pointwise.apply(Unary.SQUARE, this, 0f);
    }

    /** |x|; the gradient at 0 is 0. */
    public Tensor abs() {
        return Pointwise.apply(Unary.ABS, this, 0f);
    }

    /** max(x, 0); the gradient at 0 is 0. */
    public Tensor relu() {
        return Pointwise.apply(Unary.RELU, this, 0f);
    }

    /** x for x &gt; 0, slope·x otherwise. */
    public Tensor leakyRelu(float slope) {
        return Pointwise.apply(Unary.LEAKY_RELU, this, slope);
    }

    /** x for x &gt; 0, alpha·(e^x - 1) otherwise. */
    public Tensor elu(float alpha) {
        return Pointwise.apply(Unary.ELU, this, alpha);
    }

    /** tanh x. */
    public Tensor tanh() {
        return Pointwise.apply(Unary.TANH, this, 0f);
    }

    /** 1 / (1 + e^-x), without overflow. */
    public Tensor sigmoid() {
        return Pointwise.apply(Unary.SIGMOID, this, 0f);
    }

    /** sin x. */
    public Tensor sin() {
        return Pointwise.apply(Unary.SIN, this, 0f);
    }

    /** softmax over the last axis: exp(x - max) / Σ exp(x - max). */
    public Tensor softmax() {
        return Softmax.softmax(this);
    }

    /** log softmax over the last axis: x - max - ln Σ exp(x - max). */
    public Tensor logSoftmax() {
        return Softmax.logSoftmax(this);
    }

    // ---------------------------------------------------------------- linear algebra

    /** The matrix product [m, k] x [k, n] -> [m, n]. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** thisᵀ·other: [k, m]ᵀ x [k, n] -> [m, n], without materializing the transpose. */
    public Tensor matmulTransA(Tensor other) {
        return MatMul.matmulTransA(this, other);
    }

    /** this·otherᵀ: [m, k] x [n, k]ᵀ -> [m, n], without materializing the transpose. */
    public Tensor matmulTransB(Tensor other) {
        return MatMul.matmulTransB(this, other);
    }

    /** The transpose of a matrix: [m, n] -> [n, m]. */
    public Tensor transpose() {
        return MatMul.transpose(this);
    }

    // ---------------------------------------------------------------- reductions and shape

    /** The sum of all elements, a scalar. */
    public Tensor sum() {
        return Reduce.sum(this);
    }

    /** The sum over {@code axis}, which is removed from the shape. */
    public Tensor sum(int axis) {
        return Reduce.sum(this, axis);
    }

    /** The mean of all elements, a scalar. */
    public Tensor mean() {
        return Reduce.mean(this);
    }

    /** The mean over {@code axis}, which is removed from the shape. */
    public Tensor mean(int axis) {
        return Reduce.mean(this, axis);
    }

    /** The same values in a new shape of the same size; one dimension may be -1 (inferred). */
    public Tensor reshape(int... dims) {
        return Reshape.reshape(this, dims);
    }

    /** Rows {@code [from, to)} along the first axis. */
    public Tensor sliceRows(int from, int to) {
        return Reshape.sliceRows(this, from, to);
    }

    /** The tensors stacked along the first axis; all other dimensions must agree. */
    public static Tensor concatRows(Tensor... parts) {
        return Reshape.concatRows(parts);
    }

    // ---------------------------------------------------------------- images

    /** 2-D cross-correlation, stride 1, NCHW: x [n, c, h, w] with weight [f, c, kh, kw] -> [n, f, oh, ow]. */
    public Tensor conv2d(Tensor weight, Padding padding) {
        return Convolution.conv2d(this, weight, null, padding);
    }

    /** 2x2 max-pooling with stride 2: [n, c, h, w] -> [n, c, h/2, w/2]; the gradient goes to each window's arg-max. */
    public Tensor maxPool2x2() {
        return Pooling.maxPool2x2(this);
    }

    /** Inverted dropout: each element is zeroed with probability p, the rest scaled by 1/(1-p); the mask is drawn from rng. */
    public Tensor dropout(Rng rng, float p) {
        return DropoutMask.dropout(this, rng, p);
    }

    // ---------------------------------------------------------------- text

    /** A one-line description for error messages: {@code Tensor[4, 3] (tanh)}. */
    public String describe() {
        return "Tensor" + shape + " (" + op + ")";
    }

    /** Rows or columns shown in full up to this many; beyond it the first and last {@link #EDGE} and "...". */
    private static final int SHOWN = 8;
    private static final int EDGE = 3;

    /**
     * Shape, the op that made it and the values with four significant digits, the last dimension innermost:
     * {@code Tensor[2, 3] (tanh) [[0.04098, -0.1184, 0.009000], [0.7616, 0.9640, 0.9951]]}. Up to 8 rows and 8
     * columns show in full; beyond that the first and last 3 with "..." between them, as NumPy prints.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(describe()).append(' ');
        if (shape.rank() == 0) {
            return sb.append(fmt(data[0])).toString();
        }
        int cols = shape.dim(-1);
        int rows = data.length / Math.max(cols, 1);
        boolean nested = shape.rank() >= 2;
        sb.append(nested ? "[" : "");
        boolean firstRow = true;
        for (int r = 0; r < rows; r++) {
            if (rows > SHOWN && r == EDGE) {
                sb.append(", ...");
                r = rows - EDGE;
            }
            sb.append(firstRow ? "[" : ", [");
            firstRow = false;
            for (int c = 0; c < cols; c++) {
                if (cols > SHOWN && c == EDGE) {
                    sb.append(", ...");
                    c = cols - EDGE;
                }
                sb.append(c == 0 ? "" : ", ").append(fmt(data[r * cols + c]));
            }
            sb.append("]");
        }
        return sb.append(nested ? "]" : "").toString();
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
