package org.nnlab.actmax;

/**
 * SciPy's {@code ndimage.gaussian_filter} with σ = 1 as ShapeShop uses it (spec A.3): a separable
 * kernel over offsets -4..4 (truncate 4), w(x) ∝ exp(-x²/2) normalised, boundary mode "reflect"
 * (half-sample symmetric: d c b a | a b c d | d c b a).
 */
public final class GaussianBlur {
    private static final int RADIUS = 4;
    private static final double[] KERNEL = kernel();

    private GaussianBlur() {
    }

    private static double[] kernel() {
        double[] w = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int x = -RADIUS; x <= RADIUS; x++) {
            w[x + RADIUS] = Math.exp(-x * x / 2.0);
            sum += w[x + RADIUS];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** The 9 kernel weights, offsets -4..4 (a copy). */
    public static double[] weights() {
        return KERNEL.clone();
    }

    /** The blurred image (a new array), rows then columns. */
    public static float[] apply(float[] image, int height, int width) {
        double[] rows = new double[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += KERNEL[k + RADIUS] * image[r * width + reflect(c + k, width)];
                }
                rows[r * width + c] = s;
            }
        }
        float[] out = new float[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += KERNEL[k + RADIUS] * rows[reflect(r + k, height) * width + c];
                }
                out[r * width + c] = (float) s;
            }
        }
        return out;
    }

    /** Half-sample symmetric reflection of index i into [0, n). */
    static int reflect(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -i - 1 : 2 * n - i - 1;
        }
        return i;
    }
}
