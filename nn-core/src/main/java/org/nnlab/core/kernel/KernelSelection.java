package org.nnlab.core.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the kernels once per JVM, in a lazy holder (Lucene's {@code VectorizationProvider} pattern).
 *
 * <p>The choice is logged at DEBUG through {@link System.Logger}; only a fallback to scalar kernels is
 * logged at WARNING, once, naming the fix. The system property {@code nn.kernels} decides:
 * <ul>
 *   <li>{@code auto} (default): the vector kernels if {@code jdk.incubator.vector} is in the boot layer
 *       and they load, else the scalar kernels with one warning that names the fix;</li>
 *   <li>{@code vector}: the vector kernels or an error (for CI and benchmarks, where a silent scalar
 *       run would be a wrong result);</li>
 *   <li>{@code scalar}: the scalar reference kernels.</li>
 * </ul>
 * No Vector API type is touched before the module check: the vector class is loaded by name.
 * {@code nn.threads} (default 1) lets large matrix products on the vector kernels use several threads,
 * with bitwise the same results.
 */
public final class KernelSelection {
    /** The system property that overrides the choice: {@code auto}, {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "nn.kernels";
    static final String VECTOR_CLASS = "org.nnlab.core.kernel.simd.VectorKernels";
    static final String FIX = "Start java or jshell with --add-modules jdk.incubator.vector to enable SIMD";

    private static final System.Logger LOG = System.getLogger(KernelSelection.class.getName());
    static final Kernels KERNELS = choose(System.getProperty(PROPERTY, "auto"));

    private KernelSelection() {
    }

    /** The scalar reference kernels. */
    public static Kernels scalar() {
        return ScalarHolder.SCALAR;
    }

    /** The vector kernels, or empty when the Vector API is not available in this JVM. */
    public static Optional<Kernels> vector() {
        return VectorHolder.VECTOR;
    }

    /** The system property that lets large matrix products use several threads (default 1). */
    public static final String THREADS_PROPERTY = "nn.threads";

    /**
     * The thread count for large matrix products, from {@code nn.threads} (default 1).
     *
     * @throws IllegalArgumentException if the property is not an integer >= 1
     */
    public static int threads() {
        String v = System.getProperty(THREADS_PROPERTY, "1").trim();
        try {
            int t = Integer.parseInt(v);
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: must be an integer >= 1, got '%s'",
                THREADS_PROPERTY, v));
    }

    static Kernels choose(String mode) {
        threads();        // a bad nn.threads fails here, not as a silent scalar fallback
        String m = mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "scalar":
                LOG.log(System.Logger.Level.DEBUG, "nnlab kernels: scalar (nn.kernels=scalar)");
                return scalar();
            case "vector": {
                Kernels v = vector().orElseThrow(() -> new IllegalStateException(
                        "nn.kernels=vector: jdk.incubator.vector is not available; " + FIX));
                LOG.log(System.Logger.Level.DEBUG, "nnlab kernels: " + v.name());
                return v;
            }
            case "auto": {
                Optional<Kernels> v = vector();
                if (v.isPresent()) {
                    LOG.log(System.Logger.Level.DEBUG, "nnlab kernels: " + v.get().name());
                    return v.get();
                }
                LOG.log(System.Logger.Level.WARNING, "jdk.incubator.vector is not available; using scalar kernels. " + FIX);
                return scalar();
            }
            default:
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: must be auto, scalar or vector, got '%s'", PROPERTY, mode));
        }
    }

    private static final class ScalarHolder {
        static final Kernels SCALAR = new ScalarKernels();
    }

    private static final class VectorHolder {
        static final Optional<Kernels> VECTOR = loadVector();

        private static Optional<Kernels> loadVector() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return Optional.empty();
            }
            try {
                Class<?> c = Class.forName(VECTOR_CLASS, true, KernelSelection.class.getClassLoader());
                return Optional.of((Kernels) c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.WARNING, "vector kernels failed to load (" + e + "); using scalar kernels");
                return Optional.empty();
            }
        }
    }
}
