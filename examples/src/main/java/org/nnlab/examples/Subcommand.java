package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.nnlab.raster.AtomicFiles;
import picocli.CommandLine;
import org.nnlab.core.Compute;

/**
 * What every subcommand does before its work: the system properties are checked (one line naming a bad
 * one), and every output path is checked (its folder exists and is writable, no two outputs are the same
 * file), so that a bad path fails in a second, not after the training.
 */
abstract class Subcommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try {
            Compute.checkProperties();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return run();
    }

    /** The subcommand's work; returns the exit status. */
    abstract int run() throws Exception;

    /** Standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error, for progress and warnings. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A warning on standard error, prefixed with the command's name. */
    void warn(String message) {
        err().println(spec.qualifiedName() + ": warning: " + Nnlab.oneLine(message));
        err().flush();
    }

    /** A bad value found after parsing, as picocli reports its own (exit status 2). */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Checks the outputs given (nulls are skipped): each writable, none the same file as another, none the
     * same file as an input.
     *
     * @throws IOException naming the path and the reason (exit status 1)
     */
    void checkOutputs(List<Path> inputs, Path... outputs) throws IOException {
        List<Path> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : outputs) {
            if (p == null) {
                continue;
            }
            AtomicFiles.checkWritable(p);
            Path real = AtomicFiles.followLinks(p).normalize();
            for (int i = 0; i < seen.size(); i++) {
                if (same(seen.get(i), real)) {
                    throw usage("the outputs " + names.get(i) + " and " + p + " are the same file; give each its own");
                }
            }
            for (Path in : inputs) {
                if (in != null && same(AtomicFiles.followLinks(in).normalize(), real)) {
                    throw usage("the output " + p + " is also the input " + in + "; writing it would destroy the input");
                }
            }
            seen.add(real);
            names.add(p.toString());
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
