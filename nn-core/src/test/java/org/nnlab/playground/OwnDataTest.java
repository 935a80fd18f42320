package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Your own data: CSV with clear errors, and sessions on it. */
class OwnDataTest {
    @TempDir
    Path dir;

    @Test
    void readsCsvWithHeaderCommentsAndBlankLines() throws IOException {
        Path f = dir.resolve("points.csv");
        Files.writeString(f, "x,y,label\n# a comment\n1,2,1\n\n-1.5, 0.25 ,-1\n3e-1,4,0.5\n");
        assertThat(ExamplesCsv.read(f)).containsExactly(new Example(1, 2, 1), new Example(-1.5, 0.25, -1),
                new Example(0.3, 4, 0.5));
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> ExamplesCsv.parse("1,2,1\n3,4\n"))
                .hasMessage("ExamplesCsv: <text> line 2: expected 3 values x,y,label, got 2: '3,4'");
        assertThatThrownBy(() -> ExamplesCsv.parse("x,y,label\n1,2,1\n1,abc,1\n"))
                .hasMessage("ExamplesCsv: <text> line 3: y must be a finite number, got 'abc'");
        assertThatThrownBy(() -> ExamplesCsv.parse("1,2,NaN\n"))
                .hasMessage("ExamplesCsv: <text> line 1: label must be a finite number, got 'NaN'");
        assertThatThrownBy(() -> ExamplesCsv.read(dir.resolve("missing.csv")))
                .isInstanceOf(IOException.class).hasMessageContaining("missing.csv");
    }

    @Test
    void trainsOnYourOwnPoints() {
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        SeedRandom r = SeedRandom.of("pts");
        for (int i = 0; i < 300; i++) {
            double x = r.uniform(-5, 5);
            double y = r.uniform(-5, 5);
            Example e = new Example(x, y, x > y ? 1 : -1);      // a diagonal boundary
            (i % 3 == 0 ? test : train).add(e);
        }
        PlaygroundSession s = PlaygroundSession.withData(PlaygroundState.defaults("7"), train, test);
        assertThat(s.trainData()).isEqualTo(train);
        s.step(50);
        assertThat(s.accuracy()[1]).isGreaterThan(0.95);
        PlaygroundSession same = PlaygroundSession.withData(PlaygroundState.defaults("7"), train, test);
        assertThat(same.network().weight(1, 0, 0)).isEqualTo(SeedRandom.of("7").nextDouble() - 0.5);
        assertThatThrownBy(same::regenerate).isInstanceOf(IllegalStateException.class)
                .hasMessage("regenerate: this session trains on your own data; there is nothing to regenerate");
        assertThatThrownBy(() -> PlaygroundSession.withData(PlaygroundState.defaults("7"), List.of(), test))
                .hasMessage("PlaygroundSession.withData: the training set is empty");
        assertThatThrownBy(() -> PlaygroundSession.withData(PlaygroundState.defaults("7"),
                List.of(new Example(1, Double.POSITIVE_INFINITY, 1)), test))
                .hasMessage("PlaygroundSession.withData: train point 0 is not finite: Example[x=1.0, y=Infinity, label=1.0]");
    }
}
