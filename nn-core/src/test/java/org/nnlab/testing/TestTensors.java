package org.nnlab.testing;

import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/** Seeded test inputs kept away from the kinks of relu, abs and max-pool. */
public final class TestTensors {
    private TestTensors() {
    }

    /** Uniform magnitudes in [lo, hi) with a random sign: never within lo of 0. */
    public static Tensor awayFromZero(Rng rng, float lo, float hi, int... dims) {
        float[] v = Tensor.uniform(rng, lo, hi, dims).toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextFloat() < 0.5f ? -v[i] : v[i];
        }
        return Tensor.of(v, dims);
    }

    /** Values in [0.5, 2). */
    public static Tensor positive(Rng rng, int... dims) {
        return Tensor.uniform(rng, 0.5f, 2f, dims);
    }

    /** A shuffled ramp with steps of 0.1, so no two values are within 0.1 (no near ties for max-pool). */
    public static Tensor distinct(Rng rng, int... dims) {
        int n = Tensor.zeros(dims).size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.1f * i - 0.05f * n;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float s = v[i];
            v[i] = v[j];
            v[j] = s;
        }
        return Tensor.of(v, dims);
    }
}
