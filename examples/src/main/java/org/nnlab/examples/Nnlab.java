package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.nnlab.core.Compute;

/**
 * The {@code nnlab.jar} command line: {@code java -jar nnlab.jar <subcommand> ...} (on Java 17 the jar's
 * launcher finds a JDK >= 21 and runs there). Exit status: 0 done (a run that diverges is done, and says so),
 * 1 a failure of the environment (a file that cannot be read or written, an OutOfMemoryError), 2 bad usage
 * (including a size refused up front because it would not fit the heap); 1 and 2 print exactly one line on
 * standard error and never a stack trace (set {@code -Dnnlab.debug=true} for one).
 */
@Command(name = "nnlab", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        subcommands = {PlaygroundCommand.class, GanLabCommand.class, ShapeShopCommand.class, SweepCommand.class,
            DiagramCommand.class, LiveCommand.class},
        description = "TensorFlow Playground, GAN Lab and ShapeShop on the JVM: train, write JSON and pictures.",
        footer = {"", "Exit status: 0 done (also when training diverged: the JSON says so), 1 a file or memory failure, "
                + "2 bad usage.", "Run 'nnlab <subcommand> --help' for a subcommand's options."})
public final class Nnlab implements Runnable {
    /** The subcommands, for messages. */
    static final String SUBCOMMANDS = "playground, ganlab, shapeshop, sweep, diagram, live";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs a subcommand and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand; returns the exit status (0 ok, 1 failure, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Nnlab());
        cli.setOut(o).setErr(e).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((ex, a) -> {
                    CommandLine where = ex.getCommandLine();
                    String name = where.getCommandSpec().qualifiedName();
                    String message = ex.getMessage();
                    if (ex instanceof CommandLine.UnmatchedArgumentException u && where.getParent() == null
                            && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                        message = "unknown subcommand '" + u.getUnmatched().get(0) + "'; choose one of " + SUBCOMMANDS;
                    }
                    e.println(oneLine(name + ": " + message) + " (see '" + name + " --help')");
                    return 2;
                })
                .setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, c.getCommandSpec().qualifiedName(), e));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError ex) {
            return failure(ex, "nnlab", e);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** One line on standard error for a failure, and its exit status. */
    static int failure(Throwable ex, String command, PrintWriter err) {
        int status;
        String message;
        if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            status = 2;
            message = ex.getMessage();
        } else if (ex instanceof IOException) {
            status = 1;
            message = ex.getMessage();
        } else if (ex instanceof OutOfMemoryError) {
            status = 1;
            message = "out of memory (" + org.nnlab.core.Memory.size(Runtime.getRuntime().maxMemory())
                    + " heap); start java with a larger -Xmx or make the run smaller";
        } else {
            status = 1;
            message = "internal error: " + ex;
        }
        if (Boolean.getBoolean("nnlab.debug")) {
            ex.printStackTrace(err);
        }
        err.println(oneLine(command + ": " + message));
        return status;
    }

    /** A message on one line: line breaks and tabs become spaces. */
    static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; choose one of " + SUBCOMMANDS);
    }

    /** {@code --version}: the release, the Java running it and the kernels. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Nnlab.class.getPackage().getImplementationVersion();
            String kernels;
            try {
                kernels = Compute.kernels();
            } catch (IllegalArgumentException | IllegalStateException e) {
                kernels = "none (" + e.getMessage() + ")";
            }
            return new String[] {"nnlab " + (v != null ? v : "(development build)"), "Java " + Runtime.version() + " ("
                    + System.getProperty("java.home") + "), kernels " + kernels};
        }
    }
}
