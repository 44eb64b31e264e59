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

    /** The name of a run's file of every trained parameter. */
    public static final String WEIGHTS_NPZ = RunFiles.WEIGHTS_NPZ;

    private RunLayers() {}

    /**
     * The run's {@code weights.npz}: every trained parameter, written by both engines' runs; the
     * filters, the report and the exports read it.
     */
    public static Path weightsFile(Path folder) {
        return folder.resolve(RunFiles.WEIGHTS_NPZ);
    }

    /**
     * Every layer's weights (not biases) of the run in {@code folder}, from {@code weights.npz}, by
     * the 1-based spec position of their layer, in layer order.
     *
     * @return empty when the run saved no {@code weights.npz}
     * @throws IOException when the file cannot be read or is not an npz of float arrays
     */
    public static java.util.SortedMap<Integer, ParameterValues> weights(Path folder)
            throws IOException {
        Path file = weightsFile(folder);
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
