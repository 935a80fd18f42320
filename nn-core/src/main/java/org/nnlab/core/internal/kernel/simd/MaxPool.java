package org.nnlab.core.internal.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.nnlab.core.internal.kernel.ScalarKernels;

/**
 * 2x2 max-pooling ({@link org.nnlab.core.internal.kernel.Kernels#maxPool2x2}) on the float lanes, a pair of rows at a
 * time: the windows' four values come from plain loads of the two rows, each also one column on, and are compared in
 * the scalar scan's order with the same test (&gt;, false for NaN and for ties), so that each window's value and index
 * are the {@link ScalarKernels}' bits; half the lanes hold windows that start on an odd column and are dropped. The
 * scalar loops compare an index chosen by the last comparison (a dependent load a step): in a profile of the ShapeShop
 * CNN's round (AMD Zen 4) they took 5.8 % of it, this form 0.9 %. A gather of each window's four values through a map
 * of the corners was slower (about 40 µs a batch of 4 x 32 planes of 24 x 24, against 30 to 38 for this form alone).
 */
final class MaxPool {
    private static final VectorSpecies<Float> S = VectorForms.S;
    private static final int L = VectorForms.L;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());

    private MaxPool() {
    }

    /** Lanes 0, 2, 4, ...: the windows' left columns. */
    private static final VectorMask<Float> EVEN = VectorMask.fromLong(S, 0x5555_5555_5555_5555L);
    private static final VectorMask<Integer> EVEN_INDEX = EVEN.cast(I);
    private static final IntVector IOTA = IntVector.zero(I).addIndex(1);

    /**
     * Per pair of rows, a vector of L columns at a time: the top row, the top row one column on, the bottom row and the
     * bottom row one column on, so that every even lane t holds the window at column j + t in scan order; the scan runs
     * on every lane and the even lanes are compressed into the outputs. Loads and stores are whole vectors wherever the
     * arrays reach that far (masks built per call cost an allocation each): lanes past the row's windows are dropped,
     * and the compressed vector's upper lanes land on outputs that a later store writes again.
     */
    static void pool(float[] x, int planes, int h, int w, float[] out, int[] argmax) {
        int oh = h / 2;
        int ow = w / 2;
        int used = 2 * ow;                                    // the columns the windows cover
        int outputs = planes * oh * ow;
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < oh; y++) {
                int top = plane * h * w + 2 * y * w;
                int bottom = top + w;
                int o = (plane * oh + y) * ow;
                for (int j = 0; j < used; j += L) {
                    int cols = Math.min(L, used - j);
                    FloatVector a;
                    FloatVector b;
                    FloatVector c;
                    FloatVector d;
                    if (bottom + j + L + 1 <= x.length) {
                        a = FloatVector.fromArray(S, x, top + j);
                        b = FloatVector.fromArray(S, x, top + j + 1);
                        c = FloatVector.fromArray(S, x, bottom + j);
                        d = FloatVector.fromArray(S, x, bottom + j + 1);
                    } else {                                  // the array's last columns
                        VectorMask<Float> left = S.indexInRange(0, cols);
                        VectorMask<Float> right = S.indexInRange(0, cols - 1);
                        a = FloatVector.fromArray(S, x, top + j, left);
                        b = FloatVector.fromArray(S, x, top + j + 1, right);
                        c = FloatVector.fromArray(S, x, bottom + j, left);
                        d = FloatVector.fromArray(S, x, bottom + j + 1, right);
                    }
                    IntVector first = IOTA.add(top + j);
                    VectorMask<Float> more = b.compare(VectorOperators.GT, a);
                    FloatVector max = a.blend(b, more);
                    IntVector best = first.blend(first.add(1), more.cast(I));
                    more = c.compare(VectorOperators.GT, max);
                    max = max.blend(c, more);
                    best = best.blend(first.add(w), more.cast(I));
                    more = d.compare(VectorOperators.GT, max);
                    max = max.blend(d, more);
                    best = best.blend(first.add(w + 1), more.cast(I));
                    FloatVector values = max.compress(EVEN);
                    IntVector indices = best.compress(EVEN_INDEX);
                    int at = o + j / 2;
                    if (at + L <= outputs) {
                        values.intoArray(out, at);
                        indices.intoArray(argmax, at);
                    } else {                                  // the last outputs: only theirs
                        VectorMask<Float> mine = S.indexInRange(0, cols / 2);
                        values.intoArray(out, at, mine);
                        indices.intoArray(argmax, at, mine.cast(I));
                    }
                }
            }
        }
    }
}
