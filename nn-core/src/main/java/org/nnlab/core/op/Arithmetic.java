package org.nnlab.core.op;

import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * add, sub, mul and div: elementwise on equal shapes, with a scalar, or with a row broadcast
 * (see {@link Broadcast}). The gradient of a broadcast operand is the sum over its repeats.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** a op b with broadcasting. */
    public static Tensor binary(Binary op, Tensor a, Tensor b) {
        var shape = Broadcast.resultShape(op.label(), a.shape(), b.shape());
        int n = shape.size();
        Kernels k = Kernels.get();
        float[] av = a.size() == n ? a.array() : Broadcast.tile(a.array(), n);
        float[] bv = b.array();
        float[] out = combine(op, av, bv, n, k);
        return Tensor.result(op.label(), shape, out, (g, gin) -> {
            if (gin[0] != null) {
                accumulate(gin[0], gradA(op, g, av, bv, n, k), k);
            }
            if (gin[1] != null) {
                accumulate(gin[1], gradB(op, g, av, bv, out, n, k), k);
            }
        }, a, b);
    }

    /** a op s for a float s. */
    public static Tensor scalar(Binary op, Tensor a, float s) {
        Kernels k = Kernels.get();
        float[] av = a.array();
        float[] out = new float[av.length];
        k.zipScalar(op, av, s, out, av.length);
        return Tensor.result(op.label() + "_scalar", a.shape(), out, (g, gin) -> {
            float factor = switch (op) {
                case ADD, SUB -> 1f;
                case MUL -> s;
                case DIV -> 1f / s;
            };
            k.axpy(factor, g, 0, gin[0], 0, g.length);
        }, a);
    }

    /** dL/da at full size. */
    private static float[] gradA(Binary op, float[] g, float[] av, float[] bv, int n, Kernels k) {
        return switch (op) {
            case ADD, SUB -> g;
            case MUL -> combine(Binary.MUL, g, bv, n, k);
            case DIV -> combine(Binary.DIV, g, bv, n, k);
        };
    }

    /** dL/db at full size: g, -g, g·a, or -g·out/b (since out = a/b). */
    private static float[] gradB(Binary op, float[] g, float[] av, float[] bv, float[] out, int n, Kernels k) {
        return switch (op) {
            case ADD -> g;
            case SUB -> negate(g, k);
            case MUL -> combine(Binary.MUL, g, av, n, k);
            case DIV -> {
                float[] t = combine(Binary.MUL, g, out, n, k);
                yield negate(combine(Binary.DIV, t, bv, n, k), k);
            }
        };
    }

    /** full op other, where other is full-size, one element, or a row repeated over full. */
    private static float[] combine(Binary op, float[] full, float[] other, int n, Kernels k) {
        float[] r = new float[n];
        if (other.length == n) {
            k.zip(op, full, other, r, n);
        } else if (other.length == 1) {
            k.zipScalar(op, full, other[0], r, n);
        } else {
            k.zipRow(op, full, other, r, n / other.length, other.length);
        }
        return r;
    }

    private static float[] negate(float[] g, Kernels k) {
        float[] r = new float[g.length];
        k.axpy(-1f, g, 0, r, 0, g.length);
        return r;
    }

    /** Adds a full-size gradient into an operand's buffer, summing over repeats if it was broadcast. */
    private static void accumulate(float[] target, float[] full, Kernels k) {
        if (target.length == full.length) {
            k.axpy(1f, full, 0, target, 0, full.length);
        } else {
            Broadcast.foldInto(full, target, k);
        }
    }
}
