package org.dnw.export;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a saved run's network as an ONNX model. Being written on branch wip/onnx. */
public final class OnnxExport {

    private OnnxExport() {}

    /**
     * Writes {@code run}'s network, softmax output included, to {@code file}.
     *
     * @throws IOException with a sentence when the file cannot be written
     */
    public static void write(ExportedRun run, Path file) throws IOException {
        throw new UnsupportedOperationException("ONNX export is not in this build yet");
    }
}
