package org.nnlab.core.internal.kernel;

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
 * with bitwise the same results; {@code nn.vector.bits} (128, 256 or 512, at most the CPU's width) narrows
 * the vectors.
 *
 * <p>Every property is checked before it is used ({@link #checkProperties()}): a bad value is one
 * {@link IllegalArgumentException} naming the property, the value and the choices, thrown by every call
 * of {@link Kernels#get()} (never an {@code ExceptionInInitializerError}, never a silent default).
 */
public final class KernelSelection {
    /** The system property that overrides the choice: {@code auto}, {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "nn.kernels";
    static final String VECTOR_CLASS = "org.nnlab.core.internal.kernel.simd.VectorKernels";
    static final String FIX = "Start java or jshell with --add-modules jdk.incubator.vector to enable SIMD";

    private static final System.Logger LOG = System.getLogger(KernelSelection.class.getName());
    /** The system property that narrows the vector species: 128, 256 or 512 (default: the CPU's preferred). */
    public static final String BITS_PROPERTY = "nn.vector.bits";

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

    /**
     * Whether the vector kernels warm up on a background thread: {@code nn.warmup}, {@code true} (default) or
     * {@code false}. Only kernels whose vector results are bitwise the scalar ones switch when warm.
     */
    public static final String WARMUP_PROPERTY = "nn.warmup";

    /**
     * {@code nn.warmup} as a boolean (default true).
     *
     * @throws IllegalArgumentException if the property is set to anything but true or false
     */
    public static boolean warmup() {
        String v = System.getProperty(WARMUP_PROPERTY, "true").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "system property %s='%s': must be true or false", WARMUP_PROPERTY, System.getProperty(WARMUP_PROPERTY)));
        };
    }

    /** The system property that lets large matrix products use several threads (default 1). */
    public static final String THREADS_PROPERTY = "nn.threads";
    /** At most this many threads for one product (more only adds start-up cost and memory). */
    public static final int MAX_THREADS = 1024;

    /**
     * The thread count for large matrix products, from {@code nn.threads} (default 1).
     *
     * @throws IllegalArgumentException if the property is not an integer >= 1
     */
    public static int threads() {
        String v = System.getProperty(THREADS_PROPERTY, "1").trim();
        try {
            int t = Integer.parseInt(v);
            if (t >= 1 && t <= MAX_THREADS) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "system property %s='%s': must be an integer from 1 to %d", THREADS_PROPERTY, v, MAX_THREADS));
    }

    /**
     * Checks {@code nn.kernels}, {@code nn.threads}, {@code nn.warmup} and {@code nn.vector.bits} (the width against the CPU's
     * only once the vector kernels load).
     *
     * @throws IllegalArgumentException naming the first bad property, its value and the choices
     */
    public static void checkProperties() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("scalar") && !mode.equals("vector")) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "system property %s='%s': must be auto, scalar or vector", PROPERTY, System.getProperty(PROPERTY)));
        }
        threads();
        vectorBits();
        warmup();
    }

    /**
     * The vector width asked for by {@code nn.vector.bits}: 128, 256 or 512, or 0 when unset (the CPU's own).
     *
     * @throws IllegalArgumentException if the property is set to anything else
     */
    public static int vectorBits() {
        String v = System.getProperty(BITS_PROPERTY);
        if (v == null || v.isBlank()) {
            return 0;
        }
        return switch (v.trim()) {
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "system property %s='%s': must be 128, 256 or 512 (no wider than the CPU's vectors)", BITS_PROPERTY, v));
        };
    }

    /** The kernels for this JVM, chosen once. */
    static Kernels get() {
        Selection s = Chosen.SELECTION;
        if (s.error != null) {
            throw new IllegalArgumentException(s.error.getMessage(), s.error);
        }
        return s.kernels;
    }

    /** The outcome of the one choice: kernels, or the bad property that prevented it. */
    private record Selection(Kernels kernels, RuntimeException error) {
    }

    private static final class Chosen {
        static final Selection SELECTION = select();

        private static Selection select() {
            try {
                return new Selection(choose(System.getProperty(PROPERTY, "auto")), null);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return new Selection(null, e);
            }
        }
    }

    static Kernels choose(String mode) {
        checkProperties();        // a bad property fails here, not as a silent scalar fallback
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
                    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {      // no name, no string, in the usual run
                        LOG.log(System.Logger.Level.DEBUG, "nnlab kernels: " + v.get().name());
                    }
                    return v.get();
                }
                LOG.log(System.Logger.Level.WARNING, "jdk.incubator.vector is not available; using scalar kernels. " + FIX);
                return scalar();
            }
            default:
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "system property %s='%s': must be auto, scalar or vector", PROPERTY, mode));
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
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException bad) {
                    throw bad;                    // nn.vector.bits wider than the CPU's vectors
                }
                LOG.log(System.Logger.Level.WARNING, "vector kernels failed to load (" + e.getCause()
                        + "); using scalar kernels");
                return Optional.empty();
            } catch (ReflectiveOperationException | LinkageError | UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.WARNING, "vector kernels failed to load (" + e + "); using scalar kernels");
                return Optional.empty();
            }
        }
    }
}
