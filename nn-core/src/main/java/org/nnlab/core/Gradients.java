package org.nnlab.core;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradients of a scalar loss with respect to the tensors that {@link Tensor#gradients(Tensor...)}
 * was asked for, keyed by identity.
 *
 * <p>A tensor that the loss does not depend on has a zero gradient. There are no mutable {@code .grad}
 * fields anywhere: a GAN takes gradients over two parameter sets from two losses, activation
 * maximization over the input, and nothing goes stale.
 */
public final class Gradients {
    private final Map<Tensor, Tensor> byTensor;
    private final List<Tensor> order;

    Gradients(List<Tensor> order, Map<Tensor, Tensor> byTensor) {
        this.order = List.copyOf(order);
        this.byTensor = byTensor;
    }

    static Gradients of(List<Tensor> wrt, IdentityHashMap<Tensor, float[]> buffers) {
        IdentityHashMap<Tensor, Tensor> map = new IdentityHashMap<>();
        for (Tensor t : wrt) {
            float[] g = buffers.get(t);
            map.put(t, Tensor.wrap(g == null ? new float[t.size()] : g, t.shape()));
        }
        return new Gradients(wrt, map);
    }

    /**
     * dL/dt, shaped like {@code t}.
     *
     * @throws IllegalArgumentException if {@code t} was not among the tensors the gradients were taken for
     */
    public Tensor get(Tensor t) {
        Tensor g = byTensor.get(t);
        Checks.requireArgument(g != null, "Gradients.get: %s was not among the %d tensors the gradients were taken for",
                t.describe(), order.size());
        return g;
    }

    /** The tensors these gradients were taken for, in the order given. */
    public List<Tensor> tensors() {
        return order;
    }

    /** The global L2 norm sqrt(sum over all tensors of sum g^2), accumulated in double. */
    public double norm() {
        double s = 0;
        for (Tensor t : order) {
            for (float v : byTensor.get(t).array()) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Gradients[");
        for (int i = 0; i < order.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(byTensor.get(order.get(i)).shape());
        }
        return sb.append(", norm=").append(String.format(java.util.Locale.ROOT, "%.4g", norm())).append(']').toString();
    }
}
