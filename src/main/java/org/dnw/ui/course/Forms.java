package org.dnw.ui.course;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.dnw.train.EngineKind;
import org.dnw.ui.common.ActionStrip;
import org.dnw.ui.sweep.SweepView;

/** Small pieces the course panels build their forms from. */
final class Forms {

    /** The widest a form grows. */
    static final double MAX_FORM_WIDTH = 900;

    private Forms() {}

    /**
     * Makes {@code pane} a course panel with style class {@code styleClass}: {@code parts} stacked,
     * scrolling down when the window is small, never sideways. Styles: {@link
     * SweepView#STYLESHEET}.
     */
    static void page(ScrollPane pane, String styleClass, Node... parts) {
        pane.getStyleClass().addAll("course-view", styleClass);
        pane.getStylesheets().add(SweepView.STYLESHEET);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox content = new VBox(12, parts);
        content.getStyleClass().add("course-content");
        content.setPadding(new Insets(12, 14, 12, 14));
        pane.setContent(content);
    }

    /**
     * The fields of a {@link CourseForm}, bound to it, with ids {@code prefix-engine}, {@code
     * prefix-units}, {@code prefix-lr}, {@code prefix-epochs}, {@code prefix-batch} and {@code
     * prefix-problem}; the problem is shown only while there is one.
     */
    record FormFields(
            ComboBox<EngineKind> engine,
            TextField units,
            TextField rate,
            TextField epochs,
            TextField batch,
            Label problem) {}

    static FormFields fields(String prefix, CourseForm form) {
        ComboBox<EngineKind> engine = new ComboBox<>();
        engine.setId(prefix + "-engine");
        engine.getItems().setAll(EngineKind.values());
        engine.setConverter(engineNames());
        engine.valueProperty().bindBidirectional(form.engineProperty());
        Label problem = shownWhenNotEmpty(wrapping("course-problems"));
        problem.setId(prefix + "-problem");
        problem.textProperty().bind(form.problemProperty());
        return new FormFields(
                engine,
                textField(prefix + "-units", form.unitsTextProperty()),
                textField(prefix + "-lr", form.learningRateTextProperty()),
                textField(prefix + "-epochs", form.epochsTextProperty()),
                textField(prefix + "-batch", form.batchSizeTextProperty()),
                problem);
    }

    private static StringConverter<EngineKind> engineNames() {
        return new StringConverter<>() {
            @Override
            public String toString(EngineKind e) {
                return e == null ? "" : e.label();
            }

            @Override
            public EngineKind fromString(String text) {
                for (EngineKind e : EngineKind.values()) {
                    if (e.label().equals(text)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    /** A grid of {@code pairs} label–field pairs per row, the fields sharing the width. */
    static GridPane grid(int pairs) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        // fields a metre wide on a big screen read worse than a compact form
        grid.setMaxWidth(MAX_FORM_WIDTH);
        for (int i = 0; i < pairs; i++) {
            ColumnConstraints label = new ColumnConstraints();
            label.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints field = new ColumnConstraints(70, 110, Double.MAX_VALUE);
            field.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().addAll(label, field);
        }
        return grid;
    }

    /**
     * Puts {@code label} and {@code field} at pair {@code pair} of {@code row}, both tooltipped.
     */
    static void pair(GridPane grid, int row, int pair, String label, Control field, String tip) {
        Label l = new Label(label);
        l.getStyleClass().add("course-field-label");
        l.setLabelFor(field);
        Tooltip t = tooltip(tip);
        l.setTooltip(t);
        field.setTooltip(t);
        field.setMaxWidth(Double.MAX_VALUE);
        grid.add(l, 2 * pair, row);
        grid.add(field, 2 * pair + 1, row);
    }

    static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** A label that wraps and keeps the height its lines need. */
    static Label wrapping(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** Shown only while it has text. */
    static Label shownWhenNotEmpty(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /**
     * Names and styles a course panel's action strip: ids {@code prefix-startId}, {@code
     * prefix-cancelId}, {@code prefix-progress}, {@code prefix-status} and {@code prefix-error}.
     *
     * @param tips the tooltips of the start button, Cancel and the progress bar
     * @return the strip's row of buttons and bar
     */
    static HBox actions(
            ActionStrip strip, String prefix, String startId, String cancelId, String... tips) {
        strip.startButton().setId(prefix + "-" + startId);
        strip.startButton().setTooltip(tooltip(tips[0]));
        strip.cancelButton().setId(prefix + "-" + cancelId);
        strip.cancelButton().setTooltip(tooltip(tips[1]));
        strip.progressBar().setId(prefix + "-progress");
        strip.progressBar().setTooltip(tooltip(tips[2]));
        strip.statusLabel().getStyleClass().add("course-status");
        strip.statusLabel().setId(prefix + "-status");
        strip.errorLabel().getStyleClass().add("course-error");
        strip.errorLabel().setId(prefix + "-error");
        HBox row = strip.row();
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    static Node spaced(Node n) {
        VBox.setMargin(n, new Insets(4, 0, 0, 0));
        return n;
    }

    /** A short text field bound both ways to {@code text}. */
    static TextField textField(String id, StringProperty text) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(text);
        return f;
    }

    /** The settings column of a course panel, its parts stacked in order. */
    static VBox side(Node... parts) {
        VBox box = new VBox(8, parts);
        box.getStyleClass().add("course-side");
        return box;
    }
}
