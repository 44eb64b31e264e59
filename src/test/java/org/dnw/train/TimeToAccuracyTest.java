package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeToAccuracyTest {

    private static final TimeToAccuracy.Result RESULT =
            new TimeToAccuracy.Result(
                    "seed-cnn",
                    "mnist",
                    0.99,
                    2,
                    List.of(
                            new TimeToAccuracy.SeedResult(42, 40.0, 0.9905, 2, true),
                            new TimeToAccuracy.SeedResult(43, 44.0, 0.9885, 0, false)));

    @Test
    void theMeansAndWhetherTheMeanReachedTheTarget() {
        assertThat(RESULT.meanSeconds()).isEqualTo(42.0);
        assertThat(RESULT.meanAccuracy())
                .isCloseTo(0.9895, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RESULT.reached()).isFalse();
    }

    @Test
    void theJsonLineCarriesEverySeedAndTheMeans() throws Exception {
        String line = RESULT.toJson();
        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("preset").asText()).isEqualTo("seed-cnn");
        assertThat(json.get("dataset").asText()).isEqualTo("mnist");
        assertThat(json.get("target").asDouble()).isEqualTo(0.99);
        assertThat(json.get("epochs").asInt()).isEqualTo(2);
        assertThat(json.get("seeds")).hasSize(2);
        JsonNode first = json.get("seeds").get(0);
        assertThat(first.get("seed").asLong()).isEqualTo(42);
        assertThat(first.get("seconds").asDouble()).isEqualTo(40.0);
        assertThat(first.get("accuracy").asDouble()).isEqualTo(0.9905);
        assertThat(first.get("epochReached").asInt()).isEqualTo(2);
        assertThat(first.get("reached").asBoolean()).isTrue();
        JsonNode second = json.get("seeds").get(1);
        assertThat(second.get("epochReached").isNull()).isTrue();
        assertThat(second.get("reached").asBoolean()).isFalse();
        assertThat(json.get("meanSeconds").asDouble()).isEqualTo(42.0);
        assertThat(json.get("meanAccuracy").asDouble()).isEqualTo(0.9895);
        assertThat(json.get("reached").asBoolean()).isFalse();
    }

    @Test
    void aDataSetPathWithQuotesAndBackslashesStaysValidJson() throws Exception {
        var r =
                new TimeToAccuracy.Result(
                        "mlp",
                        "C:\\data\\\"my\" digits",
                        0.5,
                        1,
                        List.of(new TimeToAccuracy.SeedResult(42, 1.5, 0.75, 1, true)));
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.get("dataset").asText()).isEqualTo("C:\\data\\\"my\" digits");
        assertThat(json.get("reached").asBoolean()).isTrue();
    }

    @Test
    void aResultWithoutSeedsIsRefused() {
        assertThatThrownBy(() -> new TimeToAccuracy.Result("mlp", "mnist", 0.5, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void perClassAccuracyGoesIntoTheJsonWhenKnown() throws Exception {
        var r =
                new TimeToAccuracy.Result(
                        "cifar-fast",
                        "cifar10",
                        0.85,
                        12,
                        List.of(
                                new TimeToAccuracy.SeedResult(
                                        42, 1500, 0.86, 11, true, List.of(0.91234, 0.8))));
        JsonNode seed = new ObjectMapper().readTree(r.toJson()).get("seeds").get(0);
        assertThat(seed.get("perClassAccuracy")).hasSize(2);
        assertThat(seed.get("perClassAccuracy").get(0).asDouble()).isEqualTo(0.9123);
        JsonNode without = new ObjectMapper().readTree(RESULT.toJson()).get("seeds").get(0);
        assertThat(without.has("perClassAccuracy")).isFalse();
    }
}
