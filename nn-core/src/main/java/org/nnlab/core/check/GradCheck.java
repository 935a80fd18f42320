package org.nnlab.core.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.nnlab.core.Checks;
import org.nnlab.core.Gradients;
import org.nnlab.core.NoGrad;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/**
 * Checks reverse-mode gradients against central differences, for nnlab's ops and for users' own.
 *
 * <p>Two modes, after JAX's {@code check_grads} and PyTorch's {@code gradcheck}:
 * <ul>
 *   <li>{@link #check()}: random projections. With a seeded random cotangent u shaped like the output,
 *       L(x) = Σ u ⊙ f(x) is a scalar; for a seeded random direction v per input, the analytic
 *       ⟨∇ₓL, v⟩ must match (L(x + εv) − L(x − εv)) / 2ε. Cheap at any size.</li>
 *   <li>{@link #checkJacobian()}: the full Jacobian, entry by entry (one backward pass per output
 *       element, two forward passes per input element), for small inputs.</li>
 * </ul>
 * Both also check the primal (two forward passes give bitwise the same values) and re-entrancy (the
 * same gradients twice). Entries match when |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|)
 * + a rounding allowance that grows with Σ|u ⊙ f(x)| / ε, because the forward pass runs in float32.
 * NOTE: keep inputs at least a few ε away from kinks (relu and abs at 0, max-pool ties).
 *
 * <pre>{@code
 * GradCheck.of(xs -> xs[0].matmul(xs[1]).tanh(), a, b).check().assertPassed();
 * }</pre>
 */
public final class GradCheck {
    /** The function under test: a tensor computed from the inputs by ops. */
    @FunctionalInterface
    public interface Fn {
        /** Computes the output from the inputs, in the order given to {@link GradCheck#of}. */
        Tensor apply(Tensor... inputs);
    }

    private final Subject subject;
    private final Tensor[] inputs;
    private double epsilon = 1e-2;
    private double atol = 1e-4;
    private double rtol = 1e-2;
    private long seed = 20261122L;
    private int projections = 2;

    private GradCheck(Subject subject, Tensor[] inputs) {
        this.subject = subject;
        this.inputs = inputs;
    }

    /**
     * A check of {@code fn} at {@code inputs}; the values of the inputs are used, not their graph.
     *
     * @throws IllegalArgumentException if no input is given
     */
    public static GradCheck of(Fn fn, Tensor... inputs) {
        Checks.requireArgument(inputs.length > 0, "GradCheck: needs at least one input");
        Tensor[] values = inputs.clone();
        return new GradCheck(new FunctionSubject(fn, values), values);
    }

    /**
     * A check of a model's own trainable leaves (its parameters): {@code loss} is recomputed with each
     * leaf moved in place, and every leaf is restored afterwards.
     *
     * <pre>{@code
     * GradCheck.ofLeaves(() -> Losses.mse(model.forward(x), y), model.parameters()).check().assertPassed();
     * }</pre>
     *
     * @throws IllegalArgumentException if no leaf is given or one is not trainable
     */
    public static GradCheck ofLeaves(Supplier<Tensor> output, List<Tensor> leaves) {
        Checks.requireArgument(!leaves.isEmpty(), "GradCheck: needs at least one leaf");
        for (int i = 0; i < leaves.size(); i++) {
            Checks.requireArgument(leaves.get(i).isTrainable(), "GradCheck: leaf %d, %s, is not trainable",
                    i, leaves.get(i).describe());
        }
        Tensor[] ls = leaves.toArray(new Tensor[0]);
        Tensor[] values = new Tensor[ls.length];
        for (int i = 0; i < ls.length; i++) {
            values[i] = ls[i].detach();
        }
        return new GradCheck(new LeafSubject(output, ls, values), values);
    }

    /** The finite-difference step ε (default 1e-2, right for float32). */
    public GradCheck epsilon(double epsilon) {
        Checks.requireArgument(epsilon > 0, "GradCheck: epsilon must be > 0, got %s", epsilon);
        this.epsilon = epsilon;
        return this;
    }

    /** Absolute and relative tolerances (defaults 1e-4 and 1e-2). */
    public GradCheck tolerance(double atol, double rtol) {
        Checks.requireArgument(atol >= 0 && rtol >= 0, "GradCheck: tolerances must be >= 0, got atol=%s rtol=%s", atol, rtol);
        this.atol = atol;
        this.rtol = rtol;
        return this;
    }

    /** The seed of the random cotangents and directions. */
    public GradCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Random projections per input in {@link #check()} (default 2). */
    public GradCheck projections(int projections) {
        Checks.requireArgument(projections >= 1, "GradCheck: projections must be >= 1, got %d", projections);
        this.projections = projections;
        return this;
    }

    /** The random-projection check. */
    public Report check() {
        Rng rng = Rng.seeded(seed);
        List<Mismatch> bad = new ArrayList<>();
        int compared = 0;
        Tensor[] leaves = subject.leaves();
        Tensor out = subject.forward(leaves);
        checkPrimal(out, bad);
        for (int round = 0; round < projections; round++) {
            float[] u = gaussian(rng, out.size());
            Tensor cot = Tensor.of(u, out.shape().dims());
            Gradients g = subject.forward(leaves).mul(cot).sum().gradients(leaves);
            checkReentrant(leaves, cot, g, bad);
            double noise = roundingNoise(out, u);
            for (int i = 0; i < inputs.length; i++) {
                float[] v = gaussian(rng, inputs[i].size());
                double analytic = dot(g.get(leaves[i]).array(), v);
                double numeric = (projected(i, v, epsilon, u) - projected(i, v, -epsilon, u)) / (2 * epsilon);
                double tol = tolerance(analytic, numeric, noise * norm(v));
                compared++;
                if (!(Math.abs(analytic - numeric) <= tol)) {
                    bad.add(new Mismatch(i, -1, -1, analytic, numeric, tol));
                }
            }
        }
        return new Report("projection", compared, bad);
    }

    /** The full-Jacobian check, for inputs and outputs of up to a few hundred elements. */
    public Report checkJacobian() {
        Tensor[] leaves = subject.leaves();
        Tensor out = subject.forward(leaves);
        List<Mismatch> bad = new ArrayList<>();
        checkPrimal(out, bad);
        int outs = out.size();
        float[][][] analytic = new float[outs][][];      // [output][input][element]
        for (int j = 0; j < outs; j++) {
            float[] onehot = new float[outs];
            onehot[j] = 1f;
            Gradients g = subject.forward(leaves).mul(Tensor.of(onehot, out.shape().dims())).sum().gradients(leaves);
            analytic[j] = new float[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                analytic[j][i] = g.get(leaves[i]).array();
            }
        }
        int compared = 0;
        for (int i = 0; i < inputs.length; i++) {
            for (int e = 0; e < inputs[i].size(); e++) {
                float[] plus = evaluate(i, e, epsilon);
                float[] minus = evaluate(i, e, -epsilon);
                for (int j = 0; j < outs; j++) {
                    double numeric = ((double) plus[j] - minus[j]) / (2 * epsilon);
                    double a = analytic[j][i][e];
                    double noise = 4 * Math.ulp(Math.max(Math.abs(plus[j]), Math.abs(minus[j]))) / epsilon;
                    double tol = tolerance(a, numeric, noise);
                    compared++;
                    if (!(Math.abs(a - numeric) <= tol)) {
                        bad.add(new Mismatch(i, e, j, a, numeric, tol));
                    }
                }
            }
        }
        return new Report("jacobian", compared, bad);
    }

    private void checkPrimal(Tensor out, List<Mismatch> bad) {
        Tensor again = subject.perturbed(-1, null, 0);
        if (!Arrays.equals(out.array(), again.array())) {
            bad.add(new Mismatch(-1, -1, -1, Double.NaN, Double.NaN, 0));
        }
    }

    private void checkReentrant(Tensor[] leaves, Tensor cot, Gradients first, List<Mismatch> bad) {
        Gradients second = subject.forward(leaves).mul(cot).sum().gradients(leaves);
        for (int i = 0; i < leaves.length; i++) {
            if (!Arrays.equals(first.get(leaves[i]).array(), second.get(leaves[i]).array())) {
                bad.add(new Mismatch(i, -2, -2, Double.NaN, Double.NaN, 0));
            }
        }
    }

    private double projected(int input, float[] direction, double step, float[] u) {
        return dot(subject.perturbed(input, direction, step).array(), u);
    }

    private float[] evaluate(int input, int element, double step) {
        float[] direction = new float[inputs[input].size()];
        direction[element] = 1f;
        return subject.perturbed(input, direction, step).array();
    }

    /** What is checked: how to build the leaves, run forward, and evaluate with one input moved. */
    private interface Subject {
        Tensor[] leaves();

        Tensor forward(Tensor[] leaves);

        /** The output without a graph, input {@code which} moved by step·direction (-1: none moved). */
        Tensor perturbed(int which, float[] direction, double step);
    }

    /** The values of {@code base}, with input {@code which} moved by step·direction. */
    private static float[] moved(Tensor base, boolean isMoved, float[] direction, double step) {
        float[] values = base.toArray();
        if (isMoved) {
            for (int e = 0; e < values.length; e++) {
                values[e] = (float) (values[e] + step * direction[e]);
            }
        }
        return values;
    }

    private record FunctionSubject(Fn fn, Tensor[] values) implements Subject {
        public Tensor[] leaves() {
            Tensor[] leaves = new Tensor[values.length];
            for (int i = 0; i < values.length; i++) {
                leaves[i] = values[i].detach().trainable();
            }
            return leaves;
        }

        public Tensor forward(Tensor[] leaves) {
            return fn.apply(leaves);
        }

        public Tensor perturbed(int which, float[] direction, double step) {
            Tensor[] xs = new Tensor[values.length];
            for (int i = 0; i < values.length; i++) {
                xs[i] = Tensor.of(moved(values[i], i == which, direction, step), values[i].shape().dims());
            }
            return NoGrad.run(() -> fn.apply(xs));
        }
    }

    private record LeafSubject(Supplier<Tensor> output, Tensor[] leaves, Tensor[] values) implements Subject {
        public Tensor[] leaves() {
            restore();
            return leaves;
        }

        public Tensor forward(Tensor[] ls) {
            return output.get();
        }

        public Tensor perturbed(int which, float[] direction, double step) {
            try {
                for (int i = 0; i < leaves.length; i++) {
                    leaves[i].copyInPlace(moved(values[i], i == which, direction, step));
                }
                return NoGrad.run(output);
            } finally {
                restore();
            }
        }

        private void restore() {
            for (int i = 0; i < leaves.length; i++) {
                leaves[i].copyInPlace(values[i]);
            }
        }
    }

    private double tolerance(double analytic, double numeric, double noise) {
        return atol + rtol * Math.max(Math.abs(analytic), Math.abs(numeric)) + noise;
    }

    /** float32 rounding of Σ u⊙f(x), amplified by the division by 2ε. */
    private double roundingNoise(Tensor out, float[] u) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += Math.abs((double) u[j] * out.array()[j]);
        }
        return 8 * 0x1.0p-24 * (s + 1e-30) / epsilon;
    }

    private static float[] gaussian(Rng rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    /**
     * One disagreement. {@code input} is -1 for a primal mismatch (two forward passes differ);
     * {@code element} is -1 in projection mode and -2 for a re-entrancy mismatch.
     *
     * @param input     the input's position
     * @param element   the input element (full-Jacobian mode)
     * @param output    the output element (full-Jacobian mode)
     * @param analytic  the reverse-mode value
     * @param numeric   the central-difference value
     * @param tolerance the allowed difference
     */
    public record Mismatch(int input, int element, int output, double analytic, double numeric, double tolerance) {
        @Override
        public String toString() {
            if (input == -1) {
                return "primal: two forward passes gave different values";
            }
            if (element == -2) {
                return Checks.format("input %d: re-entrancy: two backward passes gave different gradients", input);
            }
            return Checks.format("input %d  element %s  output %s  analytic %.6g  numeric %.6g  |diff| %.3g > tol %.3g",
                    input, element < 0 ? "-" : element, output < 0 ? "-" : output, analytic, numeric,
                    Math.abs(analytic - numeric), tolerance);
        }
    }

    /**
     * The outcome of a check.
     *
     * @param mode       {@code projection} or {@code jacobian}
     * @param compared   how many values were compared
     * @param mismatches the disagreements, empty when the check passed
     */
    public record Report(String mode, int compared, List<Mismatch> mismatches) {
        /** Copies the list. */
        public Report {
            mismatches = List.copyOf(mismatches);
        }

        /** Whether every compared value agreed. */
        public boolean passed() {
            return mismatches.isEmpty();
        }

        /**
         * Throws unless the check passed.
         *
         * @throws AssertionError with the mismatch table
         */
        public Report assertPassed() {
            if (!passed()) {
                throw new AssertionError(toString());
            }
            return this;
        }

        /** A summary line, then up to 20 mismatches, one per line. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(Checks.format("GradCheck %s: %d compared, %d mismatched",
                    mode, compared, mismatches.size()));
            for (int i = 0; i < Math.min(20, mismatches.size()); i++) {
                sb.append("\n  ").append(mismatches.get(i));
            }
            if (mismatches.size() > 20) {
                sb.append("\n  ... ").append(mismatches.size() - 20).append(" more");
            }
            return sb.toString();
        }
    }
}
