package org.dnw.ui.hyperparams;

import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * A labelled slider on a {@link LogScale} with a text field that shows the value ("0.001", "3e-4")
 * and takes any typed value in range. Dragging snaps to round values; arrow keys step from one
 * round value to the next; a typed value is kept exactly, or clamped with a note beside the field
 * saying so. Looks like {@link org.dnw.ui.common.SliderField} (same style classes), so the two line
 * up in a form.
 *
 * <p>User edits are reported to {@link #setOnEdit}; {@link #setValue} is not reported back.
 */
public final class LogSliderField extends HBox {

    private final LogScale scale;
    private final Label label;
    private final Slider slider;
    private final TextField field;
    private final Label note = new Label();
    private double value;
    private boolean updating;
    private DoubleConsumer onEdit = v -> {};

    public LogSliderField(String text, LogScale scale, double initial) {
        this.scale = scale;
        this.value = scale.clamp(initial);

        label = new Label(text);
        label.getStyleClass().add("slider-field-label");
        label.setMinWidth(USE_PREF_SIZE);

        slider = new Slider(0, 1, scale.toPosition(value));
        slider.setAccessibleText(text);
        slider.setMinWidth(80);
        // One tick per decade helps to read the scale: 1e-5, 1e-4, … 1.
        double decades = Math.log10(scale.max()) - Math.log10(scale.min());
        slider.setMajorTickUnit(1 / decades);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        slider.setLabelFormatter(
                new StringConverter<>() {
                    @Override
                    public String toString(Double position) {
                        return LogScale.format(scale.snap(scale.fromPosition(position)));
                    }

                    @Override
                    public Double fromString(String s) {
                        return scale.toPosition(LogScale.parse(s).orElse(scale.min()));
                    }
                });
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((obs, old, now) -> sliderMoved(now.doubleValue()));
        slider.valueChangingProperty()
                .addListener(
                        (obs, was, changing) -> {
                            if (!changing) {
                                placeSlider();
                            }
                        });
        slider.addEventFilter(KeyEvent.KEY_PRESSED, this::stepKey);
        // A click on the track (no drag) leaves the thumb where clicked: put it on the value.
        slider.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> placeSlider());

        field = new TextField(LogScale.format(value));
        field.getStyleClass().add("slider-field-text");
        field.setPrefColumnCount(5);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setAccessibleText(text);
        field.setOnAction(e -> commitText());
        field.focusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (!focused) {
                                commitText();
                            }
                        });
        field.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        field.setText(LogScale.format(value));
                        e.consume();
                    } else {
                        stepKey(e);
                    }
                });

        note.getStyleClass().add("slider-field-note");
        note.setWrapText(true);
        note.setMinWidth(120);
        note.setMaxWidth(200);
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());

        getStyleClass().addAll("slider-field", "log-slider-field");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getChildren().addAll(label, slider, field, note);
    }

    /** Shows {@code newValue} (clamped) without reporting it as an edit. */
    public void setValue(double newValue) {
        double v = scale.clamp(newValue);
        if (v == value && LogScale.format(v).equals(field.getText())) {
            return;
        }
        if (v != value) {
            showNote("");
        }
        value = v;
        field.setText(LogScale.format(v));
        if (!slider.isValueChanging()) {
            placeSlider();
        }
    }

    public double getValue() {
        return value;
    }

    /** Called with each value the user picks (dragged, stepped or typed). */
    public void setOnEdit(DoubleConsumer handler) {
        onEdit = handler == null ? v -> {} : handler;
    }

    /** The explanation shown on the label, the slider and the field. */
    public void setHelp(String text) {
        label.setTooltip(new Tooltip(text));
        slider.setTooltip(new Tooltip(text));
        field.setTooltip(
                new Tooltip(
                        text
                                + " Type a value from "
                                + LogScale.format(scale.min())
                                + " to "
                                + LogScale.format(scale.max())
                                + ", e.g. 0.001 or 3e-4."));
    }

    public LogScale scale() {
        return scale;
    }

    public Slider slider() {
        return slider;
    }

    public TextField textField() {
        return field;
    }

    public Label label() {
        return label;
    }

    /** What was done with the last typed value when it could not be taken as typed; "" if none. */
    public String getNote() {
        return note.getText();
    }

    private void sliderMoved(double position) {
        if (updating) {
            return;
        }
        double snapped = scale.snap(scale.fromPosition(position));
        if (snapped != value) {
            userSet(snapped, false);
        }
    }

    private void stepKey(KeyEvent e) {
        // In the text field, left and right move the caret; up and down step the value.
        boolean inField = e.getSource() == field;
        int steps =
                switch (e.getCode()) {
                    case UP, KP_UP -> 1;
                    case DOWN, KP_DOWN -> -1;
                    case RIGHT, KP_RIGHT -> inField ? 0 : 1;
                    case LEFT, KP_LEFT -> inField ? 0 : -1;
                    default -> 0;
                };
        if (steps == 0) {
            return;
        }
        double next = scale.step(value, steps);
        if (next != value) {
            userSet(next, true);
        }
        e.consume();
    }

    private void commitText() {
        String raw = field.getText() == null ? "" : field.getText().strip();
        if (raw.equals(LogScale.format(value))) {
            return;
        }
        OptionalDouble typed = LogScale.parse(raw);
        if (typed.isEmpty() || typed.getAsDouble() <= 0) {
            field.setText(LogScale.format(value));
            showNote(
                    raw.isEmpty()
                            ? ""
                            : "\u201c"
                                    + raw
                                    + "\u201d is not a positive number: kept "
                                    + LogScale.format(value)
                                    + ".");
            return;
        }
        double v = scale.clamp(typed.getAsDouble());
        String said =
                org.dnw.ui.common.SliderField.clampNote(
                        raw, typed.getAsDouble(), v, scale.min(), scale.max(), LogScale.format(v));
        if (v != value) {
            userSet(v, true);
        } else {
            field.setText(LogScale.format(value));
        }
        showNote(said);
    }

    private void showNote(String text) {
        note.setText(text);
        note.setVisible(!text.isEmpty());
    }

    private void userSet(double chosen, boolean moveSlider) {
        showNote("");
        value = chosen;
        field.setText(LogScale.format(chosen));
        if (moveSlider && !slider.isValueChanging()) {
            placeSlider();
        }
        onEdit.accept(chosen);
    }

    private void placeSlider() {
        updating = true;
        try {
            slider.setValue(scale.toPosition(value));
        } finally {
            updating = false;
        }
    }
}
