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
    void badThreadCountIsRejectedWithTheValidRange() {
        String before = System.getProperty(KernelSelection.THREADS_PROPERTY);
        try {
            System.setProperty(KernelSelection.THREADS_PROPERTY, "0");
            assertThatThrownBy(KernelSelection::threads).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nn.threads: must be an integer >= 1, got '0'");
            System.setProperty(KernelSelection.THREADS_PROPERTY, "two");
            assertThatThrownBy(() -> KernelSelection.choose("auto")).hasMessage("nn.threads: must be an integer >= 1, got 'two'");
            System.setProperty(KernelSelection.THREADS_PROPERTY, "2");
            assertThat(KernelSelection.threads()).isEqualTo(2);
        } finally {
            if (before == null) {
                System.clearProperty(KernelSelection.THREADS_PROPERTY);
            } else {
                System.setProperty(KernelSelection.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void explicitChoicesResolve() {
        assertThat(KernelSelection.choose("scalar").name()).isEqualTo("scalar");
        assertThat(KernelSelection.choose(" Auto ").name()).isNotEmpty();
    }
}
