package org.nnlab.examples;

import java.awt.Desktop;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.live.Live;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab live}: a session on a live page in the browser, served until Ctrl-C. For now the Playground page
 * ({@code nnlab live playground}); the page's address carries Playground's hash.
 */
@Command(name = "live", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        description = "Serves a session on a live page in your browser (127.0.0.1 only): train, pause and change "
                + "settings there, with every number computed here in Java. Stops on Ctrl-C.",
        subcommands = LiveCommand.PlaygroundPage.class)
final class LiveCommand implements Runnable {
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "live needs a page: nnlab live playground [--state URL-OR-HASH] [--port N] [--no-browser]");
    }

    /** {@code nnlab live playground}. */
    @Command(name = "playground", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
            sortOptions = false,
            description = "Opens TensorFlow Playground's page on a session trained here: play, step, reset, the data "
                    + "sets, features, layers and neurons, learning rate, activation, regularization.",
            footer = {"", "Example: nnlab live playground --state 'https://playground.tensorflow.org/#seed=0.12345"
                    + "&dataset=spiral'"})
    static final class PlaygroundPage extends Subcommand {
        @Option(names = "--state", paramLabel = "URL-OR-HASH", defaultValue = "seed=0.12345",
                description = "a Playground URL, its #hash, or key=value&... (default: Playground's defaults, seed 0.12345)")
        String state;

        @Option(names = "--port", paramLabel = "N", defaultValue = "0",
                description = "the port on 127.0.0.1, 1..65535 (default: a free one)")
        int port;

        @Option(names = "--no-browser", description = "only print the address; do not open a browser")
        boolean noBrowser;

        @Override
        int run() throws Exception {
            if (port < 0 || port > 65_535) {
                throw usage("--port must be 0 (a free port) or 1..65535, got " + port);
            }
            PlaygroundState.Reading reading = PlaygroundState.read(state);
            for (PlaygroundState.Issue issue : reading.issues()) {
                if (issue.kind() == PlaygroundState.Issue.Kind.NOT_A_NUMBER) {
                    throw usage("--state: " + issue.message());
                }
                warn("--state: " + issue.message());
            }
            PlaygroundState parsed = reading.state().seed().isEmpty() ? reading.state().withSeed("0.12345")
                    : reading.state();
            PlaygroundSession session;
            try {
                session = PlaygroundSession.load(parsed);
            } catch (IllegalArgumentException e) {
                throw usage("--state: " + e.getMessage());
            }
            Live live;
            try {
                live = Live.open(session, port);
            } catch (IllegalArgumentException e) {
                throw usage("--state: " + e.getMessage());
            } catch (java.io.UncheckedIOException e) {
                throw new java.io.IOException("--port " + port + ": cannot listen on 127.0.0.1:" + port + ": "
                        + e.getCause().getMessage(), e);   // exit status 1, one line
            }
            Runtime.getRuntime().addShutdownHook(new Thread(live::close, "nnlab-live-close"));
            URI page = URI.create(live.url() + "#" + parsed.toHash());
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
}
