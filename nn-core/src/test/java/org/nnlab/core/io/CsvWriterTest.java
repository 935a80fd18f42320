package org.nnlab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/** What {@link CsvWriter} writes, read back by an independent parser (Apache Commons CSV). */
class CsvWriterTest {
    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    /** The number a cell holds, read as pandas and R read NaN and the infinities. */
    private static double number(String cell) {
        return switch (cell) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    @Test
    void fuzzedTextAndNumbersReadBackExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "ab,\"\n\r x\u00e9\u4e2d;'\t";
        for (int trial = 0; trial < 500; trial++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            double x = switch (random.nextInt(6)) {
                case 0 -> Double.NaN;
                case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 2 -> Double.longBitsToDouble(random.nextLong());
                case 3 -> Double.MIN_VALUE;
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (Double.isNaN(x) && trial % 6 != 0) {
                x = 0.1;                                    // a random bit pattern may be NaN: keep it rare
            }
            long n = random.nextLong();
            StringBuilder out = new StringBuilder();
            CsvWriter.to(out).header("text", "x", "n", "flag").cell(text.toString()).cell(x).cell(n)
                    .cell(trial % 2 == 0).endRow();
            List<CSVRecord> rows = parse(out.toString());
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).values()).containsExactly("text", "x", "n", "flag");
            CSVRecord r = rows.get(1);
            assertThat(r.get(0)).as("trial %d", trial).isEqualTo(text.toString());
            assertThat(Double.doubleToLongBits(number(r.get(1)))).as("%s as %s", x, r.get(1))
                    .isEqualTo(Double.doubleToLongBits(x));
            assertThat(Long.parseLong(r.get(2))).isEqualTo(n);
            assertThat(Boolean.parseBoolean(r.get(3))).isEqualTo(trial % 2 == 0);
        }
    }

    @Test
    void rowsMustMatchTheHeader() {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = CsvWriter.to(out).header("a", "b");
        assertThatThrownBy(() -> csv.cell(1).endRow()).hasMessageContaining("a row of 1 cells under a header of 2");
        CsvWriter other = CsvWriter.to(new StringBuilder()).header("a");
        assertThatThrownBy(() -> other.cell(1).cell(2)).hasMessageContaining("more than 1 cells");
        assertThatThrownBy(() -> CsvWriter.to(new StringBuilder()).header("a").header("b"))
                .hasMessageContaining("header is written already");
    }

    @Test
    void aPlaygroundHistoryReadsBackAsTheSessionHasIt() throws IOException {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=3"));
        s.step(25);
        StringBuilder out = new StringBuilder();
        s.writeHistoryCsv(out);
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows.get(0).values()).containsExactly("epoch", "trainLoss", "testLoss");
        List<EpochStats> read = new ArrayList<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            read.add(new EpochStats(Integer.parseInt(r.get(0)), number(r.get(1)), number(r.get(2))));
        }
        assertThat(read).isEqualTo(s.history()).hasSize(26);
    }

    @Test
    void aDivergedHistoryWritesItsNaN() throws IOException {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(
                "problem=regression&learningRate=10&activation=relu&networkShape=8,8&seed=1"));
        s.step(200);
        assertThat(s.diverged()).isTrue();
        StringBuilder out = new StringBuilder();
        s.writeHistoryCsv(out);
        CSVRecord last = parse(out.toString()).getLast();
        assertThat(Double.isFinite(number(last.get(1))) && Double.isFinite(number(last.get(2)))).isFalse();
    }
}
