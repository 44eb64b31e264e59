package org.dnw.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class BackgroundJobTest {

    private final List<Runnable> background = new ArrayList<>();
    private final BackgroundJob job =
            new BackgroundJob(background::add, Runnable::run, "Press Run.");

    @Test
    void startsCancelsOnceAndFinishes() {
        int[] cancels = {0};
        job.setError("old");
        int mine = job.start(-1, "Starting…", () -> cancels[0]++);

        assertThat(job.stateProperty().get()).isEqualTo(BackgroundJob.State.RUNNING);
        assertThat(job.isRunning()).isTrue();
        assertThat(job.errorProperty().get()).isEmpty();
        assertThat(job.progressProperty().get()).isEqualTo(-1);
        assertThat(job.statusProperty().get()).isEqualTo("Starting…");
        assertThat(job.isCurrent(mine)).isTrue();

        assertThat(job.cancel("Stopping…")).isTrue();
        assertThat(job.cancel("Stopping again…")).isFalse();
        assertThat(cancels[0]).isEqualTo(1);
        assertThat(job.isCancelling()).isTrue();
        assertThat(job.statusProperty().get()).isEqualTo("Stopping…");

        job.finish();
        assertThat(job.stateProperty().get()).isEqualTo(BackgroundJob.State.IDLE);
        assertThat(job.isRunning()).isFalse();
        assertThat(job.cancel("late")).isFalse();
    }

    @Test
    void dropsResultsOfAnOlderStart() {
        List<String> published = new ArrayList<>();
        int first = job.start(0, "one", () -> {});
        job.abandon();
        int second = job.start(0, "two", () -> {});

        job.publish(first, () -> published.add("first"));
        job.publish(second, () -> published.add("second"));

        assertThat(published).containsExactly("second");
    }

    @Test
    void canStartOnlyWhenReadyAndIdle() {
        SimpleBooleanProperty ready = new SimpleBooleanProperty(false);
        var canStart = job.canStart(ready);
        assertThat(canStart.get()).isFalse();
        ready.set(true);
        assertThat(canStart.get()).isTrue();
        job.start(0, "", () -> {});
        assertThat(canStart.get()).isFalse();
        job.execute(() -> {});
        assertThat(background).hasSize(1);
    }
}
