package org.dnw.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dnw.data.LoadedDataset;
import org.dnw.data.Samples;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunStore;
import org.dnw.store.SavedNetworks;
import org.dnw.store.SavedRun;
import org.dnw.train.ModelEvaluation;
import org.dnw.train.TrainedNetwork;
import org.dnw.train.TrainingEvent.TestEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            names = "--label-column",
            paramLabel = "NAME|NUMBER",
            description =
                    DataSets.LABEL_COLUMN_HELP
                            + "; without --dataset, the run's recorded one unless given")
    String labelColumn;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunStore store = runsDir.store();
        SavedRun saved = store.load(Runs.resolve(run, store));
        DatasetInfo trainedOn = saved.manifest().dataset();
        if (dataset == null && labelColumn != null) {
            if (trainedOn.path() == null) {
                throw new IllegalArgumentException(
                        "--label-column is for a table given by its path; give it with --dataset"
                                + " PATH");
            }
            trainedOn =
                    new DatasetInfo(
                            trainedOn.name(),
                            trainedOn.classNames(),
                            trainedOn.fileSha256(),
                            trainedOn.trainSize(),
                            trainedOn.validationSize(),
                            trainedOn.testSize(),
                            trainedOn.path(),
                            labelColumn);
        }
        LoadedDataset data =
                dataset != null
                        ? DataSets.load(dataset, labelColumn, out)
                        : DataSets.loadRun(trainedOn, out);
        String differs = differences(trainedOn, data);
        if (differs != null) {
            out.println(differs);
        }
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

    /**
     * A note when {@code data}'s files are not those the run was trained on (by SHA-256), else
     * null. Manifests without checksums say nothing.
     */
    static String differences(DatasetInfo trainedOn, LoadedDataset data) {
        Map<String, String> before = trainedOn.fileSha256();
        Map<String, String> now = data.fileSha256();
        if (before.isEmpty() || new TreeMap<>(before).equals(new TreeMap<>(now))) {
            return null;
        }
        StringBuilder m = new StringBuilder();
        m.append("Note: ")
                .append(data.name())
                .append(" from ")
                .append(data.source())
                .append(" is not the data the run was trained on (")
                .append(trainedOn.name())
                .append("): the SHA-256 of its files differ, so the figures may not match those")
                .append(" recorded.");
        java.util.Set<String> files = new java.util.TreeSet<>(before.keySet());
        files.addAll(now.keySet());
        for (String file : files) {
            String was = before.get(file);
            String is = now.get(file);
            if (!java.util.Objects.equals(was, is)) {
                m.append("\n  ")
                        .append(file)
                        .append(": ")
                        .append(
                                was == null
                                        ? "not in the run's data"
                                        : "trained on " + shortSha(was))
                        .append(", ")
                        .append(is == null ? "not in these data" : "now " + shortSha(is));
            }
        }
        return m.toString();
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
