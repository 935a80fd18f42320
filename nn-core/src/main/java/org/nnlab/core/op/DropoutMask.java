package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/**
 * Inverted dropout (Srivastava et al., JMLR 2014, as Keras and PyTorch apply it): each element is kept
 * with probability 1 - p and scaled by 1/(1 - p), so evaluation needs no rescaling.
 */
public final class DropoutMask {
    private DropoutMask() {
    }

    /**
     * y = x ⊙ mask / (1 - p) with mask[i] = 1 when rng draws u >= p, in row-major order.
     *
     * @throws IllegalArgumentException if p is outside [0, 1)
     */
    public static Tensor dropout(Tensor x, Rng rng, float p) {
        Checks.requireInRange("dropout", "p", p, 0f, 1f);
        float scale = 1f / (1f - p);
        float[] xv = x.array();
        float[] mask = new float[xv.length];
        float[] out = new float[xv.length];
        for (int i = 0; i < xv.length; i++) {
            mask[i] = rng.nextFloat() >= p ? scale : 0f;
            out[i] = xv[i] * mask[i];
        }
        return Tensor.result("dropout", x.shape(), out, (g, gin) -> {
            float[] gx = gin[0];
            for (int i = 0; i < g.length; i++) {
                gx[i] += g[i] * mask[i];
            }
        }, x);
    }
}
