package org.dnw.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.dnw.data.DataSplits;
import org.dnw.data.DataSplitter;
import org.dnw.data.LoadedDataset;
import org.dnw.engine.TrainingServices;
import org.dnw.runs.RunLauncher;
import org.dnw.runs.SweepEvent;
import org.dnw.runs.SweepResult;
import org.dnw.runs.SweepRunner;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.SpecJson;
import org.dnw.store.RunStore;
import org.dnw.train.Hyperparameters;
import org.dnw.train.SweepPlan;
import org.dnw.train.SweepSetting;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep FILE}: trains one run per combination of one or two settings, one after another, and
 * prints a results table. The file is JSON, e.g.
 *
 * <pre>{@code
 * {"name": "kernel", "dataset": "mnist-sample", "preset": "seed-cnn",
 *  "hyperparameters": {"epochCount": 1}, "trainSubset": 3000,
 *  "axes": [{"setting": "kernel", "values": ["3", "5", "7"]},
 *           {"setting": "lr", "values": ["0.001", "0.01"]}]}
 * }</pre>
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "Run a sweep of one or two settings described in a JSON file; each run is saved.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description = "the sweep, as JSON (see the README)")
    Path file;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Mixin SlurmSweepOptions slurm = new SlurmSweepOptions();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** What a sweep file says, read and checked; the same for a local and a cluster sweep. */
    record SweepFile(
            String name,
            String dataset,
            Integer trainSubset,
            String dataName,
            SweepPlan plan,
            DataSplits splits) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (slurm.status != null) {
            if (file != null) {
                throw new IllegalArgumentException(
                        "give either a sweep FILE or --status SWEEP, not both");
            }
            return SlurmSweepStatus.print(out, slurm.status, runsDir.path());
        }
        if (file == null) {
            throw new IllegalArgumentException(
                    "name a sweep FILE (or --status SWEEP for a sweep sent to Slurm)");
        }
        runsDir.store(); // refuses a --runs-dir that is a file before anything is read
        slurm.refuseClusterOptionsWithoutSlurm();
        if (slurm.slurm) {
            // before reading any data: no sbatch means nothing can be submitted
            slurm.cluster();
        }
        SweepFile sweepFile = read(out);
        if (slurm.kubernetes) {
            return new KubernetesSubmission(slurm, runsDir.path(), out, spec.commandLine().getErr())
                    .write(file, sweepFile);
        }
        if (slurm.slurm) {
            return new SlurmSubmission(slurm, runsDir.path(), out, spec.commandLine().getErr())
                    .submit(file, sweepFile);
        }
        return runHere(out, sweepFile);
    }

    private SweepFile read(PrintWriter out) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "the sweep file "
                            + file
                            + (Files.isDirectory(file) ? " is a folder" : " does not exist")
                            + " — name a JSON file (see the README)");
        }
        JsonNode root;
        ObjectMapper json = SpecJson.mapper();
        try {
            root = json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(
                    file
                            + (at == null
                                    ? ""
                                    : ": line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": not valid JSON — a sweep is one JSON object (see the README)");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the sweep file " + file + " cannot be read (" + CliFailure.file(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " must hold one JSON object");
        }
        String name = root.path("name").asText("sweep");
        ModelSpec network =
                root.hasNonNull("spec")
                        ? SpecJson.read(file.resolveSibling(root.get("spec").asText()))
                        : Presets.load(root.path("preset").asText("seed-cnn"));
        Hyperparameters hp = hyperparameters(json, root.path("hyperparameters"));
        LoadedDataset data = DataSets.load(root.path("dataset").asText("mnist-sample"), out);
        if (root.hasNonNull("trainSubset")) {
            JsonNode subset = root.get("trainSubset");
            if (!subset.canConvertToInt() || !subset.isIntegralNumber() || subset.asInt() < 1) {
                throw new IllegalArgumentException(
                        "the sweep's \"trainSubset\" must be a whole number ≥ 1, not " + subset);
            }
            data = Subsets.trainingSubset(data, subset.asInt());
        }
        DataSplits splits = new DataSplitter(hp.validationShare(), hp.seed()).split(data);
        ModelSpec adapted =
                network.adaptTo(splits.train().inputShape(), splits.train().classCount());
        List<SweepPlan.Axis> axes = new ArrayList<>();
        for (JsonNode axis : root.path("axes")) {
            List<String> values = new ArrayList<>();
            axis.path("values").forEach(v -> values.add(v.asText()));
            axes.add(
                    new SweepPlan.Axis(
                            SweepSetting.parse(axis.path("setting").asText()),
                            values,
                            axis.path("layer").asInt(0)));
        }
        SweepPlan plan = new SweepPlan(adapted, hp, axes);
        out.printf(
                Locale.ROOT,
                "Sweep %s: %d runs of %s on %s%n",
                name,
                plan.points().size(),
                adapted.name(),
                data.name());
        String dataset = root.path("dataset").asText("mnist-sample");
        Integer subset = root.hasNonNull("trainSubset") ? root.get("trainSubset").asInt() : null;
        return new SweepFile(name, dataset, subset, data.name(), plan, splits);
    }

    private Integer runHere(PrintWriter out, SweepFile sweepFile) throws Exception {
        RunStore store = runsDir.store();
        String name = sweepFile.name();
        SweepPlan plan = sweepFile.plan();
        DataSplits splits = sweepFile.splits();
        store.cleanStaleDrafts();
        ConsoleProgress progress = new ConsoleProgress(out, System.console() != null, 10_000);
        try (TrainingService service = TrainingServices.withAllEngines()) {
            SweepRunner.Sweep sweep =
                    new SweepRunner(new RunLauncher(store, service, Runnable::run))
                            .start(plan, splits, "sweep-" + name, 0, e -> show(out, progress, e));
            Thread cancel = new Thread(sweep::cancel, "cancel-sweep");
            Runtime.getRuntime().addShutdownHook(cancel);
            SweepResult result = SweepRunner.await(sweep, Duration.ofDays(30));
            Runtime.getRuntime().removeShutdownHook(cancel);
            table(out, result);
            return result.cancelled() ? ExitCodes.CANCELLED : ExitCodes.OK;
        }
    }

    private static Hyperparameters hyperparameters(ObjectMapper json, JsonNode overrides)
            throws IOException {
        if (overrides.isMissingNode() || overrides.isNull()) {
            return Hyperparameters.defaults();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> base = json.convertValue(Hyperparameters.defaults(), Map.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!base.containsKey(e.getKey())) {
                throw new IllegalArgumentException(
                        "unknown hyperparameter '"
                                + e.getKey()
                                + "' — use one of "
                                + base.keySet());
            }
            base.put(e.getKey(), json.convertValue(e.getValue(), Object.class));
        }
        Hyperparameters hp;
        try {
            hp = json.convertValue(base, Hyperparameters.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(wrongHyperparameter(e, overrides));
        }
        if (!hp.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", hp.problems()));
        }
        return hp;
    }

    /**
     * "the sweep's hyperparameter "learningRate" must be a number, not "x"" from Jackson's error.
     */
    private static String wrongHyperparameter(IllegalArgumentException e, JsonNode overrides) {
        String key = null;
        if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            key = m.getPath().get(0).getFieldName();
        }
        if (key == null || !overrides.has(key)) {
            return "the sweep's \"hyperparameters\" cannot be read — see the README for their"
                    + " names and values";
        }
        @SuppressWarnings("unchecked")
        Object example =
                SpecJson.mapper().convertValue(Hyperparameters.defaults(), Map.class).get(key);
        String wanted;
        if (e.getCause() instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            wanted =
                    "one of "
                            + Arrays.stream(f.getTargetType().getEnumConstants())
                                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "));
        } else {
            wanted =
                    example instanceof Integer || example instanceof Long
                            ? "a whole number"
                            : example instanceof Number ? "a number" : "a name in quotes";
        }
        return "the sweep's hyperparameter \""
                + key
                + "\" must be "
                + wanted
                + ", not "
                + overrides.get(key);
    }

    private static void show(PrintWriter out, ConsoleProgress progress, SweepEvent event) {
        if (event instanceof SweepEvent.PointStarted s) {
            out.printf(Locale.ROOT, "%n[%d/%d] %s%n", s.index() + 1, s.pointCount(), s.label());
        } else if (event instanceof SweepEvent.PointTraining t
                && !(t.event() instanceof TrainingEvent.RunStarted)) {
            TrainCommand.show(out, progress, t.event());
        } else if (event instanceof SweepEvent.PointTraining t) {
            progress.start(((TrainingEvent.RunStarted) t.event()).hyperparameters().epochCount());
        } else if (event instanceof SweepEvent.PointDone d) {
            out.printf(
                    Locale.ROOT,
                    "  → %s: %s%n",
                    d.row().outcome().name().toLowerCase(Locale.ROOT),
                    d.row().outcome() == SweepResult.Outcome.SAVED
                            ? "test accuracy " + Tables.pct(d.row().testAccuracy())
                            : d.row().message());
        }
        out.flush();
    }

    private static void table(PrintWriter out, SweepResult result) {
        out.println();
        String head = "%-28s %-9s %10s %10s %12s %8s%n";
        out.printf(
                Locale.ROOT,
                head,
                "point",
                "outcome",
                "test acc",
                "best val",
                "parameters",
                "time");
        for (SweepResult.Row r : result.rows()) {
            out.printf(
                    Locale.ROOT,
                    head,
                    r.label(),
                    r.outcome().name().toLowerCase(Locale.ROOT),
                    Tables.pct(r.testAccuracy()),
                    Tables.pct(r.bestValidationAccuracy()),
                    String.format(Locale.ROOT, "%,d", r.parameterCount()),
                    ConsoleProgress.duration(r.durationMillis()));
            if (r.outcome() == SweepResult.Outcome.SKIPPED
                    || r.outcome() == SweepResult.Outcome.FAILED) {
                out.println("    " + r.message());
            }
        }
        if (result.cancelled()) {
            out.println("The sweep was cancelled; the runs finished before are saved.");
        }
    }
}
