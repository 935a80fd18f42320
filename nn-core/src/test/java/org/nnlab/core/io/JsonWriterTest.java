package org.nnlab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The writer's output, parsed by Jackson (an independent parser) and by our reader, gives back what was written. */
class JsonWriterTest {
    private static final String HOSTILE = "\"\\\u0000\u0001\u001f\u007f\n\r\t\b\f/\u2028\u2029é漢😀";

    /** Quotes, backslashes, every control character, non-ASCII, pairs and lone surrogates. */
    static String randomString(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        for (int i = rng.nextInt(12); i > 0; i--) {
            switch (rng.nextInt(8)) {
                case 0 -> b.append(HOSTILE.charAt(rng.nextInt(HOSTILE.length())));
                case 1 -> b.append((char) rng.nextInt(0x20));
                case 2 -> b.append((char) rng.nextInt(0xD800, 0xE000));         // a lone surrogate, mostly
                case 3 -> b.appendCodePoint(rng.nextInt(0x10000, 0x110000));    // a proper pair
                case 4 -> b.append((char) rng.nextInt(0x80, 0xD800));
                default -> b.append((char) rng.nextInt(0x20, 0x7f));
            }
        }
        return b.toString();
    }

    @Test
    void fuzzedStringsSurviveJacksonAndOurReader() throws Exception {
        SplittableRandom rng = new SplittableRandom(15);
        for (int i = 0; i < 5000; i++) {
            String s = randomString(rng);
            String key = "k" + randomString(rng);
            String doc = JsonWriter.toJson(w -> w.beginObject().name(key).value(s).name("n").value(1).endObject());
            // what a file gets: UTF-8 bytes (a raw lone surrogate would become '?': the writer escapes them)
            byte[] utf8 = doc.getBytes(StandardCharsets.UTF_8);
            JsonNode tree = JsonTest.JACKSON.readTree(utf8);
            String k = withoutLoneSurrogates(key);
            assertThat(tree.get(k).asText()).as(doc).isEqualTo(withoutLoneSurrogates(s));
            assertThat(Json.parse(new String(utf8, StandardCharsets.UTF_8))).isEqualTo(
                    Map.of(k, withoutLoneSurrogates(s), "n", 1.0));
        }
    }

    /** The oracle for lone surrogates, independent of the writer: what a strict UTF-8 round trip gives. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.appendCodePoint(cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp));
        return b.toString();
    }

    @Test
    void escapesWhatMustBeEscaped() {
        assertThat(JsonWriter.quoted("a\"b\\c\n\u0001\u2028\ud800x")).isEqualTo(
                "\"a\\\"b\\\\c\\n\\u0001\\u2028\ufffdx\"");
        assertThat(JsonWriter.quoted("😀")).isEqualTo("\"😀\"");
    }

    @Test
    void numbersReadBackExactlyAndNonFiniteIsNull() throws Exception {
        SplittableRandom rng = new SplittableRandom(16);
        for (int i = 0; i < 20000; i++) {
            double d = Double.longBitsToDouble(rng.nextLong());
            float f = Float.intBitsToFloat(rng.nextInt());
            String doc = JsonWriter.toJson(w -> w.beginArray().value(d).value(f).endArray());
            JsonNode tree = JsonTest.JACKSON.readTree(doc);
            if (Double.isFinite(d)) {
                assertThat(tree.get(0).asDouble()).as(doc).isEqualTo(d == 0 ? 0.0 : d);
            } else {
                assertThat(tree.get(0).isNull()).isTrue();
            }
            if (Float.isFinite(f)) {
                assertThat((float) tree.get(1).asDouble()).as(doc).isEqualTo(f == 0 ? 0f : f);
            } else {
                assertThat(tree.get(1).isNull()).isTrue();
            }
        }
        assertThat(JsonWriter.number(0.03)).isEqualTo("0.03");
        assertThat(JsonWriter.number(1e21)).isEqualTo("1e+21");
        assertThat(JsonWriter.number(1e-7)).isEqualTo("1e-7");
        assertThat(JsonWriter.number(0.1f)).isEqualTo("0.1");
    }

    /** ECMAScript's Number::toString, restated from its definition over BigDecimal's exact digits. */
    static String ecmascript(double x) {
        if (x == 0) {
            return "0";
        }
        if (x < 0) {
            return "-" + ecmascript(-x);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int k = digits.length();
        int n = k - d.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        return (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(rng.nextLong() & Long.MAX_VALUE);
                case 1 -> rng.nextDouble() * Math.pow(10, rng.nextInt(-25, 25));
                case 2 -> (double) rng.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
                default -> Math.round(rng.nextDouble() * 1e6) / 1e3;
            };
            if (Double.isFinite(d)) {
                assertThat(JsonWriter.number(d)).as("%s", d).isEqualTo(ecmascript(d));
            }
        }
        assertThat(JsonWriter.number(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(JsonWriter.number(0.000001)).isEqualTo("0.000001");
        assertThat(JsonWriter.number(1e-7)).isEqualTo("1e-7");
        assertThat(JsonWriter.number(-1.5e300)).isEqualTo("-1.5e+300");
        assertThat(JsonWriter.number(100.0)).isEqualTo("100");
    }

    @Test
    void misuseIsAnErrorNotInvalidJson() {
        assertThatThrownBy(() -> JsonWriter.toJson(w -> w.beginObject().value(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonWriter.toJson(w -> w.beginArray())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> JsonWriter.toJson(w -> w.value(1).value(2))).isInstanceOf(IllegalStateException.class);
        assertThat(JsonWriter.toJson(w -> w.beginObject().name("a").values(new float[] {1, 2.5f}).name("b")
                .beginArray().endArray().endObject())).isEqualTo("{\"a\":[1,2.5],\"b\":[]}");
        assertThat(Json.parse("[]")).isEqualTo(List.of());
    }
}
