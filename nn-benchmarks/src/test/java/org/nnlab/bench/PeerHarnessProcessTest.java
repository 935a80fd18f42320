package org.nnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code benchmarks.jar peers} as a user runs it, in a child JVM: help on stdout with exit 0, and bad options refused
 * in one line naming the option and the value, with exit 2, before anything is installed or run.
 */
class PeerHarnessProcessTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run peers(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PeerHarness.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("peers %s finished", List.of(args)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Run r = peers("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("usage: java -jar benchmarks.jar peers").contains("--rounds").contains("npm")
                .contains("--no-nnlab").contains("just before its peers").contains("-wi 3 -w 2 -i 5 -r 2");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theFlagWithoutAValueIsReadAsAFlagAndTheOptionsAfterItStillChecked() throws Exception {
        Run r = peers("--no-nnlab", "--rounds", "21");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--rounds must be a whole number from 1 to 20, got 21").hasLineCount(1);
    }

    @Test
    void badOptionsAreRefusedInOneLineNamingThem() throws Exception {
        Run rounds = peers("--rounds", "two");
        assertThat(rounds.exit()).isEqualTo(2);
        assertThat(rounds.err()).contains("--rounds must be a whole number from 1 to 20, got two").hasLineCount(1);
        Run zero = peers("--rounds", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("got 0");
        Run seconds = peers("--seconds", "-1");
        assertThat(seconds.exit()).isEqualTo(2);
        assertThat(seconds.err()).contains("--seconds must be a number of seconds in (0, 3600], got -1");
        Run missing = peers("--out");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("option --out needs a value");
        Run unknown = peers("--backend", "wasm");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown option --backend");
    }
}
