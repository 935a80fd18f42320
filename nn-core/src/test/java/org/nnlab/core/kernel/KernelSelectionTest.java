package org.nnlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The kernels in use are the ones the build asked for, so a silent scalar fallback cannot pass as a vector run. */
class KernelSelectionTest {

    @Test
    void runsOnTheRequestedKernels() {
        String requested = System.getProperty(KernelSelection.PROPERTY, "auto");
        String name = Kernels.get().name();
        switch (requested) {
            case "scalar" -> assertThat(name).isEqualTo("scalar");
            case "vector" -> assertThat(name).startsWith("vector(S_");
            default -> assertThat(name).isIn("scalar", KernelSelection.vector().map(Kernels::name).orElse("scalar"));
        }
    }

    @Test
    void unknownModeIsRejectedWithTheValidValues() {
        assertThatThrownBy(() -> KernelSelection.choose("gpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nn.kernels: must be auto, scalar or vector, got 'gpu'");
    }

    @Test
    void explicitChoicesResolve() {
        assertThat(KernelSelection.choose("scalar").name()).isEqualTo("scalar");
        assertThat(KernelSelection.choose(" Auto ").name()).isNotEmpty();
    }
}
