package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;

/**
 * The broadcasting rule of nnlab's binary ops: equal shapes, a scalar (one element) against anything,
 * or a row: a shape equal to the trailing dimensions of the other (leading 1s ignored), repeated over
 * the leading ones, as a bias [out] is added to every row of [batch, out].
 */
final class Broadcast {
    private Broadcast() {
    }

    /** The result shape of {@code a op b}. */
    static Shape resultShape(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        if (fits(b, a)) {
            return a;
        }
        if (fits(a, b)) {
            return b;
        }
        throw new IllegalArgumentException(Checks.format(
                "%s: cannot broadcast %s with %s; the smaller shape must be a scalar or equal the trailing dimensions of the larger",
                op, a, b));
    }

    /** Whether {@code small} repeats to fill {@code big}: a single element, or big's trailing dimensions. */
    static boolean fits(Shape small, Shape big) {
        if (small.size() == 1) {
            return true;
        }
        int[] s = small.dims();
        int first = 0;
        while (first < s.length && s[first] == 1) {
            first++;
        }
        int len = s.length - first;
        if (len > big.rank()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s[first + i] != big.dim(big.rank() - len + i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code small} repeated to {@code n} elements (small.length divides n). */
    static float[] tile(float[] small, int n) {
        float[] out = new float[n];
        if (small.length == 1) {
            java.util.Arrays.fill(out, small[0]);
        } else {
            for (int i = 0; i < n; i += small.length) {
                System.arraycopy(small, 0, out, i, small.length);
            }
        }
        return out;
    }

    /** small[j] += Σ full[i] over i ≡ j (mod small.length): the adjoint of {@link #tile}. */
    static void foldInto(float[] full, float[] small, org.nnlab.core.internal.kernel.Kernels k) {
        if (small.length == 1) {
            small[0] += k.sum(full, 0, full.length);
        } else {
            k.addColumnSums(full, small, full.length / small.length, small.length);
        }
    }
}
