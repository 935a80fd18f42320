package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/**
 * The live Playground page driven over HTTP as a browser drives it: the page and its files, frames (decoded by
 * ImageIO, numbers read by Jackson), every kind of control, bad values, and the guard against other sites and
 * other users; after {@code close()} no thread is left and the session is the program's again.
 */
class LiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "seed=0.12345&dataset=circle&networkShape=4,2&learningRate=0.03";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlaygroundSession session;
    private Live<PlaygroundSession> live;
    private URI url;
    private String origin;

    @BeforeEach
    void open() {
        session = PlaygroundSession.load(PlaygroundState.parse(HASH));
        live = Live.open(session, 0);
        url = live.url();
        origin = "http://127.0.0.1:" + url.getPort();
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void servesThePageOnLoopbackBehindA128BitToken() throws Exception {
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPath()).matches("/[0-9a-f]{32}/");
        HttpResponse<String> page = get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(page.body()).contains("playground.js", "live.css");
        assertThat(get("playground.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(get("live.css").statusCode()).isEqualTo(200);
        assertThat(get("Live.class").statusCode()).isEqualTo(404);
        assertThat(get("..%2F..%2Fpom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void framesArePngsOfTheSizeTheNumbersSay() throws Exception {
        JsonNode state = awaitState(s -> s.path("version").asLong() >= 1);
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(url.resolve("frame.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image).isNotNull();
        JsonNode numbers = awaitState(s -> s.path("version").asLong() >= 1).path("state");
        assertThat(image.getWidth()).isEqualTo(numbers.path("width").asInt());
        assertThat(image.getHeight()).isEqualTo(numbers.path("height").asInt());
        assertThat(state.path("state").path("hash").asText()).isEqualTo(session.state().toHash());
    }

    @Test
    void stepPlayAndPauseTrainOnTheSessionsThread() throws Exception {
        assertThat(post("action=step").statusCode()).isEqualTo(204);
        assertThat(live.with(PlaygroundSession::epoch)).isEqualTo(1);
        awaitState(s -> s.path("state").path("epoch").asInt() == 1);
        assertThat(post("action=play").statusCode()).isEqualTo(204);
        JsonNode playing = awaitState(s -> s.path("state").path("epoch").asInt() > 20);
        assertThat(playing.path("state").path("playing").asBoolean()).isTrue();
        assertThat(post("action=pause").statusCode()).isEqualTo(204);
        int paused = live.with(PlaygroundSession::epoch);
        Thread.sleep(200);
        assertThat(live.with(PlaygroundSession::epoch)).as("no training while paused").isEqualTo(paused);
        live.train(10);
        assertThat(live.with(PlaygroundSession::epoch)).isEqualTo(paused + 10);
        awaitState(s -> s.path("state").path("epoch").asInt() == paused + 10);
    }

    @Test
    void aNewLearningRateAppliesToTheRunningNetworkAndOtherChangesReload() throws Exception {
        live.train(5);
        assertThat(change("learningRate=0.1").statusCode()).isEqualTo(204);
        assertThat(live.<Double>with(s -> s.state().learningRate())).isEqualTo(0.1);
        assertThat(live.with(PlaygroundSession::epoch)).as("not reset").isEqualTo(5);
        assertThat(change("discretize=true").statusCode()).isEqualTo(204);
        assertThat(live.<Boolean>with(s -> s.state().discretize())).isTrue();
        assertThat(live.with(PlaygroundSession::epoch)).as("not reset").isEqualTo(5);

        assertThat(change("dataset=spiral").statusCode()).isEqualTo(204);
        assertThat(live.with(PlaygroundSession::epoch)).as("a new session").isZero();
        String hash = live.with(s -> s.state().toHash());
        assertThat(hash).contains("dataset=spiral", "learningRate=0.1", "discretize=true", "seed=0.12345");
        PlaygroundSession same = PlaygroundSession.load(PlaygroundState.parse(hash));
        assertThat(live.<double[][]>with(s -> s.network().weightMatrices())).as("what opening that address gives")
                .isEqualTo(same.network().weightMatrices());
        assertThat(change("networkShape=4,3,2").statusCode()).isEqualTo(204);
        assertThat(live.<List<Double>>with(s -> s.state().networkShape())).containsExactly(4.0, 3.0, 2.0);
    }

    @Test
    void badValuesGetTheLibrarysMessageAndLeaveTheSessionAsItWas() throws Exception {
        live.train(3);
        String before = live.with(s -> s.state().toHash());
        HttpResponse<String> nan = change("learningRate=abc");
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(nan.body()).contains("learningRate", "abc");
        HttpResponse<String> activation = change("activation=banana");
        assertThat(activation.statusCode()).isEqualTo(400);
        assertThat(activation.body()).contains("activation", "banana");
        HttpResponse<String> huge = change("networkShape=5000,5000,5000");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("networkShape", "5000");
        HttpResponse<String> wide = change("networkShape=300");
        assertThat(wide.statusCode()).as("trains, but cannot be drawn").isEqualTo(400);
        assertThat(wide.body()).contains("300");
        assertThat(post("action=fly").body()).contains("action 'fly'", "play, pause, step");
        assertThat(post("action=state").body()).contains("needs a hash");
        assertThat(live.<String>with(s -> s.state().toHash())).isEqualTo(before);
        assertThat(live.with(PlaygroundSession::epoch)).isEqualTo(3);
    }

    @Test
    void requestsWithoutTheTokenOrFromOtherSitesAreRefused() throws Exception {
        URI root = URI.create("http://127.0.0.1:" + url.getPort() + "/");
        assertThat(send(HttpRequest.newBuilder(root).build()).statusCode()).isEqualTo(403);
        URI wrong = root.resolve("0123456789abcdef0123456789abcdef/state");
        assertThat(send(HttpRequest.newBuilder(wrong).build()).statusCode()).isEqualTo(403);
        String token = url.getPath().substring(1, 33);
        URI longer = root.resolve(token + "0/state");
        assertThat(send(HttpRequest.newBuilder(longer).build()).statusCode()).isEqualTo(403);

        HttpRequest noOrigin = HttpRequest.newBuilder(url.resolve("control"))
                .POST(HttpRequest.BodyPublishers.ofString("action=play")).build();
        assertThat(send(noOrigin).statusCode()).isEqualTo(403);
        HttpRequest foreign = HttpRequest.newBuilder(url.resolve("control")).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("action=play")).build();
        assertThat(send(foreign).statusCode()).isEqualTo(403);
        assertThat(live.with(PlaygroundSession::epoch)).isZero();

        assertThat(rawStatus("GET " + url.getPath() + "state HTTP/1.1\r\nHost: evil.example:" + url.getPort()
                + "\r\nConnection: close\r\n\r\n")).as("DNS rebinding: a foreign Host").isEqualTo(403);
        assertThat(rawStatus("GET " + url.getPath() + "state HTTP/1.1\r\nHost: localhost:" + url.getPort()
                + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);

        HttpRequest big = HttpRequest.newBuilder(url.resolve("control")).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("action=state&hash=" + "x".repeat(Guard.MAX_BODY))).build();
        assertThat(send(big).statusCode()).isEqualTo(413);
        URI longUri = URI.create(url + "state?" + "a".repeat(Guard.MAX_URI));
        assertThat(send(HttpRequest.newBuilder(longUri).build()).statusCode()).isEqualTo(414);
        assertThat(send(HttpRequest.newBuilder(url.resolve("control")).build()).statusCode()).isEqualTo(405);
    }

    @Test
    void eventStreamsSayWhenAFrameIsReadyAndAreCapped() throws Exception {
        List<InputStream> open = new ArrayList<>();
        try {
            InputStream first = stream();
            open.add(first);
            BufferedReader lines = new BufferedReader(new InputStreamReader(first, StandardCharsets.UTF_8));
            post("action=step");
            String data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data: ") && JSON.readTree(line.substring(6)).path("state").path("epoch").asInt() == 1) {
                    data = line;
                    break;
                }
            }
            assertThat(data).as("a frame event after the step").isNotNull();
            for (int i = 1; i < LiveServer.MAX_STREAMS; i++) {
                open.add(stream());
            }
            HttpResponse<InputStream> refused = http.send(HttpRequest.newBuilder(url.resolve("events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(refused.statusCode()).isEqualTo(503);
            refused.body().close();
            open.remove(0).close();                                  // a browser tab that goes away mid-stream
            post("action=step");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 503;
            while (status == 503 && System.nanoTime() < deadline) {
                HttpResponse<InputStream> again = http.send(HttpRequest.newBuilder(url.resolve("events")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                status = again.statusCode();
                if (status == 200) {
                    open.add(again.body());
                } else {
                    again.body().close();
                    post("action=step");                              // a frame makes the server notice the gone tab
                    Thread.sleep(100);
                }
            }
            assertThat(status).as("the stream of a closed tab is freed").isEqualTo(200);
        } finally {
            for (InputStream s : open) {
                s.close();
            }
        }
    }

    @Test
    void closeStopsEveryThreadAndFreesTheSessionAndThePort() throws Exception {
        post("action=play");
        awaitState(s -> s.path("state").path("epoch").asInt() > 5);
        InputStream events = stream();
        live.close();
        assertThat(live.stopped()).isTrue();
        events.close();
        int epoch = session.epoch();
        session.step();                                              // the program's own thread again
        assertThat(session.epoch()).isEqualTo(epoch + 1);
        assertThatThrownBy(() -> new Socket("127.0.0.1", url.getPort()).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> live.train(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void openRefusesABadPort() {
        assertThatThrownBy(() -> Live.open(session, 70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 70000");
    }

    private InputStream stream() throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url.resolve("events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return r.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(url.resolve(path)).build());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(url.resolve("control")).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The current hash with one key=value changed, posted as the page posts it. */
    private HttpResponse<String> change(String keyValue) throws Exception {
        String key = keyValue.substring(0, keyValue.indexOf('='));
        String hash = live.with(s -> s.state().toHash()).replaceAll("(^|&)" + key + "=[^&]*", "$1" + keyValue);
        if (!hash.contains(keyValue)) {
            hash += "&" + keyValue;
        }
        return post("action=state&hash=" + URLEncoder.encode(hash, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitState(Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(get("state").body());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("state never came: last " + last);
    }

    private int rawStatus(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", url.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
