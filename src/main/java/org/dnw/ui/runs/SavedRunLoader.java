package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.dnw.spec.Sentence;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.ui.common.DialogService;

/**
 * Reads saved runs for the Runs tab, through a small cache so that selecting, opening and
 * overlaying a run reads it once. {@link #load} and {@link #cached} are safe on any thread; {@link
 * #withLoaded} reads on the background executor and answers on the FX one.
 */
final class SavedRunLoader {

    private static final int CACHE_SIZE = 8;

    private final RunStore store;
    private final Executor background;
    private final Executor ui;
    private final DialogService dialogs;
    private final Consumer<Boolean> busy;
    private final Consumer<String> status;
    private final Map<Path, SavedRun> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, SavedRun> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    SavedRunLoader(
            RunStore store,
            Executor background,
            Executor ui,
            DialogService dialogs,
            Consumer<Boolean> busy,
            Consumer<String> status) {
        this.store = store;
        this.background = background;
        this.ui = ui;
        this.dialogs = dialogs;
        this.busy = busy;
        this.status = status;
    }

    /** The run in {@code folder}, from the cache or read now. */
    SavedRun load(Path folder) throws IOException {
        SavedRun hit = cached(folder);
        if (hit != null) {
            return hit;
        }
        SavedRun run = store.load(folder);
        synchronized (cache) {
            cache.put(folder, run);
        }
        return run;
    }

    /** The cached run in {@code folder}; null when it was not read or was forgotten. */
    SavedRun cached(Path folder) {
        synchronized (cache) {
            return cache.get(folder);
        }
    }

    /** Forgets a run (it was deleted). */
    void forget(Path folder) {
        synchronized (cache) {
            cache.remove(folder);
        }
    }

    /** Forgets the runs no longer listed: a folder listed again may have been rewritten. */
    void keepOnly(Collection<Path> listed) {
        synchronized (cache) {
            cache.keySet().retainAll(listed);
        }
    }

    /**
     * Reads the chosen runs in the background, then hands them to {@code then} on the FX thread; a
     * run that has not completed or cannot be read stops it with a sentence (and, for an unreadable
     * one, a dialog titled {@code errorTitle}). Busy while it reads.
     */
    void withLoaded(List<RunSummary> chosen, String errorTitle, Consumer<List<SavedRun>> then) {
        busy.accept(true);
        background.execute(
                () -> {
                    List<SavedRun> loaded = new ArrayList<>();
                    for (RunSummary s : chosen) {
                        if (s.isLive()) {
                            String why =
                                    s.runName()
                                            + " has not completed: open it on its own to see its"
                                            + " curves so far.";
                            ui.execute(
                                    () -> {
                                        busy.accept(false);
                                        status.accept(why);
                                    });
                            return;
                        }
                        try {
                            loaded.add(load(s.folder()));
                        } catch (IOException | RuntimeException e) {
                            String why =
                                    s.runName()
                                            + " ("
                                            + s.folderName()
                                            + ") cannot be read: "
                                            + reason(e)
                                            + (s.isDamaged()
                                                    ? ""
                                                    : ". Press Refresh to list the runs again.");
                            ui.execute(
                                    () -> {
                                        busy.accept(false);
                                        status.accept(why);
                                        dialogs.showError(errorTitle, Sentence.of(why));
                                    });
                            return;
                        }
                    }
                    ui.execute(
                            () -> {
                                busy.accept(false);
                                then.accept(loaded);
                            });
                });
    }

    /** Why {@code e} happened, in words for a sentence. */
    static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * Deletes {@code chosen}'s folders from the store and forgets them; background thread.
     *
     * @return one "folder (reason)" for each run that could not be deleted
     */
    List<String> delete(List<RunSummary> chosen) {
        List<String> failures = new ArrayList<>();
        for (RunSummary s : chosen) {
            try {
                store.delete(s.folder());
            } catch (IOException | RuntimeException e) {
                failures.add(s.folderName() + " (" + reason(e) + ")");
            }
            forget(s.folder());
        }
        return failures;
    }
}
