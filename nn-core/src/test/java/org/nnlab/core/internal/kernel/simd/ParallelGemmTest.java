package org.nnlab.core.internal.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Rng;
import org.nnlab.core.internal.kernel.KernelSelection;

/** Several threads give bitwise the same products as one: each row block of C belongs to one thread. */
class ParallelGemmTest {

    static Stream<Arguments> shapes() {
        // several row blocks of MC = 128, ragged edges, and more than one KC block
        return Stream.of(Arguments.of(300, 200, 150), Arguments.of(1000, 64, 80), Arguments.of(257, 129, 200),
                Arguments.of(385, 300, 61));
    }

    @ParameterizedTest(name = "[{0}x{1}]x[{1}x{2}]")
    @MethodSource("shapes")
    void threadsDoNotChangeABit(int m, int k, int n) {
        assumeThat(KernelSelection.vector()).as("jdk.incubator.vector is not available").isPresent();
        Rng rng = Rng.seeded(m + 31L * k + 977L * n);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.uniform(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.uniform(-1, 1);
        }
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                int rowsB = transB ? n : k;
                float[] one = new float[m * n];
                float[] three = new float[m * n];
                new PackedGemm(1).multiply(a, 0, transA, b, 0, transB, one, 0, m, k, n);
                new PackedGemm(3, 0).multiply(a, 0, transA, b, 0, transB, three, 0, m, k, n);
                assertThat(three).as("transA=%s transB=%s (B rows %d)", transA, transB, rowsB).containsExactly(one);
            }
        }
    }
}
