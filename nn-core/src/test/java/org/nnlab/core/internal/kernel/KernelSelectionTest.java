package org.nnlab.core.internal.kernel;

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
                .hasMessage("system property nn.kernels='gpu': must be auto, scalar or vector");
    }

    @Test
    void badThreadCountIsRejectedWithTheValidRange() {
        String before = System.getProperty(KernelSelection.THREADS_PROPERTY);
        try {
            System.setProperty(KernelSelection.THREADS_PROPERTY, "0");
            assertThatThrownBy(KernelSelection::threads).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("system property nn.threads='0': must be an integer from 1 to 1024");
            System.setProperty(KernelSelection.THREADS_PROPERTY, "two");
            assertThatThrownBy(() -> KernelSelection.choose("auto")).hasMessage("system property nn.threads='two': must be an integer from 1 to 1024");
            System.setProperty(KernelSelection.THREADS_PROPERTY, "2");
            String bits = System.getProperty(KernelSelection.BITS_PROPERTY);
            System.setProperty(KernelSelection.BITS_PROPERTY, "64");
            assertThatThrownBy(KernelSelection::checkProperties).hasMessage("system property nn.vector.bits='64': must be "
                    + "128, 256 or 512 (no wider than the CPU's vectors)");
            if (bits == null) {
                System.clearProperty(KernelSelection.BITS_PROPERTY);
            } else {
                System.setProperty(KernelSelection.BITS_PROPERTY, bits);
            }
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
    void badWarmupIsRejectedWithTheChoices() {
        String before = System.getProperty(KernelSelection.WARMUP_PROPERTY);
        try {
            System.setProperty(KernelSelection.WARMUP_PROPERTY, "yes");
            assertThatThrownBy(KernelSelection::checkProperties).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("system property nn.warmup='yes': must be true or false");
            System.setProperty(KernelSelection.WARMUP_PROPERTY, " FALSE ");
            assertThat(KernelSelection.warmup()).isFalse();
            System.clearProperty(KernelSelection.WARMUP_PROPERTY);
            assertThat(KernelSelection.warmup()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(KernelSelection.WARMUP_PROPERTY);
            } else {
                System.setProperty(KernelSelection.WARMUP_PROPERTY, before);
            }
        }
    }

    @Test
    void explicitChoicesResolve() {
        assertThat(KernelSelection.choose("scalar").name()).isEqualTo("scalar");
        assertThat(KernelSelection.choose(" Auto ").name()).isNotEmpty();
    }
}
