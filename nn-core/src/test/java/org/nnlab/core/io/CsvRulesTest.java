package org.nnlab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.playground.ExamplesCsv;

/** No CSV row is dropped without a message: byte-order marks, headers, and files that are not text. */
class CsvRulesTest {
    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsNotAHeader() {
        assertThat(ExamplesCsv.parse("\uFEFF1,2,1\n3,4,-1\n")).hasSize(2);
        assertThat(ExamplesCsv.parse("\uFEFFx,y,label\n1,2,1\n")).hasSize(1);
    }

    @Test
    void onlyARowWithoutAnyNumberIsAHeader() {
        assertThat(ExamplesCsv.parse("x,y,label\n1,2,1\n")).hasSize(1);
        assertThatThrownBy(() -> ExamplesCsv.parse("x,2,1\n1,2,1\n")).hasMessageContaining("line 1: x must be a finite number");
        assertThat(Csv.isHeader(new String[] {"x", "y"}, 2)).isTrue();
        assertThat(Csv.isHeader(new String[] {"x", "1"}, 2)).isFalse();
        assertThat(Csv.isHeader(new String[] {"x", "y", "z"}, 2)).isFalse();
    }

    @Test
    void filesThatAreNotUtf8TextAreNamed() throws Exception {
        Path latin1 = Files.write(dir.resolve("points.csv"), new byte[] {'1', ',', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> ExamplesCsv.read(latin1)).hasMessage("cannot read " + latin1 + ": not valid UTF-8 (byte 2)");
        assertThatThrownBy(() -> ExamplesCsv.read(dir)).hasMessage("cannot read " + dir + ": is a directory");
        assertThatThrownBy(() -> ExamplesCsv.read(dir.resolve("nope.csv"))).hasMessage("cannot read "
                + dir.resolve("nope.csv") + ": no such file");
    }
}
