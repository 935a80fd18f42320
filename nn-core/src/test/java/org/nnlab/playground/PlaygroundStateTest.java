package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Playground's URL state: the default string, every parsing rule of spec section 10, and round trips. */
class PlaygroundStateTest {
    static final String DEFAULT = "activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false"
            + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false"
            + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false";

    @Test
    void defaultStateWritesPlaygroundsDefaultString() {
        assertThat(PlaygroundState.defaults("0.12345").toHash()).isEqualTo(DEFAULT);
        assertThat(PlaygroundState.parse(DEFAULT)).isEqualTo(PlaygroundState.defaults("0.12345"));
        assertThat(PlaygroundState.parse("https://playground.tensorflow.org/#" + DEFAULT).toHash()).isEqualTo(DEFAULT);
    }

    @Test
    void everyKeyRoundTrips() {
        String hash = "activation=relu&regularization=L1&batchSize=3&dataset=spiral&regDataset=reg-gauss"
                + "&learningRate=0.00001&regularizationRate=0.003&noise=35&networkShape=8,8,8,8,8,8&seed=hello"
                + "&showTestData=true&discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true"
                + "&ySquared=true&cosX=true&sinX=true&cosY=false&sinY=true&collectStats=true&tutorial=dataset"
                + "&problem=regression&initZero=true&hideText=true&learningRate_hide=true&xSquared_hide=false";
        PlaygroundState s = PlaygroundState.parse(hash);
        assertThat(s.toHash()).isEqualTo(hash);
        assertThat(s.activation()).isEqualTo(PlaygroundActivation.RELU);
        assertThat(s.regularization()).isEqualTo(Regularization.L1);
        assertThat(s.networkShape()).containsExactly(8.0, 8.0, 8.0, 8.0, 8.0, 8.0);
        assertThat(s.inputs()).containsExactly(Feature.X, Feature.X_SQUARED, Feature.Y_SQUARED, Feature.X_TIMES_Y,
                Feature.SIN_X, Feature.SIN_Y);
        assertThat(s.regression()).isTrue();
        assertThat(s.hidden()).containsEntry("learningRate_hide", true).containsEntry("xSquared_hide", false);
    }

    @Test
    void playgroundsParsingQuirks() {
        PlaygroundState s = PlaygroundState.parse("#x=0&y=false&dataset=moons&activation=&learningRate=abc"
                + "&networkShape=&batchSize= 7 &regularization=none&seed=&discretize=no&sinY_hide=yes");
        assertThat(s.features()).containsExactly(Feature.X);            // "0" is true, "false" is false
        assertThat(s.dataset()).isEqualTo(DatasetKind.CIRCLE);          // unknown object value: default stays
        assertThat(s.activation()).isEqualTo(PlaygroundActivation.TANH); // empty value: absent
        assertThat(s.learningRate()).isNaN();
        assertThat(s.networkShape()).isEmpty();                        // present and empty: no hidden layer
        assertThat(s.batchSize()).isEqualTo(7);                        // unary + trims
        assertThat(s.regularization()).isEqualTo(Regularization.NONE);
        assertThat(s.seed()).isEmpty();
        assertThat(s.discretize()).isTrue();
        assertThat(s.hidden()).containsEntry("sinY_hide", false);      // only "true" is true
        assertThat(s.toHash()).contains("learningRate=NaN", "networkShape=&", "batchSize=7&")
                .doesNotContain("regularization=");
        assertThat(PlaygroundState.parse("networkShape=4,,2").networkShape()).containsExactly(4.0, 0.0, 2.0);
        assertThat(PlaygroundState.parse("https://playground.tensorflow.org/")).isEqualTo(PlaygroundState.defaults(""));
    }

    @Test
    void javascriptNumberConversions() {
        assertThat(List.of(0.03, 10.0, 0.00001, 1e-7, 1e21, 123456789012345680000.0, 1.5e-10, -2.5, 0.1 + 0.2, 100.0))
                .extracting(JsNumbers::format)
                .containsExactly("0.03", "10", "0.00001", "1e-7", "1e+21", "123456789012345680000", "1.5e-10", "-2.5",
                        "0.30000000000000004", "100");
        assertThat(JsNumbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumbers.format(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(JsNumbers.parse(" 1e3 ")).isEqualTo(1000);
        assertThat(JsNumbers.parse("")).isZero();
        assertThat(JsNumbers.parse(".5")).isEqualTo(0.5);
        assertThat(JsNumbers.parse("0x10")).isEqualTo(16);
        assertThat(JsNumbers.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(JsNumbers.parse("1d")).isNaN();                     // Java would accept it; JavaScript does not
        assertThat(JsNumbers.parse("NaN")).isNaN();
        assertThat(JsNumbers.parse("-0x10")).isNaN();
        assertThat(JsNumbers.parse("5.")).isEqualTo(5);
    }
}
