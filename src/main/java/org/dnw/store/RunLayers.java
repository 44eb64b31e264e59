package org.dnw.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.train.LayerStatistics;
import org.dnw.train.ParameterValues;

/**
 * A saved run's layers read back without an engine: every layer's weights from {@code weights.npz}
 * and every epoch's layer statistics from its event log. Stateless; does file I/O, so call it off
 * the FX thread.
 */
public final class RunLayers {

    private RunLayers() {}

    /**
     * Every layer's weights (not biases) of the run in {@code folder}, from {@code weights.npz}, by
     * the 1-based spec position of their layer, in layer order.
     *
     * @return empty when the run saved no {@code weights.npz}
     * @throws IOException when the file cannot be read or is not an npz of float arrays
     */
    public static java.util.SortedMap<Integer, ParameterValues> weights(Path folder)
            throws IOException {
        Path file = folder.resolve(RunFiles.WEIGHTS_NPZ);
        java.util.SortedMap<Integer, ParameterValues> out = new java.util.TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        // the one npz reader of run folders (the report reads the same file with it)
        for (ParameterValues p : NpyReader.readNpz(file)) {
            if (p.name().endsWith("_weight") && ParameterValues.positionOf(p.name()) != 0) {
                out.put(ParameterValues.positionOf(p.name()), p);
            }
        }
        return out;
    }

    /**
     * The run's layer statistics, epoch by epoch ({@link RunEvents#readLayers}); empty for a run
     * that reported none.
     */
    public static List<LayerStatistics> statistics(Path folder) throws IOException {
        return RunEvents.readLayers(folder);
    }
}
