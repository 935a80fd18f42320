package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * Matrix products and the transpose. The transposed variants read the operand in place instead of
 * copying it, and each backward rule is itself one of the three products:
 * for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC.
 */
public final class MatMul {
    private MatMul() {
    }

    /** [m, k] x [k, n] -> [m, n]. */
    public static Tensor matmul(Tensor a, Tensor b) {
        requireMatrices("matmul", a, b);
        int m = a.dim(0);
        int kk = a.dim(1);
        int n = b.dim(1);
        Checks.requireArgument(b.dim(0) == kk, "matmul: inner dimensions differ: %s x %s (%d != %d)",
                a.shape(), b.shape(), kk, b.dim(0));
        Kernels k = Kernels.get();
        float[] av = a.array();
        float[] bv = b.array();
        float[] c = new float[m * n];
        k.gemm(av, 0, bv, 0, c, 0, m, kk, n);
        return Tensor.result("matmul", Shape.of(m, n), c, (g, gin) -> {
            if (gin[0] != null) {
                k.gemmTransB(g, 0, bv, 0, gin[0], 0, m, n, kk);      // dA[m,k] += dC[m,n]·B[k,n]ᵀ
            }
            if (gin[1] != null) {
                k.gemmTransA(av, 0, g, 0, gin[1], 0, kk, m, n);      // dB[k,n] += A[m,k]ᵀ·dC[m,n]
            }
        }, a, b);
    }

    /** Aᵀ·B: [k, m]ᵀ x [k, n] -> [m, n]. */
    public static Tensor matmulTransA(Tensor a, Tensor b) {
        requireMatrices("matmulTransA", a, b);
        int kk = a.dim(0);
        int m = a.dim(1);
        int n = b.dim(1);
        Checks.requireArgument(b.dim(0) == kk, "matmulTransA: shared dimensions differ: %sᵀ x %s (%d != %d)",
                a.shape(), b.shape(), kk, b.dim(0));
        Kernels k = Kernels.get();
        float[] av = a.array();
        float[] bv = b.array();
        float[] c = new float[m * n];
        k.gemmTransA(av, 0, bv, 0, c, 0, m, kk, n);
        return Tensor.result("matmulTransA", Shape.of(m, n), c, (g, gin) -> {
            if (gin[0] != null) {
                k.gemmTransB(bv, 0, g, 0, gin[0], 0, kk, n, m);      // dA[k,m] += B[k,n]·dC[m,n]ᵀ
            }
            if (gin[1] != null) {
                k.gemm(av, 0, g, 0, gin[1], 0, kk, m, n);            // dB[k,n] += A[k,m]·dC[m,n]
            }
        }, a, b);
    }

    /** A·Bᵀ: [m, k] x [n, k]ᵀ -> [m, n]. */
    public static Tensor matmulTransB(Tensor a, Tensor b) {
        requireMatrices("matmulTransB", a, b);
        int m = a.dim(0);
        int kk = a.dim(1);
        int n = b.dim(0);
        Checks.requireArgument(b.dim(1) == kk, "matmulTransB: shared dimensions differ: %s x %sᵀ (%d != %d)",
                a.shape(), b.shape(), kk, b.dim(1));
        Kernels k = Kernels.get();
        float[] av = a.array();
        float[] bv = b.array();
        float[] c = new float[m * n];
        k.gemmTransB(av, 0, bv, 0, c, 0, m, kk, n);
        return Tensor.result("matmulTransB", Shape.of(m, n), c, (g, gin) -> {
            if (gin[0] != null) {
                k.gemm(g, 0, bv, 0, gin[0], 0, m, n, kk);            // dA[m,k] += dC[m,n]·B[n,k]
            }
            if (gin[1] != null) {
                k.gemmTransA(g, 0, av, 0, gin[1], 0, n, m, kk);      // dB[n,k] += dC[m,n]ᵀ·A[m,k]
            }
        }, a, b);
    }

    /** [m, n] -> [n, m]. */
    public static Tensor transpose(Tensor a) {
        Checks.requireArgument(a.rank() == 2, "transpose: needs a matrix, got %s", a.shape());
        int m = a.dim(0);
        int n = a.dim(1);
        float[] out = transpose(a.array(), m, n);
        return Tensor.result("transpose", Shape.of(n, m), out, (g, gin) -> {
            float[] back = transpose(g, n, m);
            for (int i = 0; i < back.length; i++) {
                gin[0][i] += back[i];
            }
        }, a);
    }

    private static float[] transpose(float[] src, int m, int n) {
        float[] out = new float[src.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[j * m + i] = src[i * n + j];
            }
        }
        return out;
    }

    private static void requireMatrices(String op, Tensor a, Tensor b) {
        Checks.requireArgument(a.rank() == 2 && b.rank() == 2, "%s: needs two matrices, got %s and %s",
                op, a.shape(), b.shape());
    }
}
