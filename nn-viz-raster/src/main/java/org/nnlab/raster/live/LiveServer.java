package org.nnlab.raster.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.nnlab.core.io.JsonWriter;

/**
 * The HTTP side of a live page, on the JDK's own server: 127.0.0.1 only, every request through {@link Guard},
 * the page's files from this package's resources, its newest frame, a stream of server-sent events that says
 * when a new frame is ready, and the controls.
 *
 * <pre>
 * GET  /TOKEN/              the page (playground.html, ganlab.html or shapeshop.html), and its files by name
 *                           (live.css, live.js, playground.js, ...) and pictures (ShapeShop's shape buttons)
 * GET  /TOKEN/frame.png     the newest frame's picture
 * GET  /TOKEN/NAME.png      a part of the newest frame (GAN Lab's overview.png, charts.png)
 * GET  /TOKEN/state         the newest frame's numbers: {"version": n, "state": {...}, "parts": {NAME: version}}
 * GET  /TOKEN/events        text/event-stream: one "frame" event per new frame, with /state's body
 * POST /TOKEN/control       application/x-www-form-urlencoded: action=... (see the page); 204, or 400 and the reason
 * </pre>
 */
final class LiveServer implements AutoCloseable {
    /** The most event streams open at once (each holds a thread); more get 503. */
    static final int MAX_STREAMS = 8;
    /** Threads for requests: the streams, and a few for everything else. */
    static final int THREADS = MAX_STREAMS + 4;
    /** A comment on idle event streams this often, so that a closed browser is noticed. */
    static final long HEARTBEAT_MILLIS = 10_000;

    private static final String SECURITY_HEADERS_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * The JDK server's switch for TCP_NODELAY on its connections, off by default: with it off, a response whose last
     * segment is small waits for the browser's delayed acknowledgement (Nagle's algorithm meeting delayed ACKs), and
     * a 40 KB frame took 42 ms to arrive instead of 2, which halved GAN Lab's frame rate once its picture had become
     * simple. Read once, when the JVM's first {@link HttpServer} is made; a value the user set is kept.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final LivePage<?> page;
    private final HttpServer http;
    private final ExecutorService pool;
    private final Guard guard;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final AtomicInteger threadNumber = new AtomicInteger();

    /**
     * Starts serving {@code page} on 127.0.0.1.
     *
     * @param port 0 for a free port, else 1..65535
     * @throws IOException if the port cannot be bound (in use, or not allowed)
     */
    LiveServer(LivePage<?> page, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Live.open: port " + port + " must be 0 (a free port) or 1..65535");
        }
        this.page = page;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.guard = new Guard(Guard.newToken(new SecureRandom()), http.getAddress().getPort());
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "nnlab-live-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The page's address: {@code http://127.0.0.1:PORT/TOKEN/}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/" + guard.token() + "/");
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            URI uri = ex.getRequestURI();
            String method = ex.getRequestMethod();
            Guard.Refusal refusal = guard.check(method, uri.getRawPath(), uri.toString().length(),
                    ex.getRequestHeaders().getFirst("Host"), ex.getRequestHeaders().getFirst("Origin"),
                    ex.getRequestHeaders().getFirst("Content-Length"));
            if (refusal != null) {
                text(ex, refusal.status(), refusal.reason());
                return;
            }
            String rest = uri.getRawPath().substring(1 + guard.token().length());
            switch (rest) {
                case "" -> {
                    ex.getResponseHeaders().set("Location", "/" + guard.token() + "/");
                    send(ex, 308, "text/plain; charset=utf-8", new byte[0]);
                }
                case "/" -> resource(ex, method, page.html());
                case "/frame.png" -> {
                    if (get(ex, method)) {
                        FrameBox.Frame f = page.frames().latest();
                        send(ex, 200, "image/png", f.png());
                        page.frames().taken(f.version());
                    }
                }
                case "/state" -> {
                    if (get(ex, method)) {
                        send(ex, 200, "application/json", state(page.frames().latest()).getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/events" -> {
                    if (get(ex, method)) {
                        events(ex);
                    }
                }
                case "/control" -> control(ex, method);
                default -> resource(ex, method, rest.substring(1));
            }
        } catch (IOException e) {
            // the browser went away
        } catch (RuntimeException e) {
            try {
                text(ex, 500, "internal error: " + e);
            } catch (IOException ignored) {
                // the browser went away
            }
        }
    }

    /** {"version": n, "state": {...}, "parts": {"name": version, ...}}: the frame's numbers and what to load. */
    private static String state(FrameBox.Frame f) {
        StringBuilder b = new StringBuilder("{\"version\":").append(f.version()).append(",\"state\":").append(f.json())
                .append(",\"parts\":{");
        String comma = "";
        for (Map.Entry<String, FrameBox.Panel> e : f.parts().entrySet()) {
            b.append(comma).append(JsonWriter.quoted(e.getKey())).append(':').append(e.getValue().version());
            comma = ",";
        }
        return b.append("}}").toString();
    }

    private boolean get(HttpExchange ex, String method) throws IOException {
        if (!method.equals("GET")) {
            ex.getResponseHeaders().set("Allow", "GET");
            text(ex, 405, method + " is not allowed here; use GET");
            return false;
        }
        return true;
    }

    /** One of the page's own files, by a name from its fixed list: a request never names a file to read. */
    private void resource(HttpExchange ex, String method, String name) throws IOException {
        String type = page.resources().get(name);
        byte[] picture = type == null ? page.picture(name) : null;
        if (type == null && picture == null && name.endsWith(".png")) {          // a part of the newest frame
            FrameBox.Panel part = page.frames().latest().parts().get(name.substring(0, name.length() - 4));
            picture = part == null ? null : part.png();
        }
        if (type == null && picture == null) {
            text(ex, 404, "no such file: " + name);
            return;
        }
        if (!get(ex, method)) {
            return;
        }
        if (picture != null) {
            send(ex, 200, "image/png", picture);
            return;
        }
        try (InputStream in = LiveServer.class.getResourceAsStream(name)) {
            if (in == null) {
                text(ex, 500, "the page's file " + name + " is missing from the jar");
                return;
            }
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private void events(HttpExchange ex) throws IOException {
        if (!streams.tryAcquire()) {
            text(ex, 503, "already " + MAX_STREAMS + " event streams open; close a tab");
            return;
        }
        page.frames().watch(true);
        try {
            headers(ex, "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long seen = -1;
            while (!page.frames().closed()) {
                FrameBox.Frame f = page.frames().awaitNewer(seen, HEARTBEAT_MILLIS);
                if (f.version() > seen && f.version() > 0) {
                    out.write(("event: frame\ndata: " + state(f) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    seen = f.version();
                } else {
                    out.write(": idle\n\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();                       // throws once the browser has gone: the stream ends
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            page.frames().watch(false);
            streams.release();
        }
    }

    private void control(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            text(ex, 405, method + " is not allowed here; use POST");
            return;
        }
        byte[] body = ex.getRequestBody().readNBytes(Guard.MAX_BODY + 1);
        if (body.length > Guard.MAX_BODY) {
            text(ex, 413, "the body has more than " + Guard.MAX_BODY + " bytes");
            return;
        }
        Map<String, String> form;
        try {
            form = form(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            text(ex, 400, "the body is not a form: " + e.getMessage());
            return;
        }
        try {
            page.control(form);
            send(ex, 204, "text/plain; charset=utf-8", new byte[0]);
        } catch (IllegalArgumentException | IllegalStateException e) {
            text(ex, 400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            text(ex, 503, "the server is closing");
        }
    }

    /** {@code a=1&b=x%20y} as a map; the last of repeated names wins. */
    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    private static void headers(HttpExchange ex, String type) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", SECURITY_HEADERS_CSP);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        headers(ex, type);
        boolean empty = body.length == 0 || status == 204 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void text(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Stops the server: open streams end, no thread or socket is left. */
    @Override
    public void close() {
        page.frames().close();
        http.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every request thread has ended (for tests). */
    boolean stopped() {
        return pool.isTerminated();
    }
}
