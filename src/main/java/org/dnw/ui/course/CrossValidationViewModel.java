package org.dnw.ui.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.LoadedDataset;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Sentence;
import org.dnw.train.CrossValidationRequest;
import org.dnw.train.CrossValidationResult;
import org.dnw.train.EngineKind;
import org.dnw.train.FoldProgress;
import org.dnw.train.FoldResult;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.RunControl;
import org.dnw.train.ScheduleKind;
import org.dnw.train.TrainingEvent;
import org.dnw.ui.common.BackgroundJob;
import org.dnw.ui.common.EventPump;

/**
 * The cross-validation panel of the course: a table data set (the wheat seeds unless the user
 * opened another table), k folds (2–10), an engine, a dense network of one hidden layer (units,
 * sigmoid or ReLU) with a softmax output, plain SGD with a learning rate decaying per epoch as
 * {@code lr / (1 + decay·epoch)}, epochs and batch size; Run and Cancel; progress (fold i of k); a
 * table of each fold's test accuracy and their mean ± sample standard deviation.
 *
 * <p>{@link org.dnw.train.CrossValidation} does the work behind the {@link CrossValidator} port:
 * the features are standardised with the mean and std of each fold's training rows only. The data
 * come from a {@link DatasetSupplier}; both run on the {@code background} executor; the folds'
 * events reach the {@code ui} executor (the FX thread, {@code Runnable::run} in tests) through an
 * {@link EventPump} that coalesces batch events. Properties belong to the FX thread.
 */
public final class CrossValidationViewModel {

    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 10;

    /** Seed of the folds, the weights and the shuffling. */
    public static final long SEED = 42;

    private final DatasetSupplier data;
    private final CrossValidator validator;
    private final Executor background;
    private final Executor ui;

    private final ObjectProperty<Integer> foldCount = new SimpleObjectProperty<>(this, "k", 5);
    private final CourseForm form = new CourseForm("10", "0.1", "100", "1");
    private final ObjectProperty<ActivationType> activation =
            new SimpleObjectProperty<>(this, "activation", ActivationType.SIGMOID);
    private final StringProperty decayText = new SimpleStringProperty(this, "decay", "0.01");
    private final BackgroundJob job;
    private final BooleanBinding canRun;
    private final ReadOnlyStringWrapper dataText = new ReadOnlyStringWrapper(this, "data", "");
    private final ReadOnlyObjectWrapper<Summary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", Summary.NONE);
    private final ObservableList<FoldResult> folds = FXCollections.observableArrayList();

    private RunControl control;
    private int epochCountOfRun = 1;
    private final List<Integer> trainSizes = new ArrayList<>();

    /**
     * @param data the table to cross-validate (e.g. {@link DatasetSupplier#tableOr}); called on
     *     {@code background}
     * @param validator runs the folds; called on {@code background}
     * @param background where the data are read and the folds trained
     * @param ui where results are published (the FX thread)
     */
    public CrossValidationViewModel(
            DatasetSupplier data, CrossValidator validator, Executor background, Executor ui) {
        this.data = Objects.requireNonNull(data, "data");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        job = new BackgroundJob(background, ui, "Press Run to cross-validate the network.");
        form.validateOnChange(this::validate, foldCount, activation, decayText);
        canRun = job.canStart(form.problemProperty().isEmpty());
        validate();
    }

    /**
     * The settings as typed; null when they have a problem (see {@link
     * CourseForm#problemProperty()}).
     */
    public Settings settings() {
        Integer k = foldCount.get();
        EngineKind engine = form.engineProperty().get();
        Integer units = form.hiddenUnits(10_000);
        double rate = form.learningRate();
        double decay = TypedNumbers.number(decayText.get());
        Integer epochs = form.epochCount(10_000);
        Integer batch = form.batchSize();
        if (k == null || k < MIN_FOLDS || k > MAX_FOLDS) {
            return invalid("Choose from " + MIN_FOLDS + " to " + MAX_FOLDS + " folds.");
        }
        if (engine == null || activation.get() == null) {
            return invalid("Choose an engine and an activation.");
        }
        if (units == null) {
            return invalid("The hidden layer needs a whole number of units, at least 1.");
        }
        if (!(rate > 0)) {
            return invalid("The learning rate must be a positive number, e.g. 0.1.");
        }
        if (!(decay >= 0)) {
            return invalid("The decay must be 0 or a positive number, e.g. 0.01.");
        }
        if (epochs == null) {
            return invalid("Train for a whole number of epochs, at least 1.");
        }
        if (batch == null) {
            return invalid("The batch size must be a whole number of at least 1.");
        }
        return new Settings(k, engine, units, activation.get(), rate, decay, epochs, batch);
    }

    private Settings invalid(String why) {
        form.setProblem(why);
        return null;
    }

    private void validate() {
        if (settings() != null) {
            form.setProblem("");
        }
    }

    /**
     * What a cross-validation runs.
     *
     * @param foldCount k
     * @param hiddenUnits units of the one hidden dense layer
     * @param decay per-epoch decay of the learning rate
     */
    public record Settings(
            int foldCount,
            EngineKind engine,
            int hiddenUnits,
            ActivationType activation,
            double learningRate,
            double decay,
            int epochCount,
            int batchSize) {

        /** Features → dense(units) → activation → softmax over the classes. */
        public ModelSpec network(TableSamples table) {
            return new ModelSpec(
                    "crossval-" + hiddenUnits,
                    table.inputShape(),
                    List.of(
                            DenseSpec.of(hiddenUnits),
                            ActivationSpec.of(activation),
                            OutputSpec.softmax(table.classCount())));
        }

        /** Plain SGD with per-epoch decay, cross-entropy, every training row trains. */
        public Hyperparameters hyperparameters() {
            return Hyperparameters.defaults()
                    .withOptimizer(OptimizerKind.SGD)
                    .withLearningRate(learningRate)
                    .withSchedule(ScheduleKind.DECAY)
                    .withDecayRate(decay)
                    .withEpochCount(epochCount)
                    .withBatchSize(batchSize)
                    .withValidationShare(0)
                    .withSeed(SEED)
                    .withLoss(LossKind.CROSS_ENTROPY);
        }
    }

    // ---- actions

    /** Starts the cross-validation; does nothing while one runs or the settings have a problem. */
    public void run() {
        Settings s = settings();
        if (job.isRunning() || s == null) {
            if (s == null) {
                job.setError(form.problemProperty().get());
            }
            return;
        }
        RunControl ctl = new RunControl();
        control = ctl;
        folds.clear();
        trainSizes.clear();
        summary.set(Summary.NONE);
        epochCountOfRun = s.epochCount();
        int mine = job.start(-1, "Reading the table…", ctl::requestCancel);
        EventPump<FoldProgress> pump =
                new EventPump<>(
                        ui,
                        p -> {
                            if (job.isCurrent(mine)) {
                                onProgress(p);
                            }
                        },
                        CrossValidationViewModel::coalescingKind);
        job.execute(() -> work(mine, s, ctl, pump));
    }

    private void work(int mine, Settings s, RunControl ctl, EventPump<FoldProgress> pump) {
        CrossValidationResult result;
        try {
            LoadedDataset d = data.get();
            Samples all = d.all();
            if (!(all instanceof TableSamples table)) {
                throw new IllegalArgumentException(
                        d.name()
                                + " holds images; cross-validation here trains a dense network on"
                                + " a table's features — open a table (CSV) in the Data tab, or"
                                + " use the wheat seeds");
            }
            String described = describe(d.name(), table);
            job.publish(mine, () -> showData(described, s));
            CrossValidationRequest request =
                    new CrossValidationRequest(
                            "crossval-" + slug(d.name()),
                            s.network(table),
                            table,
                            d.name(),
                            d.fileSha256(),
                            s.hyperparameters(),
                            s.foldCount(),
                            true,
                            true,
                            s.engine());
            result = validator.run(request, ctl, pump);
        } catch (Exception e) {
            String why = Sentence.of(e);
            job.publish(mine, () -> failed(why));
            return;
        }
        CrossValidationResult r = result;
        job.publish(mine, () -> finished(r));
    }

    /** Asks the folds to stop after the current batch. */
    public void cancel() {
        if (control != null) {
            job.cancel("Stopping after this batch…");
        }
    }

    private static Object coalescingKind(FoldProgress p) {
        return p.event() instanceof TrainingEvent.BatchCompleted
                        || p.event() instanceof TrainingEvent.WeightsCaptured
                ? p.event().getClass()
                : null;
    }

    private void showData(String described, Settings s) {
        dataText.set(described);
        if (!control.isCancelRequested()) {
            job.setStatus(
                    "Cross-validating with "
                            + s.foldCount()
                            + " folds on "
                            + s.engine().label()
                            + "…");
        }
    }

    private void onProgress(FoldProgress p) {
        TrainingEvent e = p.event();
        if (e instanceof TrainingEvent.RunStarted s) {
            epochCountOfRun = Math.max(1, s.hyperparameters().epochCount());
            trainSizes.add(s.trainSize());
            job.setProgress((double) (p.fold() - 1) / p.foldCount());
            job.setProgressText(
                    String.format(
                            Locale.ROOT,
                            "Fold %d of %d: training on %,d rows, testing on %,d",
                            p.fold(),
                            p.foldCount(),
                            s.trainSize(),
                            s.testSize()));
        } else if (e instanceof TrainingEvent.BatchCompleted b) {
            double within =
                    ((b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batchesPerEpoch()))
                            / epochCountOfRun;
            job.setProgress((p.fold() - 1 + Math.min(1, within)) / p.foldCount());
            job.setProgressText(
                    String.format(
                            Locale.ROOT,
                            "Fold %d of %d: epoch %d of %d",
                            p.fold(),
                            p.foldCount(),
                            b.epoch(),
                            epochCountOfRun));
        } else if (e instanceof TrainingEvent.EpochCompleted ep) {
            job.setProgress((p.fold() - 1 + (double) ep.epoch() / epochCountOfRun) / p.foldCount());
        } else if (e instanceof TrainingEvent.RunFinished f) {
            int train = trainSizes.isEmpty() ? 0 : trainSizes.get(trainSizes.size() - 1);
            folds.add(
                    new FoldResult(
                            p.fold(),
                            train,
                            0,
                            f.test().actual().length,
                            f.test().accuracy(),
                            f.test().loss(),
                            f.durationMillis()));
            job.setProgress((double) p.fold() / p.foldCount());
            updateSummary(folds.stream().mapToDouble(FoldResult::testAccuracy).toArray());
        }
    }

    private void finished(CrossValidationResult result) {
        job.finish();
        folds.setAll(result.folds());
        summary.set(
                new Summary(result.folds().size(), result.meanAccuracy(), result.accuracyStd()));
        job.setProgressText("");
        switch (result.status()) {
            case COMPLETED -> {
                job.setProgress(1);
                job.setStatus(
                        String.format(
                                Locale.ROOT,
                                "Done: every row was tested once, by a network trained on the"
                                        + " other %d folds.",
                                result.foldCount() - 1));
            }
            case CANCELLED -> {
                job.setProgress(0);
                job.setStatus(Sentence.of(result.message(), "Cancelled."));
            }
            case FAILED -> {
                job.setProgress(0);
                job.setStatus("The cross-validation stopped.");
                job.setError(Sentence.of(result.message(), "A fold failed."));
            }
        }
    }

    private void failed(String why) {
        job.finish();
        job.setProgress(0);
        job.setProgressText("");
        job.setStatus("The cross-validation did not run.");
        job.setError(why);
    }

    private void updateSummary(double[] accuracies) {
        int n = accuracies.length;
        double mean = 0;
        for (double a : accuracies) {
            mean += a / n;
        }
        double std = Double.NaN;
        if (n > 1) {
            double sq = 0;
            for (double a : accuracies) {
                sq += (a - mean) * (a - mean);
            }
            std = Math.sqrt(sq / (n - 1));
        }
        summary.set(new Summary(n, mean, std));
    }

    /**
     * The test accuracies of the completed folds, summed up.
     *
     * @param foldCount how many folds are completed
     * @param meanAccuracy their mean test accuracy, share in [0, 1]; NaN before the first
     * @param accuracyStd their sample standard deviation; NaN with fewer than two
     */
    public record Summary(int foldCount, double meanAccuracy, double accuracyStd) {

        /** No fold completed. */
        public static final Summary NONE = new Summary(0, Double.NaN, Double.NaN);

        /** e.g. "95.2 % ± 1.7 %" (mean ± sample std); empty before the first fold. */
        public String text() {
            if (foldCount == 0 || Double.isNaN(meanAccuracy)) {
                return "";
            }
            return Double.isNaN(accuracyStd)
                    ? String.format(Locale.ROOT, "%.1f %%", 100 * meanAccuracy)
                    : String.format(
                            Locale.ROOT,
                            "%.1f %% ± %.1f %%",
                            100 * meanAccuracy,
                            100 * accuracyStd);
        }
    }

    /** e.g. "Wheat seeds (UCI): 210 rows, 7 features, 3 classes (Kama, Rosa, Canadian)". */
    static String describe(String name, TableSamples table) {
        List<String> classes = table.classNames();
        String names = classes.size() <= 6 ? " (" + String.join(", ", classes) + ")" : "";
        return String.format(
                Locale.ROOT,
                "%s: %,d rows, %d features, %d classes%s",
                name,
                table.size(),
                table.featureCount(),
                table.classCount(),
                names);
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    // ---- properties

    /** k, from {@value #MIN_FOLDS} to {@value #MAX_FOLDS}. */
    public ObjectProperty<Integer> foldCountProperty() {
        return foldCount;
    }

    /**
     * The engine, hidden units, learning rate, epochs and batch size as typed, and their problem.
     */
    public CourseForm form() {
        return form;
    }

    /** The hidden layer's activation: sigmoid or ReLU. */
    public ObjectProperty<ActivationType> activationProperty() {
        return activation;
    }

    /** The per-epoch decay d of the rate: epoch e trains at lr / (1 + d·e). */
    public StringProperty decayTextProperty() {
        return decayText;
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }

    /**
     * Run's job: running; progress, the share of all folds done in [0, 1] (−1 while the table is
     * read); status; error, why it did not run or stopped (empty otherwise). Cancel cancels it.
     */
    public BackgroundJob job() {
        return job;
    }

    /** The table cross-validated, e.g. "Wheat seeds (UCI): 210 rows, 7 features, 3 classes …". */
    public ReadOnlyStringProperty dataTextProperty() {
        return dataText.getReadOnlyProperty();
    }

    /** The completed folds' mean test accuracy ± sample standard deviation. */
    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The completed folds, in order. */
    public ObservableList<FoldResult> folds() {
        return folds;
    }
}
