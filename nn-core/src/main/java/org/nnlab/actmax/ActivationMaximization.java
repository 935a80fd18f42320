package org.nnlab.actmax;

import java.util.function.Function;

import org.nnlab.core.Checks;
import org.nnlab.core.ProgressListener;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Pass;

/**
 * Activation maximization by normalised gradient ascent (Erhan et al. 2009; Simonyan et al. 2013), as
 * ShapeShop runs it (spec A.6) and for any unit of any model.
 *
 * <p>Each step evaluates the objective f and its gradient g at the current input x_t, then moves
 * x_(t+1) = x_t + η·g / (sqrt(mean(g²)) + 1e-5), so every step has an RMS of about η per input. The run
 * stops one step after the first evaluation above the threshold (ShapeShop's rule: it returns
 * x_(t+1), not x_t), or after {@link Options#maxSteps()} steps with {@link Result#reached()} false
 * instead of ShapeShop's endless loop.
 *
 * <p>Regularizers, all off by default (ShapeShop has none): L2 decay adds -λ·x to the gradient; total
 * variation adds -μ·∇TV(x) for a square image (TV = Σ |x_(r,c+1) - x_(r,c)| + |x_(r+1,c) - x_(r,c)|,
 * with sign(0) = 0); jitter evaluates each step at the image rolled by a random offset of up to J pixels
 * in each direction and rolls the gradient back.
 */
public final class ActivationMaximization {
    private ActivationMaximization() {
    }

    /** A scalar function of an input with its gradient. */
    @FunctionalInterface
    public interface Objective {
        /**
         * Returns f(x) and writes ∂f/∂x into {@code gradient} (same length as x, overwritten).
         */
        double evaluate(float[] x, float[] gradient);
    }

    /**
     * The run's settings.
     *
     * @param step           η, the RMS of one step (ShapeShop: 0.001, 0.005 or 0.01)
     * @param threshold      stop one step after f exceeds this (ShapeShop: 0.99); +∞ runs maxSteps steps
     * @param maxSteps       the iteration cap (default 10,000)
     * @param l2             L2 decay λ (0: off)
     * @param totalVariation total-variation weight μ (0: off)
     * @param jitter         the largest roll J in pixels (0: off)
     * @param seed           the jitter's generator seed
     */
    public record Options(double step, double threshold, int maxSteps, double l2, double totalVariation, int jitter,
                          long seed) {
        /** Validates each field. */
        public Options {
            Checks.requireArgument(step > 0 && Double.isFinite(step), "ActivationMaximization: step must be > 0, got %s", step);
            Checks.requireArgument(maxSteps >= 1, "ActivationMaximization: maxSteps must be >= 1, got %d", maxSteps);
            Checks.requireArgument(l2 >= 0 && totalVariation >= 0 && jitter >= 0,
                    "ActivationMaximization: l2, totalVariation and jitter must be >= 0, got %s, %s, %d", l2,
                    totalVariation, jitter);
        }

        /** ShapeShop's: the given step, threshold 0.99, cap 10,000, no regularizer. */
        public static Options shapeShop(double step) {
            return new Options(step, 0.99, 10_000, 0, 0, 0, 0);
        }

        /** These options with another cap. */
        public Options withMaxSteps(int cap) {
            return new Options(step, threshold, cap, l2, totalVariation, jitter, seed);
        }

        /** These options with the regularizers set. */
        public Options withRegularizers(double l2Decay, double tv, int jitterPixels, long jitterSeed) {
            return new Options(step, threshold, maxSteps, l2Decay, tv, jitterPixels, jitterSeed);
        }
    }

    /**
     * The outcome.
     *
     * @param image    the final input (a copy)
     * @param steps    steps taken
     * @param reached  whether the objective passed the threshold
     * @param value    the objective at the last evaluation (before the last step)
     * @param diverged   whether the ascent stopped because the objective, the step or the image turned NaN or
     *                   infinite (a step far too large); {@code reached} is then false
     */
    public record Result(float[] image, int steps, boolean reached, double value, boolean diverged) {
    }

    /** Runs the ascent from {@code start} (not modified). */
    public static Result maximize(Objective objective, float[] start, Options options) {
        return maximize(objective, start, options, ProgressListener.NONE);
    }

    /**
     * Runs the ascent from {@code start} (not modified), telling {@code listener} after each step: steps taken of
     * {@code options.maxSteps()} (the ascent usually stops long before, when it reaches the threshold).
     */
    public static Result maximize(Objective objective, float[] start, Options options, ProgressListener listener) {
        float[] x = start.clone();
        int n = x.length;
        float[] g = new float[n];
        float[] shifted = options.jitter() > 0 ? new float[n] : null;
        float[] shiftedGrad = options.jitter() > 0 ? new float[n] : null;
        int side = (int) Math.round(Math.sqrt(n));
        Rng rng = Rng.seeded(options.seed());
        double value = Double.NaN;
        for (int t = 0; t < options.maxSteps(); t++) {
            if (options.jitter() > 0) {
                Checks.requireState(side * side == n, "ActivationMaximization: jitter needs a square image, got %d values", n);
                int dr = rng.nextInt(2 * options.jitter() + 1) - options.jitter();
                int dc = rng.nextInt(2 * options.jitter() + 1) - options.jitter();
                roll(x, shifted, side, dr, dc);
                value = objective.evaluate(shifted, shiftedGrad);
                roll(shiftedGrad, g, side, -dr, -dc);
            } else {
                value = objective.evaluate(x, g);
            }
            if (options.l2() > 0) {
                for (int i = 0; i < n; i++) {
                    g[i] -= (float) (options.l2() * x[i]);
                }
            }
            if (options.totalVariation() > 0) {
                subtractTotalVariationGradient(x, g, side, options.totalVariation());
            }
            double squares = 0;
            for (float v : g) {
                squares += (double) v * v;
            }
            double scale = options.step() / (Math.sqrt(squares / n) + 1e-5);
            for (int i = 0; i < n; i++) {
                x[i] += (float) (scale * g[i]);
            }
            listener.progress(t + 1, options.maxSteps());
            if (value > options.threshold()) {
                return new Result(x, t + 1, true, value, false);
            }
            if (!Double.isFinite(value) || !Double.isFinite(scale) || !finite(x)) {
                // NOTE: a step so large that the image overflows (1e300 as a float is infinity) can never reach
                // the threshold; stopping here reports it instead of running to the cap
                return new Result(x, t + 1, false, value, true);
            }
        }
        return new Result(x, options.maxSteps(), false, value, false);
    }

    private static boolean finite(float[] x) {
        for (float v : x) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The objective f(x) = fn(x) for an input of the given shape, its gradient by reverse-mode autodiff:
     * for any unit of any tensor model, e.g. {@code x -> model.forward(x, Pass.EVAL).sum(1)...}.
     */
    public static Objective of(Function<Tensor, Tensor> fn, int... shape) {
        return (x, gradient) -> {
            Tensor input = Tensor.of(x, shape).trainable();
            Tensor out = fn.apply(input);
            float[] g = out.gradients(input).get(input).array();
            System.arraycopy(g, 0, gradient, 0, gradient.length);
            return out.item();
        };
    }

    /**
     * A black-box objective with central differences, ∂f/∂x_i ≈ (f(x + h·e_i) - f(x - h·e_i)) / 2h, for
     * models without autodiff (a Playground neuron over its two input coordinates, say). Costs 2n + 1
     * evaluations per step, so it suits small inputs.
     *
     * @throws IllegalArgumentException if h is not positive
     */
    public static Objective numerical(java.util.function.ToDoubleFunction<float[]> f, double h) {
        Checks.requireArgument(h > 0, "ActivationMaximization.numerical: h must be > 0, got %s", h);
        return (x, gradient) -> {
            float[] probe = x.clone();
            for (int i = 0; i < x.length; i++) {
                probe[i] = (float) (x[i] + h);
                double up = f.applyAsDouble(probe);
                probe[i] = (float) (x[i] - h);
                double down = f.applyAsDouble(probe);
                probe[i] = x[i];
                gradient[i] = (float) ((up - down) / (2 * h));
            }
            return f.applyAsDouble(x);
        };
    }

    /**
     * ShapeShop's objective: the post-softmax probability of class c for one 28 x 28 image, the model in
     * evaluation mode (dropout off).
     */
    public static Objective classProbability(Layer model, int c) {
        return of(x -> {
            Tensor p = model.forward(x, Pass.EVAL).softmax();
            return p.mul(oneHot(p.dim(1), c)).sum();
        }, 1, 1, TrainingClass.SIDE, TrainingClass.SIDE);
    }

    /** The pre-softmax score of class c (Simonyan et al.'s recommendation; not ShapeShop's). */
    public static Objective classLogit(Layer model, int c) {
        return of(x -> {
            Tensor z = model.forward(x, Pass.EVAL);
            return z.mul(oneHot(z.dim(1), c)).sum();
        }, 1, 1, TrainingClass.SIDE, TrainingClass.SIDE);
    }

    private static Tensor oneHot(int classes, int c) {
        Checks.requireArgument(c >= 0 && c < classes, "ActivationMaximization: class %d is outside [0, %d)", c, classes);
        float[] v = new float[classes];
        v[c] = 1;
        return Tensor.of(v, 1, classes);
    }

    /** out = x rolled by (dr, dc), wrapping around. */
    private static void roll(float[] x, float[] out, int side, int dr, int dc) {
        for (int r = 0; r < side; r++) {
            int rr = Math.floorMod(r + dr, side);
            for (int c = 0; c < side; c++) {
                out[rr * side + Math.floorMod(c + dc, side)] = x[r * side + c];
            }
        }
    }

    /** g -= μ·∂TV/∂x, TV = Σ |right neighbour - x| + |lower neighbour - x|. */
    private static void subtractTotalVariationGradient(float[] x, float[] g, int side, double mu) {
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int i = r * side + c;
                double d = 0;
                if (c + 1 < side) {
                    d -= Math.signum(x[i + 1] - x[i]);
                }
                if (c > 0) {
                    d += Math.signum(x[i] - x[i - 1]);
                }
                if (r + 1 < side) {
                    d -= Math.signum(x[i + side] - x[i]);
                }
                if (r > 0) {
                    d += Math.signum(x[i] - x[i - side]);
                }
                g[i] -= (float) (mu * d);
            }
        }
    }
}
