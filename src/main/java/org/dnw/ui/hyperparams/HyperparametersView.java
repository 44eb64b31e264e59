package org.dnw.ui.hyperparams;

import static org.dnw.ui.hyperparams.HyperparameterHelp.BATCH_SIZE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.DECAY_RATE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.DEVICE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.EPOCHS_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.LEARNING_RATE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.LOSS_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.NEW_SEED_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.OPTIMIZER_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.PATIENCE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.RESET_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.SCHEDULE_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.SEED_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.STEP_EPOCHS_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.VALIDATION_HELP;
import static org.dnw.ui.hyperparams.HyperparameterHelp.WEIGHT_DECAY_HELP;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.ScheduleKind;
import org.dnw.ui.common.SliderField;

/**
 * The hyperparameters panel: one row per setting, each with a tooltip that explains it, grouped as
 * optimisation, training data and engine, with "Reset to defaults". Meant to sit beside the
 * training controls, 340–600 px wide.
 */
public final class HyperparametersView extends VBox {

    private final HyperparametersViewModel model;
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final LogSliderField learningRate;
    private final ComboBox<ScheduleKind> schedule = new ComboBox<>();
    private final SliderField stepEpochs;
    private final LogSliderField decayRate;
    private final CheckBox weightDecayOn = new CheckBox();
    private final LogSliderField weightDecay;
    private final ToggleGroup lossGroup = new ToggleGroup();
    private final Map<LossKind, ToggleButton> lossButtons = new EnumMap<>(LossKind.class);
    private final SliderField batchSize;
    private final SliderField epochs;
    private final SliderField patience;
    private final SliderField validation;
    private final TextField seed = new TextField();
    private final Button newSeed = new Button("New seed");
    private final EngineChoice engine;
    private final Label device = new Label();
    private final Button reset = new Button("Reset to defaults");
    private boolean syncing;

    public HyperparametersView(HyperparametersViewModel model) {
        this.model = model;
        this.engine = new EngineChoice(model, this::sync);
        getStyleClass().add("hyperparams-view");
        setSpacing(6);
        setPadding(new Insets(10, 12, 12, 12));
        setMinWidth(340);

        Hyperparameters h = model.getHyperparameters();
        learningRate =
                new LogSliderField(
                        "Learning rate",
                        new LogScale(
                                HyperparametersViewModel.MIN_LEARNING_RATE,
                                HyperparametersViewModel.MAX_LEARNING_RATE),
                        h.learningRate());
        decayRate =
                new LogSliderField(
                        "Decay rate",
                        new LogScale(
                                HyperparametersViewModel.MIN_DECAY_RATE,
                                HyperparametersViewModel.MAX_DECAY_RATE),
                        h.decayRate());
        weightDecay =
                new LogSliderField(
                        "Weight decay",
                        new LogScale(
                                HyperparametersViewModel.MIN_WEIGHT_DECAY,
                                HyperparametersViewModel.MAX_WEIGHT_DECAY),
                        HyperparametersViewModel.DEFAULT_WEIGHT_DECAY);
        stepEpochs =
                SliderField.ofIntegers(
                        "Step every",
                        new int[] {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50},
                        HyperparametersViewModel.MIN_STEP_EPOCHS,
                        HyperparametersViewModel.MAX_STEP_EPOCHS);
        batchSize =
                SliderField.ofIntegers(
                        "Batch size",
                        new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024},
                        HyperparametersViewModel.MIN_BATCH_SIZE,
                        HyperparametersViewModel.MAX_BATCH_SIZE);
        epochs =
                SliderField.ofIntegers(
                        "Epochs",
                        new int[] {
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80,
                            90, 100
                        },
                        HyperparametersViewModel.MIN_EPOCHS,
                        HyperparametersViewModel.MAX_EPOCHS);
        patience =
                SliderField.ofIntegers(
                        "Stop early after",
                        new int[] {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20},
                        0,
                        HyperparametersViewModel.MAX_PATIENCE);
        validation =
                SliderField.ofIntegers(
                        "Validation %",
                        new int[] {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50},
                        0,
                        (int) Math.round(100 * HyperparametersViewModel.MAX_VALIDATION_SHARE));

        VBox form = new VBox(6);
        form.getStyleClass().add("hyperparams-form");
        form.disableProperty().bind(model.lockedProperty());
        form.getChildren()
                .addAll(
                        group("OPTIMISATION"),
                        optimizerRow(),
                        learningRateRow(),
                        scheduleRow(),
                        stepEpochsRow(),
                        decayRateRow(),
                        weightDecayRow(),
                        lossRow(),
                        group("TRAINING DATA"),
                        batchSizeRow(),
                        epochsRow(),
                        patienceRow(),
                        validationRow(),
                        seedRow(),
                        group("ENGINE"),
                        engine.row(),
                        engine.note());

        Label lockedNote = new Label("Locked while a run trains; stop it to change the settings.");
        lockedNote.setId("hyperparams-locked");
        lockedNote.getStyleClass().add("hyperparam-note");
        lockedNote.setWrapText(true);
        lockedNote.managedProperty().bind(model.lockedProperty());
        lockedNote.visibleProperty().bind(model.lockedProperty());

        Label defaultsNote = new Label();
        defaultsNote.setId("hyperparams-defaults");
        defaultsNote.getStyleClass().add("hyperparam-note");
        defaultsNote.setWrapText(true);
        defaultsNote.textProperty().bind(model.defaultsNoteProperty());

        getChildren().addAll(titleRow(), defaultsNote, lockedNote, form, deviceRow());

        model.hyperparametersProperty().addListener((obs, old, now) -> sync());
        model.engineProperty().addListener((obs, old, now) -> sync());
        model.scratchEngineReasonProperty()
                .map(String::isEmpty)
                .addListener((obs, old, now) -> sync());
        sync();
    }

    /** Label for a schedule, as the menu shows it. */
    static String label(ScheduleKind kind) {
        return switch (kind) {
            case FIXED -> "Fixed";
            case STEP -> "Step (÷10 every few epochs)";
            case COSINE -> "Cosine";
            case DECAY -> "Per-epoch decay";
            case ONE_CYCLE -> "One-cycle (warm up, then cosine)";
        };
    }

    /** Label for a loss, as its button shows it. */
    static String label(LossKind kind) {
        return switch (kind) {
            case CROSS_ENTROPY -> "Cross-entropy";
            case SQUARED_ERROR -> "Squared error";
        };
    }

    // ---- rows

    private HBox titleRow() {
        Label title = new Label("Hyperparameters");
        title.getStyleClass().add("hyperparams-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        reset.setId("reset-hyperparameters");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setTooltip(tip(RESET_HELP));
        reset.setOnAction(e -> model.resetToDefaults());
        reset.disableProperty().bind(model.lockedProperty());
        HBox row = new HBox(8, title, gap, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label group(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hyperparams-group-title");
        return label;
    }

    private HBox optimizerRow() {
        optimizer.setId("optimizer");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setConverter(converter(OptimizerKind::label));
        optimizer.setTooltip(tip(OPTIMIZER_HELP));
        optimizer.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(optimizer, Priority.ALWAYS);
        optimizer
                .valueProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (!syncing && now != null) {
                                model.setOptimizer(now);
                                sync();
                            }
                        });
        return row("Optimizer", OPTIMIZER_HELP, optimizer);
    }

    private LogSliderField learningRateRow() {
        learningRate.setId("learning-rate");
        learningRate.setHelp(LEARNING_RATE_HELP);
        learningRate.setOnEdit(
                v -> {
                    model.setLearningRate(v);
                    sync();
                });
        return learningRate;
    }

    private HBox scheduleRow() {
        schedule.setId("schedule");
        schedule.getItems().setAll(ScheduleKind.values());
        schedule.setConverter(converter(HyperparametersView::label));
        schedule.setTooltip(tip(SCHEDULE_HELP));
        schedule.setMaxWidth(Double.MAX_VALUE);
        schedule.setCellFactory(list -> new ScheduleCell());
        HBox.setHgrow(schedule, Priority.ALWAYS);
        schedule.valueProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (!syncing && now != null) {
                                model.setSchedule(now);
                                sync();
                            }
                        });
        return row("Schedule", SCHEDULE_HELP, schedule);
    }

    /** Greys out the schedules the chosen engine cannot follow. */
    private final class ScheduleCell extends ListCell<ScheduleKind> {
        @Override
        protected void updateItem(ScheduleKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : label(item));
            setDisable(item != null && !model.allowedSchedules().contains(item));
        }
    }

    private HBox stepEpochsRow() {
        stepEpochs.setId("step-epochs");
        help(stepEpochs, STEP_EPOCHS_HELP, "Type a whole number of epochs from 1 to 100.");
        stepEpochs.setOnEdit(
                v -> {
                    model.setStepEpochs((int) Math.round(v));
                    sync();
                });
        HBox row = new HBox(stepEpochs);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(stepEpochs, Priority.ALWAYS);
        row.getStyleClass().add("dependent-row");
        row.setPadding(new Insets(0, 0, 0, 14));
        return row;
    }

    private LogSliderField decayRateRow() {
        decayRate.setId("decay-rate");
        decayRate.setHelp(DECAY_RATE_HELP);
        decayRate.setOnEdit(
                v -> {
                    model.setDecayRate(v);
                    sync();
                });
        decayRate.setPadding(new Insets(0, 0, 0, 14));
        decayRate.getStyleClass().add("dependent-row");
        return decayRate;
    }

    private LogSliderField weightDecayRow() {
        weightDecay.setId("weight-decay");
        weightDecay.setHelp(WEIGHT_DECAY_HELP);
        weightDecayOn.setId("weight-decay-on");
        weightDecayOn.setTooltip(tip("Switch weight decay on or off. " + WEIGHT_DECAY_HELP));
        weightDecayOn.setOnAction(
                e -> {
                    model.setWeightDecayEnabled(weightDecayOn.isSelected());
                    sync();
                });
        weightDecay.getChildren().add(1, weightDecayOn);
        weightDecay.slider().disableProperty().bind(weightDecayOn.selectedProperty().not());
        weightDecay.textField().disableProperty().bind(weightDecayOn.selectedProperty().not());
        weightDecay.setOnEdit(
                v -> {
                    model.setWeightDecay(v);
                    sync();
                });
        return weightDecay;
    }

    private HBox lossRow() {
        HBox segmented = new HBox();
        segmented.getStyleClass().add("segmented");
        for (LossKind kind : LossKind.values()) {
            ToggleButton b = new ToggleButton(label(kind));
            b.setId("loss-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.getStyleClass().add("segment");
            b.setToggleGroup(lossGroup);
            b.setTooltip(tip(LOSS_HELP));
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(
                    e -> {
                        model.setLoss(kind);
                        sync();
                    });
            lossButtons.put(kind, b);
            segmented.getChildren().add(b);
        }
        return row("Loss", LOSS_HELP, segmented);
    }

    private SliderField batchSizeRow() {
        batchSize.setId("batch-size");
        help(batchSize, BATCH_SIZE_HELP, "Type any batch size from 1 to 1024.");
        batchSize.setOnEdit(
                v -> {
                    model.setBatchSize((int) Math.round(v));
                    sync();
                });
        return batchSize;
    }

    private SliderField epochsRow() {
        epochs.setId("epochs");
        help(epochs, EPOCHS_HELP, "Type any number of epochs from 1 to 100.");
        epochs.setOnEdit(
                v -> {
                    model.setEpochCount((int) Math.round(v));
                    sync();
                });
        return epochs;
    }

    /**
     * "Stop early after N epochs without a better validation loss", 0 = off; disabled without a
     * validation set.
     */
    private VBox patienceRow() {
        patience.setId("patience-field");
        help(patience, PATIENCE_HELP, "Type a whole number of epochs from 0 (off) to 20.");
        patience.setOnEdit(
                v -> {
                    model.setPatience((int) Math.round(v));
                    sync();
                });
        patience.disableProperty().bind(model.patienceAvailableProperty().not());
        Label note = new Label("epochs without a better validation loss (0 = off)");
        note.setId("patience-note");
        note.getStyleClass().add("hyperparam-note");
        note.setWrapText(true);
        return new VBox(2, patience, note);
    }

    private SliderField validationRow() {
        validation.setId("validation-share");
        help(validation, VALIDATION_HELP, "Type a percentage from 0 to 50.");
        validation.setOnEdit(
                v -> {
                    model.setValidationShare(v / 100);
                    sync();
                });
        return validation;
    }

    private HBox seedRow() {
        seed.setId("seed");
        seed.setPrefColumnCount(8);
        seed.setAlignment(Pos.CENTER_RIGHT);
        seed.setTooltip(tip(SEED_HELP + " Type a whole number."));
        seed.setOnAction(e -> commitSeed());
        seed.focusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (!focused) {
                                commitSeed();
                            }
                        });
        seed.setOnKeyPressed(
                e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                        sync();
                    }
                });
        HBox.setHgrow(seed, Priority.ALWAYS);
        newSeed.setId("new-seed");
        newSeed.setMinWidth(Region.USE_PREF_SIZE);
        newSeed.setTooltip(tip(NEW_SEED_HELP));
        newSeed.setOnAction(e -> model.newSeed());
        return row("Seed", SEED_HELP, seed, newSeed);
    }

    private void commitSeed() {
        String text = seed.getText() == null ? "" : seed.getText().strip().replace(",", "");
        try {
            model.setSeed(Long.parseLong(text));
        } catch (NumberFormatException e) {
            // Not a whole number: show the seed in use again.
        }
        sync();
    }

    private HBox deviceRow() {
        device.setId("device");
        device.getStyleClass().add("device-text");
        device.textProperty().bind(model.deviceTextProperty());
        device.setTooltip(tip(DEVICE_HELP));
        device.setWrapText(true);
        HBox row = row("Device", DEVICE_HELP, device);
        row.setPadding(new Insets(6, 0, 0, 0));
        return row;
    }

    // ---- sync from the view model

    private void sync() {
        syncing = true;
        try {
            Hyperparameters h = model.getHyperparameters();
            optimizer.setValue(h.optimizer());
            optimizer.setDisable(!model.isOptimizerChoosable());
            learningRate.setValue(h.learningRate());
            schedule.setValue(h.schedule());
            schedule.setCellFactory(list -> new ScheduleCell());
            showIf(stepEpochs.getParent(), h.schedule() == ScheduleKind.STEP);
            stepEpochs.setValue(h.stepEpochs());
            showIf(decayRate, h.schedule() == ScheduleKind.DECAY);
            decayRate.setValue(h.decayRate());
            weightDecayOn.setSelected(h.weightDecay() > 0);
            if (h.weightDecay() > 0) {
                weightDecay.setValue(h.weightDecay());
            }
            lossButtons.get(h.loss()).setSelected(true);
            batchSize.setValue(h.batchSize());
            epochs.setValue(h.epochCount());
            patience.setValue(h.patience());
            validation.setValue(Math.round(100 * h.validationShare()));
            if (!seed.isFocused() || !Long.toString(h.seed()).equals(seed.getText())) {
                seed.setText(Long.toString(h.seed()));
            }
            engine.button(model.engineProperty().get()).setSelected(true);
        } finally {
            syncing = false;
        }
    }

    private static void showIf(Node node, boolean shown) {
        node.setManaged(shown);
        node.setVisible(shown);
    }

    // ---- small pieces

    static HBox row(String text, String help, Node... controls) {
        Label label = new Label(text);
        label.getStyleClass().add("hyperparam-label");
        label.setTooltip(tip(help));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8);
        row.getChildren().add(label);
        row.getChildren().addAll(controls);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("hyperparam-row");
        return row;
    }

    private static void help(SliderField field, String help, String typing) {
        field.label().setTooltip(tip(help));
        field.slider().setTooltip(tip(help));
        field.textField().setTooltip(tip(help + " " + typing));
    }

    static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(400));
        tip.setShowDuration(Duration.seconds(20));
        return tip;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** Every control that explains itself with a tooltip, for tests. */
    List<javafx.scene.control.Control> explainedControls() {
        return List.of(
                optimizer,
                learningRate.slider(),
                learningRate.textField(),
                schedule,
                stepEpochs.slider(),
                stepEpochs.textField(),
                decayRate.slider(),
                decayRate.textField(),
                weightDecayOn,
                weightDecay.slider(),
                weightDecay.textField(),
                lossButtons.get(LossKind.CROSS_ENTROPY),
                lossButtons.get(LossKind.SQUARED_ERROR),
                batchSize.slider(),
                batchSize.textField(),
                epochs.slider(),
                epochs.textField(),
                patience.slider(),
                patience.textField(),
                validation.slider(),
                validation.textField(),
                seed,
                newSeed,
                engine.button(EngineKind.DJL),
                engine.button(EngineKind.SCRATCH),
                device,
                reset);
    }
}
