package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against Playground's own engine (fixtures in resources/org/nnlab/playground/reference, see its README):
 * the same state gives bit for bit the same data, and after 0, 1, 10 and 100 epochs the same weights,
 * biases, dead links and losses. Compared as JSON text: both sides write the shortest round-trip digits.
 */
class PlaygroundReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "xor-relu-l1-carry", "spiral-all-l2", "gauss-sigmoid-batch1", "plane-linear",
            "multigauss-relu-l1"})
    void matchesPlaygroundsOwnRunBitForBit(String name) throws IOException {
        String ref;
        try (InputStream in = getClass().getResourceAsStream("reference/" + name + ".json")) {
            ref = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Matcher state = Pattern.compile("^\\{\"state\":\"([^\"]*)\"").matcher(ref);
        assertThat(state.find()).isTrue();
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(state.group(1)));

        assertThat(ref).contains("\"trainData\":" + PlaygroundJson.data(s.trainData()) + ",");
        assertThat(ref).contains("\"testData\":" + PlaygroundJson.data(s.testData()) + ",");
        int snapshots = 0;
        for (int epoch : new int[] {0, 1, 10, 100}) {
            EpochStats stats = s.step(epoch - s.epoch());
            String ours = "{\"epoch\":" + epoch + ",\"trainLoss\":" + PlaygroundJson.number(stats.trainLoss())
                    + ",\"testLoss\":" + PlaygroundJson.number(stats.testLoss()) + ",\"network\":"
                    + PlaygroundJson.network(s.network(), s.state().inputs()) + "}";
            assertThat(ref).as("snapshot at epoch %d", epoch).contains(ours);
            snapshots++;
        }
        assertThat(snapshots).isEqualTo(4);
    }
}
