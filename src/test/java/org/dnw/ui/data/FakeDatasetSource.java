package org.dnw.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A scripted {@link DatasetSource}: each id answers with a preview or throws; calls are recorded. A
 * script may report progress and look at the cancel flag before it answers.
 */
final class FakeDatasetSource implements DatasetSource {

    /** What one load does. */
    @FunctionalInterface
    interface Script {
        DatasetPreview run(ProgressSink progress, BooleanSupplier cancelled) throws Exception;
    }

    final List<DatasetChoice> choices = new ArrayList<>();
    final Map<String, Script> scripts = new HashMap<>();
    final Map<Path, Script> folders = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<BooleanSupplier> cancelFlags = new ArrayList<>();

    FakeDatasetSource add(DatasetChoice choice, Script script) {
        choices.add(choice);
        scripts.put(choice.id(), script);
        return this;
    }

    @Override
    public List<DatasetChoice> choices() {
        calls.add("choices");
        return List.copyOf(choices);
    }

    @Override
    public DatasetPreview load(String choiceId, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        calls.add("load " + choiceId);
        cancelFlags.add(cancelled);
        Script script = scripts.get(choiceId);
        if (script == null) {
            throw new DatasetNotFoundException("no data set " + choiceId);
        }
        return script.run(progress, cancelled);
    }

    @Override
    public DatasetPreview loadFrom(
            String choiceId, Path folder, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        calls.add("loadFrom " + choiceId + " " + folder);
        cancelFlags.add(cancelled);
        Script script = folders.get(folder);
        if (script == null) {
            throw new DatasetNotFoundException(choiceId + " is not in " + folder);
        }
        return script.run(progress, cancelled);
    }

    @Override
    public DatasetPreview open(Path path, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        calls.add("open " + path);
        cancelFlags.add(cancelled);
        Script script = folders.get(path);
        if (script == null) {
            throw new org.dnw.data.DataFormatException(path, "is not a data set I can read");
        }
        return script.run(progress, cancelled);
    }
}
