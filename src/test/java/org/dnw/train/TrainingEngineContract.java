package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.dnw.data.DataSplits;
import org.dnw.eval.ConfusionMatrix;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunPaused;
import org.dnw.train.TrainingEvent.RunResumed;
import org.dnw.train.TrainingEvent.RunStarted;
import org.dnw.train.TrainingEvent.TestEvaluation;
import org.dnw.train.TrainingEvent.WeightsCaptured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine behind the one {@link EngineTrainingLoop} must show, on the same tiny images
 * ({@link TrainingFixtures}): the same event order, the same divergence rule, cancel between
 * batches, pause and resume that change no number, and the same numbers for the same seed. One
 * subclass per engine supplies the loop; the from-scratch one is a unit test, the PyTorch one an
 * integration test (it starts the native engine).
 */
public abstract class TrainingEngineContract {

    /** A loop with the engine under test; called once per run. */
    protected abstract TrainingLoop loop();

    /** The engine under test, as a request names it. */
    protected abstract EngineKind engine();

    /** True when the engine reports {@link TrainingEvent.LayersMeasured} after each epoch. */
    protected boolean measuresLayers() {
        return false;
    }

    /** The optimisers the resume case checks, each with a rate at which it learns the fixture. */
    protected Map<OptimizerKind, Double> resumableOptimizers() {
        return Map.of(OptimizerKind.SGD, 0.05);
    }

    /**
     * The networks the resume case checks; an engine with dropout and batch normalisation adds one
     * with both (the dropout draws and the running statistics must travel too).
     */
    protected Map<String, org.dnw.spec.ModelSpec> resumableNetworks() {
        return Map.of("dense", TrainingFixtures.imageNet(3));
    }

    @TempDir Path temp;

    private TrainingRequest request(Hyperparameters hp, int weightsEvery) {
        return new TrainingRequest(
                        "contract",
                        TrainingFixtures.imageNet(3),
                        TrainingFixtures.imageSplits(3),
                        hp,
                        null,
                        weightsEvery)
                .withEngine(engine());
    }

    /** Like {@link #request} on {@link TrainingFixtures#overfittingSplits}. */
    private TrainingRequest overfitting(Hyperparameters hp) {
        return overfitting(hp, TrainingFixtures.imageNet(3));
    }

    private TrainingRequest overfitting(Hyperparameters hp, org.dnw.spec.ModelSpec net) {
        return new TrainingRequest(
                        "contract", net, TrainingFixtures.overfittingSplits(3), hp, null, 0)
                .withEngine(engine());
    }

    private List<TrainingEvent> run(TrainingRequest request) {
        return run(request, new RunControl(), null);
    }

    private List<TrainingEvent> run(
            TrainingRequest request, RunControl control, Consumer<TrainingEvent> also) {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        loop().run(
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

    private static TrainingEvent last(List<TrainingEvent> events) {
        return events.get(events.size() - 1);
    }

    /** One line per event, enough to compare the order of two runs. */
    private static String label(TrainingEvent e) {
        if (e instanceof BatchCompleted b) {
            return "batch " + b.epoch() + "." + b.batch();
        } else if (e instanceof WeightsCaptured w) {
            return "weights " + w.epoch() + "." + w.batch();
        } else if (e instanceof EpochCompleted c) {
            return "epoch " + c.epoch();
        } else if (e instanceof TrainingEvent.LayersMeasured m) {
            return "layers " + m.epoch();
        } else if (e instanceof RunPaused p) {
            return "paused " + p.epoch() + "." + p.batch();
        } else if (e instanceof RunResumed r) {
            return "resumed " + r.epoch() + "." + r.batch();
        } else if (e instanceof RunStarted) {
            return "started";
        } else if (e instanceof RunFinished) {
            return "finished";
        } else if (e instanceof RunFailed) {
            return "failed";
        } else if (e instanceof RunCancelled) {
            return "cancelled";
        }
        return e.getClass().getSimpleName();
    }

    @Test
    void emitsTheEventsInTheContractsOrderAndLearns() {
        DataSplits splits = TrainingFixtures.imageSplits(3);
        List<TrainingEvent> events = run(request(TrainingFixtures.sgd(0.5, 32, 3), 3));

        // 240 samples in batches of 32: 8 batches per epoch; weights every 3 batches (3, 6) and
        // right after each EpochCompleted (8)
        List<String> expected = new ArrayList<>();
        expected.add("started");
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (int b = 1; b <= 8; b++) {
                expected.add("batch " + epoch + "." + b);
                if (b % 3 == 0) {
                    expected.add("weights " + epoch + "." + b);
                }
            }
            expected.add("epoch " + epoch);
            if (measuresLayers()) {
                expected.add("layers " + epoch);
            }
            expected.add("weights " + epoch + ".8");
        }
        expected.add("finished");
        assertThat(events.stream().map(TrainingEngineContract::label).toList())
                .containsExactlyElementsOf(expected);

        RunStarted started = (RunStarted) events.get(0);
        assertThat(started.batchesPerEpoch()).isEqualTo(8);
        assertThat(started.trainSize()).isEqualTo(240);
        assertThat(started.validationSize()).isEqualTo(60);
        assertThat(started.testSize()).isEqualTo(90);
        // 36·8 + 8 + 8·3 + 3
        assertThat(started.parameterCount()).isEqualTo(323);

        List<BatchCompleted> batches = of(events, BatchCompleted.class);
        assertThat(batches).allMatch(b -> b.batchesPerEpoch() == 8 && b.loss() > 0);
        assertThat(batches).allMatch(b -> b.runningAccuracy() >= 0 && b.runningAccuracy() <= 1);
        assertThat(batches).allMatch(b -> b.samplesPerSecond() > 0);

        List<WeightsCaptured> weights = of(events, WeightsCaptured.class);
        assertThat(weights.get(0).shape()).containsExactly(8, 36);
        assertThat(weights.get(0).values()).hasSize(8 * 36);

        List<EpochCompleted> epochs = of(events, EpochCompleted.class);
        assertThat(epochs).allMatch(e -> e.epochCount() == 3 && e.learningRate() == 0.5);
        assertThat(epochs.get(2).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(epochs.get(2).validationAccuracy()).isGreaterThan(0.9);

        RunFinished finished = (RunFinished) last(events);
        assertThat(finished.epochsCompleted()).isEqualTo(3);
        assertThat(finished.artifacts()).isNull();
        TestEvaluation test = finished.test();
        assertThat(test.accuracy()).isGreaterThan(0.9);
        assertThat(test.actual()).containsExactly(splits.test().labels());
        assertThat(test.report().matrix())
                .isEqualTo(ConfusionMatrix.of(test.actual(), test.predicted(), 3));
        assertThat(test.report().accuracy()).isEqualTo(test.accuracy());
        assertThat(test.probabilities()).hasSize(90 * 3);
        float[] p = test.probabilities();
        for (int i = 0; i < 90; i++) {
            assertThat(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).isCloseTo(1f, Offset.offset(1e-5f));
            int best =
                    p[3 * i] >= p[3 * i + 1] && p[3 * i] >= p[3 * i + 2]
                            ? 0
                            : p[3 * i + 1] >= p[3 * i + 2] ? 1 : 2;
            assertThat(test.predicted()[i]).isEqualTo(best);
        }
        // the last epoch's captured weights are the trained first-layer weights
        ParameterValues first =
                finished.parameters().stream()
                        .filter(v -> v.name().endsWith("_weight"))
                        .findFirst()
                        .orElseThrow();
        assertThat(weights.get(weights.size() - 1).values()).containsExactly(first.values());
    }

    @Test
    void aHugeLearningRateDivergesByTheOneRuleAndEndsTheRun() {
        List<TrainingEvent> events = run(request(TrainingFixtures.sgd(1e30, 32, 3), 0));

        RunFailed failed = (RunFailed) last(events);
        assertThat(failed.reason())
                .matches(
                        "the loss (became (NaN|infinite)|exploded from \\S+ to \\S+) at epoch 1,"
                                + " batch \\d+ — the training diverged");
        assertThat(failed.advice()).isEqualTo(Divergence.advice(1e30));
        assertThat(failed.epoch()).isEqualTo(1);
        assertThat(failed.batch()).isBetween(1, 8);
        assertThat(events.stream().filter(TrainingEvent::isTerminal)).hasSize(1);
        // the diverged batch itself is not reported as completed
        assertThat(of(events, BatchCompleted.class)).hasSize(failed.batch() - 1);
        assertThat(of(events, EpochCompleted.class)).isEmpty();
    }

    @Test
    void cancelAtACheckpointStopsAtThatBatch() {
        RunControl control = new RunControl();
        List<TrainingEvent> events =
                run(
                        request(TrainingFixtures.sgd(0.5, 32, 3), 0),
                        control,
                        e -> {
                            if (e instanceof BatchCompleted b && b.epoch() == 2 && b.batch() == 3) {
                                control.requestCancel();
                            }
                        });

        RunCancelled c = (RunCancelled) last(events);
        assertThat(c.epochsCompleted()).isEqualTo(1);
        assertThat(c.epoch()).isEqualTo(2);
        assertThat(c.batch()).isEqualTo(3);
        assertThat(of(events, BatchCompleted.class)).hasSize(8 + 3);
        assertThat(events.stream().filter(TrainingEvent::isTerminal)).hasSize(1);
    }

    @Test
    void cancelFromAnotherThreadEndsTheRunAfterAtMostOneMoreBatch() throws Exception {
        RunControl control = new RunControl();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch twenty = new CountDownLatch(20);
        AtomicLong endedAt = new AtomicLong();
        // long enough that the run is still going when the cancel comes
        TrainingRequest request = request(TrainingFixtures.sgd(0.1, 8, 1_000), 0);
        Thread training =
                new Thread(
                        () ->
                                loop().run(
                                                request,
                                                control,
                                                e -> {
                                                    if (e.isTerminal()) {
                                                        endedAt.set(System.nanoTime());
                                                    }
                                                    events.add(e);
                                                    if (e instanceof BatchCompleted) {
                                                        twenty.countDown();
                                                    }
                                                }),
                        "contract-training");
        training.start();
        assertThat(twenty.await(2, TimeUnit.MINUTES)).isTrue();
        // land in the middle of a batch, not at the checkpoint right after one
        Thread.sleep(3);
        long asked = System.nanoTime();
        control.requestCancel();
        long batchesWhenAsked = of(events, BatchCompleted.class).size();
        training.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(training.isAlive()).isFalse();

        assertThat(last(events)).isInstanceOf(RunCancelled.class);
        assertThat(events.stream().filter(TrainingEvent::isTerminal)).hasSize(1);
        long batchesAfter = of(events, BatchCompleted.class).size() - batchesWhenAsked;
        assertThat(batchesAfter).isBetween(0L, 1L);
        System.out.printf(
                "%s: cancel took %.2f ms, %d batch(es) after it%n",
                engine().label(), (endedAt.get() - asked) / 1e6, batchesAfter);
    }

    @Test
    void pauseAndResumeGoOnWithTheSameNumbers() {
        TrainingRequest request = request(TrainingFixtures.sgd(0.5, 32, 2), 0);
        RunControl control = new RunControl();
        List<TrainingEvent> events =
                run(
                        request,
                        control,
                        e -> {
                            if (e instanceof BatchCompleted b && b.epoch() == 1 && b.batch() == 2) {
                                control.requestPause();
                            }
                            if (e instanceof RunPaused) {
                                // resume from another thread, as the UI would
                                new Thread(
                                                () -> {
                                                    sleep(150);
                                                    control.requestResume();
                                                })
                                        .start();
                            }
                        });

        int paused = indexOf(events, RunPaused.class);
        int resumed = indexOf(events, RunResumed.class);
        assertThat(paused).isPositive();
        assertThat(resumed).isEqualTo(paused + 1);
        assertThat(((RunPaused) events.get(paused)).batch()).isEqualTo(2);
        assertThat(events.get(paused - 1)).isInstanceOf(BatchCompleted.class);
        assertThat(of(events, BatchCompleted.class)).hasSize(16);
        assertThat(last(events)).isInstanceOf(RunFinished.class);

        assertSameNumbers(events, run(request));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        TrainingRequest request = request(TrainingFixtures.sgd(0.3, 16, 2), 0);
        List<TrainingEvent> a = run(request);
        List<TrainingEvent> b = run(request);
        assertSameNumbers(a, b);

        List<TrainingEvent> other = run(request(TrainingFixtures.sgd(0.3, 16, 2).withSeed(43), 0));
        assertThat(((RunFinished) last(other)).parameters().get(0).values())
                .isNotEqualTo(((RunFinished) last(a)).parameters().get(0).values());
    }

    @Test
    void earlyStoppingEndsTheRunAndItsResultIsTheBestEpochsNetwork() {
        // a third of the validation labels are wrong: its loss falls, then rises as training grows
        // sure
        Hyperparameters hp =
                TrainingFixtures.sgd(0.05, 16, 12).withValidationShare(0.2).withPatience(1);
        List<TrainingEvent> events = run(overfitting(hp));
        RunFinished f = (RunFinished) last(events);
        List<EpochCompleted> epochs = of(events, EpochCompleted.class);
        List<Double> losses = epochs.stream().map(EpochCompleted::validationLoss).toList();
        TrainingEvent.EarlyStop stop = f.earlyStop();

        assertThat(stop).as("validation losses %s", losses).isNotNull();
        assertThat(stop.stopped()).as("validation losses %s", losses).isTrue();
        assertThat(epochs).hasSize(stop.lastEpoch()).hasSizeLessThan(hp.epochCount());
        assertThat(f.epochsCompleted()).isEqualTo(stop.lastEpoch());
        // patience 1: the epoch after the kept one brought no lower loss, and no epoch did
        int kept = stop.keptEpoch();
        assertThat(stop.lastEpoch()).isEqualTo(kept + 1);
        double keptLoss = losses.get(kept - 1);
        assertThat(stop.keptValidationLoss()).isEqualTo(keptLoss);
        assertThat(losses).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(keptLoss));
        assertThat(stop.sentence())
                .isEqualTo(
                        "stopped early after epoch "
                                + (kept + 1)
                                + ": no better validation loss for 1 epoch; kept epoch "
                                + kept
                                + String.format(
                                        java.util.Locale.ROOT,
                                        " (validation loss %.4f)",
                                        keptLoss));

        // the result is the kept epoch's network: its first weights as captured at that epoch's
        // end...
        WeightsCaptured atKept =
                of(events, WeightsCaptured.class).stream()
                        .filter(w -> w.epoch() == kept)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(f.parameters().get(0).values()).containsExactly(atKept.values());
        // ...and the same test figures as a run that trains just those epochs (fixed rate, seed)
        RunFinished shorter =
                (RunFinished) last(run(overfitting(hp.withPatience(0).withEpochCount(kept))));
        assertThat(shorter.earlyStop()).isNull();
        assertThat(f.test().loss()).isEqualTo(shorter.test().loss());
        assertThat(f.test().predicted()).containsExactly(shorter.test().predicted());
        for (int i = 0; i < f.parameters().size(); i++) {
            assertThat(f.parameters().get(i).values())
                    .containsExactly(shorter.parameters().get(i).values());
        }

        // patience 0 trains every epoch, along the very same path
        List<TrainingEvent> all = run(overfitting(hp.withPatience(0)));
        assertThat(((RunFinished) last(all)).earlyStop()).isNull();
        assertThat(of(all, EpochCompleted.class)).hasSize(hp.epochCount());
        assertThat(
                        of(all, EpochCompleted.class).stream()
                                .limit(epochs.size())
                                .map(EpochCompleted::validationLoss)
                                .toList())
                .containsExactlyElementsOf(losses);
    }

    @Test
    void aRunResumedFromACheckpointInAFreshLoopEndsWithExactlyTheSameNumbers() throws Exception {
        for (Map.Entry<String, org.dnw.spec.ModelSpec> net : resumableNetworks().entrySet()) {
            for (Map.Entry<OptimizerKind, Double> o : resumableOptimizers().entrySet()) {
                // early stopping on: the best epoch's parameters and the stop decision travel too
                Hyperparameters hp =
                        TrainingFixtures.sgd(o.getValue(), 16, 6)
                                .withOptimizer(o.getKey())
                                .withValidationShare(0.2)
                                .withPatience(2);
                String what = net.getKey() + "-" + o.getKey().name();
                Path wholeFolder = temp.resolve(what + "-whole");
                List<TrainingEvent> whole =
                        run(overfitting(hp, net.getValue()).withCheckpoints(wholeFolder, false));
                assertThat(last(whole)).as(what).isInstanceOf(RunFinished.class);
                // the last two are kept, each complete
                int epochs = ((RunFinished) last(whole)).epochsCompleted();
                assertThat(Checkpoints.newest(wholeFolder).checkpoint().orElseThrow().epoch())
                        .isEqualTo(epochs);
                try (var dirs = java.nio.file.Files.list(wholeFolder)) {
                    assertThat(dirs.map(d -> d.getFileName().toString()).sorted().toList())
                            .containsExactly(
                                    String.format("epoch-%04d", epochs - 1),
                                    String.format("epoch-%04d", epochs));
                }

                // stopped after epoch 2's checkpoint (a kill leaves the same files), then resumed
                // by a
                // fresh loop and engine
                Path folder = temp.resolve(what + "-resumed");
                List<TrainingEvent> first =
                        runUntilEpoch(
                                overfitting(hp, net.getValue()).withCheckpoints(folder, false), 2);
                assertThat(last(first)).isInstanceOf(RunCancelled.class);
                List<TrainingEvent> rest =
                        run(overfitting(hp, net.getValue()).withCheckpoints(folder, true));
                TrainingEvent.CheckpointRestored restored =
                        of(rest, TrainingEvent.CheckpointRestored.class).get(0);
                assertThat(restored.epoch()).isEqualTo(2);
                assertThat(restored.notices()).isEmpty();
                // it keeps the time it first started
                assertThat(of(rest, RunStarted.class).get(0).startedAt())
                        .isEqualTo(of(first, RunStarted.class).get(0).startedAt());
                assertThat(restored.epochs())
                        .extracting(EpochCompleted::validationLoss)
                        .containsExactlyElementsOf(
                                of(whole, EpochCompleted.class).stream()
                                        .limit(2)
                                        .map(EpochCompleted::validationLoss)
                                        .toList());
                // epochs 1 and 2 are not trained again
                assertThat(of(rest, BatchCompleted.class)).allMatch(b -> b.epoch() > 2);
                assertResumedLikeWhole(whole, rest, 2, what);

                // a damaged newest checkpoint: the one before it is used, with a sentence
                Path damaged = temp.resolve(what + "-damaged");
                runUntilEpoch(overfitting(hp, net.getValue()).withCheckpoints(damaged, false), 3);
                Path params = Checkpoints.folderOf(damaged, 3).resolve(EngineStateFiles.PARAMETERS);
                byte[] bytes = java.nio.file.Files.readAllBytes(params);
                bytes[bytes.length - 3] ^= 0x40;
                java.nio.file.Files.write(params, bytes);
                List<TrainingEvent> fallback =
                        run(overfitting(hp, net.getValue()).withCheckpoints(damaged, true));
                TrainingEvent.CheckpointRestored from =
                        of(fallback, TrainingEvent.CheckpointRestored.class).get(0);
                assertThat(from.epoch()).isEqualTo(2);
                assertThat(from.notices())
                        .containsExactly(
                                "the checkpoint of epoch 3 is damaged (parameters.npz does not match"
                                        + " its checksum); resuming from epoch 2");
                assertResumedLikeWhole(whole, fallback, 2, what);
            }
        }
    }

    @Test
    void resumingWithoutAUsableCheckpointFailsWithASentence() {
        TrainingRequest request =
                request(TrainingFixtures.sgd(0.5, 32, 2), 0)
                        .withCheckpoints(temp.resolve("none"), true);
        RunFailed failed = (RunFailed) last(run(request));
        assertThat(failed.reason()).startsWith("there is no usable checkpoint to resume from in ");
    }

    /** Runs {@code request} and cancels it right after epoch {@code epoch}'s checkpoint. */
    private List<TrainingEvent> runUntilEpoch(TrainingRequest request, int epoch) {
        RunControl control = new RunControl();
        return run(
                request,
                control,
                e -> {
                    if (e instanceof EpochCompleted c && c.epoch() == epoch) {
                        control.requestCancel();
                    }
                });
    }

    /** The resumed run's epochs after {@code from} and its result equal the uninterrupted run's. */
    private static void assertResumedLikeWhole(
            List<TrainingEvent> whole, List<TrainingEvent> resumed, int from, String what) {
        assertThat(last(resumed)).as(what).isInstanceOf(RunFinished.class);
        assertThat(of(resumed, EpochCompleted.class))
                .as(what)
                .extracting(
                        EpochCompleted::epoch,
                        EpochCompleted::trainLoss,
                        EpochCompleted::validationLoss)
                .containsExactlyElementsOf(
                        of(whole, EpochCompleted.class).stream()
                                .filter(e -> e.epoch() > from)
                                .map(
                                        e ->
                                                org.assertj.core.groups.Tuple.tuple(
                                                        e.epoch(),
                                                        e.trainLoss(),
                                                        e.validationLoss()))
                                .toList());
        RunFinished a = (RunFinished) last(whole);
        RunFinished b = (RunFinished) last(resumed);
        assertThat(b.epochsCompleted()).as(what).isEqualTo(a.epochsCompleted());
        assertThat(b.earlyStop()).as(what).isEqualTo(a.earlyStop());
        assertThat(b.test().accuracy()).as(what).isEqualTo(a.test().accuracy());
        assertThat(b.test().loss()).as(what).isEqualTo(a.test().loss());
        assertThat(b.test().predicted()).as(what).containsExactly(a.test().predicted());
        for (int i = 0; i < a.parameters().size(); i++) {
            assertThat(b.parameters().get(i).values())
                    .as(what + " " + a.parameters().get(i).name())
                    .containsExactly(a.parameters().get(i).values());
        }
    }

    @Test
    void aListenerThatThrowsIsSkippedAndTheRunGoesOn() {
        List<TrainingEvent> events = new ArrayList<>();
        loop().run(
                        request(TrainingFixtures.sgd(0.5, 32, 1), 0),
                        new RunControl(),
                        e -> {
                            events.add(e);
                            if (e instanceof BatchCompleted b && b.batch() == 4) {
                                throw new IllegalStateException("listener broke");
                            }
                        });

        // a broken view neither stops nor fails a run
        assertThat(events.stream().filter(TrainingEvent::isTerminal)).hasSize(1);
        assertThat(last(events)).isInstanceOf(RunFinished.class);
    }

    /** Batch and epoch losses, test figures and every parameter are identical. */
    private static void assertSameNumbers(List<TrainingEvent> a, List<TrainingEvent> b) {
        assertThat(of(b, BatchCompleted.class))
                .extracting(BatchCompleted::loss)
                .containsExactlyElementsOf(
                        of(a, BatchCompleted.class).stream().map(BatchCompleted::loss).toList());
        assertThat(of(b, EpochCompleted.class))
                .extracting(EpochCompleted::trainLoss, EpochCompleted::validationLoss)
                .containsExactlyElementsOf(
                        of(a, EpochCompleted.class).stream()
                                .map(
                                        e ->
                                                org.assertj.core.groups.Tuple.tuple(
                                                        e.trainLoss(), e.validationLoss()))
                                .toList());
        RunFinished fa = (RunFinished) last(a);
        RunFinished fb = (RunFinished) last(b);
        assertThat(fb.test().loss()).isEqualTo(fa.test().loss());
        assertThat(fb.test().accuracy()).isEqualTo(fa.test().accuracy());
        assertThat(fb.test().predicted()).containsExactly(fa.test().predicted());
        assertThat(fb.test().probabilities()).containsExactly(fa.test().probabilities());
        assertThat(fb.parameters()).hasSameSizeAs(fa.parameters());
        for (int i = 0; i < fa.parameters().size(); i++) {
            assertThat(fb.parameters().get(i).values())
                    .containsExactly(fa.parameters().get(i).values());
        }
    }

    private static int indexOf(List<TrainingEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
