package org.dnw.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnw.runs.ResumeProcess;
import org.dnw.store.DraftOwner;
import org.dnw.store.FakeRun;
import org.dnw.store.RunDraft;
import org.dnw.store.RunEvents;
import org.dnw.store.RunStatus;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.charts.ChartsViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runs tab follows the runs folder: runs appear, train, end and are interrupted by themselves.
 */
class RunsFollowViewModelTest {

    @TempDir Path root;
    RunStore store;
    ChartsViewModel charts;
    RunsViewModel vm;
    RunDraft draft;
    RunEvents.Writer log;
    final List<TrainingEvent> epochs = FakeRun.epochs();

    @BeforeEach
    void setUp() throws IOException {
        store = new RunStore(root, ZoneOffset.UTC);
        SavedRuns.save(store, RunsViewModelTest.ADAM);
        draft = store.begin("live one");
        log = RunEvents.appendTo(draft.folder());
        log.accept(FakeRun.started());
        log.accept(epochs.get(0));
        log.accept(epochs.get(1)); // epoch 1
        charts = new ChartsViewModel();
        vm =
                new RunsViewModel(
                        store,
                        charts,
                        new FakeDialogService(),
                        Runnable::run,
                        Runnable::run,
                        ZoneOffset.UTC);
        vm.refresh();
    }

    private RunSummary running() {
        return vm.runs().stream()
                .filter(r -> r.status() == RunStatus.RUNNING)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRunningRunIsListedWithItsStateAndEpochsSoFar() {
        assertThat(vm.runs()).hasSize(2);
        RunSummary r = running();
        assertThat(RunColumn.STATE.text(r, ZoneOffset.UTC)).isEqualTo("running");
        assertThat(RunColumn.EPOCHS.text(r, ZoneOffset.UTC)).isEqualTo("1 / 3");
        assertThat(vm.statusProperty().get()).contains("1 running");

        vm.select(List.of(r));
        assertThat(vm.detailsProperty().get().subtitle()).endsWith("· running");
        assertThat(vm.detailsProperty().get().value("So far", "Epochs")).isEqualTo("1 / 3");
    }

    @Test
    void anOpenedRunningRunsCurvesAreTheChartsOwnAndGrowWithEachPollUntilItEnds()
            throws IOException {
        RunSummary live = running();
        vm.select(List.of(live));
        vm.openSelected();
        // nothing trains in this window: the followed run is drawn as a run training here is
        assertThat(charts.overlays()).isEmpty();
        assertThat(charts.runNameProperty().get()).isEqualTo(live.runName());
        assertThat(charts.epochs()).hasSize(1);
        assertThat(charts.epochCountProperty().get()).isEqualTo(3);
        assertThat(charts.captionProperty().get())
                .isEqualTo(
                        "Curves of "
                                + live.runName()
                                + ", training in another process: they grow as it trains.");
        assertThat(vm.followed()).isNotNull();

        log.accept(epochs.get(2));
        log.accept(epochs.get(3)); // epoch 2
        vm.poll();

        assertThat(charts.epochs()).hasSize(2);
        assertThat(charts.validationLoss()).hasSize(2);
        assertThat(charts.overlays()).isEmpty();
        assertThat(RunColumn.EPOCHS.text(running(), ZoneOffset.UTC)).isEqualTo("2 / 3");
        assertThat(vm.statusProperty().get()).contains("Following").contains("epoch 2 of 3");

        log.close();
        store.discard(draft); // ends: gone from the folder (a completed one would be published)
        vm.poll();

        assertThat(vm.followed()).isNull();
        assertThat(vm.runs()).extracting(RunSummary::status).containsExactly(RunStatus.OK);
        assertThat(vm.statusProperty().get()).contains("has ended");
    }

    @Test
    void whileThisWindowTrainsTheFollowedRunIsOnlyOverlaid() throws IOException {
        boolean[] training = {false};
        vm.setTrainingHere(() -> training[0]);
        vm.select(List.of(running()));
        vm.openSelected();
        assertThat(charts.epochs()).hasSize(1);

        // a training starts here: it takes the charts, the followed run moves over it
        training[0] = true;
        charts.accept(FakeRun.started());
        log.accept(epochs.get(2));
        log.accept(epochs.get(3)); // epoch 2
        vm.poll();

        assertThat(charts.epochs()).as("the run training here").isEmpty();
        assertThat(charts.overlays()).hasSize(1);
        assertThat(charts.overlays().get(0).points()).hasSize(2);
    }

    @Test
    void newAndInterruptedRunsAppearByThemselves() throws Exception {
        SavedRuns.save(store, RunsViewModelTest.BEST);
        Path lost = Files.createDirectory(root.resolve(".tmp-20260101-000000-lost-1"));
        ProcessHandle ended = new ProcessBuilder("true").start().toHandle();
        ended.onExit().get();
        new DraftOwner(DraftOwner.localHostName(), ended.pid(), null, Instant.now()).writeTo(lost);
        RunEvents.Writer other = RunEvents.appendTo(lost);
        other.accept(FakeRun.started());
        other.accept(epochs.get(1));
        other.close();

        vm.poll();

        assertThat(vm.runs()).hasSize(4);
        RunSummary interrupted =
                vm.runs().stream()
                        .filter(r -> r.status() == RunStatus.INTERRUPTED)
                        .findFirst()
                        .orElseThrow();
        vm.select(List.of(interrupted));
        assertThat(vm.detailsProperty().get().problem()).contains("ended before the run completed");
        assertThat(vm.statusProperty().get()).contains("1 running, 1 interrupted");
    }

    @Test
    void pollingAnUnchangedFolderChangesNothing() {
        List<RunSummary> before = List.copyOf(vm.runs());
        vm.select(List.of(vm.runs().get(1)));
        vm.poll();
        assertThat(vm.runs()).containsExactlyElementsOf(before);
        assertThat(vm.selection()).containsExactly(before.get(1));
    }

    /** An interrupted draft: its owner (a process that has ended) wrote two epochs. */
    private Path interruptedDraft() throws Exception {
        Path lost = Files.createDirectory(root.resolve(".tmp-20260101-000000-lost-1"));
        ProcessHandle ended = new ProcessBuilder("true").start().toHandle();
        ended.onExit().get();
        new DraftOwner(DraftOwner.localHostName(), ended.pid(), null, Instant.now()).writeTo(lost);
        RunEvents.Writer other = RunEvents.appendTo(lost);
        other.accept(FakeRun.started());
        other.accept(epochs.get(1));
        other.close();
        return lost;
    }

    @Test
    void resumeContinuesAnInterruptedRunElsewhereAndFollowsItInItsNewFolder() throws Exception {
        Path lost = interruptedDraft();
        log.close();
        store.discard(draft); // only the interrupted run is live
        CompletableFuture<ResumeProcess.Ended> ended = new CompletableFuture<>();
        List<Path> asked = new ArrayList<>();
        vm.setResumer(
                folder -> {
                    asked.add(folder);
                    // what `train --resume` does: takes the draft over under its own name
                    Path taken =
                            root.resolve(
                                    ".tmp-20260101-000000-lost-" + ProcessHandle.current().pid());
                    Files.move(folder, taken);
                    Files.delete(taken.resolve(DraftOwner.FILE));
                    Files.deleteIfExists(taken.resolve(DraftOwner.HEARTBEAT_FILE));
                    DraftOwner.ofThisProcess().writeTo(taken);
                    return ended;
                });
        vm.refresh();
        RunSummary interrupted =
                vm.runs().stream()
                        .filter(r -> r.status() == RunStatus.INTERRUPTED)
                        .findFirst()
                        .orElseThrow();
        vm.select(List.of(interrupted));

        vm.resumeSelected();

        assertThat(asked).containsExactly(lost);
        assertThat(vm.statusProperty().get())
                .startsWith("Resuming ")
                .contains("process of its own");
        vm.poll();
        RunSummary resumed = running();
        assertThat(resumed.folder()).isNotEqualTo(lost);
        assertThat(charts.epochs()).hasSize(1);
        try (RunEvents.Writer more = RunEvents.appendTo(resumed.folder())) {
            more.accept(epochs.get(3)); // epoch 2, written by the resuming process
        }
        vm.poll();
        assertThat(charts.epochs()).as("followed in its new folder").hasSize(2);
        assertThat(vm.statusProperty().get()).contains("Following");

        ended.complete(new ResumeProcess.Ended(0, "", root.resolve("resume.log")));
        assertThat(vm.statusProperty().get()).contains("was resumed and has completed");
        assertThat(vm.followed()).isNull();
        vm.poll(); // the run left the drafts: its outcome stays said
        assertThat(vm.statusProperty().get()).contains("was resumed and has completed");
    }

    @Test
    void resumeRefusesARunningRunAndSaysWhyAResumeFailed() throws Exception {
        vm.setResumer(
                folder ->
                        CompletableFuture.completedFuture(
                                new ResumeProcess.Ended(
                                        13,
                                        "lost has no usable checkpoint: it stopped before its first"
                                                + " epoch ended",
                                        root.resolve("resume.log"))));
        vm.select(List.of(running()));
        vm.resumeSelected();
        assertThat(vm.statusProperty().get())
                .isEqualTo("tiny run/1 is still training: only an interrupted run can be resumed.");

        interruptedDraft();
        vm.refresh();
        vm.select(
                List.of(
                        vm.runs().stream()
                                .filter(r -> r.status() == RunStatus.INTERRUPTED)
                                .findFirst()
                                .orElseThrow()));
        vm.resumeSelected();
        assertThat(vm.statusProperty().get())
                .startsWith("Could not resume ")
                .contains("no usable checkpoint")
                .contains("(exit 13;");
    }
}
