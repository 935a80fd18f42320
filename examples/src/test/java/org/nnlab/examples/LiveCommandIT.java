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
 * {@code nnlab live playground} as a user runs it: a child JVM through the jar's launcher prints the page's
 * address, serves the session and trains it on a control, and stops on SIGTERM; bad values exit 2 and a port in
 * use exits 1, each with one line.
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
