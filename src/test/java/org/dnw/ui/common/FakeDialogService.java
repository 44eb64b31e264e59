package org.dnw.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService}: answers come from queues, shown errors are recorded. */
public final class FakeDialogService implements DialogService {

    public final Deque<Path> filesToOpen = new ArrayDeque<>();
    public final Deque<Path> filesToSave = new ArrayDeque<>();
    public final Deque<Path> foldersToChoose = new ArrayDeque<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> suggestedNames = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();

    /** The titles of the file and folder choosers asked for, in order. */
    public final List<String> choosers = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(
            String title, String filterDescription, String... extensions) {
        choosers.add(title);
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        choosers.add(title);
        return Optional.ofNullable(foldersToChoose.poll());
    }

    /** The folders the folder choosers were asked to start in (null when none), in order. */
    public final List<Path> initialFolders = new ArrayList<>();

    @Override
    public Optional<Path> chooseFolder(String title, Path initialFolder) {
        initialFolders.add(initialFolder);
        return chooseFolder(title);
    }

    @Override
    public Optional<Path> chooseFileToSave(
            String title, String suggestedName, String filterDescription, String... extensions) {
        choosers.add(title);
        suggestedNames.add(suggestedName);
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        questions.add(message);
        Boolean answer = confirmations.poll();
        return answer != null && answer;
    }
}
