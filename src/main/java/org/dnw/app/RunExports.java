package org.dnw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.export.ExportedRun;
import org.dnw.export.OnnxExport;
import org.dnw.export.PyTorchExport;
import org.dnw.store.RunLayers;
import org.dnw.store.RunStore;
import org.dnw.ui.runs.RunExporter;

/**
 * Export ▸ PyTorch… and ONNX… of the window, over the export package: reads the run from the store
 * and writes it as the command line's {@code workbench export} does. Called on the io thread.
 */
final class RunExports implements RunExporter {

    private final RunStore store;

    RunExports(RunStore store) {
        this.store = store;
    }

    @Override
    public boolean hasWeights(Path runFolder) {
        return Files.isRegularFile(RunLayers.weightsFile(runFolder));
    }

    @Override
    public List<String> writePyTorch(Path runFolder, Path folder, boolean replace)
            throws IOException {
        return PyTorchExport.write(ExportedRun.of(store.load(runFolder)), folder, replace).files();
    }

    @Override
    public void writeOnnx(Path runFolder, Path file) throws IOException {
        OnnxExport.write(ExportedRun.of(store.load(runFolder)), file);
    }
}
