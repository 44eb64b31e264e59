package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.data.TableSamples;
import org.dnw.engine.TrainingServices;
import org.dnw.engine.scratch.ScratchEngine;
import org.dnw.eval.ClassificationReport;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class TwoDigitTaskTest {

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * {@code n} grey 28 × 28 images labelled {@code i % 10}; a 3 is bright in its left half, an 8
     * in its right half, the others in the top rows; pixel (0, 0) holds the image's number, so an
     * image can be recognised after selection.
     */
    static ImageSamples images(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    boolean on =
                            switch (labels[i]) {
                                case 3 -> x < 14;
                                case 8 -> x >= 14;
                                default -> y < 6;
                            };
                    int v = on ? 180 + random.nextInt(70) : random.nextInt(40);
                    pixels[(i * 28 + y) * 28 + x] = (byte) v;
                }
            }
            pixels[i * 28 * 28] = (byte) (i % 256);
        }
        return new ImageSamples(1, 28, 28, pixels, labels, DIGITS);
    }

    static LoadedDataset mnistLike(int train, int test) {
        return new LoadedDataset(
                "MNIST (sample)",
                images(train, 1),
                images(test, 2),
                Map.of("train-images-idx3-ubyte.gz", "abc"),
                "assets/mnist-sample",
                false);
    }

    @Test
    void theNetworkIsTheCoursesSigmoidNetwork() {
        ModelSpec spec = TwoDigitTask.network(15);

        assertThat(spec.input()).isEqualTo(Shape.image(1, 28, 28));
        assertThat(spec.layers())
                .containsExactly(
                        new FlattenSpec(),
                        new DenseSpec(15, true),
                        new ActivationSpec(ActivationType.SIGMOID),
                        new OutputSpec(2, OutputActivation.SIGMOID, true));
        assertThat(spec.analyse().isValid()).isTrue();
        // 784·15 + 15 weights and biases, then 15 + 1 for the output unit
        assertThat(spec.analyse().totalParameters()).isEqualTo(784 * 15 + 15 + 15 + 1);
        assertThat(spec.output().units()).isEqualTo(1);
        assertThatThrownBy(() -> TwoDigitTask.network(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 unit");
    }

    @Test
    void theSplitsHoldOnlyTheTwoDigitsLabelledZeroAndOne() {
        LoadedDataset data = mnistLike(400, 200);
        DataSplits splits = TwoDigitTask.splits(data, 3, 8, 0.1, 42);

        // 40 threes and 40 eights in training, 20 + 20 in the test split
        assertThat(splits.train().size() + splits.validation().size()).isEqualTo(80);
        assertThat(splits.validation().size()).isEqualTo(8);
        assertThat(splits.test().size()).isEqualTo(40);
        for (var s : List.of(splits.train(), splits.validation(), splits.test())) {
            assertThat(s.classNames()).containsExactly("3", "8");
            assertThat(Arrays.stream(s.labels()).distinct().sorted().toArray())
                    .containsExactly(0, 1);
        }
        // stratified: four of each digit held out
        assertThat(Arrays.stream(splits.validation().labels()).filter(l -> l == 1).count())
                .isEqualTo(4);
        assertThat(splits.datasetName()).isEqualTo("MNIST (sample), 3 vs 8");
        assertThat(splits.fileSha256()).containsKey("train-images-idx3-ubyte.gz");
        // test images in source order: the 3s and 8s of images 3, 8, 13, 18, ...
        ImageSamples test = (ImageSamples) splits.test();
        assertThat(test.pixel(0, 0, 0, 0)).isEqualTo(3);
        assertThat(test.labels()[0]).isZero();
        assertThat(test.pixel(1, 0, 0, 0)).isEqualTo(8);
        assertThat(test.labels()[1]).isEqualTo(1);
        assertThat(TwoDigitTask.splits(data, 8, 3, 0.1, 42).test().classNames())
                .containsExactly("8", "3");
    }

    @Test
    void theRequestCarriesTheEnginesSettingsAndEitherEngineAcceptsIt() {
        LoadedDataset data = mnistLike(300, 100);
        TrainingRequest scratch =
                TwoDigitTask.request(data, TwoDigitSettings.defaults(EngineKind.SCRATCH));
        assertThat(scratch.runName()).isEqualTo("two-digits-3-vs-8");
        assertThat(scratch.engine()).isEqualTo(EngineKind.SCRATCH);
        Hyperparameters hp = scratch.hyperparameters();
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(hp.learningRate()).isEqualTo(3.0);
        assertThat(hp.batchSize()).isEqualTo(10);
        assertThat(hp.loss()).isEqualTo(LossKind.SQUARED_ERROR);
        assertThat(hp.schedule()).isEqualTo(ScheduleKind.FIXED);
        assertThat(scratch.spec()).isEqualTo(TwoDigitTask.network(15));

        TrainingRequest djl =
                TwoDigitTask.request(
                        data, TwoDigitSettings.defaults(EngineKind.DJL).withHiddenUnits(30));
        assertThat(djl.engine()).isEqualTo(EngineKind.DJL);
        assertThat(djl.hyperparameters().optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(djl.hyperparameters().learningRate()).isEqualTo(0.01);
        assertThat(djl.hyperparameters().batchSize()).isEqualTo(32);
        assertThat(djl.hyperparameters().loss()).isEqualTo(LossKind.SQUARED_ERROR);
        assertThat(((DenseSpec) djl.spec().layers().get(1)).units()).isEqualTo(30);

        TrainingService service = TrainingServices.withAllEngines();
        assertThat(service.problems(scratch)).isEmpty();
        assertThat(service.problems(djl)).isEmpty();
    }

    @Test
    void badSettingsAndDataAreRefusedWithASentence() {
        LoadedDataset data = mnistLike(100, 50);
        assertThatThrownBy(
                        () ->
                                TwoDigitTask.request(
                                        data,
                                        TwoDigitSettings.defaults(EngineKind.SCRATCH)
                                                .withDigits(4, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different digits");
        assertThat(
                        TwoDigitSettings.defaults(EngineKind.SCRATCH)
                                .withLearningRate(0)
                                .withEpochCount(0)
                                .withHiddenUnits(5000)
                                .problems())
                .hasSize(3);
        TableSamples rows =
                new TableSamples(1, new float[] {1, 2}, new int[] {0, 1}, DIGITS, List.of("x"));
        LoadedDataset table = new LoadedDataset("seeds", rows, rows, Map.of(), "", true);
        assertThatThrownBy(() -> TwoDigitTask.splits(table, 3, 8, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs images");
    }

    @Test
    void outputsAreTheSigmoidUnitsColumn() {
        int[] actual = {0, 1, 1};
        TrainingEvent.TestEvaluation test =
                new TrainingEvent.TestEvaluation(
                        2 / 3.0,
                        0.1,
                        ClassificationReport.of(actual, new int[] {0, 1, 0}, 2),
                        actual,
                        new int[] {0, 1, 0},
                        new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f});
        assertThat(TwoDigitTask.outputs(test)).containsExactly(0.1f, 0.8f, 0.4f);
    }

    @Test
    void theScratchEngineLearnsToTellTheTwoApart() {
        LoadedDataset data = mnistLike(600, 200);
        TrainingRequest request =
                TwoDigitTask.request(
                        data,
                        TwoDigitSettings.defaults(EngineKind.SCRATCH)
                                .withEpochCount(3)
                                .withHiddenUnits(4));
        List<TrainingEvent> events = new ArrayList<>();
        ScratchEngine.loop(1).run(request, new RunControl(), events::add);

        TrainingEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(TrainingEvent.RunFinished.class);
        TrainingEvent.TestEvaluation test = ((TrainingEvent.RunFinished) last).test();
        assertThat(test.accuracy()).isGreaterThan(0.95);
        float[] outputs = TwoDigitTask.outputs(test);
        assertThat(outputs).hasSize(40);
        // the output is the probability of the second digit: high for the 8s, low for the 3s
        for (int i = 0; i < outputs.length; i++) {
            assertThat(outputs[i] >= 0.5f ? 1 : 0).isEqualTo(test.predicted()[i]);
        }
        assertThat(events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted))
                .hasSize(3);
    }
}
