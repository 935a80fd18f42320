package org.nnlab.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** RealData.csv keeps every row or names the one it cannot read. */
class RealDataCsvRulesTest {
    @Test
    void aThreeColumnFirstRowIsAnErrorNotAHeader() {
        assertThatThrownBy(() -> RealData.csv(new StringReader("0.1,0.2,0.3\n0.4,0.5\n"), "p.csv"))
                .hasMessageContaining("p.csv line 1: expected two finite numbers");
    }

    @Test
    void aByteOrderMarkAndAHeaderAreSkippedAndNothingElse() throws Exception {
        // one row after a byte-order mark: once read as a "header", which left no points at all
        assertThat(RealData.csv(new StringReader("\uFEFF0.1,0.2\n"), "p.csv").name()).isEqualTo("points");
        assertThatThrownBy(() -> RealData.csv(new StringReader("x,y\nx,y\n0.1,0.2\n"), "p.csv"))
                .hasMessageContaining("line 2");
    }
}
