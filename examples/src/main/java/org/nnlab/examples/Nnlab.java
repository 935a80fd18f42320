package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code nnlab.jar} command line: {@code java --add-modules jdk.incubator.vector -jar nnlab.jar
 * <subcommand> ...}. Bad arguments print one line and exit with 2; a failed write exits with 1.
 */
public final class Nnlab {
    private Nnlab() {
    }

    /** Runs a subcommand and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand; returns the exit status (0 ok, 1 failure, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println("usage: " + PlaygroundCommand.USAGE);
            out.println("       " + GanLabCommand.USAGE);
            out.println("       " + ShapeShopCommand.USAGE);
            out.println("       " + DiagramCommand.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            String usage = switch (args[0]) {
                case "playground" -> PlaygroundCommand.USAGE;
                case "ganlab" -> GanLabCommand.USAGE;
                case "shapeshop" -> ShapeShopCommand.USAGE;
                case "diagram" -> DiagramCommand.USAGE;
                default -> null;
            };
            if (usage != null) {
                out.println("usage: " + usage);
                return 0;
            }
        }
        try {
            return switch (args[0]) {
                case "playground" -> PlaygroundCommand.run(rest, out);
                case "ganlab" -> GanLabCommand.run(rest, out);
                case "shapeshop" -> ShapeShopCommand.run(rest, out);
                case "diagram" -> DiagramCommand.run(rest, out);
                default -> throw new UsageException("nnlab: unknown subcommand '" + args[0]
                        + "'; available: playground, ganlab, shapeshop, diagram");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("nnlab: " + e.getMessage());
            return 1;
        }
    }
}
