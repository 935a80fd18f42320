package org.nnlab.nn;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;

/**
 * Weight penalties to add to a loss: {@code loss.add(Penalties.l2(weights).mul(rate))}. Their
 * gradients are Playground's: sign(w) for L1 and w for L2.
 */
public final class Penalties {
    private Penalties() {
    }

    /** Σ |w| over all elements of all tensors, a scalar; d/dw = sign(w) (0 at 0). */
    public static Tensor l1(List<Tensor> weights) {
        return total("l1", weights, false);
    }

    /** ½ Σ w² over all elements of all tensors, a scalar; d/dw = w. */
    public static Tensor l2(List<Tensor> weights) {
        return total("l2", weights, true);
    }

    private static Tensor total(String name, List<Tensor> weights, boolean squared) {
        Checks.requireArgument(!weights.isEmpty(), "Penalties.%s: needs at least one tensor", name);
        Tensor sum = null;
        for (Tensor w : weights) {
            Tensor term = squared ? w.square().sum().mul(0.5f) : w.abs().sum();
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}
