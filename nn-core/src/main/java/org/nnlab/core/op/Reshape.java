package org.nnlab.core.op;

import java.util.Arrays;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/** Views and rearrangements along the row-major order: reshape, slices and concatenation of rows. */
public final class Reshape {
    private Reshape() {
    }

    /** The same values in a new shape; at most one dimension may be -1 and is then inferred. */
    public static Tensor reshape(Tensor x, int... dims) {
        int[] d = dims.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == -1) {
                Checks.requireArgument(infer < 0, "reshape: only one dimension may be -1, got %s", Arrays.toString(dims));
                infer = i;
            } else {
                Checks.requireArgument(d[i] >= 0, "reshape: dimension %d must be >= 0 or -1, got %d", i, d[i]);
                known *= d[i];
            }
        }
        if (infer >= 0) {
            Checks.requireArgument(known > 0 && x.size() % known == 0,
                    "reshape: cannot infer -1 in %s for %s (%d elements)", Arrays.toString(dims), x.shape(), x.size());
            d[infer] = (int) (x.size() / known);
        }
        Shape s = Shape.of(d);
        Checks.requireArgument(s.size() == x.size(), "reshape: %s has %d elements, %s has %d",
                x.shape(), x.size(), s, s.size());
        // sharing is safe: results are immutable; a trainable leaf's values may change, so copy those
        float[] data = x.isTrainable() ? x.toArray() : x.array();
        return Tensor.result("reshape", s, data, (g, gin) -> {
            float[] gx = gin[0];
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i];
            }
        }, x);
    }

    /** Rows {@code [from, to)} along the first axis. */
    public static Tensor sliceRows(Tensor x, int from, int to) {
        Checks.requireArgument(x.rank() >= 1, "sliceRows: needs rank >= 1, got a scalar");
        int rows = x.dim(0);
        Checks.requireArgument(0 <= from && from <= to && to <= rows,
                "sliceRows: range [%d, %d) is outside 0..%d of %s", from, to, rows, x.shape());
        int[] dims = x.shape().dims();
        int row = rows == 0 ? 0 : x.size() / rows;
        dims[0] = to - from;
        float[] out = Arrays.copyOfRange(x.array(), from * row, to * row);
        return Tensor.result("sliceRows", Shape.of(dims), out, (g, gin) -> {
            float[] gx = gin[0];
            for (int i = 0; i < g.length; i++) {
                gx[from * row + i] += g[i];
            }
        }, x);
    }

    /** The parts stacked along the first axis. */
    public static Tensor concatRows(Tensor... parts) {
        Checks.requireArgument(parts.length > 0, "concatRows: needs at least one tensor");
        Shape rest = parts[0].shape().dropFirst();
        int rows = 0;
        for (int i = 0; i < parts.length; i++) {
            Checks.requireArgument(parts[i].rank() >= 1 && parts[i].shape().dropFirst().equals(rest),
                    "concatRows: tensor %d has shape %s, tensor 0 has %s; all but the first dimension must agree",
                    i, parts[i].shape(), parts[0].shape());
            rows += parts[i].dim(0);
        }
        Shape s = rest.prepend(rows);
        float[] out = new float[s.size()];
        int[] offsets = new int[parts.length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            offsets[i] = at;
            System.arraycopy(parts[i].array(), 0, out, at, parts[i].size());
            at += parts[i].size();
        }
        return Tensor.result("concatRows", s, out, (g, gin) -> {
            for (int i = 0; i < gin.length; i++) {
                if (gin[i] != null) {
                    for (int j = 0; j < gin[i].length; j++) {
                        gin[i][j] += g[offsets[i] + j];
                    }
                }
            }
        }, parts);
    }
}
