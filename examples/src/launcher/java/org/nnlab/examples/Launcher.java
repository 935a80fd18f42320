package org.nnlab.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The entry point of {@code nnlab.jar}, compiled for release 17 so that it loads on any Java >= 17: nnlab
 * needs Java 21 and runs fastest with {@code jdk.incubator.vector}, and {@code java -jar nnlab.jar} should
 * just work on a machine whose default {@code java} is 17.
 *
 * <ul>
 *   <li>On Java >= 21 with the Vector API module already loaded (the user gave {@code --add-modules}), or with
 *       {@code -Dnn.kernels=scalar}: runs {@code Nnlab} in this JVM.</li>
 *   <li>On Java >= 21 without the module: runs {@code Nnlab} in a child JVM of the same Java with
 *       {@code --add-modules jdk.incubator.vector} and this JVM's own options ({@code -Xmx}, {@code -D...}).</li>
 *   <li>On Java 17 to 20: the same, on the newest JDK >= 21 found in {@code $JAVA_HOME} or the standard JVM
 *       folders; if there is none, one line saying what is needed and where it looked, exit status 1.</li>
 * </ul>
 * The child's standard input and output are this process's; its standard error passes through except for
 * the JVM's own start-up line "WARNING: Using incubator modules", which the user did not ask for. SIGINT and
 * SIGTERM reach the child (it cleans up its temporary files) and this process exits with its status.
 * {@code NNLAB_JAVA=/path/to/java} chooses the child's Java.
 */
public final class Launcher {
    private static final int REQUIRED = 21;
    private static final String MODULE = "jdk.incubator.vector";
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + MODULE;
    private static final String MAIN = "org.nnlab.examples.Nnlab";

    private Launcher() {
    }

    /** Runs nnlab here or in a child JVM, as described above. */
    public static void main(String[] args) throws Exception {
        int feature = Runtime.version().feature();
        boolean vector = ModuleLayer.boot().findModule(MODULE).isPresent();
        boolean scalar = "scalar".equalsIgnoreCase(System.getProperty("nn.kernels", "").trim());
        String forced = System.getenv("NNLAB_JAVA");
        if (forced == null && feature >= REQUIRED && (vector || scalar)) {
            Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        Path java;
        if (forced != null && !forced.isBlank()) {
            java = Path.of(forced);
        } else if (feature >= REQUIRED) {
            java = Path.of(System.getProperty("java.home"), "bin", "java");
        } else {
            Optional<Path> found = newestJdk();
            if (found.isEmpty()) {
                System.err.printf("nnlab: needs Java %d or newer; this is Java %d (%s), and no JDK >= %d was found in "
                        + "JAVA_HOME or %s; install one, or run it with /path/to/jdk-21+/bin/java -jar nnlab.jar%n",
                        REQUIRED, feature, System.getProperty("java.home"), REQUIRED, String.join(", ", FOLDERS));
                System.exit(1);
            }
            java = found.get();
        }
        System.exit(relaunch(java, args));
    }

    private static final List<String> FOLDERS = List.of("/usr/lib/jvm", "/usr/java", "/opt/java",
            "/Library/Java/JavaVirtualMachines");

    private static int relaunch(Path java, String[] args) throws IOException, InterruptedException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-javaagent")) {
                command.add(option);              // -Xmx, -D..., -XX:...: the user's own settings
            }
        }
        command.add("--add-modules=" + MODULE);
        command.add("-cp");
        command.add(Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        command.add(MAIN);
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        Thread errors = new Thread(() -> copyErrors(child.getErrorStream(), System.err), "nnlab-stderr");
        errors.start();
        Thread shutdown = new Thread(() -> {
            if (child.isAlive()) {
                // SIGTERM: the child removes its temporary files. Through its handle, because Process.destroy()
                // also closes our end of its pipes, and its last words on stderr would be lost
                child.toHandle().destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                    errors.join(5_000);           // the child's last words ("stopped with ...") reach our stderr
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "nnlab-child");
        Runtime.getRuntime().addShutdownHook(shutdown);
        int status = child.waitFor();
        errors.join();
        System.err.flush();
        return status;
    }

    /** Copies the child's standard error, dropping the JVM's incubator warning from the first line. */
    static void copyErrors(InputStream in, OutputStream out) {
        try {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                first.write(b);
            }
            String line = first.toString(StandardCharsets.UTF_8);
            if (!line.strip().equals(INCUBATOR_WARNING)) {
                out.write(first.toByteArray());
                if (b == '\n') {
                    out.write('\n');
                }
                out.flush();
            }
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private static Optional<Path> newestJdk() throws IOException {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        for (String folder : FOLDERS) {
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
                .max(Comparator.comparingInt(Launcher::feature))
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
