package org.nnlab.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The reverse sweep: orders the recorded graph topologically (iteratively, so deep graphs cannot
 * overflow the stack), then walks it from the loss back, letting each op's {@link Backward} rule
 * accumulate into its inputs' gradient buffers. A buffer is released as soon as its node has pushed
 * its gradient on, unless the caller asked for it.
 */
final class Autodiff {
    private Autodiff() {
    }

    static Gradients gradients(Tensor loss, List<Tensor> wrt) {
        Checks.requireArgument(loss.size() == 1,
                "gradients: loss must be a scalar, got %s; reduce it first, e.g. loss.mean()", loss.shape());
        for (int i = 0; i < wrt.size(); i++) {
            Tensor t = wrt.get(i);
            Checks.requireArgument(t.requiresGrad(),
                    "gradients: tensor %d of %d, %s, does not require a gradient; call trainable() on it",
                    i, wrt.size(), t.describe());
        }
        IdentityHashMap<Tensor, float[]> grads = new IdentityHashMap<>();
        if (!loss.requiresGrad()) {
            // the loss is a constant (computed under NoGrad, or from no trainable tensor): all gradients are 0
            return Gradients.of(wrt, grads);
        }
        Set<Tensor> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wrt);
        List<Tensor> order = topologicalOrder(loss);
        grads.put(loss, new float[] {1f});
        for (int n = order.size() - 1; n >= 0; n--) {
            Tensor node = order.get(n);
            float[] g = keep.contains(node) ? grads.get(node) : grads.remove(node);
            Tensor[] inputs = node.inputArray();
            if (g == null || inputs == null) {
                continue;
            }
            float[][] gradInputs = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                Tensor in = inputs[i];
                if (in.requiresGrad()) {
                    gradInputs[i] = grads.computeIfAbsent(in, t -> new float[t.size()]);
                }
            }
            node.backward().apply(g, gradInputs);
        }
        return Gradients.of(wrt, grads);
    }

    /** Nodes that require gradients, each after all of its inputs (iterative post-order DFS). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        stack.push(root);
        next.push(0);
        visited.add(root);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int i = next.pop();
            Tensor[] inputs = node.inputArray();
            if (inputs != null && i < inputs.length) {
                next.push(i + 1);
                Tensor in = inputs[i];
                if (in.requiresGrad() && visited.add(in)) {
                    stack.push(in);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }
}
