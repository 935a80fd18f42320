package org.nnlab.examples;

import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.TrainingClass;
import org.nnlab.core.Rng;
import org.nnlab.core.io.TextFiles;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.live.Live;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab live}: a session on a live page in the browser, served until Ctrl-C: {@code playground} (the
 * address carries Playground's hash), {@code ganlab} and {@code shapeshop}.
 */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        description = "Serves a session on a live page in your browser (127.0.0.1 only): train, pause and change "
                + "settings there, with every number computed here in Java. Stops on Ctrl-C.",
        subcommands = {LiveCommand.PlaygroundPage.class, LiveCommand.GanLabPage.class, LiveCommand.ShapeShopPage.class})
final class LiveCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "live needs a page: nnlab live playground|ganlab|shapeshop [--port N] [--no-browser] (see --help)");
    }

    /** What the three pages share: the port, the browser, serving until Ctrl-C. */
    abstract static class Page extends Subcommand {
        @Option(names = "--port", paramLabel = "N", defaultValue = "0",
                description = "the port on 127.0.0.1, 1..65535 (default: a free one)")
        int port;

        @Option(names = "--no-browser", description = "only print the address; do not open a browser")
        boolean noBrowser;

        /** Opens the page on {@code port}; a bad setting is a usage error naming its option. */
        abstract Live<?> open(int port) throws Exception;

        /** What follows the page's address (Playground's hash), or "". */
        String fragment() {
            return "";
        }

        @Override
        final int run() throws Exception {
            if (port < 0 || port > 65_535) {
                throw usage("--port must be 0 (a free port) or 1..65535, got " + port);
            }
            Live<?> live;
            try {
                live = open(port);
            } catch (UncheckedIOException e) {
                throw new IOException("--port " + port + ": cannot listen on 127.0.0.1:" + port + ": "
                        + e.getCause().getMessage(), e);   // exit status 1, one line
            }
            Runtime.getRuntime().addShutdownHook(new Thread(live::close, "nnlab-live-close"));
            URI page = URI.create(live.url() + fragment());
            out().println("nnlab live: " + page);
            out().println("(the page trains here, in this process; Ctrl-C stops it)");
            out().flush();
            if (!noBrowser) {
                browse(page);
            }
            new CountDownLatch(1).await();           // until Ctrl-C or SIGTERM: the hook closes the server
            return 0;
        }

        /** Opens the default browser if this machine has a desktop; says so otherwise. */
        private void browse(URI page) {
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(page);
                    return;
                }
            } catch (Exception | LinkageError e) {
                // no usable desktop: fall through
            }
            err().println("nnlab live: no desktop browser to open here; open the address above yourself");
            err().flush();
        }
    }

    /** {@code nnlab live playground}. */
    @Command(name = "playground", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
            sortOptions = false,
            description = "Opens TensorFlow Playground's page on a session trained here: play, step, reset, the data "
                    + "sets, features, layers and neurons, learning rate, activation, regularization.",
            footer = {"", "Example: nnlab live playground --state 'https://playground.tensorflow.org/#seed=0.12345"
                    + "&dataset=spiral'"})
    static final class PlaygroundPage extends Page {
        @Option(names = "--state", paramLabel = "URL-OR-HASH", defaultValue = "seed=0.12345",
                description = "a Playground URL, its #hash, or key=value&... (default: Playground's defaults, seed 0.12345)")
        String state;

        private PlaygroundState parsed;

        @Override
        Live<?> open(int port) {
            PlaygroundState.Reading reading = PlaygroundState.read(state);
            for (PlaygroundState.Issue issue : reading.issues()) {
                if (issue.kind() == PlaygroundState.Issue.Kind.NOT_A_NUMBER) {
                    throw usage("--state: " + issue.message());
                }
                warn("--state: " + issue.message());
            }
            parsed = reading.state().seed().isEmpty() ? reading.state().withSeed("0.12345") : reading.state();
            try {
                return Live.open(PlaygroundSession.load(parsed), port);
            } catch (IllegalArgumentException e) {
                throw usage("--state: " + e.getMessage());
            }
        }

        @Override
        String fragment() {
            return "#" + parsed.toHash();
        }
    }

    /** {@code nnlab live ganlab}. */
    @Command(name = "ganlab", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
            sortOptions = false,
            description = "Opens GAN Lab's page on a session trained here: play, one epoch, the discriminator-only "
                    + "and generator-only steps, slow motion, the layers shown, learning rates, optimizers, loss, "
                    + "kD and kG, noise, the distributions (and drawing one), the overview graph and the charts.",
            footer = {"", "Example: nnlab live ganlab --dataset ring"})
    static final class GanLabPage extends Page {
        @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "gaussians",
                description = "line, gaussians, ring or disjoint: the distribution, with its preset unless --config "
                        + "is given (default: ${DEFAULT-VALUE}, GAN Lab's start-up)")
        String dataset;

        @Option(names = "--config", paramLabel = "FILE", description = "hyperparameters as JSON with GAN Lab's names "
                + "(as nnlab ganlab --config)")
        Path config;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "the seed of every random draw (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        Live<?> open(int port) throws IOException {
            RealData data;
            try {
                data = RealData.named(dataset);
            } catch (IllegalArgumentException e) {
                throw usage("--dataset: " + e.getMessage());
            }
            GanConfig cfg = GanConfig.preset(dataset);
            if (config != null) {
                String text;
                try {
                    text = TextFiles.readUtf8(config);
                } catch (IOException e) {
                    throw new IOException("--config: " + e.getMessage(), e);      // exit status 1, one line
                }
                try {
                    cfg = GanConfig.fromJson(text);
                } catch (IllegalArgumentException e) {
                    throw usage("--config " + config + ": " + e.getMessage());
                }
            }
            GanSession session;
            try {
                session = GanSession.create(data, cfg, Rng.seeded(seed));
            } catch (IllegalArgumentException e) {
                throw usage("--config " + config + ": " + e.getMessage());
            }
            return Live.open(session, port);
        }
    }

    /** {@code nnlab live shapeshop}. */
    @Command(name = "shapeshop", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
            sortOptions = false,
            description = "Opens ShapeShop's page: pick classes by clicking shapes (or draw one), choose MLP or CNN, "
                    + "epochs, initial image and step, train, and see each class's generated image and |r|.",
            footer = {"", "Example: nnlab live shapeshop --classes box,circle,tri --model mlp"})
    static final class ShapeShopPage extends Page {
        @Option(names = "--classes", split = ",", paramLabel = "NAME", defaultValue = "box,line,circle,tri",
                description = "the classes picked at the start (default: ${DEFAULT-VALUE})")
        List<String> classes;

        @Option(names = "--model", paramLabel = "mlp|cnn", defaultValue = "mlp", description = "the classifier (default: "
                + "${DEFAULT-VALUE})")
        String model;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "50", description = "training epochs, 1..1000 "
                + "(default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--seed", paramLabel = "K", defaultValue = "1", description = "the seed of every random draw "
                + "(default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        Live<?> open(int port) {
            if (epochs < 1 || epochs > 1000) {
                throw usage("--epochs must be 1..1000, got " + epochs);
            }
            List<TrainingClass> list = new ArrayList<>();
            for (String name : classes) {
                try {
                    list.add(ShapeClass.ofName(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw usage("--classes: " + e.getMessage());
                }
            }
            Architecture architecture;
            try {
                architecture = Architecture.ofName(model);
            } catch (IllegalArgumentException e) {
                throw usage("--model: " + e.getMessage());
            }
            if (list.size() < 2) {
                throw usage("--classes: needs at least 2 classes, got " + list.size());
            }
            return Live.open(new ShapeShop.Config(list, architecture, epochs, InitialImage.ZEROS, 0.005, seed, 10_000),
                    port);
        }
    }
}
