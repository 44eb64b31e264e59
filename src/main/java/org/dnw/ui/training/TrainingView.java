package org.dnw.ui.training;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.ui.common.Columns;

/**
 * The training panel: Train, Pause/Resume and Stop, a progress bar with epoch, batch, images per
 * second and time left, a status line, the last epoch's figures, and a failure box with the reason
 * and what to try.
 */
public final class TrainingView extends VBox {

    private final Button trainButton = new Button("Train");
    private final Button pauseButton = new Button("Pause");
    private final Button stopButton = new Button("Stop");
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label errorLabel = new Label();
    private final Label statusLabel = new Label();

    public TrainingView(TrainingViewModel model) {
        getStyleClass().add("training-view");
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));

        trainButton.setId("training-train-button");
        pauseButton.setId("training-pause-button");
        stopButton.setId("training-stop-button");
        trainButton.getStyleClass().add("train-button");
        for (Button b : new Button[] {trainButton, pauseButton, stopButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setPrefWidth(90);
        }
        trainButton
                .disableProperty()
                .bind(model.buttonsProperty().map(TrainingViewModel.Buttons::trainDisabled));
        pauseButton
                .disableProperty()
                .bind(model.buttonsProperty().map(TrainingViewModel.Buttons::pauseDisabled));
        stopButton
                .disableProperty()
                .bind(model.buttonsProperty().map(TrainingViewModel.Buttons::stopDisabled));
        pauseButton
                .textProperty()
                .bind(model.buttonsProperty().map(TrainingViewModel.Buttons::pauseText));
        trainButton.setOnAction(e -> model.onTrain());
        pauseButton.setOnAction(e -> model.onPauseResume());
        stopButton.setOnAction(e -> model.onStop());

        progressBar.setId("training-progress");
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressBar.setMinWidth(120);
        HBox.setHgrow(progressBar, Priority.ALWAYS);

        // The figures change with every batch. Each gets a fixed width, wide enough for its
        // longest text, on a row of its own: the panel's width never follows the text, so a
        // growing "about 3 min 20 s left" cannot push the tab wider than the window.
        HBox figures =
                new HBox(
                        18,
                        figure(
                                model.figuresProperty().map(TrainingViewModel.Figures::epoch),
                                "epoch-text",
                                "Epoch 100 / 100"),
                        figure(
                                model.figuresProperty().map(TrainingViewModel.Figures::batch),
                                "batch-text",
                                "Batch 99999 / 99999"),
                        figure(
                                model.figuresProperty().map(TrainingViewModel.Figures::throughput),
                                "throughput-text",
                                "99,999 images/s"),
                        figure(
                                model.figuresProperty().map(TrainingViewModel.Figures::timeLeft),
                                "time-left-text",
                                "about 59 min 59 s left"));
        figures.setAlignment(Pos.CENTER_LEFT);
        figures.setMinWidth(0);
        figures.getStyleClass().add("training-figures");
        HBox controls = new HBox(8, trainButton, pauseButton, stopButton, progressBar);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("training-controls");

        statusLabel.setId("training-status");
        statusLabel.getStyleClass().add("training-status");
        statusLabel.textProperty().bind(model.statusTextProperty());
        statusLabel.setWrapText(true);

        Label lastEpoch = new Label();
        lastEpoch.setId("last-epoch");
        lastEpoch.getStyleClass().add("last-epoch-text");
        lastEpoch.textProperty().bind(model.lastEpochTextProperty());
        lastEpoch.setWrapText(true);
        lastEpoch.managedProperty().bind(lastEpoch.textProperty().isNotEmpty());
        lastEpoch.visibleProperty().bind(lastEpoch.managedProperty());

        errorLabel.setId("training-error");
        errorLabel.getStyleClass().add("training-error-text");
        errorLabel
                .textProperty()
                .bind(model.failureProperty().map(TrainingViewModel.Failure::error));
        errorLabel.setWrapText(true);
        Label advice = new Label();
        advice.getStyleClass().add("training-advice-text");
        advice.textProperty().bind(model.failureProperty().map(TrainingViewModel.Failure::advice));
        advice.setWrapText(true);
        advice.managedProperty().bind(advice.textProperty().isNotEmpty());
        advice.visibleProperty().bind(advice.managedProperty());
        VBox errorBox = new VBox(4, errorLabel, advice);
        errorBox.getStyleClass().add("training-error");
        errorBox.setPadding(new Insets(8, 10, 8, 10));
        // Inline fallbacks keep the failure readable even before the stylesheet is merged.
        errorBox.setStyle(
                "-fx-background-color: #fdecea; -fx-border-color: #d93025;"
                        + " -fx-border-radius: 4; -fx-background-radius: 4;");
        errorLabel.setStyle("-fx-text-fill: #a50e0e; -fx-font-weight: bold;");
        advice.setStyle("-fx-text-fill: #3c1f1f;");
        errorBox.managedProperty()
                .bind(model.failureProperty().map(TrainingViewModel.Failure::shown));
        errorBox.visibleProperty()
                .bind(model.failureProperty().map(TrainingViewModel.Failure::shown));

        getChildren().addAll(controls, figures, statusLabel, lastEpoch, errorBox);
    }

    private static Label figure(
            javafx.beans.value.ObservableValue<String> text, String styleClass, String longest) {
        Label label = new Label();
        label.getStyleClass().addAll("training-figure", styleClass);
        label.textProperty().bind(text);
        // as wide as its longest text in the font the stylesheet gives it, whatever it shows now
        label.fontProperty()
                .addListener(
                        (obs, was, font) ->
                                label.setPrefWidth(Columns.textWidth(longest, font) + 4));
        label.setPrefWidth(Columns.textWidth(longest, label.getFont()) + 4);
        label.setMinWidth(0);
        label.setMaxWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
