package org.dnw.ui.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dnw.data.CorruptionKind;
import org.dnw.data.CorruptionSpec;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.junit.jupiter.api.Test;

class RobustnessViewModelTest {

    private static final RunSummary PLAIN = FakeEvaluator.run("seed-cnn", 0.991);
    private static final RunSummary AUGMENTED = FakeEvaluator.run("seed-cnn-augmented", 0.989);

    private final FakeEvaluator evaluator = new FakeEvaluator();
    private List<RunSummary> listed = List.of(PLAIN, FakeEvaluator.damaged("broken"), AUGMENTED);

    private RobustnessViewModel model(RobustnessEvaluator e) {
        RobustnessViewModel m =
                new RobustnessViewModel(() -> listed, e, Runnable::run, Runnable::run, () -> 0L);
        m.refreshRuns();
        return m;
    }

    @Test
    void damagedRunsAreLeftOutAndTheFirstRunIsTicked() {
        RobustnessViewModel m = model(evaluator);
        assertThat(m.runs())
                .extracting(c -> c.run().runName())
                .containsExactly("seed-cnn", "seed-cnn-augmented");
        assertThat(m.runs().get(0).isSelected()).isTrue();
        assertThat(m.runs().get(1).isSelected()).isFalse();
        assertThat(m.runs().get(0).text()).isEqualTo("seed-cnn · mnist · test 99.1 % · 5 epochs");
        assertThat(m.canCheckBinding().get()).isTrue();

        m.runs().get(0).setSelected(false);
        assertThat(m.canCheckBinding().get()).isFalse();
    }

    @Test
    void refreshingKeepsTheTicks() {
        RobustnessViewModel m = model(evaluator);
        m.runs().get(0).setSelected(false);
        m.runs().get(1).setSelected(true);
        m.refreshRuns();
        assertThat(m.runs()).extracting(RunChoice::isSelected).containsExactly(false, true);
    }

    @Test
    void aCheckMeasuresEveryRunAtEveryStrengthAndFillsTheTableInOrder() {
        RobustnessViewModel m = model(evaluator);
        m.runs().get(1).setSelected(true);
        m.kindProperty().set(CorruptionKind.GAUSSIAN_NOISE);
        m.strengthsTextProperty().set("0.3, 0.1");
        m.check();

        assertThat(evaluator.calls)
                .extracting(FakeEvaluator.Call::run)
                .containsExactly(
                        "seed-cnn",
                        "seed-cnn",
                        "seed-cnn",
                        "seed-cnn-augmented",
                        "seed-cnn-augmented",
                        "seed-cnn-augmented");
        assertThat(evaluator.calls)
                .extracting(FakeEvaluator.Call::corruption)
                .containsExactly(
                        CorruptionSpec.NONE,
                        CorruptionSpec.gaussianNoise(0.1),
                        CorruptionSpec.gaussianNoise(0.3),
                        CorruptionSpec.NONE,
                        CorruptionSpec.gaussianNoise(0.1),
                        CorruptionSpec.gaussianNoise(0.3));
        assertThat(evaluator.calls)
                .extracting(FakeEvaluator.Call::seed)
                .containsOnly(RobustnessViewModel.DEFAULT_SEED);
        assertThat(evaluator.finished).isEqualTo(1);

        assertThat(m.columnTitles()).containsExactly("seed-cnn", "seed-cnn-augmented");
        assertThat(m.rows())
                .extracting(RobustnessRow::label)
                .containsExactly("clean", "Gaussian σ = 0.1", "Gaussian σ = 0.3");
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 2; column++) {
                RunSummary run = column == 0 ? PLAIN : AUGMENTED;
                assertThat(m.rows().get(row).accuracy(column))
                        .isEqualTo(FakeEvaluator.curve(run, m.rows().get(row).corruption()));
            }
        }
        assertThat(m.results())
                .extracting(r -> r.column() + ":" + r.row())
                .containsExactly("0:0", "0:1", "0:2", "1:0", "1:1", "1:2");
        assertThat(m.results().get(2).strength()).isEqualTo(0.3);
        assertThat(m.strengthAxisLabelProperty().get()).isEqualTo("noise σ");
        assertThat(m.job().runningProperty().get()).isFalse();
        assertThat(m.job().progressProperty().get()).isEqualTo(1.0);
        assertThat(m.job().statusProperty().get())
                .isEqualTo("Done: 6 accuracies measured in 0.0 s.");
        assertThat(m.job().errorProperty().get()).isEmpty();
    }

    @Test
    void progressCountsFinishedCallsAndTheShareOfTheCurrentOne() {
        List<Double> seen = new ArrayList<>();
        RobustnessViewModel[] holder = new RobustnessViewModel[1];
        RobustnessEvaluator e =
                (run, corruption, seed, progress, cancelled) -> {
                    progress.accept(0.5);
                    seen.add(holder[0].job().progressProperty().get());
                    return 0.9;
                };
        holder[0] = model(e);
        holder[0].kindProperty().set(CorruptionKind.BLUR);
        holder[0].strengthsTextProperty().set("1");
        holder[0].check();
        assertThat(seen).containsExactly(0.25, 0.75);
    }

    @Test
    void cancelStopsBeforeTheNextCallAndKeepsWhatWasMeasured() {
        RobustnessViewModel[] holder = new RobustnessViewModel[1];
        List<CorruptionSpec> asked = new ArrayList<>();
        int[] finished = {0};
        RobustnessEvaluator e =
                new RobustnessEvaluator() {
                    @Override
                    public double accuracy(
                            RunSummary run,
                            CorruptionSpec corruption,
                            long seed,
                            DoubleConsumer progress,
                            BooleanSupplier cancelled) {
                        asked.add(corruption);
                        if (asked.size() == 3) {
                            holder[0].cancel();
                            assertThat(cancelled.getAsBoolean()).isTrue();
                        }
                        return 0.8;
                    }

                    @Override
                    public void checkFinished() {
                        finished[0]++;
                    }
                };
        holder[0] = model(e);
        RobustnessViewModel m = holder[0];
        m.check();
        assertThat(asked).hasSize(3);
        assertThat(m.results()).hasSize(2);
        assertThat(m.rows().get(2).accuracy(0)).isNaN();
        assertThat(m.job().runningProperty().get()).isFalse();
        assertThat(m.job().statusProperty().get())
                .isEqualTo("Cancelled: 2 of 6 accuracies measured.");
        assertThat(finished[0]).isEqualTo(1);
        assertThat(m.canCheckBinding().get()).isTrue();
    }

    @Test
    void anErrorOfTheEvaluatorIsShownAsASentence() {
        RobustnessEvaluator e =
                (run, corruption, seed, progress, cancelled) -> {
                    if (!corruption.isIdentity()) {
                        throw new IOException("its saved parameters are missing.");
                    }
                    return 0.97;
                };
        RobustnessViewModel m = model(e);
        m.check();
        assertThat(m.job().errorProperty().get())
                .isEqualTo(
                        "Could not check seed-cnn with Gaussian σ = 0.1 + salt & pepper 1.67 %:"
                                + " its saved parameters are missing.");
        assertThat(m.job().statusProperty().get()).isEqualTo("The check failed.");
        assertThat(m.job().runningProperty().get()).isFalse();
        assertThat(m.results()).hasSize(1);

        RobustnessViewModel n =
                model(
                        (run, corruption, seed, progress, cancelled) -> {
                            throw new NullPointerException();
                        });
        n.check();
        assertThat(n.job().errorProperty().get())
                .isEqualTo(
                        "Could not check seed-cnn with clean: an unexpected error occurred"
                                + " (NullPointerException).");
        assertThat(n.job().errorProperty().get()).doesNotContain("\tat ", "Exception:");

        RobustnessViewModel o = model((run, corruption, seed, progress, cancelled) -> 1.5);
        o.check();
        assertThat(o.job().errorProperty().get())
                .isEqualTo(
                        "The check of seed-cnn with clean gave an accuracy of 1.5, which is not"
                                + " between 0 and 1.");
    }

    @Test
    void aNewCheckClearsTheLastErrorAndResults() {
        boolean[] fail = {true};
        RobustnessViewModel m =
                model(
                        (run, corruption, seed, progress, cancelled) -> {
                            if (fail[0]) {
                                throw new IllegalStateException("engine not ready");
                            }
                            return 0.5;
                        });
        m.check();
        assertThat(m.job().errorProperty().get()).contains("engine not ready");
        fail[0] = false;
        m.check();
        assertThat(m.job().errorProperty().get()).isEmpty();
        assertThat(m.results()).hasSize(6);
    }

    @Test
    void typedStrengthsAreCheckedAndAKindBringsItsOwnDefaults() {
        RobustnessViewModel m = model(evaluator);
        assertThat(m.kindProperty().get()).isEqualTo(CorruptionKind.NOISY_CAMERA);
        assertThat(m.strengthsTextProperty().get()).isEqualTo("0, 0.1, 0.2, 0.3, 0.4, 0.5");

        m.kindProperty().set(CorruptionKind.SALT_AND_PEPPER);
        assertThat(m.strengthsTextProperty().get()).isEqualTo("0, 0.02, 0.05, 0.1, 0.2, 0.3");
        m.strengthsTextProperty().set("5 %, 10%; 0.2");
        assertThat(m.strengthsProblemProperty().get()).isEmpty();
        assertThat(m.sweep().strengths()).containsExactly(0.0, 0.05, 0.1, 0.2);

        m.strengthsTextProperty().set("0.1, lots");
        assertThat(m.strengthsProblemProperty().get())
                .isEqualTo(
                        "\"lots\" is not a number: separate the strengths by commas, e.g. 0, 0.02,"
                                + " 0.05, 0.1, 0.2, 0.3.");
        assertThat(m.canCheckBinding().get()).isFalse();
        m.check();
        assertThat(evaluator.calls).isEmpty();

        m.kindProperty().set(CorruptionKind.GAUSSIAN_NOISE);
        m.strengthsTextProperty().set("0.5, 2");
        assertThat(m.strengthsProblemProperty().get())
                .isEqualTo("Gaussian noise strengths go from 0 to 1; 2 is outside.");
        m.strengthsTextProperty().set(" ");
        assertThat(m.strengthsProblemProperty().get()).startsWith("Type one or more strengths");
        m.strengthsTextProperty()
                .set("0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12");
        assertThat(m.strengthsProblemProperty().get())
                .isEqualTo("At most 12 strengths, clean included, fit one check.");
    }

    @Test
    void theChartSpansTheTypedSweepUntilACheckAndThenTheChecked() {
        RobustnessViewModel m = model(evaluator);
        assertThat(m.chartSweepProperty().get().strengths()).endsWith(0.5);
        m.kindProperty().set(CorruptionKind.BLUR);
        assertThat(m.strengthAxisLabelProperty().get()).isEqualTo("blur σ (pixels)");
        assertThat(m.chartSweepProperty().get().strengths()).endsWith(3.0);
        m.strengthsTextProperty().set("0.5, 2");
        m.check();
        m.kindProperty().set(CorruptionKind.CONTRAST);
        assertThat(m.chartSweepProperty().get().strengths()).containsExactly(0.0, 0.5, 2.0);
        assertThat(m.strengthAxisLabelProperty().get()).isEqualTo("blur σ (pixels)");
    }

    @Test
    void runsWithTheSameNameAreTitledByTheirFolders() {
        RunSummary again =
                new RunSummary(
                        Path.of("saved-models", "20260102-090000-seed-cnn"),
                        RunStatus.OK,
                        null,
                        "seed-cnn",
                        "mnist",
                        "seed-cnn",
                        1,
                        1,
                        0.9,
                        0.9,
                        1,
                        "cpu",
                        null,
                        0,
                        Double.NaN);
        listed = List.of(PLAIN, again);
        RobustnessViewModel m = model(evaluator);
        m.runs().get(1).setSelected(true);
        m.check();
        assertThat(m.columnTitles())
                .containsExactly("20260101-120000-seed-cnn", "20260102-090000-seed-cnn");
    }

    @Test
    void aFailureToListTheRunsIsASentence() {
        RobustnessViewModel m =
                new RobustnessViewModel(
                        () -> {
                            throw new IOException("saved-models is not readable");
                        },
                        evaluator,
                        Runnable::run,
                        Runnable::run);
        m.refreshRuns();
        assertThat(m.job().errorProperty().get())
                .isEqualTo("Could not list the saved runs: saved-models is not readable.");
        assertThat(m.runs()).isEmpty();
    }

    @Test
    void theFakeCurveFallsWithStrengthAndTheAugmentedRunFallsLess() {
        double plain = FakeEvaluator.curve(PLAIN, CorruptionKind.NOISY_CAMERA.at(0.3));
        double robust = FakeEvaluator.curve(AUGMENTED, CorruptionKind.NOISY_CAMERA.at(0.3));
        assertThat(plain).isLessThan(0.5);
        assertThat(robust).isGreaterThan(plain);
        assertThat(FakeEvaluator.curve(PLAIN, CorruptionSpec.NONE)).isCloseTo(0.991, within(1e-9));
    }
}
