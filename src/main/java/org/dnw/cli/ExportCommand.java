package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.export.ExportedRun;
import org.dnw.export.OnnxExport;
import org.dnw.export.PyTorchExport;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export RUN --pytorch DIR}: a saved run as PyTorch code and weights; {@code --onnx
 * FILE.onnx}: as an ONNX model.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a saved run: as PyTorch (model.py, model.pt with the trained weights, train.py,"
                    + " evaluate.py and a README) into a folder; as ONNX (the network with its"
                    + " softmax output) into a .onnx file."
        })
final class ExportCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "RUN",
            description = "a saved run: its folder, its name under saved-models/, or its start")
    String run;

    @Option(
            names = "--pytorch",
            paramLabel = "DIR",
            description = "write model.py, model.pt, train.py, evaluate.py and README.md into DIR")
    Path pytorch;

    @Option(
            names = "--onnx",
            paramLabel = "FILE.onnx",
            description =
                    "write the network, trained weights and softmax output as an ONNX model"
                            + " (opset 13) to FILE.onnx")
    Path onnx;

    @Option(
            names = "--replace",
            description =
                    "replace DIR when it already holds files (it is replaced whole), and"
                            + " FILE.onnx when it exists")
    boolean replace;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pytorch == null && onnx == null) {
            throw new IllegalArgumentException(
                    "say what to export: --pytorch DIR, --onnx FILE.onnx, or both");
        }
        // both targets before anything is written
        if (onnx != null) {
            OnnxExport.checkTarget(onnx, replace);
        }
        if (pytorch != null) {
            PyTorchExport.checkTarget(pytorch, replace);
        }
        PrintWriter console = spec.commandLine().getOut();
        RunStore store = runsDir.store();
        SavedRun saved = store.load(Runs.resolve(run, store));
        ExportedRun exported = ExportedRun.of(saved); // weights.npz read once for both
        if (onnx != null) {
            exportOnnx(exported, console);
            if (pytorch == null) {
                return ExitCodes.OK;
            }
        }
        PyTorchExport.Written written = PyTorchExport.write(exported, pytorch, replace);
        console.printf(
                Locale.ROOT,
                "Exported %s as PyTorch to %s: %s (%d tensors in model.pt)%n",
                saved.folder().getFileName(),
                written.folder(),
                String.join(", ", written.files()),
                written.parameterTensors());
        return ExitCodes.OK;
    }

    private void exportOnnx(ExportedRun exported, PrintWriter console) throws java.io.IOException {
        OnnxExport.write(exported, onnx, replace);
        Path file = onnx.toAbsolutePath().normalize();
        console.printf(
                Locale.ROOT,
                "Exported %s as ONNX (opset %d) to %s: input \"%s\", output \"%s\" (%d classes),"
                        + " %,d bytes%n",
                exported.runName(),
                OnnxExport.OPSET,
                file,
                OnnxExport.INPUT,
                OnnxExport.OUTPUT,
                exported.network().spec().output().classes(),
                java.nio.file.Files.size(file));
    }
}
