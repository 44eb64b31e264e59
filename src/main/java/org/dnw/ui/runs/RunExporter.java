package org.dnw.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a saved run in another framework's format; the application implements it over the export
 * package, which the user interface does not reach itself. Called on a background thread.
 */
public interface RunExporter {

    /**
     * Whether the run in {@code runFolder} holds its trained parameters ({@code weights.npz}), the
     * file every export is written from.
     */
    boolean hasWeights(Path runFolder);

    /**
     * Writes the run as PyTorch code and weights into {@code folder}, whole or not at all.
     *
     * @param replace whether a folder that holds files may be replaced
     * @return the names of the files written, in the order a reader meets them (e.g. model.py,
     *     model.pt, README.md)
     * @throws IOException with a sentence when the run is damaged or the folder cannot be written
     * @throws IllegalArgumentException with a sentence when the folder is not one to export into
     */
    List<String> writePyTorch(Path runFolder, Path folder, boolean replace) throws IOException;

    /**
     * Writes the run's network as an ONNX model to {@code file}.
     *
     * @throws IOException with a sentence when the run is damaged or the file cannot be written
     */
    void writeOnnx(Path runFolder, Path file) throws IOException;
}
