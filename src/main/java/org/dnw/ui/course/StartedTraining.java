package org.dnw.ui.course;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dnw.train.TrainingRun;

/**
 * A run a {@link CourseTrainer} started.
 *
 * @param run to stop it
 * @param folder completes, once the run has ended, with the folder where its pictures go (the saved
 *     run's folder); completes with null or exceptionally (the message a sentence) when the run was
 *     not saved
 */
public record StartedTraining(TrainingRun run, CompletableFuture<Path> folder) {

    public StartedTraining {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(folder, "folder");
    }
}
