package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code bench} end to end on the MNIST sample shipped in assets/ (so it needs no WORKBENCH_DATA):
 * time to accuracy over two seeds, and the throughput benchmark at batch 256, where the batches
 * wrap around the sample's images. No timing is asserted: the figures only have to be there.
 */
class BenchCliIT {

    private static WorkbenchCommandTest.Result run(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        System.out.println("$ workbench " + String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    private static JsonNode lastLineAsJson(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void timeToAccuracyTrainsEachSeedAndEndsWithOneJsonLine() throws Exception {
        WorkbenchCommandTest.Result r =
                run(
                        "bench",
                        "--to-accuracy",
                        "0.5",
                        "--dataset",
                        "mnist-sample",
                        "--preset",
                        "mlp",
                        "--seeds",
                        "2",
                        "--epochs",
                        "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  seed 42: ", "  seed 43: ", "  mean: ");
        JsonNode json = lastLineAsJson(r.out());
        assertThat(json.get("preset").asText()).isEqualTo("mlp");
        assertThat(json.get("dataset").asText()).isEqualTo("mnist-sample");
        assertThat(json.get("target").asDouble()).isEqualTo(0.5);
        assertThat(json.get("epochs").asInt()).isEqualTo(1);
        JsonNode seeds = json.get("seeds");
        assertThat(seeds).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode seed = seeds.get(i);
            assertThat(seed.get("seed").asLong()).isEqualTo(42 + i);
            assertThat(seed.get("seconds").asDouble()).isPositive();
            assertThat(seed.get("accuracy").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(seed.get("reached").asBoolean())
                    .isEqualTo(seed.get("accuracy").asDouble() >= 0.5);
        }
        assertThat(json.get("meanSeconds").asDouble()).isPositive();
        assertThat(json.get("meanAccuracy").asDouble())
                .isCloseTo(
                        (seeds.get(0).get("accuracy").asDouble()
                                        + seeds.get(1).get("accuracy").asDouble())
                                / 2,
                        org.assertj.core.data.Offset.offset(1e-4));
        assertThat(json.has("reached")).isTrue();
    }

    @Test
    void aTargetNotReachedIsStillExitZero() throws Exception {
        WorkbenchCommandTest.Result r =
                run(
                        "bench",
                        "--to-accuracy",
                        "1",
                        "--dataset",
                        "mnist-sample",
                        "--preset",
                        "mlp",
                        "--seeds",
                        "1",
                        "--epochs",
                        "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("NOT reached");
        JsonNode json = lastLineAsJson(r.out());
        assertThat(json.get("seeds")).hasSize(1);
        assertThat(json.get("reached").asBoolean()).isFalse();
        assertThat(json.get("seeds").get(0).get("epochReached").isNull()).isTrue();
    }

    @Test
    void throughputAtBatch256OnTheSample() throws Exception {
        WorkbenchCommandTest.Result r =
                run(
                        "bench",
                        "--batch-size",
                        "256",
                        "--batches",
                        "3",
                        "--warmup",
                        "1",
                        "--rounds",
                        "1",
                        "--dataset",
                        "mnist-sample");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(target ≥ 1.45)", "(target ≥ 0.6)");
        JsonNode json = lastLineAsJson(r.out());
        assertThat(json.get("batchSize").asInt()).isEqualTo(256);
        assertThat(json.get("serviceImagesPerSecond").asDouble()).isPositive();
        assertThat(json.get("bareImagesPerSecond").asDouble()).isPositive();
    }

    @Test
    void throughputWrapsAroundWhenTheBatchesNeedMoreImagesThanTheSampleHas() throws Exception {
        // 31 batches of 256 = 7,936 images, more than the sample's training images
        WorkbenchCommandTest.Result r =
                run(
                        "bench",
                        "--preset",
                        "mlp",
                        "--batch-size",
                        "256",
                        "--batches",
                        "30",
                        "--warmup",
                        "1",
                        "--rounds",
                        "1",
                        "--dataset",
                        "mnist-sample");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("need 7,936 images", "wrap around");
        JsonNode json = lastLineAsJson(r.out());
        assertThat(json.get("measuredBatches").asInt()).isEqualTo(30);
        assertThat(json.get("bareImagesPerSecond").asDouble()).isPositive();
    }
}
