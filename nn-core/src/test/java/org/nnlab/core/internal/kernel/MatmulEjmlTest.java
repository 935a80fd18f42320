package org.nnlab.core.internal.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/** The three matrix products of the public API against EJML's CommonOps_FDRM on random shapes. */
class MatmulEjmlTest {

    static Stream<Arguments> shapes() {
        Rng rng = Rng.seeded(2026);
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(1 + rng.nextInt(200), 1 + rng.nextInt(200), 1 + rng.nextInt(200)));
    }

    static FMatrixRMaj ejml(Tensor t) {
        return new FMatrixRMaj(t.dim(0), t.dim(1), true, t.toArray());
    }

    static void assertSame(Tensor actual, FMatrixRMaj expected, int k) {
        assertThat(actual.shape().dims()).containsExactly(expected.numRows, expected.numCols);
        float tol = 2e-5f * (1 + k) * 4;    // entries of |a||b| <= 4 (randn), k terms
        float[] a = actual.array();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("entry %d", i).isCloseTo(expected.data[i], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @ParameterizedTest(name = "[{0}x{1}]x[{1}x{2}]")
    @MethodSource("shapes")
    void matmulMatchesEjml(int m, int k, int n) {
        Rng rng = Rng.seeded(m * 7919L + k * 31L + n);
        Tensor a = Tensor.randn(rng, m, k).mul(0.5f);
        Tensor b = Tensor.randn(rng, k, n).mul(0.5f);
        FMatrixRMaj c = new FMatrixRMaj(m, n);
        CommonOps_FDRM.mult(ejml(a), ejml(b), c);
        assertSame(a.matmul(b), c, k);

        Tensor at = Tensor.randn(rng, k, m).mul(0.5f);
        CommonOps_FDRM.multTransA(ejml(at), ejml(b), c);
        assertSame(at.matmulTransA(b), c, k);

        Tensor bt = Tensor.randn(rng, n, k).mul(0.5f);
        CommonOps_FDRM.multTransB(ejml(a), ejml(bt), c);
        assertSame(a.matmulTransB(bt), c, k);
    }
}
