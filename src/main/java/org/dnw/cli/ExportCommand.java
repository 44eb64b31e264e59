package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.export.PyTorchExport;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export RUN --pytorch DIR}: a saved run as PyTorch code and weights. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a saved run: as PyTorch (model.py, model.pt with the trained weights, train.py,"
                    + " evaluate.py and a README) into a folder."
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
            names = "--replace",
            description = "replace DIR when it already holds files (it is replaced whole)")
    boolean replace;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (pytorch == null) {
            throw new IllegalArgumentException("say what to export: --pytorch DIR");
        }
        PrintWriter console = spec.commandLine().getOut();
        RunStore store = runsDir.store();
        SavedRun saved = store.load(Runs.resolve(run, store));
        PyTorchExport.Written written = PyTorchExport.write(saved, pytorch, replace);
        console.printf(
                Locale.ROOT,
                "Exported %s as PyTorch to %s: %s (%d tensors in model.pt)%n",
                saved.folder().getFileName(),
                written.folder(),
                String.join(", ", written.files()),
                written.parameterTensors());
        return ExitCodes.OK;
    }
}
