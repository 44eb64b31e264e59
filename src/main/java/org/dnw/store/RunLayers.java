package org.dnw.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Map<String, byte[]> files;
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            files = org.dnw.data.NumpyArrays.readNpzFiles(in);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name =
                    e.getKey().endsWith(".npy")
                            ? e.getKey().substring(0, e.getKey().length() - 4)
                            : e.getKey();
            if (!name.endsWith("_weight") || ParameterValues.positionOf(name) == 0) {
                continue;
            }
            org.dnw.data.NumpyArrays.Entry a = org.dnw.data.NumpyArrays.parse(e.getValue(), name);
            out.put(
                    ParameterValues.positionOf(name),
                    new ParameterValues(name, a.shape(), a.values()));
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
