package org.dnw.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dnw.train.SweepSetting;
import org.dnw.ui.common.ActionStrip;
import org.dnw.ui.common.Columns;

/**
 * The sweep panel: on top the one or two settings (setting, layer, values), the preview of the runs
 * with the points that cannot work, Run and Cancel with the progress; below, the results as a table
 * (a row per point) and a chart of test accuracy, time or parameters against the first setting —
 * side by side on a wide tab, one above the other on a narrow one. Styles: {@link #STYLESHEET},
 * which the view adds itself.
 */
public final class SweepView extends ScrollPane {

    /** This view's stylesheet (also the course panels'), as a resource URL string. */
    public static final String STYLESHEET =
            SweepView.class.getResource("/org/dnw/ui/experiments.css").toExternalForm();

    /** From this width the table and the chart stand side by side. */
    static final double SIDE_BY_SIDE_FROM = 1100;

    private static final double ROW_HEIGHT = 28;

    private final SweepViewModel model;
    private final TableView<SweepRow> table = new TableView<>();
    private final ActionStrip actions;
    private final Pane results = new VBox();
    private final VBox tableBox;
    private final SweepChartPane chartBox;
    private boolean sideBySide;

    public SweepView(SweepViewModel model) {
        this.model = model;
        actions =
                new ActionStrip(
                        model.job(),
                        "Run sweep",
                        "Cancel",
                        model.canRunBinding(),
                        model::run,
                        model::cancel);
        getStyleClass().add("sweep-view");
        getStylesheets().add(STYLESHEET);
        setFitToWidth(true);
        // the content fills the height when it can, and scrolls when the rows and the chart
        // need more than a small window has
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        VBox content = new VBox(10, settings());
        content.getStyleClass().add("sweep-content");
        content.setPadding(new Insets(12, 14, 12, 14));
        tableBox = tableBox();
        chartBox = new SweepChartPane(model);
        layoutResults(false);
        content.getChildren().add(results);
        VBox.setVgrow(results, Priority.ALWAYS);
        setContent(content);
        widthProperty()
                .addListener(
                        (obs, was, now) -> {
                            boolean wide = now.doubleValue() >= SIDE_BY_SIDE_FROM;
                            if (wide != sideBySide) {
                                layoutResults(wide);
                            }
                        });
    }

    // ---- settings

    private VBox settings() {
        Label title = new Label("Sweep: compare settings");
        title.getStyleClass().add("sweep-title");
        Label subtitle =
                new Label(
                        "One run for every combination of the values, trained one after another"
                                + " from the current network and hyperparameters; each is saved"
                                + " to the Runs tab.");
        subtitle.getStyleClass().add("sweep-subtitle");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        subtitle.textProperty()
                .bind(
                        onSlurm(
                                "One run for every combination of the values, each a task of one"
                                        + " Slurm job array, from the current network and"
                                        + " hyperparameters; each is saved into the runs folder"
                                        + " below.",
                                subtitle.getText()));

        GridPane grid = new GridPane();
        grid.getStyleClass().add("sweep-settings");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints setting = new ColumnConstraints(130, 150, 170);
        ColumnConstraints layer = new ColumnConstraints(150, 230, 320);
        layer.setHgrow(Priority.SOMETIMES);
        ColumnConstraints values = new ColumnConstraints(140, 220, Double.MAX_VALUE);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, setting, layer, values);
        grid.setMaxWidth(1200);
        grid.addRow(0, header(""), header("Setting"), header("Layer"), header("Values"));
        Label firstLabel = new Label("Vary");
        firstLabel.getStyleClass().add("sweep-axis-label");
        axisRow(grid, 1, firstLabel, model.first(), "first");
        CheckBox secondBox = new CheckBox("and");
        secondBox.setId("sweep-second-enabled");
        secondBox.getStyleClass().add("sweep-axis-label");
        secondBox.selectedProperty().bindBidirectional(model.second().enabledProperty());
        secondBox.setTooltip(
                new Tooltip(
                        "Tick to vary a second setting too: every value of the first is tried with"
                                + " every value of the second."));
        axisRow(grid, 2, secondBox, model.second(), "second");

        Label preview = new Label();
        preview.setId("sweep-preview");
        preview.getStyleClass().add("sweep-preview");
        preview.setWrapText(true);
        preview.setMinHeight(Region.USE_PREF_SIZE);
        preview.textProperty().bind(model.previewProperty());
        preview.visibleProperty().bind(model.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        Label problems = new Label();
        problems.setId("sweep-problems");
        problems.getStyleClass().add("sweep-problems");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.setMaxWidth(Double.MAX_VALUE);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Button runButton = actions.startButton();
        runButton.setId("sweep-run");
        runButton.textProperty().bind(onSlurm("Submit to Slurm", runButton.getText()));
        runButton.setTooltip(
                new Tooltip(
                        "Trains the runs listed above one after another in the background; you"
                                + " can keep working meanwhile."));
        Button cancelButton = actions.cancelButton();
        cancelButton.setId("sweep-cancel");
        Tooltip cancelTip = new Tooltip();
        cancelTip
                .textProperty()
                .bind(
                        onSlurm(
                                "Cancels the job array with scancel: pending runs never start,"
                                        + " running ones are stopped; runs already saved stay.",
                                "Stops the current run after its batch and skips the rest; runs"
                                        + " already finished stay saved."));
        cancelButton.setTooltip(cancelTip);
        ProgressBar progressBar = actions.progressBar();
        progressBar.setId("sweep-progress");
        progressBar.setMinWidth(120);
        progressBar.setTooltip(new Tooltip("How much of the whole sweep is done."));
        Label progressText = actions.statusLabel();
        progressText.setId("sweep-progress-text");
        progressText.getStyleClass().add("sweep-status");
        HBox row = actions.row();
        row.setAlignment(Pos.CENTER_LEFT);

        Label errorLabel = actions.errorLabel();
        errorLabel.setId("sweep-error");
        errorLabel.getStyleClass().add("sweep-error");

        VBox box = new VBox(8, title, subtitle, grid, preview, problems);
        if (model.slurm() != null) {
            box.getChildren().add(new SlurmTargetView(model.slurm()));
        }
        box.getChildren().addAll(row, progressText, errorLabel);
        box.getStyleClass().add("sweep-top");
        return box;
    }

    /** {@code slurm} while "Run on: Slurm cluster" is chosen, else {@code here}. */
    private ObservableValue<String> onSlurm(String slurm, String here) {
        return model.slurm() == null
                ? new javafx.beans.property.SimpleStringProperty(here)
                : Bindings.when(model.slurm().onSlurmProperty()).then(slurm).otherwise(here);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sweep-column-header");
        return l;
    }

    private void axisRow(
            GridPane grid, int row, Node label, SweepAxisViewModel axis, String idSuffix) {
        ComboBox<SweepSetting> setting = new ComboBox<>();
        setting.setId("sweep-setting-" + idSuffix);
        setting.getItems().setAll(SweepSetting.values());
        setting.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(SweepSetting s) {
                        return s == null ? "" : s.label();
                    }

                    @Override
                    public SweepSetting fromString(String text) {
                        return SweepSetting.parse(text);
                    }
                });
        setting.valueProperty().bindBidirectional(axis.settingProperty());
        setting.setMaxWidth(Double.MAX_VALUE);
        setting.setTooltip(
                new Tooltip(
                        "What to vary: a setting of the network's layers (kernel size, features,"
                                + " padding, stride, activation, pooling, units) or of the training"
                                + " (optimizer, learning rate, batch size)."));
        ComboBox<LayerChoice> layer = new ComboBox<>(axis.layerChoices());
        layer.setId("sweep-layer-" + idSuffix);
        layer.valueProperty().bindBidirectional(axis.layerProperty());
        layer.setButtonCell(
                new javafx.scene.control.ListCell<>() {
                    @Override
                    protected void updateItem(LayerChoice item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty || item == null ? null : item.shortText());
                    }
                });
        layer.setMaxWidth(Double.MAX_VALUE);
        layer.disableProperty()
                .bind(axis.networkSettingProperty().not().or(axis.enabledProperty().not()));
        // the network may have changed in the editor since the list was made
        layer.setOnShowing(e -> model.refreshNetwork());
        layer.setTooltip(
                new Tooltip(
                        "Which layer the setting changes: every layer of its kind, or one of the"
                                + " current network's layers. Training settings have no layer."));
        TextField values = new TextField();
        values.setId("sweep-values-" + idSuffix);
        values.textProperty().bindBidirectional(axis.valuesTextProperty());
        values.setTooltip(
                new Tooltip(
                        "The values to try, separated by commas, e.g. 3, 5, 7 — choosing a setting"
                                + " puts typical values here."));
        setting.disableProperty().bind(axis.enabledProperty().not());
        values.disableProperty().bind(axis.enabledProperty().not());
        grid.addRow(row, label, setting, layer, values);
    }

    // ---- results

    private VBox tableBox() {
        table.setId("sweep-table");
        table.getStyleClass().add("sweep-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        Label empty =
                new Label(
                        "Press Run sweep: one row per run appears here, filled in as each run"
                                + " finishes.");
        empty.setWrapText(true);
        empty.setMinHeight(Region.USE_PREF_SIZE);
        empty.getStyleClass().add("sweep-placeholder");
        empty.textProperty()
                .bind(
                        onSlurm(
                                "Press Submit to Slurm: one row per run appears here, with its"
                                        + " task's state, filled in as each run finishes.",
                                empty.getText()));
        table.setPlaceholder(empty);
        table.prefHeightProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> 32 + ROW_HEIGHT * Math.max(3, model.rows().size()) + 4,
                                model.rows()));
        model.columnTitles().addListener((ListChangeListener<String>) c -> rebuildColumns());
        rebuildColumns();
        Label title = new Label("Results");
        title.getStyleClass().add("sweep-section-title");
        VBox box = new VBox(6, title, table);
        VBox.setVgrow(table, Priority.SOMETIMES);
        box.setMinWidth(0);
        return box;
    }

    private void rebuildColumns() {
        List<TableColumn<SweepRow, ?>> columns = new ArrayList<>();
        List<String> titles = model.columnTitles();
        if (titles.isEmpty()) {
            titles = List.of(model.first().settingProperty().get().label());
        }
        for (int i = 0; i < titles.size(); i++) {
            int axis = i;
            TableColumn<SweepRow, String> c = new TableColumn<>();
            Label header = new Label(shortTitle(titles.get(i)));
            header.setTooltip(new Tooltip(titles.get(i)));
            c.setGraphic(header);
            c.setCellValueFactory(
                    row ->
                            Bindings.createStringBinding(
                                    () ->
                                            axis < row.getValue().values().size()
                                                    ? row.getValue().values().get(axis)
                                                    : ""));
            // wide enough for its header: the values themselves are short
            double width = Math.max(84, 7.5 * header.getText().length() + 22);
            c.setPrefWidth(width);
            c.setMinWidth(width);
            columns.add(c);
        }
        TableColumn<SweepRow, String> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(row -> row.getValue().outcomeProperty());
        outcome.setCellFactory(c -> new OutcomeCell());
        outcome.setPrefWidth(96);
        outcome.setMinWidth(96);
        columns.add(outcome);
        columns.add(
                number(
                        "Test acc.",
                        r -> r.figuresProperty().map(SweepRow.Figures::testAccuracy),
                        v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * v),
                        78));
        columns.add(
                number(
                        "Best val.",
                        r -> r.figuresProperty().map(SweepRow.Figures::bestValidationAccuracy),
                        v -> Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * v),
                        78));
        columns.add(
                number(
                        "Parameters",
                        r -> r.figuresProperty().map(SweepRow.Figures::parameterCount),
                        v -> v <= 0 ? "" : String.format(Locale.ROOT, "%,d", (long) v),
                        94));
        columns.add(
                number(
                        "Time",
                        r -> r.figuresProperty().map(SweepRow.Figures::durationMillis),
                        v -> v <= 0 ? "" : duration((long) v),
                        56));
        TableColumn<SweepRow, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(row -> row.getValue().messageProperty());
        message.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(empty || item == null ? null : item);
                                setTooltip(
                                        empty || item == null || item.isEmpty()
                                                ? null
                                                : new Tooltip(item));
                            }
                        });
        message.setPrefWidth(220);
        message.setMinWidth(110);
        columns.add(message);
        for (TableColumn<SweepRow, ?> c : columns) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        table.getColumns().setAll(columns);
        Columns.keepHeadersWhole(table);
    }

    /** "kernel size (layer 4)" → "kernel size": the layer is in the header's tooltip. */
    static String shortTitle(String title) {
        int at = title.indexOf(" (");
        return at > 0 ? title.substring(0, at) : title;
    }

    private static TableColumn<SweepRow, Number> number(
            String title,
            java.util.function.Function<SweepRow, ObservableValue<? extends Number>> value,
            java.util.function.DoubleFunction<String> format,
            double width) {
        TableColumn<SweepRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(
                row -> {
                    ObservableValue<? extends Number> v = value.apply(row.getValue());
                    return Bindings.createObjectBinding(() -> (Number) v.getValue(), v);
                });
        c.setCellFactory(
                col ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Number item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(
                                        empty || item == null
                                                ? null
                                                : format.apply(item.doubleValue()));
                            }
                        });
        c.getStyleClass().add("sweep-number-column");
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    /** The outcome in words, coloured by how the point ended. */
    private static final class OutcomeCell extends TableCell<SweepRow, String> {
        private static final List<String> STYLES =
                List.of("outcome-saved", "outcome-failed", "outcome-skipped", "outcome-running");

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(STYLES);
            SweepRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (empty || item == null || row == null) {
                setText(null);
                return;
            }
            setText(item);
            switch (row.state()) {
                case SAVED -> getStyleClass().add("outcome-saved");
                case FAILED, INTERRUPTED -> getStyleClass().add("outcome-failed");
                case SKIPPED, CANCELLED -> getStyleClass().add("outcome-skipped");
                case TRAINING -> getStyleClass().add("outcome-running");
                default -> {}
            }
        }
    }

    private void layoutResults(boolean wide) {
        sideBySide = wide;
        Pane box = wide ? new HBox(16) : new VBox(10);
        box.getChildren().setAll(tableBox, chartBox);
        if (wide) {
            HBox.setHgrow(tableBox, Priority.ALWAYS);
            HBox.setHgrow(chartBox, Priority.ALWAYS);
            tableBox.setPrefWidth(640);
            chartBox.setPrefWidth(480);
            VBox.setVgrow(table, Priority.ALWAYS);
            table.minHeightProperty().unbind();
            table.setMinHeight(110);
            chartBox.setMinHeight(240);
        } else {
            VBox.setVgrow(chartBox, Priority.ALWAYS);
            VBox.setVgrow(table, Priority.NEVER);
            // every row visible; the panel scrolls instead
            table.minHeightProperty().bind(table.prefHeightProperty());
            chartBox.setMinHeight(280);
        }
        results.getChildren().setAll(box);
        VBox.setVgrow(box, Priority.ALWAYS);
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A duration as a student reads it: "0.04 s", "2.5 s", "12 s", "1:05", "1:02:03". */
    public static String duration(long millis) {
        if (millis < 1_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = Math.max(0, Math.round(millis / 1000.0));
        if (s < 60) {
            return s + " s";
        }
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ---- for tests

    public TableView<SweepRow> table() {
        return table;
    }

    public Button runButton() {
        return actions.startButton();
    }

    public Button cancelButton() {
        return actions.cancelButton();
    }

    public Label errorLabel() {
        return actions.errorLabel();
    }

    public ProgressBar progressBar() {
        return actions.progressBar();
    }

    /** The chart on screen: the number line or the categories. */
    public LineChart<?, ?> visibleChart() {
        return chartBox.visibleChart();
    }

    /** Points drawn in all series of the visible chart. */
    public int plottedPointCount() {
        return chartBox.plottedPointCount();
    }
}
