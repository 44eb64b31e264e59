package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.dnw.data.DataSplits;
import org.dnw.data.ImageSamples;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Shape;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.ParameterValues;
import org.dnw.train.RunControl;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchEngineTest {

    private static TrainingRequest request(
            ModelSpec spec, DataSplits splits, Hyperparameters hp, Path folder, int every) {
        return new TrainingRequest("t", spec, splits, hp, folder, every)
                .withEngine(EngineKind.SCRATCH);
    }

    private static List<TrainingEvent> run(TrainingRequest request) {
        return run(request, new RunControl(), null);
    }

    private static List<TrainingEvent> run(
            TrainingRequest request, RunControl control, Consumer<TrainingEvent> also) {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        ScratchEngine.loop(2)
                .run(
                        request,
                        control,
                        e -> {
                            events.add(e);
                            if (also != null) {
                                also.accept(e);
                            }
                        });
        return events;
    }

    private static <T> List<T> of(List<TrainingEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void startsWithItsDeviceAndEnvironmentAndNamesItsParameters() {
        // the order of events, the test evaluation and learning are in ScratchEngineContractTest
        List<TrainingEvent> events =
                run(
                        request(
                                ScratchFixtures.imageNet(3),
                                ScratchFixtures.imageSplits(3),
                                ScratchFixtures.sgd(0.5, 32, 3),
                                null,
                                3));

        RunStarted started = (RunStarted) events.get(0);
        assertThat(started.device()).isEqualTo("CPU (plain Java, 2 threads)");
        assertThat(started.environment()).containsOnlyKeys("java", "os", "engine");
        assertThat(started.environment().get("engine")).isEqualTo(EngineKind.SCRATCH.label());

        RunFinished finished = (RunFinished) events.get(events.size() - 1);
        assertThat(finished.parameters())
                .extracting(ParameterValues::name)
                .containsExactly(
                        "02Linear_weight", "02Linear_bias", "04Linear_weight", "04Linear_bias");
        assertThat(finished.parameters().get(2).shape()).containsExactly(3, 8);
        List<WeightsCaptured> weights = of(events, WeightsCaptured.class);
        assertThat(weights.get(8).values()).containsExactly(finished.parameters().get(0).values());
    }

    @Test
    void theSameSeedGivesTheSameNumbersOnAnyThreadCount() {
        DataSplits splits = ScratchFixtures.imageSplits(3);
        TrainingRequest r =
                request(
                        ScratchFixtures.imageNet(3),
                        splits,
                        ScratchFixtures.sgd(0.3, 16, 2),
                        null,
                        0);
        List<TrainingEvent> a = new ArrayList<>();
        List<TrainingEvent> b = new ArrayList<>();
        ScratchEngine.loop(1).run(r, new RunControl(), a::add);
        ScratchEngine.loop(3).run(r, new RunControl(), b::add);
        List<ParameterValues> pa = ((RunFinished) a.get(a.size() - 1)).parameters();
        List<ParameterValues> pb = ((RunFinished) b.get(b.size() - 1)).parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).values()).containsExactly(pa.get(i).values());
        }
        assertThat(of(b, BatchCompleted.class))
                .extracting(BatchCompleted::loss)
                .containsExactlyElementsOf(
                        of(a, BatchCompleted.class).stream().map(BatchCompleted::loss).toList());

        List<TrainingEvent> other =
                run(
                        request(
                                ScratchFixtures.imageNet(3),
                                splits,
                                ScratchFixtures.sgd(0.3, 16, 2).withSeed(43),
                                null,
                                0));
        List<ParameterValues> pc = ((RunFinished) other.get(other.size() - 1)).parameters();
        assertThat(pc.get(0).values()).isNotEqualTo(pa.get(0).values());
    }

    @Test
    void decayLowersTheRatePerEpochAsHyperparametersSay() {
        Hyperparameters hp =
                ScratchFixtures.sgd(0.1, 32, 4).withSchedule(ScheduleKind.DECAY).withDecayRate(0.5);
        List<TrainingEvent> events =
                run(
                        request(
                                ScratchFixtures.imageNet(3),
                                ScratchFixtures.imageSplits(3),
                                hp,
                                null,
                                0));

        assertThat(of(events, EpochCompleted.class))
                .extracting(EpochCompleted::learningRate)
                .containsExactly(0.1, 0.1 / 1.5, 0.1 / 2.0, 0.1 / 2.5);
    }

    @Test
    void oneSigmoidUnitWithSquaredErrorOnATable() {
        DataSplits splits =
                new DataSplits(
                        "blobs",
                        ScratchFixtures.blobs(200, 2, 1),
                        ScratchFixtures.blobs(0, 2, 2),
                        ScratchFixtures.blobs(80, 2, 3),
                        Map.of());
        Hyperparameters hp = ScratchFixtures.sgd(1.0, 10, 20).withLoss(LossKind.SQUARED_ERROR);
        List<TrainingEvent> events =
                run(request(ScratchFixtures.tableSigmoidNet(), splits, hp, null, 0));

        RunFinished f = (RunFinished) events.get(events.size() - 1);
        assertThat(f.test().accuracy()).isGreaterThan(0.95);
        float[] p = f.test().probabilities();
        assertThat(p).hasSize(160);
        for (int i = 0; i < 80; i++) {
            assertThat(p[2 * i] + p[2 * i + 1]).isCloseTo(1f, within(1e-6f));
            assertThat(f.test().predicted()[i]).isEqualTo(p[2 * i + 1] >= 0.5f ? 1 : 0);
        }
        // no validation split: NaN, as the event's contract says
        assertThat(of(events, EpochCompleted.class))
                .allMatch(
                        e ->
                                Double.isNaN(e.validationLoss())
                                        && Double.isNaN(e.validationAccuracy()));
        assertThat(f.parameters())
                .extracting(ParameterValues::name)
                .containsExactly(
                        "01Linear_weight", "01Linear_bias", "03Linear_weight", "03Linear_bias");
        assertThat(f.parameters().get(2).shape()).containsExactly(1, 6);
    }

    @Test
    void savesTheParametersAndASavedRunPredictsTheSame(@TempDir Path dir) throws Exception {
        DataSplits splits = ScratchFixtures.imageSplits(3);
        ModelSpec spec = ScratchFixtures.imageNet(3);
        List<TrainingEvent> events =
                run(request(spec, splits, ScratchFixtures.sgd(0.5, 32, 2), dir, 0));

        RunFinished f = (RunFinished) events.get(events.size() - 1);
        Path file = dir.resolve(ParamsArchive.FILE_NAME);
        assertThat(f.artifacts()).isEqualTo(dir);
        assertThat(file).isRegularFile();
        try (ScratchNetwork loaded = ScratchNetwork.load(spec, file);
                ScratchNetwork fromEvent = ScratchNetwork.fromParameters(spec, f.parameters())) {
            ImageSamples test = (ImageSamples) splits.test();
            float[] x = new float[test.size() * 36];
            for (int i = 0; i < x.length; i++) {
                x[i] = (test.pixels()[i] & 0xFF) / 255f;
            }
            float[] a = loaded.predict(x, test.size());
            float[] b = fromEvent.predict(test);
            assertThat(a).hasSize(f.test().probabilities().length);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(f.test().probabilities()[i], within(1e-5f));
                assertThat(b[i]).isCloseTo(f.test().probabilities()[i], within(1e-5f));
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(ParamsArchive.FILE_NAME);
        }
    }

    @Test
    void anUnwritableArtifactsFolderFailsWithASentence(@TempDir Path dir) throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        List<TrainingEvent> events =
                run(
                        request(
                                ScratchFixtures.imageNet(3),
                                ScratchFixtures.imageSplits(3),
                                ScratchFixtures.sgd(0.5, 64, 1),
                                notAFolder,
                                0));

        RunFailed failed = (RunFailed) events.get(events.size() - 1);
        assertThat(failed.reason()).startsWith("the trained network could not be saved in");
        assertThat(failed.advice()).contains("writable");
        assertThat(events).noneMatch(RunFinished.class::isInstance);
    }

    @Test
    void aRequestItCannotTrainEndsWithOneRunFailedAndNothingElse() {
        ModelSpec conv =
                new ModelSpec(
                        "c",
                        Shape.image(1, 6, 6),
                        List.of(
                                Conv2dSpec.of(2, 3, 1, Padding.VALID),
                                new Pool2dSpec(PoolType.MAX, 2, 2),
                                new FlattenSpec(),
                                OutputSpec.softmax(3)));
        List<TrainingEvent> events =
                run(
                        request(
                                conv,
                                ScratchFixtures.imageSplits(3),
                                ScratchFixtures.sgd(0.1, 8, 1),
                                null,
                                0));

        assertThat(events).hasSize(1);
        RunFailed failed = (RunFailed) events.get(0);
        assertThat(failed.reason())
                .contains("layer 1: the from-scratch engine has no convolutions");
        assertThat(failed.advice()).contains("'PyTorch (DJL)'");
    }

    private static org.assertj.core.data.Offset<Float> within(float d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
