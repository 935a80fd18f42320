package org.nnlab.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code nnlab.jar} in a child JVM, as a user does: {@code java [jvm options] -jar nnlab.jar
 * args...}, with a time limit, keeping what it printed. Used by the *IT tests, which run after packaging.
 */
final class ChildCli {
    /** The packaged jar (set by failsafe). */
    static final Path JAR = Path.of(System.getProperty("nnlab.jar", "target/nnlab.jar")).toAbsolutePath();
    /** The JDK running the tests (>= 21). */
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** What a run did. */
    record Result(int status, String out, String err, long millis, boolean timedOut) {
        /** Standard error's lines. */
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + status + (timedOut ? " (timed out)" : "") + " in " + millis + " ms\nstdout: " + out
                    + "\nstderr: " + err;
        }
    }

    private ChildCli() {
    }

    /** {@code java jvmOptions -jar nnlab.jar args} in {@code dir}, killed after {@code seconds}. */
    static Result run(Path dir, List<String> jvmOptions, int seconds, String... args) throws IOException,
            InterruptedException {
        return run(JAVA, dir, jvmOptions, seconds, args);
    }

    /** As {@link #run(Path, List, int, String...)} on the given {@code java}. */
    static Result run(Path java, Path dir, List<String> jvmOptions, int seconds, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return start(dir, command, seconds);
    }

    /** Starts {@code command} in {@code dir} and waits up to {@code seconds}. */
    static Result start(Path dir, List<String> command, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nnlab-out", ".txt");
        Path err = Files.createTempFile("nnlab-err", ".txt");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Result(finished ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), ms, !finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
