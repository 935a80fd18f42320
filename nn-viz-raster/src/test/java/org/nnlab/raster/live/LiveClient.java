package org.nnlab.raster.live;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live page's client as the tests use it: {@code java.net.http} for requests, Jackson for the numbers and
 * ImageIO for the pictures, all independent of the server's own code.
 */
final class LiveClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String origin;

    LiveClient(URI url) {
        this.url = url;
        this.origin = "http://127.0.0.1:" + url.getPort();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A picture the server sends, decoded; null if it is not one. */
    BufferedImage image(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? ImageIO.read(new ByteArrayInputStream(r.body())) : null;
    }

    /** A control, posted as the page posts it (form-encoded, from the page's own origin). */
    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url.resolve("control")).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The newest {"version", "state", "parts"} once {@code done} holds, within 30 s. */
    JsonNode awaitState(Predicate<JsonNode> done) throws Exception {
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
}
