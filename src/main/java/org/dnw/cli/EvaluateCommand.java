package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.LoadedDataset;
import org.dnw.data.Samples;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.ModelEvaluation;
import org.dnw.train.TrainedNetwork;
import org.dnw.train.TrainingEvent.TestEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaluate RUN}: a saved run's network on the test split of its data set, again. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate a saved run on the test split of its data set (or another one).")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "RUN",
            description = "a run folder, its name under saved-models/, or the start of it")
    String run;

    @Option(
            names = {"-d", "--dataset"},
            description = "evaluate on this data set instead of the run's own")
    String dataset;

    @Option(
            names = "--runs-dir",
            defaultValue = "saved-models",
            description = "where runs are saved (default: ${DEFAULT-VALUE})")
    Path runsDir;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunStore store = Runs.store(runsDir);
        SavedRun saved = store.load(Runs.resolve(run, store));
        String name = dataset != null ? dataset : saved.manifest().dataset().name();
        LoadedDataset data = DataSets.load(name, out);
        Samples test = data.test();
        if (!test.inputShape().equals(saved.manifest().spec().input())) {
            throw new IllegalArgumentException(
                    "the run's network takes "
                            + saved.manifest().spec().input()
                            + " inputs but "
                            + data.name()
                            + " has "
                            + test.inputShape());
        }
        try (TrainedNetwork network = SavedNetworks.open(saved)) {
            TestEvaluation e =
                    ModelEvaluation.evaluate(
                            network, test, saved.manifest().hyperparameters().loss());
            out.printf(
                    Locale.ROOT,
                    "%s on %s (%,d test samples): accuracy %s, loss %.4f (recorded when trained: %s)%n",
                    saved.manifest().runName(),
                    data.name(),
                    test.size(),
                    Tables.pct(e.accuracy()),
                    e.loss(),
                    Tables.pct(saved.manifest().results().testAccuracy()));
            Tables.classMetrics(out, e.report(), test.classNames());
            Tables.confusion(out, e.report().matrix(), test.classNames());
        }
        return ExitCodes.OK;
    }
}
