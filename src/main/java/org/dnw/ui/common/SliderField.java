package org.dnw.ui.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A labelled slider over a list of allowed values ("stops") with a text field beside it that shows
 * the value and accepts any typed value in [min, max]. The slider moves by stops, so that uneven
 * scales such as 1, 2, 4, …, 512 are easy to hit.
 *
 * <p>A typed value it cannot take is never changed silently: a note beside the field says what was
 * done and why ("29 is above the maximum of 11: set to 11."), until the next edit.
 *
 * <p>User edits are reported to {@link #setOnEdit}; {@link #setValue} (the view model speaking) is
 * not reported back. {@link #setOnEditFinished} runs when a gesture ends: slider released, focus
 * left, or a typed value committed — the moment to close an undo step.
 */
public final class SliderField extends HBox {

    private final Label label;
    private final Slider slider;
    private final TextField field;
    private final Label note = new Label();
    private final double[] stops;
    private final double min;
    private final double max;
    private final int decimals;
    private double value;
    private boolean updating;
    private DoubleConsumer onEdit = v -> {};
    private Runnable onEditFinished = () -> {};

    private SliderField(String text, double[] stops, double min, double max, int decimals) {
        if (stops.length < 2) {
            throw new IllegalArgumentException("a slider needs at least two stops");
        }
        this.stops = stops.clone();
        Arrays.sort(this.stops);
        this.min = min;
        this.max = max;
        this.decimals = decimals;
        this.value = this.stops[0];

        label = new Label(text);
        label.getStyleClass().add("slider-field-label");
        label.setMinWidth(USE_PREF_SIZE);

        slider = new Slider(0, this.stops.length - 1, 0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setAccessibleText(text);
        slider.setMinWidth(80);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().addListener((obs, old, now) -> sliderMoved(now.doubleValue()));
        slider.valueChangingProperty()
                .addListener(
                        (obs, was, changing) -> {
                            if (!changing) {
                                snapSlider();
                                onEditFinished.run();
                            }
                        });
        slider.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> onEditFinished.run());
        slider.focusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (!focused) {
                                onEditFinished.run();
                            }
                        });

        field = new TextField(format(value));
        field.getStyleClass().add("slider-field-text");
        field.setPrefColumnCount(4);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setAccessibleText(text);
        field.setTooltip(new Tooltip("Type a value from " + format(min) + " to " + format(max)));
        field.setOnAction(e -> commitText());
        field.focusedProperty()
                .addListener(
                        (obs, was, focused) -> {
                            if (!focused) {
                                commitText();
                            }
                        });
        field.setOnKeyPressed(
                e -> {
                    if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                        int index = nearestStop(value);
                        int next = e.getCode() == KeyCode.UP ? index + 1 : index - 1;
                        if (next >= 0 && next < stops.length) {
                            userSet(this.stops[next]);
                            onEditFinished.run();
                        }
                        e.consume();
                    } else if (e.getCode() == KeyCode.ESCAPE) {
                        field.setText(format(value));
                    }
                });

        note.getStyleClass().add("slider-field-note");
        note.setWrapText(true);
        note.setMinWidth(120);
        note.setMaxWidth(200);
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());

        getStyleClass().add("slider-field");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getChildren().addAll(label, slider, field, note);
    }

    /** A slider over the given integer stops; any integer in [min, max] may be typed. */
    public static SliderField ofIntegers(String text, int[] stops, int min, int max) {
        return new SliderField(text, Arrays.stream(stops).asDoubleStream().toArray(), min, max, 0);
    }

    /** A slider over every integer from min to max. */
    public static SliderField ofRange(String text, int min, int max) {
        int[] stops = new int[max - min + 1];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = min + i;
        }
        return ofIntegers(text, stops, min, max);
    }

    /**
     * A slider over decimals from {@code first} to {@code last} by {@code step}; any value in [min,
     * max] may be typed, shown with {@code decimals} digits.
     */
    public static SliderField ofDecimals(
            String text,
            double first,
            double last,
            double step,
            double min,
            double max,
            int decimals) {
        int count = (int) Math.round((last - first) / step) + 1;
        double[] stops = new double[count];
        for (int i = 0; i < count; i++) {
            stops[i] = Math.round((first + i * step) * 1e6) / 1e6;
        }
        return new SliderField(text, stops, min, max, decimals);
    }

    /** Shows {@code newValue} without reporting it as an edit. */
    public void setValue(double newValue) {
        if (newValue == value && format(newValue).equals(field.getText())) {
            // Leave the slider alone: it is the one being dragged and already shows this value.
            return;
        }
        if (newValue != value) {
            showNote("");
        }
        updating = true;
        try {
            value = newValue;
            if (!slider.isValueChanging()) {
                slider.setValue(nearestStop(newValue));
            }
            field.setText(format(newValue));
        } finally {
            updating = false;
        }
    }

    public double getValue() {
        return value;
    }

    /** True when the text field holds typing that has not been committed yet. */
    public boolean hasPendingText() {
        return !format(value).equals(field.getText());
    }

    /** Called with each value the user picks. */
    public void setOnEdit(DoubleConsumer handler) {
        onEdit = handler == null ? v -> {} : handler;
    }

    /** Called when a gesture ends (slider released or left, text committed). */
    public void setOnEditFinished(Runnable handler) {
        onEditFinished = handler == null ? () -> {} : handler;
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

    /** The note beside the field (hidden while empty). */
    public Label note() {
        return note;
    }

    private void sliderMoved(double position) {
        if (updating) {
            return;
        }
        int index = (int) Math.round(position);
        index = Math.max(0, Math.min(stops.length - 1, index));
        if (stops[index] != value) {
            userSet(stops[index]);
        }
    }

    private void snapSlider() {
        updating = true;
        try {
            slider.setValue(nearestStop(value));
        } finally {
            updating = false;
        }
    }

    private void commitText() {
        String raw = field.getText() == null ? "" : field.getText().strip();
        if (raw.equals(format(value))) {
            return;
        }
        String text = raw.replace(',', '.');
        double typed;
        try {
            typed = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            typed = Double.NaN;
        }
        if (!Double.isFinite(typed)) {
            field.setText(format(value));
            showNote(
                    raw.isEmpty()
                            ? ""
                            : "\u201c"
                                    + raw
                                    + "\u201d is not a number: kept "
                                    + format(value)
                                    + ".");
            return;
        }
        double taken = Math.max(min, Math.min(max, decimals == 0 ? Math.round(typed) : typed));
        String note = clampNote(raw, typed, taken, min, max, format(taken));
        if (taken != value) {
            userSet(taken);
            onEditFinished.run();
        } else {
            field.setText(format(value));
        }
        showNote(note);
    }

    /**
     * The sentence for a typed value that was not taken as typed, e.g. "29 is above the maximum of
     * 11: set to 11."; "" when it was taken as typed. Shared with the log-scale field.
     */
    public static String clampNote(
            String typedText, double typed, double taken, double min, double max, String shown) {
        if (typed > max) {
            return typedText + " is above the maximum of " + shown + ": set to " + shown + ".";
        }
        if (typed < min) {
            return typedText + " is below the minimum of " + shown + ": set to " + shown + ".";
        }
        if (typed != taken && Math.abs(typed - taken) > 1e-9 * Math.max(1, Math.abs(typed))) {
            return typedText + " is not a whole number: set to " + shown + ".";
        }
        return "";
    }

    private void showNote(String text) {
        note.setText(text);
        note.setVisible(!text.isEmpty());
    }

    private void userSet(double chosen) {
        showNote("");
        value = chosen;
        updating = true;
        try {
            if (!slider.isValueChanging()
                    && nearestStop(chosen) != (int) Math.round(slider.getValue())) {
                slider.setValue(nearestStop(chosen));
            }
            field.setText(format(chosen));
        } finally {
            updating = false;
        }
        onEdit.accept(chosen);
    }

    private int nearestStop(double v) {
        int best = 0;
        for (int i = 1; i < stops.length; i++) {
            if (Math.abs(stops[i] - v) < Math.abs(stops[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private String format(double v) {
        return decimals == 0
                ? String.valueOf(Math.round(v))
                : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
