package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnw.data.DataSplits;
import org.dnw.data.TableSamples;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

/**
 * The training service refuses a step that cannot fit in memory before any engine starts: the check
 * the command line and the window's Train button share.
 */
class TrainingServiceMemoryTest {

    private static final int FEATURES = 2000;

    private static TrainingRequest request(int units) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FEATURES; i++) {
            names.add("f" + i);
        }
        TableSamples rows =
                new TableSamples(
                        FEATURES,
                        new float[2 * FEATURES],
                        new int[] {0, 1},
                        List.of("a", "b"),
                        names);
        DataSplits splits = new DataSplits("two rows", rows, rows, rows, Map.of());
        ModelSpec spec =
                new ModelSpec(
                        "wide",
                        Shape.flat(FEATURES),
                        List.of(DenseSpec.of(units), OutputSpec.softmax(2)));
        return new TrainingRequest(
                        "wide",
                        spec,
                        splits,
                        Hyperparameters.defaults().withOptimizer(OptimizerKind.SGD),
                        null,
                        0)
                .withEngine(EngineKind.SCRATCH);
    }

    private static TrainingService service(long availableBytes) {
        return new TrainingService(
                Map.of(EngineKind.SCRATCH, ScratchEngine.loop()), engine -> availableBytes);
    }

    @Test
    void anAbsurdlyWideNetworkIsRefusedWithItsSizeAndTheMemoryAvailable() {
        TrainingRequest absurd = request(1 << 20);

        List<String> problems = service(4_000_000_000L).problems(absurd);

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("training needs about 34.1 GB of memory with batch 64")
                .contains("but only 4.0 GB is available");
        assertThatThrownBy(() -> service(4_000_000_000L).start(absurd, e -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training needs about 34.1 GB");
    }

    @Test
    void aNetworkThatFitsHasNoMemoryProblem() {
        assertThat(service(4_000_000_000L).problems(request(8))).isEmpty();
        assertThat(service(0).problems(request(1 << 20))).isEmpty();
    }

    @Test
    void theMachineReportsSomeMemory() {
        assertThat(MachineMemory.availablePhysicalBytes()).isPositive();
        assertThat(MachineMemory.availableBytes(EngineKind.SCRATCH))
                .isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }
}
