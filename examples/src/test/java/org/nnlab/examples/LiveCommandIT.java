package org.nnlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnlab live playground|ganlab|shapeshop} as a user runs it: a child JVM through the jar's launcher prints
 * the page's address, serves the session and trains it on a control, and stops on SIGTERM; bad values exit 2 and a
 * port in use exits 1, each with one line.
 */
class LiveCommandIT {
    @TempDir
    Path dir;

    @Test
    void servesTheSessionUntilSigterm() throws Exception {
        Process p = new ProcessBuilder(ChildCli.JAVA.toString(), "-Djava.awt.headless=true", "-jar",
                ChildCli.JAR.toString(), "live", "playground", "--no-browser", "--state", "seed=0.5&dataset=xor")
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("nnlab live: http://127.0.0.1:").contains("#", "dataset=xor");
            URI page = URI.create(line.substring("nnlab live: ".length()).replaceAll("#.*", ""));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode state = awaitState(http, page, 1);
            assertThat(state.path("state").path("hash").asText()).contains("dataset=xor", "seed=0.5");
            HttpResponse<String> play = http.send(HttpRequest.newBuilder(page.resolve("control"))
                    .header("Origin", "http://127.0.0.1:" + page.getPort())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=play")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(play.statusCode()).isEqualTo(204);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (awaitState(http, page, 1).path("state").path("epoch").asInt() < 10) {
                assertThat(System.nanoTime()).as("the session trains").isLessThan(deadline);
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            assertThatThrownBy(() -> new Socket("127.0.0.1", page.getPort()).close()).isInstanceOf(ConnectException.class);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void badValuesExit2AndAPortInUseExits1() throws Exception {
        ChildCli.Result port = ChildCli.run(dir, List.of(), 60, "live", "playground", "--no-browser", "--port", "70000");
        assertThat(port.status()).as(port.toString()).isEqualTo(2);
        assertThat(port.err()).contains("--port", "70000", "1..65535");
        ChildCli.Result nan = ChildCli.run(dir, List.of(), 60, "live", "playground", "--no-browser", "--state",
                "seed=1&learningRate=abc");
        assertThat(nan.status()).as(nan.toString()).isEqualTo(2);
        assertThat(nan.err()).contains("learningRate", "abc");
        ChildCli.Result none = ChildCli.run(dir, List.of(), 60, "live");
        assertThat(none.status()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("live playground");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ChildCli.Result busy = ChildCli.run(dir, List.of(), 60, "live", "playground", "--no-browser", "--port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(busy.status()).as(busy.toString()).isEqualTo(1);
            assertThat(busy.errLines()).hasSize(1);
            assertThat(busy.err()).contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void servesGanLabAndShapeShopUntilSigterm() throws Exception {
        Process gan = start("ganlab", "--dataset", "disjoint", "--seed", "3");
        Process shapes = start("shapeshop", "--classes", "box,tri", "--model", "mlp", "--epochs", "2");
        try {
            URI ganPage = address(gan);
            URI shapesPage = address(shapes);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode g = awaitState(http, ganPage, 1).path("state");
            assertThat(g.path("dataset").asText()).isEqualTo("disjoint");
            assertThat(g.path("config").asText()).contains("\"gLayers\":2", "\"dNeurons\":11", "2D Gaussian");
            assertThat(control(http, ganPage, "action=play").statusCode()).isEqualTo(204);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (awaitState(http, ganPage, 1).path("state").path("epoch").asInt() < 50) {
                assertThat(System.nanoTime()).as("GAN Lab trains").isLessThan(deadline);
                Thread.sleep(50);
            }
            JsonNode s = awaitState(http, shapesPage, 1).path("state");
            assertThat(s.path("chosen").toString()).isEqualTo("[\"box\",\"tri\"]");
            assertThat(control(http, shapesPage, "action=train").statusCode()).isEqualTo(204);
            while (awaitState(http, shapesPage, 1).path("state").path("rounds").asInt() < 1) {
                assertThat(System.nanoTime()).as("ShapeShop trains a round").isLessThan(deadline + 60_000_000_000L);
                Thread.sleep(100);
            }
            for (Process p : List.of(gan, shapes)) {
                new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
        } finally {
            for (Process p : List.of(gan, shapes)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    @Test
    void badGanLabAndShapeShopValuesExit2() throws Exception {
        ChildCli.Result dataset = ChildCli.run(dir, List.of(), 60, "live", "ganlab", "--no-browser", "--dataset", "moon");
        assertThat(dataset.status()).as(dataset.toString()).isEqualTo(2);
        assertThat(dataset.err()).contains("--dataset", "moon", "line, gaussians, ring or disjoint");
        ChildCli.Result missing = ChildCli.run(dir, List.of(), 60, "live", "ganlab", "--no-browser", "--config",
                dir.resolve("none.json").toString());
        assertThat(missing.status()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("--config", "none.json", "no such file");
        java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"kD\": 500}");
        ChildCli.Result bad = ChildCli.run(dir, List.of(), 60, "live", "ganlab", "--no-browser", "--config",
                dir.resolve("bad.json").toString());
        assertThat(bad.status()).as(bad.toString()).isEqualTo(2);
        assertThat(bad.err()).contains("--config", "kD must be 0..100, got 500");
        ChildCli.Result shape = ChildCli.run(dir, List.of(), 60, "live", "shapeshop", "--no-browser", "--classes",
                "box,star");
        assertThat(shape.status()).as(shape.toString()).isEqualTo(2);
        assertThat(shape.err()).contains("--classes", "star");
        ChildCli.Result one = ChildCli.run(dir, List.of(), 60, "live", "shapeshop", "--no-browser", "--classes", "box");
        assertThat(one.status()).as(one.toString()).isEqualTo(2);
        assertThat(one.err()).contains("at least 2 classes");
        ChildCli.Result epochs = ChildCli.run(dir, List.of(), 60, "live", "shapeshop", "--no-browser", "--epochs", "0");
        assertThat(epochs.status()).as(epochs.toString()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs", "1..1000");
    }

    private Process start(String... page) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ChildCli.JAVA.toString(), "-Djava.awt.headless=true",
                "-jar", ChildCli.JAR.toString(), "live"));
        command.addAll(List.of(page));
        command.add("--no-browser");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static URI address(Process p) throws Exception {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("nnlab live: http://127.0.0.1:");
        return URI.create(line.substring("nnlab live: ".length()));
    }

    private static HttpResponse<String> control(HttpClient http, URI page, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(page.resolve("control"))
                .header("Origin", "http://127.0.0.1:" + page.getPort())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitState(HttpClient http, URI page, long version) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonNode s = CliProcessIT.JACKSON.readTree(http.send(HttpRequest.newBuilder(page.resolve("state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (s.path("version").asLong() >= version || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(50);
        }
    }
}
