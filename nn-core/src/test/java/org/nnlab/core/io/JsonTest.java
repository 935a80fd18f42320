package org.nnlab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The strict reader against RFC 8259 and against Jackson, an independent parser. */
class JsonTest {
    /** Jackson, strict: duplicate keys refused, nothing lenient enabled. */
    static final ObjectMapper JACKSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": +2}                 | a number with a leading '+' at line 1, column 7",
        "{\"a\": 02}                 | a number with a leading zero at line 1, column 7",
        "[-01]                       | a number with a leading zero at line 1, column 2",
        "[1e999]                     | the number 1e999 is beyond the double range at line 1, column 2",
        "[-1e999]                    | beyond the double range at line 1, column 2",
        "{\"kD\":101,\"kD\":2}       | duplicate key \"kD\" at line 1, column 11",
        "[1.]                        | a digit expected after the decimal point",
        "[.5]                        | unexpected '.' at line 1, column 2",
        "[1e]                        | a digit expected in the exponent",
        "[\"a\\x\"]                  | unknown escape \"\\x\" at line 1, column 4",
        "[NaN]                       | unexpected 'N'",
        "[Infinity]                  | unexpected 'I'",
        "[1] [2]                     | trailing text after the value at line 1, column 5",
        "[1,]                        | unexpected ']'",
        "{\"a\":1,}                  | expected a string key",
        "[tru]                       | unexpected 't'",
    })
    void refusesWhatRfc8259Refuses(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.strip());
        if (!text.contains("e999") && !text.contains("] [")) {
            // Jackson reads 1e999 as infinity and stops after the first value: lenient where we are not
            assertThatThrownBy(() -> JACKSON.readTree(text)).as("Jackson refuses it too").isInstanceOf(Exception.class);
        }
    }

    @Test
    void refusesControlCharactersAndNonJsonWhitespace() {
        assertThatThrownBy(() -> Json.parse("[\"a\tb\"]")).hasMessageContaining("raw control character U+0009");
        assertThatThrownBy(() -> Json.parse("[1,\u00a02]")).hasMessageContaining("unexpected U+00A0");
        assertThatThrownBy(() -> Json.parse("[1,\u000b2]")).hasMessageContaining("unexpected U+000B");
        assertThat(Json.parse(" \t\r\n[1]\n")).isEqualTo(List.of(1.0));
    }

    @Test
    void skipsALeadingByteOrderMarkOnly() {
        assertThat(Json.parse("\uFEFF{\"a\":1}")).isEqualTo(Map.of("a", 1.0));
        assertThatThrownBy(() -> Json.parse("[1,\uFEFF2]")).hasMessageContaining("unexpected U+FEFF");
    }

    @Test
    void linesAndColumnsCountFromOne() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}")).hasMessage(
                "JSON: duplicate key \"a\" at line 3, column 3");
    }

    @Test
    void floatsRefusesValuesBeyondTheFloatRange() {
        assertThatThrownBy(() -> Json.floats(Json.parse("[1, 1e39]"), "w")).hasMessageContaining("w[1]: 1.0E39 is beyond "
                + "the float range");
    }

    @Test
    void readsWhatJacksonReadsOnRandomDocuments() throws Exception {
        SplittableRandom rng = new SplittableRandom(14);
        for (int i = 0; i < 500; i++) {
            Object doc = randomValue(rng, 0);
            String text = JACKSON.writeValueAsString(doc);
            Object ours = Json.parse(text);
            Object theirs = JACKSON.readValue(text, Object.class);
            assertThat(normalize(ours)).as(text).isEqualTo(normalize(theirs));
        }
    }

    static Object randomValue(SplittableRandom rng, int depth) {
        int kind = rng.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> rng.nextBoolean();
            case 2 -> rng.nextInt(3) == 0 ? (double) rng.nextInt(-1000, 1000)
                    : Double.longBitsToDouble(rng.nextLong()) * 0 + rng.nextDouble(-1e6, 1e6) * Math.pow(10, rng.nextInt(-30, 30));
            case 3, 4 -> JsonWriterTest.randomString(rng);
            case 5 -> {
                List<Object> l = new ArrayList<>();
                for (int j = rng.nextInt(5); j > 0; j--) {
                    l.add(randomValue(rng, depth + 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int j = rng.nextInt(5); j > 0; j--) {
                    m.put(JsonWriterTest.randomString(rng) + j, randomValue(rng, depth + 1));
                }
                yield m;
            }
        };
    }

    /** Numbers as doubles, so that Jackson's Integer and our Double compare. */
    static Object normalize(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(JsonTest::normalize).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        return v;
    }

    static {
        // keep the unused import honest: JsonParser features are the defaults (no comments, no single quotes)
        assert !JsonParser.Feature.ALLOW_COMMENTS.enabledByDefault();
    }
}
