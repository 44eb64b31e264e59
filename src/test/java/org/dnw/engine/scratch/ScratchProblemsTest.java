package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.DataSplits;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;

class ScratchProblemsTest {

    private static TrainingRequest request(ModelSpec spec, DataSplits splits, Hyperparameters hp) {
        return new TrainingRequest("t", spec, splits, hp, null, 0).withEngine(EngineKind.SCRATCH);
    }

    @Test
    void saysWhatTheEngineCannotDo() {
        ModelSpec cnn = Presets.load("seed-cnn");
        List<String> cnnProblems = ScratchProblems.of(cnn, null);
        assertThat(cnnProblems)
                .contains(
                        "layer 1: the from-scratch engine has no convolutions — choose 'PyTorch"
                                + " (DJL)' or use dense layers only");
        assertThat(cnnProblems).anyMatch(s -> s.contains("has no pooling"));

        ModelSpec withExtras =
                new ModelSpec(
                        "x",
                        Shape.flat(4),
                        List.of(
                                DenseSpec.of(4),
                                new BatchNormSpec(),
                                ActivationSpec.of(ActivationType.GELU),
                                new DropoutSpec(0.5),
                                OutputSpec.softmax(3)));
        Hyperparameters adam = ScratchFixtures.sgd(0.1, 8, 1).withOptimizer(OptimizerKind.ADAM);
        assertThat(ScratchProblems.of(withExtras, adam))
                .containsExactly(
                        "layer 2: the from-scratch engine has no batch normalisation — remove the"
                                + " BatchNorm layer or choose 'PyTorch (DJL)'",
                        "layer 3: the from-scratch engine has no GELU activation — use ReLU,"
                                + " sigmoid or tanh, or choose 'PyTorch (DJL)'",
                        "layer 4: the from-scratch engine has no dropout — remove the dropout"
                                + " layer or choose 'PyTorch (DJL)'",
                        "the from-scratch engine trains with plain SGD only — choose SGD as the"
                                + " optimiser, or 'PyTorch (DJL)'");
        assertThat(ScratchProblems.of(Presets.load("mlp"), ScratchFixtures.sgd(0.1, 8, 1)))
                .isEmpty();
        assertThat(ScratchProblems.of(Presets.load("mlp-15"), null)).isEmpty();
        assertThat(ScratchProblems.of(Presets.load("fcnet"), null)).isEmpty();
    }

    @Test
    void dataThatDoesNotFitTheNetworkIsReported() {
        DataSplits tables =
                new DataSplits(
                        "blobs",
                        ScratchFixtures.blobs(20, 3, 1),
                        ScratchFixtures.blobs(0, 3, 1),
                        ScratchFixtures.blobs(5, 3, 1),
                        Map.of());
        TrainingRequest r =
                request(ScratchFixtures.imageNet(3), tables, ScratchFixtures.sgd(0.1, 8, 1));
        assertThat(ScratchProblems.of(r))
                .containsExactly(
                        "the network expects inputs of 1 × 6 × 6 but the data set's"
                                + " samples are 4 — adapt the network to the data set");

        TrainingRequest augmented =
                request(
                                ScratchFixtures.imageNet(3),
                                ScratchFixtures.imageSplits(3),
                                ScratchFixtures.sgd(0.1, 8, 1))
                        .withAugmentation(AugmentationSpec.NONE.withGaussianNoiseSigma(0.1));
        assertThat(ScratchProblems.of(augmented))
                .containsExactly(
                        "the from-scratch engine does not augment images — turn"
                                + " augmentation off or choose 'PyTorch (DJL)'");

        TrainingRequest threeClassesOneUnit =
                request(ScratchFixtures.tableSigmoidNet(), tables, ScratchFixtures.sgd(0.1, 8, 1));
        assertThat(ScratchProblems.of(threeClassesOneUnit))
                .anyMatch(s -> s.startsWith("a single sigmoid output unit separates exactly 2"));
    }
}
