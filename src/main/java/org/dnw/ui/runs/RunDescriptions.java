package org.dnw.ui.runs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Sentence;
import org.dnw.spec.ShapeInference;
import org.dnw.store.DatasetInfo;
import org.dnw.store.EpochMetrics;
import org.dnw.store.RunManifest;
import org.dnw.store.RunResults;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.train.Hyperparameters;
import org.dnw.ui.common.Quantities;
import org.dnw.ui.runs.RunDetails.Entry;
import org.dnw.ui.runs.RunDetails.Section;

/** Writes a run's details as the pane shows them. Stateless. */
final class RunDescriptions {

    static final String RESULTS = "Results";
    static final String HYPERPARAMETERS = "Hyperparameters";
    static final String DATA = "Data";
    static final String ENVIRONMENT = "Environment";
    static final String NETWORK = "Network";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Environment keys in reading order, with their labels. */
    private static final List<String[]> ENVIRONMENT_KEYS =
            List.of(
                    new String[] {"djl", "DJL"},
                    new String[] {"pytorch", "PyTorch"},
                    new String[] {"java", "Java"},
                    new String[] {"os", "OS"});

    private RunDescriptions() {}

    /** The details of a run that loaded. */
    static RunDetails of(RunSummary summary, SavedRun run, ZoneId zone) {
        RunManifest m = run.manifest();
        List<Section> sections = new ArrayList<>();
        sections.add(results(m, run.epochs(), zone));
        if (m.hyperparameters() != null) {
            sections.add(hyperparameters(m.hyperparameters()));
        }
        if (m.dataset() != null) {
            sections.add(data(m.dataset()));
        }
        sections.add(environment(m));
        if (m.spec() != null) {
            sections.add(network(m.spec(), m.parameterCount()));
        }
        return new RunDetails(
                m.runName() == null ? summary.runName() : m.runName(),
                subtitle(summary),
                summary.isDamaged() ? Sentence.of(summary.problem()) : null,
                sections);
    }

    /** The details of a run that could not be loaded: what its summary knows, and why. */
    static RunDetails unreadable(RunSummary summary, String whyNotLoaded, ZoneId zone) {
        List<Entry> known = new ArrayList<>();
        for (RunColumn c : RunColumn.values()) {
            if (c != RunColumn.NAME) {
                known.add(new Entry(c.title(), c.text(summary, zone)));
            }
        }
        String problem =
                summary.problem() != null
                        ? Sentence.of(summary.problem())
                        : Sentence.of(whyNotLoaded);
        if (summary.problem() != null
                && whyNotLoaded != null
                && !whyNotLoaded.equals(summary.problem())) {
            problem += " Opening it failed: " + Sentence.of(whyNotLoaded);
        }
        return new RunDetails(
                summary.runName(),
                subtitle(summary),
                problem,
                List.of(new Section("What is known", known, List.of())));
    }

    /**
     * The details of a running or interrupted run: what its live log says so far (a draft has no
     * manifest to load until it completes).
     */
    static RunDetails live(RunSummary summary, ZoneId zone) {
        List<Entry> known = new ArrayList<>();
        for (RunColumn c : RunColumn.values()) {
            if (c != RunColumn.NAME && c != RunColumn.TEST_ACCURACY) {
                known.add(new Entry(c.title(), c.text(summary, zone)));
            }
        }
        String problem =
                summary.status() == RunStatus.INTERRUPTED
                        ? "Its process ended before the run completed (stopped, killed, or its"
                                + " machine lost). The curves up to its last epoch are kept until"
                                + " you delete it."
                        : null;
        return new RunDetails(
                summary.runName(),
                subtitle(summary),
                problem,
                List.of(new Section("So far", known, List.of())));
    }

    /** The details shown while a run loads. */
    static RunDetails loading(RunSummary summary) {
        return new RunDetails(
                summary.runName(), "Loading " + summary.folderName() + "…", null, List.of());
    }

    private static String subtitle(RunSummary s) {
        return s.folderName() + (s.isComplete() ? "" : " · " + s.status().label());
    }

    private static Section results(RunManifest m, List<EpochMetrics> epochs, ZoneId zone) {
        List<Entry> e = new ArrayList<>();
        RunResults r = m.results();
        if (r != null) {
            e.add(new Entry("Test accuracy", RunColumn.percent(r.testAccuracy())));
            e.add(new Entry("Test loss", number(r.testLoss())));
            e.add(
                    new Entry(
                            "Best validation",
                            Double.isNaN(r.bestValidationAccuracy())
                                    ? "— (no validation split)"
                                    : RunColumn.percent(r.bestValidationAccuracy())
                                            + " at epoch "
                                            + r.bestValidationEpoch()));
            int planned = m.hyperparameters() == null ? 0 : m.hyperparameters().epochCount();
            e.add(
                    new Entry(
                            "Epochs",
                            r.epochsCompleted()
                                    + (planned > 0 && planned != r.epochsCompleted()
                                            ? " of " + planned
                                            : "")));
        }
        if (!epochs.isEmpty()) {
            EpochMetrics last = epochs.get(epochs.size() - 1);
            e.add(
                    new Entry(
                            "Last epoch",
                            String.format(
                                    Locale.ROOT,
                                    "train %.2f %% · validation %s",
                                    100 * last.trainAccuracy(),
                                    RunColumn.percent(last.validationAccuracy()))));
        }
        e.add(
                new Entry(
                        "Duration",
                        m.durationMillis() > 0 ? RunColumn.duration(m.durationMillis()) : "—"));
        e.add(new Entry("Started", time(m.startedAt(), zone)));
        e.add(new Entry("Finished", time(m.finishedAt(), zone)));
        return new Section(RESULTS, e, List.of());
    }

    /** The "Hyperparameters" section; package-private for tests. */
    static Section hyperparameters(Hyperparameters h) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("Optimizer", h.optimizer() == null ? "—" : h.optimizer().label()));
        e.add(new Entry("Learning rate", plain(h.learningRate())));
        String schedule =
                h.schedule() == null
                        ? "—"
                        : switch (h.schedule()) {
                            case FIXED -> "fixed";
                            case STEP -> "× 0.1 every " + h.stepEpochs() + " epochs";
                            case COSINE -> "cosine";
                            case ONE_CYCLE -> "one-cycle (warm-up, then cosine, per batch)";
                            case DECAY ->
                                    String.format(Locale.ROOT, "decay %g per epoch", h.decayRate());
                        };
        e.add(new Entry("Schedule", schedule));
        e.add(new Entry("Weight decay", plain(h.weightDecay())));
        e.add(new Entry("Batch size", Quantities.count(h.batchSize())));
        e.add(new Entry("Epochs", Integer.toString(h.epochCount())));
        if (h.patience() > 0) {
            e.add(
                    new Entry(
                            "Stop early after",
                            h.patience() + " epochs without a better validation loss"));
        }
        e.add(
                new Entry(
                        "Validation share",
                        String.format(Locale.ROOT, "%.0f %%", 100 * h.validationShare())));
        e.add(new Entry("Loss", h.loss() == null ? "—" : loss(h)));
        e.add(new Entry("Seed", Long.toString(h.seed())));
        return new Section(HYPERPARAMETERS, e, List.of());
    }

    private static String loss(Hyperparameters h) {
        return switch (h.loss()) {
            case CROSS_ENTROPY -> "cross-entropy";
            case SQUARED_ERROR -> "squared error";
        };
    }

    private static Section data(DatasetInfo d) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("Data set", d.name() == null ? "—" : d.name()));
        List<String> names = d.classNames();
        String classes =
                names.size() <= 10
                        ? names.size() + ": " + String.join(", ", names)
                        : names.size() + ": " + String.join(", ", names.subList(0, 8)) + ", …";
        e.add(new Entry("Classes", classes));
        e.add(new Entry("Training samples", Quantities.count(d.trainSize())));
        e.add(new Entry("Validation samples", Quantities.count(d.validationSize())));
        e.add(new Entry("Test samples", Quantities.count(d.testSize())));
        if (!d.fileSha256().isEmpty()) {
            e.add(
                    new Entry(
                            "Files",
                            Quantities.counted(d.fileSha256().size(), "file")
                                    + ", SHA-256 recorded"));
        }
        return new Section(DATA, e, List.of());
    }

    private static Section environment(RunManifest m) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("Device", m.device() == null ? "—" : m.device()));
        Map<String, String> env = m.environment();
        for (String[] key : ENVIRONMENT_KEYS) {
            e.add(new Entry(key[1], env.getOrDefault(key[0], "—")));
        }
        for (Map.Entry<String, String> other : env.entrySet()) {
            boolean known = ENVIRONMENT_KEYS.stream().anyMatch(k -> k[0].equals(other.getKey()));
            if (!known) {
                e.add(new Entry(other.getKey(), other.getValue()));
            }
        }
        return new Section(ENVIRONMENT, e, List.of());
    }

    private static Section network(ModelSpec spec, long recordedParameters) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("Name", spec.name()));
        e.add(new Entry("Input", String.valueOf(spec.input())));
        long parameters = recordedParameters;
        List<String> lines = new ArrayList<>();
        try {
            NetworkAnalysis a = ShapeInference.analyse(spec);
            if (parameters <= 0) {
                parameters = a.totalParameters();
            }
            for (LayerShape l : a.layers()) {
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "%2d  %-10s %s  → %s%s",
                                l.position(),
                                l.layer().kindName(),
                                l.layer().summary(),
                                l.output(),
                                l.parameterCount() > 0
                                        ? "  (" + Quantities.compact(l.parameterCount()) + ")"
                                        : ""));
            }
            for (int i = a.layers().size(); i < spec.layers().size(); i++) {
                lines.add(
                        String.format(
                                Locale.ROOT,
                                "%2d  %-10s %s",
                                i + 1,
                                spec.layers().get(i).kindName(),
                                spec.layers().get(i).summary()));
            }
        } catch (RuntimeException ex) {
            // a spec the inference cannot follow is still listed, just without shapes
            for (int i = 0; i < spec.layers().size(); i++) {
                lines.add((i + 1) + "  " + spec.layers().get(i).summary());
            }
        }
        e.add(new Entry("Parameters", Quantities.count(parameters)));
        e.add(new Entry("Layers", Integer.toString(spec.layers().size())));
        return new Section(NETWORK, e, lines);
    }

    /** 0.001 as "0.001", 1e-5 as "0.00001": as a student typed it. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }
}
