package org.dnw.ui.course;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.ImageSamples;
import org.dnw.data.LoadedDataset;
import org.dnw.figures.CurvePicture;
import org.dnw.figures.TwoDigitPicture;
import org.dnw.spec.Sentence;
import org.dnw.store.EpochMetrics;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.dnw.train.TwoDigitSettings;
import org.dnw.train.TwoDigitTask;
import org.dnw.ui.charts.EpochPoint;
import org.dnw.ui.common.BackgroundJob;
import org.dnw.ui.common.EventPump;

/**
 * The two-digit panel of the course: two MNIST digits, an engine, hidden units, learning rate,
 * epochs and batch size; Train and Stop; the accuracy curve per epoch while it trains; when done,
 * the test accuracy and the classification picture ({@link TwoDigitPicture}) and learning curves
 * ({@link CurvePicture}), shown here and saved as {@value #PICTURE_FILE} and {@value #CURVES_FILE}
 * in the run's folder.
 *
 * <p>The data set comes from a {@link DatasetSupplier} (MNIST, or the shipped sample), loaded once
 * on the {@code background} executor; the run is started there by the {@link CourseTrainer}; its
 * events reach the {@code ui} executor (the FX thread, {@code Runnable::run} in tests) through an
 * {@link EventPump}; the pictures are drawn and written on {@code background}. Properties belong to
 * the FX thread.
 */
public final class TwoDigitsViewModel {

    /** The classification picture's file name in the run's folder. */
    public static final String PICTURE_FILE = "two-digits.png";

    /** The learning curves' file name in the run's folder. */
    public static final String CURVES_FILE = "curves.png";

    /** Longest wait for the run to be saved before the pictures are written without it. */
    static final long SAVE_WAIT_SECONDS = 60;

    private final DatasetSupplier data;
    private final CourseTrainer trainer;
    private final Executor background;
    private final Executor ui;

    private final ObjectProperty<Integer> digitA =
            new SimpleObjectProperty<>(this, "digitA", TwoDigitSettings.DEFAULT_DIGIT_A);
    private final ObjectProperty<Integer> digitB =
            new SimpleObjectProperty<>(this, "digitB", TwoDigitSettings.DEFAULT_DIGIT_B);
    private final CourseForm form;
    private final BackgroundJob job;
    private final BooleanBinding canTrain;
    private final ReadOnlyStringWrapper accuracyText =
            new ReadOnlyStringWrapper(this, "accuracy", "");
    private final ReadOnlyStringWrapper savedText = new ReadOnlyStringWrapper(this, "saved", "");
    private final ReadOnlyIntegerWrapper epochCount =
            new ReadOnlyIntegerWrapper(this, "epochCount", 10);
    private final ObservableList<EpochPoint> epochs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BufferedImage> picture =
            new ReadOnlyObjectWrapper<>(this, "picture");
    private final ReadOnlyObjectWrapper<BufferedImage> curves =
            new ReadOnlyObjectWrapper<>(this, "curves");

    private final List<EpochMetrics> history = new ArrayList<>();
    private volatile LoadedDataset loaded;
    private volatile Active active;
    private int batchesPerEpoch = 1;

    /** What the background knows of the run in progress. */
    private static final class Active {
        final int generation;
        final TwoDigitSettings settings;
        volatile TrainingRequest request;
        volatile StartedTraining started;
        volatile boolean stop;

        Active(int generation, TwoDigitSettings settings) {
            this.generation = generation;
            this.settings = settings;
        }
    }

    /**
     * @param data MNIST or the sample; called on {@code background}, once
     * @param trainer starts the runs; called on {@code background}
     * @param background where data are loaded, runs started, pictures drawn and written
     * @param ui where results are published (the FX thread)
     */
    public TwoDigitsViewModel(
            DatasetSupplier data, CourseTrainer trainer, Executor background, Executor ui) {
        this.data = Objects.requireNonNull(data, "data");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        job = new BackgroundJob(background, ui, "Choose two digits and press Train.");
        TwoDigitSettings defaults = TwoDigitSettings.defaults(EngineKind.SCRATCH);
        form =
                new CourseForm(
                        String.valueOf(defaults.hiddenUnits()),
                        null,
                        String.valueOf(defaults.epochCount()),
                        null);
        engineDefaults(EngineKind.SCRATCH);
        ObjectProperty<EngineKind> engine = form.engineProperty();
        engine.addListener(
                (obs, was, now) -> {
                    if (now == null) {
                        engine.set(was);
                    } else {
                        engineDefaults(now);
                    }
                });
        form.validateOnChange(this::validate, digitA, digitB);
        canTrain = job.canStart(form.problemProperty().isEmpty());
        validate();
    }

    /**
     * Each engine starts from its own usual rate and batch size (3.0 and 10 for SGD from scratch).
     */
    private void engineDefaults(EngineKind kind) {
        form.learningRateTextProperty()
                .set(Hyperparameters.formatRate(TwoDigitTask.defaultLearningRate(kind)));
        form.batchSizeTextProperty().set(String.valueOf(TwoDigitTask.defaultBatchSize(kind)));
    }

    private void validate() {
        TwoDigitSettings s = settingsOrNull();
        if (s == null) {
            return;
        }
        List<String> problems = s.problems();
        form.setProblem(problems.isEmpty() ? "" : Sentence.of(problems.get(0), ""));
    }

    /** The settings as typed, or null after setting {@link CourseForm#problemProperty()}. */
    private TwoDigitSettings settingsOrNull() {
        Integer units = form.hiddenUnits(TwoDigitSettings.MAX_HIDDEN_UNITS);
        double rate = form.learningRate();
        Integer epochCountValue = form.epochCount(TwoDigitSettings.MAX_EPOCHS);
        Integer batch = form.batchSize();
        if (digitA.get() == null || digitB.get() == null) {
            form.setProblem("Choose two digits.");
        } else if (units == null) {
            form.setProblem(
                    "The hidden layer needs a whole number of units from 1 to "
                            + TwoDigitSettings.MAX_HIDDEN_UNITS
                            + ".");
        } else if (!(rate > 0)) {
            form.setProblem("The learning rate must be a positive number, e.g. 3.0.");
        } else if (epochCountValue == null) {
            form.setProblem(
                    "Train for a whole number of epochs from 1 to "
                            + TwoDigitSettings.MAX_EPOCHS
                            + ".");
        } else if (batch == null) {
            form.setProblem("The batch size must be a whole number of at least 1.");
        } else {
            return new TwoDigitSettings(
                    digitA.get(),
                    digitB.get(),
                    form.engineProperty().get(),
                    units,
                    rate,
                    epochCountValue,
                    batch,
                    TwoDigitSettings.DEFAULT_SEED);
        }
        return null;
    }

    /** The settings as typed; null when they have a problem. */
    public TwoDigitSettings settings() {
        TwoDigitSettings s = settingsOrNull();
        return s == null || !s.problems().isEmpty() ? null : s;
    }

    // ---- actions

    /** Starts a run with the settings; does nothing while one runs or when they have a problem. */
    public void train() {
        TwoDigitSettings s = settings();
        if (job.isRunning() || s == null) {
            if (s == null) {
                job.setError(form.problemProperty().get());
            }
            return;
        }
        history.clear();
        epochs.clear();
        picture.set(null);
        curves.set(null);
        accuracyText.set("");
        savedText.set("");
        epochCount.set(s.epochCount());
        int mine =
                job.start(
                        -1, loaded == null ? "Loading the digits…" : "Starting…", this::stopActive);
        Active run = new Active(mine, s);
        active = run;
        EventPump<TrainingEvent> pump =
                new EventPump<>(
                        ui,
                        e -> {
                            if (job.isCurrent(run.generation)) {
                                onEvent(run, e);
                            }
                        },
                        TwoDigitsViewModel::coalescingKind);
        job.execute(() -> start(run, pump));
    }

    private void start(Active run, EventPump<TrainingEvent> pump) {
        try {
            LoadedDataset d = loaded;
            if (d == null) {
                d = data.get();
                loaded = d;
            }
            run.request = TwoDigitTask.request(d, run.settings);
            StartedTraining started = trainer.start(run.request, pump);
            run.started = started;
            if (run.stop) {
                started.run().cancel();
            }
        } catch (Exception e) {
            String why = Sentence.of(e);
            job.publish(run.generation, () -> notStarted(why));
        }
    }

    private void notStarted(String why) {
        job.finish();
        job.setProgress(0);
        job.setStatus("Training did not start.");
        job.setError(why);
    }

    /** Asks the run to stop after its current batch. */
    public void stop() {
        if (active != null) {
            job.cancel("Stopping after this batch…");
        }
    }

    private void stopActive() {
        Active run = active;
        run.stop = true;
        StartedTraining started = run.started;
        if (started != null) {
            started.run().cancel();
        }
    }

    private static Object coalescingKind(TrainingEvent e) {
        return e instanceof TrainingEvent.BatchCompleted
                        || e instanceof TrainingEvent.WeightsCaptured
                ? e.getClass()
                : null;
    }

    private void onEvent(Active run, TrainingEvent event) {
        if (event instanceof TrainingEvent.RunStarted s) {
            batchesPerEpoch = Math.max(1, s.batchesPerEpoch());
            epochCount.set(s.hyperparameters().epochCount());
            if (!job.isCancelling()) {
                job.setStatus(
                        String.format(
                                Locale.ROOT,
                                "Training %s on %,d images of %s (%s)…",
                                run.settings.digitA() + " vs " + run.settings.digitB(),
                                s.trainSize(),
                                s.datasetName(),
                                s.device()));
            }
        } else if (event instanceof TrainingEvent.BatchCompleted b) {
            job.setProgress(
                    ((b.epoch() - 1) + (double) b.batch() / Math.max(1, b.batchesPerEpoch()))
                            / Math.max(1, epochCount.get()));
            job.setProgressText(
                    String.format(
                            Locale.ROOT,
                            "Epoch %d of %d, batch %,d of %,d — loss %.4f",
                            b.epoch(),
                            epochCount.get(),
                            b.batch(),
                            b.batchesPerEpoch(),
                            b.loss()));
        } else if (event instanceof TrainingEvent.EpochCompleted e) {
            history.add(EpochMetrics.from(e));
            epochs.add(EpochPoint.of(e));
            job.setProgress((double) e.epoch() / Math.max(1, e.epochCount()));
            job.setProgressText(
                    String.format(
                            Locale.ROOT,
                            "Epoch %d of %d: training %.1f %%, validation %s",
                            e.epoch(),
                            e.epochCount(),
                            100 * e.trainAccuracy(),
                            Double.isNaN(e.validationAccuracy())
                                    ? "—"
                                    : String.format(
                                            Locale.ROOT, "%.1f %%", 100 * e.validationAccuracy())));
        } else if (event instanceof TrainingEvent.RunFinished f) {
            finished(run, f);
        } else if (event instanceof TrainingEvent.RunFailed f) {
            job.finish();
            job.setProgress(0);
            job.setProgressText("");
            job.setStatus("Training failed; nothing was saved.");
            job.setError(
                    Sentence.of(f.reason(), "The training failed.")
                            + (f.advice() == null || f.advice().isBlank()
                                    ? ""
                                    : " Try this: " + Sentence.of(f.advice(), "")));
        } else if (event instanceof TrainingEvent.RunCancelled c) {
            job.finish();
            job.setProgress(0);
            job.setProgressText("");
            job.setStatus(
                    "Stopped after "
                            + c.epochsCompleted()
                            + (c.epochsCompleted() == 1 ? " epoch" : " epochs")
                            + "; nothing was saved.");
        }
    }

    private void finished(Active run, TrainingEvent.RunFinished f) {
        TrainingEvent.TestEvaluation test = f.test();
        int total = test.actual().length;
        int correct = (int) Math.round(test.accuracy() * total);
        accuracyText.set(
                String.format(
                        Locale.ROOT,
                        "Test accuracy %.1f %% — %,d of %,d right",
                        100 * test.accuracy(),
                        correct,
                        total));
        job.setProgress(1);
        job.setProgressText("");
        job.setStatus("Drawing the pictures…");
        List<EpochMetrics> curve = List.copyOf(history);
        background.execute(() -> pictures(run, f, curve));
    }

    private void pictures(Active run, TrainingEvent.RunFinished f, List<EpochMetrics> curve) {
        ImageSamples test = (ImageSamples) run.request.splits().test();
        String title = TwoDigitTask.describe(run.settings);
        BufferedImage drawn;
        BufferedImage drawnCurves;
        float[] outputs;
        try {
            outputs = TwoDigitTask.outputs(f.test());
            drawn = TwoDigitPicture.render(test, outputs);
            drawnCurves = CurvePicture.render(curve, title);
        } catch (RuntimeException e) {
            String why = Sentence.of(e);
            job.publish(
                    run.generation,
                    () -> done(run, null, null, "The pictures could not be drawn: " + why));
            return;
        }
        String saved;
        try {
            Path folder = run.started.folder().get(SAVE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (folder == null) {
                saved = "The run was not saved, so neither were the pictures.";
            } else {
                Files.createDirectories(folder);
                TwoDigitPicture.write(folder.resolve(PICTURE_FILE), test, outputs);
                CurvePicture.write(folder.resolve(CURVES_FILE), curve, title);
                saved =
                        "Saved with the run as "
                                + PICTURE_FILE
                                + " and "
                                + CURVES_FILE
                                + " in "
                                + folder
                                + ".";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            saved = "The pictures were not saved (interrupted).";
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            saved = "The pictures are shown here but were not saved: " + Sentence.of(e);
        }
        String message = saved;
        job.publish(run.generation, () -> done(run, drawn, drawnCurves, message));
    }

    private void done(Active run, BufferedImage drawn, BufferedImage drawnCurves, String saved) {
        picture.set(drawn);
        curves.set(drawnCurves);
        savedText.set(saved);
        job.finish();
        job.setStatus("Done: " + TwoDigitTask.describe(run.settings) + ".");
    }

    // ---- properties

    /** The first digit, 0–9: the output unit says 0 for it. */
    public ObjectProperty<Integer> digitAProperty() {
        return digitA;
    }

    /** The second digit, 0–9: the output unit says 1 for it. */
    public ObjectProperty<Integer> digitBProperty() {
        return digitB;
    }

    /**
     * The engine (choosing one puts its usual learning rate and batch size in), hidden units,
     * learning rate, epochs and batch size as typed, and their problem.
     */
    public CourseForm form() {
        return form;
    }

    /** True when Train can be pressed. */
    public BooleanBinding canTrainBinding() {
        return canTrain;
    }

    /**
     * Train's job: running; progress, the share of the run done in [0, 1] (−1, indeterminate, while
     * loading and starting); status; error, why the run did not start or failed (empty otherwise).
     * Stop cancels it.
     */
    public BackgroundJob job() {
        return job;
    }

    /** e.g. "Test accuracy 99.1 % — 1,966 of 1,984 right". */
    public ReadOnlyStringProperty accuracyTextProperty() {
        return accuracyText.getReadOnlyProperty();
    }

    /** Where the pictures were saved, or why not. */
    public ReadOnlyStringProperty savedTextProperty() {
        return savedText.getReadOnlyProperty();
    }

    /** Epochs of the run in progress or last run, for the live curve's x axis. */
    public ReadOnlyIntegerProperty epochCountProperty() {
        return epochCount.getReadOnlyProperty();
    }

    /** The epochs of the run so far, for the live curve. */
    public ObservableList<EpochPoint> epochs() {
        return epochs;
    }

    /** The classification picture of the last run; null until one finished. */
    public ReadOnlyObjectProperty<BufferedImage> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** The learning curves of the last run; null until one finished. */
    public ReadOnlyObjectProperty<BufferedImage> curvesProperty() {
        return curves.getReadOnlyProperty();
    }
}
