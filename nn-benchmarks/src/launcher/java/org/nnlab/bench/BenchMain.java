package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The entry point of {@code benchmarks.jar}: JMH's own {@code Main}, except that on a JVM older than 21
 * (a machine whose default {@code java} is 17) it runs the forks on the newest JDK >= 21 it finds, in
 * {@code $JAVA_HOME} or the standard JVM folders, so that {@code java -jar benchmarks.jar} just works.
 * An explicit {@code -jvm} always wins. The forks always get {@code --add-modules=jdk.incubator.vector}
 * (through {@code -jvmArgsPrepend}, unless that option is given), because a {@code -jvmArgs} or
 * {@code -jvmArgsAppend} on the command line would otherwise replace the benchmarks' {@code @Fork}
 * arguments and the module with them. Compiled for release 17 so that it loads on such a JVM.
 *
 * <p>{@code java -jar benchmarks.jar report jmh-result.json [peers.json]} prints the ratio tables instead
 * (see {@link BenchReport}); {@code java -jar benchmarks.jar peers} times the peers (see {@link PeerHarness}).
 */
public final class BenchMain {
    private static final int REQUIRED = 21;
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private BenchMain() {
    }

    /** Runs JMH with {@code args}, adding {@code -jvm <jdk >= 21>/bin/java} when this JVM is too old. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("report")) {
            BenchReport.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("peers")) {
            PeerHarness.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        List<String> all = new ArrayList<>(List.of(args));
        int feature = Runtime.version().feature();
        if (feature < REQUIRED && !all.contains("-jvm") && !all.contains("-h") && !all.contains("-l")) {
            Optional<Path> java = newestJdk();
            if (java.isEmpty()) {
                System.err.printf("nnlab benchmarks: this JVM is Java %d and no JDK >= %d was found in JAVA_HOME or "
                        + "/usr/lib/jvm; install one or pass -jvm /path/to/jdk/bin/java%n", feature, REQUIRED);
                System.exit(2);
            }
            System.err.printf("nnlab benchmarks: this JVM is Java %d; forks run on %s%n", feature, java.get());
            all.add(0, java.get().toString());
            all.add(0, "-jvm");
        }
        if (!all.contains("-jvmArgsPrepend")) {
            // a -jvmArgs or -jvmArgsAppend given on the command line replaces @Fork's, module included
            all.add(0, VECTOR_MODULE);
            all.add(0, "-jvmArgsPrepend");
        }
        org.openjdk.jmh.Main.main(all.toArray(new String[0]));
    }

    /** The java to run nnlab with: this JVM's if it is >= 21, else the newest JDK >= 21 found; empty if none. */
    static Optional<Path> javaForForks() throws IOException {
        if (Runtime.version().feature() >= REQUIRED) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        return newestJdk();
    }

    private static Optional<Path> newestJdk() throws IOException {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        for (String folder : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines")) {
            Path dir = Path.of(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.forEach(p -> {
                        homes.add(p);
                        homes.add(p.resolve("Contents/Home"));
                    });
                }
            }
        }
        return homes.stream()
                .filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= REQUIRED)
                .max(Comparator.comparingInt(BenchMain::feature))
                .map(h -> h.resolve("bin/java"));
    }

    /** The feature release from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}), or 0. */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
