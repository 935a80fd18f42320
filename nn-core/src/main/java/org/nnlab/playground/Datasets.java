package org.nnlab.playground;

import java.util.ArrayList;
import java.util.List;

import org.nnlab.core.Checks;

/**
 * Playground's six data generators (spec section 3), with its draw order and quirks: in circle, xor,
 * plane and multi-Gaussian the noise moves only the point used for the <em>label</em>; spiral and
 * gauss move the points. Every draw happens whatever the noise, so the number of draws does not
 * depend on it (gauss's rejection loop excepted). Arithmetic is double, transcendental functions are
 * {@link StrictMath}, and d3's interpolation forms are kept, so the points are Playground's bit for bit.
 */
public final class Datasets {
    /** Points in a classification data set. */
    public static final int CLASSIFY_SAMPLES = 500;
    /** Points in a regression data set. */
    public static final int REGRESS_SAMPLES = 1200;

    private Datasets() {
    }

    /**
     * The generator named by Playground's state key.
     *
     * @param n     points to generate, >= 0
     * @param noise in Playground's units, the slider percentage / 100 (0 to 0.5 on the page)
     */
    public static List<Example> generate(DatasetKind kind, SeedRandom rng, int n, double noise) {
        Checks.requireArgument(n >= 0, "Datasets: n must be >= 0, got %d", n);
        Checks.requireArgument(Double.isFinite(noise), "Datasets: noise must be finite, got %s", noise);
        return switch (kind) {
            case CIRCLE -> circle(rng, n, noise);
            case XOR -> xor(rng, n, noise);
            case GAUSS -> gauss(rng, n, noise);
            case SPIRAL -> spiral(rng, n, noise);
            case REG_PLANE -> regPlane(rng, n, noise);
            case REG_GAUSS -> regGauss(rng, n, noise);
        };
    }

    /** Inner disc r in [0, 2.5) labelled +1, then a ring r in [3.5, 5) labelled -1, unless noise flips a label. */
    public static List<Example> circle(SeedRandom rng, int n, double noise) {
        double radius = 5;
        List<Example> points = new ArrayList<>(n);
        for (int ring = 0; ring < 2; ring++) {
            for (int i = 0; i < n / 2.0; i++) {
                double r = ring == 0 ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
                double angle = rng.uniform(0, 2 * Math.PI);
                double x = r * StrictMath.sin(angle);
                double y = r * StrictMath.cos(angle);
                double noiseX = rng.uniform(-radius, radius) * noise;
                double noiseY = rng.uniform(-radius, radius) * noise;
                double label = dist(x + noiseX, y + noiseY, 0, 0) < radius * 0.5 ? 1 : -1;
                points.add(new Example(x, y, label));
            }
        }
        return points;
    }

    /** Four quadrants padded 0.3 away from the axes; +1 where (x + nx)(y + ny) >= 0. */
    public static List<Example> xor(SeedRandom rng, int n, double noise) {
        double padding = 0.3;
        List<Example> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = rng.uniform(-5, 5);
            x += x > 0 ? padding : -padding;
            double y = rng.uniform(-5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = rng.uniform(-5, 5) * noise;
            double noiseY = rng.uniform(-5, 5) * noise;
            double label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
            points.add(new Example(x, y, label));
        }
        return points;
    }

    /** Two Gaussians around (2, 2) (+1) and (-2, -2) (-1); variance 0.5·(1-t) + 4·t with t = noise/0.5. */
    public static List<Example> gauss(SeedRandom rng, int n, double noise) {
        double t = noise / 0.5;
        double variance = 0.5 * (1 - t) + 4 * t;
        List<Example> points = new ArrayList<>(n);
        for (int g = 0; g < 2; g++) {
            double c = g == 0 ? 2 : -2;
            for (int i = 0; i < n / 2.0; i++) {
                double x = normal(rng, c, variance);
                double y = normal(rng, c, variance);
                points.add(new Example(x, y, g == 0 ? 1 : -1));
            }
        }
        return points;
    }

    /** Two interleaved spirals of n/2 points each, the second turned by π; the noise moves the points. */
    public static List<Example> spiral(SeedRandom rng, int n, double noise) {
        double m = n / 2.0;                               // a JavaScript number: fractional for odd n
        List<Example> points = new ArrayList<>(n);
        for (int arm = 0; arm < 2; arm++) {
            double deltaT = arm == 0 ? 0 : Math.PI;
            for (int i = 0; i < m; i++) {
                double r = i / m * 5;
                double t = 1.75 * i / m * 2 * Math.PI + deltaT;
                double x = r * StrictMath.sin(t) + rng.uniform(-1, 1) * noise;
                double y = r * StrictMath.cos(t) + rng.uniform(-1, 1) * noise;
                points.add(new Example(x, y, arm == 0 ? 1 : -1));
            }
        }
        return points;
    }

    /** Points in [-6, 6]²; label = d3's unclamped scale [-10, 10] -> [-1, 1] of (x + nx) + (y + ny). */
    public static List<Example> regPlane(SeedRandom rng, int n, double noise) {
        double radius = 6;
        List<Example> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = planeDraws(rng, radius, noise);
            double t = ((p[0] + p[2]) + (p[1] + p[3]) - -10) / 20;
            points.add(new Example(p[0], p[1], -1 * (1 - t) + 1 * t));
        }
        return points;
    }

    /** Points as in reg-plane, labelled by the strongest of six signed cones of radius 2 ("multi Gaussian"). */
    public static List<Example> regGauss(SeedRandom rng, int n, double noise) {
        double radius = 6;
        double[][] centres = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
        List<Example> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] p = planeDraws(rng, radius, noise);
            double x = p[0];
            double y = p[1];
            double label = 0;
            for (double[] c : centres) {
                double t = Math.max(0, Math.min(1, dist(x + p[2], y + p[3], c[0], c[1]) / 2));
                double v = c[2] * (1 * (1 - t) + 0 * t);
                if (Math.abs(v) > Math.abs(label)) {
                    label = v;
                }
            }
            points.add(new Example(x, y, label));
        }
        return points;
    }

    /** Playground's in-place shuffle: k = floor(U·counter), counter--, swap; exactly one draw per element. */
    public static <T> void shuffle(List<T> points, SeedRandom rng) {
        int counter = points.size();
        while (counter > 0) {
            int index = (int) Math.floor(rng.nextDouble() * counter);
            counter--;
            T temp = points.get(counter);
            points.set(counter, points.get(index));
            points.set(index, temp);
        }
    }

    /** The regression sets' four draws per point, in order: x, y, noiseX, noiseY. */
    private static double[] planeDraws(SeedRandom rng, double radius, double noise) {
        double x = rng.uniform(-radius, radius);
        double y = rng.uniform(-radius, radius);
        double noiseX = rng.uniform(-radius, radius) * noise;
        double noiseY = rng.uniform(-radius, radius) * noise;
        return new double[] {x, y, noiseX, noiseY};
    }

    /** Marsaglia's polar method as Playground codes it: v2 is thrown away. */
    private static double normal(SeedRandom rng, double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * rng.nextDouble() - 1;
            v2 = 2 * rng.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1);
        double result = StrictMath.sqrt(-2 * StrictMath.log(s) / s) * v1;
        return mean + StrictMath.sqrt(variance) * result;
    }

    private static double dist(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return StrictMath.sqrt(dx * dx + dy * dy);
    }
}
