package org.dnw.ui.common;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The controls of a {@link BackgroundJob}, the same in every panel: the start button (Run, Train,
 * Check…), Cancel, a progress bar, a status line (the finer progress line while there is one, else
 * the status) and an error line, both shown only while they have text. The panel names the controls
 * (ids, tooltips, its own style classes) and places them: {@link #row()} for the usual
 * button–button–bar row, {@link #buttons()} when the bar goes on a line of its own.
 */
public final class ActionStrip {

    private final Button startButton;
    private final Button cancelButton;
    private final ProgressBar progressBar = new ProgressBar(0);
    private final Label statusLabel = new Label();
    private final Label errorLabel = new Label();

    /**
     * @param canStart true when the start button may be pressed (see {@link
     *     BackgroundJob#canStart})
     * @param start what the start button does (the view-model's run)
     * @param cancel what Cancel does (the view-model's cancel)
     */
    public ActionStrip(
            BackgroundJob job,
            String startText,
            String cancelText,
            ObservableBooleanValue canStart,
            Runnable start,
            Runnable cancel) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(cancel, "cancel");
        startButton = new Button(startText);
        startButton.getStyleClass().add("accent-button");
        startButton.setMinWidth(Region.USE_PREF_SIZE);
        startButton.disableProperty().bind(Bindings.not(canStart));
        startButton.setOnAction(e -> start.run());
        cancelButton = new Button(cancelText);
        cancelButton.setMinWidth(Region.USE_PREF_SIZE);
        cancelButton.disableProperty().bind(job.runningProperty().not());
        cancelButton.setOnAction(e -> cancel.run());
        progressBar.setMaxWidth(Double.MAX_VALUE);
        progressBar.progressProperty().bind(job.progressProperty());
        statusLabel
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        job.progressTextProperty().get().isEmpty()
                                                ? job.statusProperty().get()
                                                : job.progressTextProperty().get(),
                                job.progressTextProperty(),
                                job.statusProperty()));
        errorLabel.textProperty().bind(job.errorProperty());
        for (Label l : new Label[] {statusLabel, errorLabel}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
    }

    /** Start, Cancel and the progress bar taking the rest of the width. */
    public HBox row() {
        HBox.setHgrow(progressBar, Priority.ALWAYS);
        return new HBox(10, startButton, cancelButton, progressBar);
    }

    /** Start and Cancel alone. */
    public HBox buttons() {
        return new HBox(10, startButton, cancelButton);
    }

    public Button startButton() {
        return startButton;
    }

    public Button cancelButton() {
        return cancelButton;
    }

    public ProgressBar progressBar() {
        return progressBar;
    }

    public Label statusLabel() {
        return statusLabel;
    }

    public Label errorLabel() {
        return errorLabel;
    }
}
