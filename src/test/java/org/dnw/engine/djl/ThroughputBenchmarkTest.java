package org.dnw.engine.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputBenchmarkTest {

    @Test
    void theMedianOfTheRounds() {
        assertThat(ThroughputBenchmark.median(List.of(1320.0, 1339.0, 1331.0))).isEqualTo(1331.0);
        assertThat(ThroughputBenchmark.median(List.of(10.0, 30.0))).isEqualTo(20.0);
    }

    @Test
    void aLegRunsOnAThreadThatHasEndedWhenItReturns() throws Exception {
        Thread[] ran = new Thread[1];
        double value =
                ThroughputBenchmark.onItsOwnThread(
                        () -> {
                            ran[0] = Thread.currentThread();
                            return 42.0;
                        });
        assertThat(value).isEqualTo(42.0);
        assertThat(ran[0]).isNotSameAs(Thread.currentThread());
        assertThat(ran[0].isAlive()).isFalse();
    }

    @Test
    void aLegThatFailsThrowsItsOwnException() {
        assertThatThrownBy(
                        () ->
                                ThroughputBenchmark.onItsOwnThread(
                                        () -> {
                                            throw new IllegalArgumentException("no images");
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no images");
    }

    @Test
    void theJsonLineCarriesTheRoundsAndTheRatios() {
        var r =
                new ThroughputBenchmark.Result(
                        "seed-cnn",
                        "CPU (2 threads)",
                        64,
                        300,
                        1500,
                        1600,
                        300,
                        0.08,
                        List.of(1500.0, 1490.0, 1510.0),
                        List.of(1600.0, 1590.0, 1610.0));
        assertThat(r.serviceOverBare()).isEqualTo(0.9375);
        assertThat(r.achievedOverMatmul()).isEqualTo(0.4);
        assertThat(r.toJson())
                .contains("\"rounds\":3")
                .contains("\"serviceOverBare\":0.9375")
                .contains("\"achievedOverMatmul\":0.4000");
    }

    @Test
    void batchesWrapAroundWholeBatchesOfTheData() {
        // enough images: exactly the ones needed, as before
        assertThat(ThroughputBenchmark.distinctImages(60_000, 64, 21_120)).isEqualTo(21_120);
        // 5,400 sample images, batch 256, 4 batches needed 7,936: 21 whole batches are cycled
        assertThat(ThroughputBenchmark.distinctImages(5_400, 256, 7_936)).isEqualTo(5_376);
        assertThat(ThroughputBenchmark.cyclicIndices(4, 10))
                .containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0, 1);
    }

    @Test
    void fewerImagesThanOneBatchAreRefusedInASentence() {
        assertThatThrownBy(() -> ThroughputBenchmark.distinctImages(100, 256, 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the benchmark needs at least one batch of 256 images, the data set has"
                                + " 100");
    }
}
