package org.dnw.ui.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dnw.data.CorruptionKind;
import org.dnw.ui.common.ActionStrip;
import org.dnw.ui.common.Columns;

/**
 * The robustness check: on the left, the runs to check, the corruption and its strengths, Check and
 * Cancel with a progress bar; on the right, the accuracies as a table (a row per strength, clean
 * first; a column per run) and as a chart of accuracy against strength, one line per run. Styles:
 * {@code augment.css}.
 */
public final class RobustnessView extends BorderPane {

    private static final double SIDE_WIDTH = 340;

    private final RobustnessViewModel model;
    private final ListView<RunChoice> runList = new ListView<>();
    private final ComboBox<CorruptionKind> kindBox = new ComboBox<>();
    private final TextField strengthsField = new TextField();
    private final ActionStrip actions;
    private final TableView<RobustnessRow> table = new TableView<>();
    private final NumberAxis strengthAxis = new NumberAxis();
    private final NumberAxis accuracyAxis = new NumberAxis(0, 100, 10);
    private final LineChart<Number, Number> chart = new LineChart<>(strengthAxis, accuracyAxis);
    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();

    public RobustnessView(RobustnessViewModel model) {
        this.model = model;
        actions =
                new ActionStrip(
                        model.job(),
                        "Check",
                        "Cancel",
                        model.canCheckBinding(),
                        model::check,
                        model::cancel);
        getStyleClass().add("robustness-view");
        setPadding(new Insets(12, 14, 12, 14));
        setLeft(side());
        setCenter(results());
    }

    private VBox side() {
        Label runsTitle = sectionTitle("Runs to check");
        runList.setId("robustness-runs");
        runList.setItems(model.runs());
        runList.setCellFactory(list -> new RunCell());
        Label noRuns =
                new Label("No saved runs yet. Train a network: each finished run appears here.");
        noRuns.setWrapText(true);
        noRuns.getStyleClass().add("robustness-placeholder");
        runList.setPlaceholder(noRuns);
        runList.setPrefHeight(230);
        runList.setMinHeight(120);
        Button refresh = new Button("Refresh");
        refresh.setId("robustness-refresh");
        refresh.setTooltip(new Tooltip("Lists the saved runs again."));
        refresh.setOnAction(e -> model.refreshRuns());
        HBox runsHeader = new HBox(runsTitle, grow(), refresh);
        runsHeader.setAlignment(Pos.CENTER_LEFT);

        Label kindTitle = sectionTitle("Corruption of the test images");
        kindBox.setId("robustness-kind");
        kindBox.getItems().setAll(CorruptionKind.values());
        kindBox.valueProperty().bindBidirectional(model.kindProperty());
        kindBox.setMaxWidth(Double.MAX_VALUE);
        kindBox.setTooltip(
                new Tooltip(
                        "How the test images are spoiled: the network is not trained again,"
                                + " only tested on worse pictures."));

        Label strengthsTitle = sectionTitle("Strengths");
        strengthsField.setId("robustness-strengths");
        strengthsField.textProperty().bindBidirectional(model.strengthsTextProperty());
        strengthsField.setOnAction(e -> model.check());
        Label hint = new Label();
        hint.getStyleClass().add("robustness-hint");
        hint.setWrapText(true);
        hint.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        "Comma-separated values of "
                                                + model.kindProperty().get().strengthLabel()
                                                + ", from 0 to "
                                                + plain(model.kindProperty().get().maxStrength())
                                                + ". The clean test set (0) always comes first.",
                                model.kindProperty()));
        Label problem = new Label();
        problem.setId("robustness-strengths-problem");
        problem.getStyleClass().add("robustness-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.strengthsProblemProperty());
        problem.visibleProperty().bind(model.strengthsProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        actions.startButton().setId("robustness-check");
        actions.cancelButton().setId("robustness-cancel");
        HBox buttons = actions.buttons();
        buttons.setAlignment(Pos.CENTER_LEFT);
        ProgressBar progressBar = actions.progressBar();
        progressBar.setId("robustness-progress");
        Label status = actions.statusLabel();
        status.setId("robustness-status");
        status.getStyleClass().add("robustness-status");
        Label errorLabel = actions.errorLabel();
        errorLabel.setId("robustness-error");
        errorLabel.getStyleClass().add("robustness-error");

        VBox side =
                new VBox(
                        6,
                        runsHeader,
                        runList,
                        spaced(kindTitle),
                        kindBox,
                        spaced(strengthsTitle),
                        strengthsField,
                        hint,
                        problem,
                        spaced(buttons),
                        progressBar,
                        status,
                        errorLabel);
        side.getStyleClass().add("robustness-side");
        side.setPrefWidth(SIDE_WIDTH);
        side.setMinWidth(SIDE_WIDTH);
        side.setMaxWidth(SIDE_WIDTH);
        BorderPane.setMargin(side, new Insets(0, 16, 0, 0));
        return side;
    }

    private VBox results() {
        Label title = new Label("Test accuracy as the pictures get worse");
        title.getStyleClass().add("robustness-title");
        Label subtitle =
                new Label(
                        "Every run is tested on the very same corrupted images; a robust network"
                                + " keeps its line high as the strength grows.");
        subtitle.getStyleClass().add("robustness-subtitle");
        subtitle.setWrapText(true);

        table.setId("robustness-table");
        table.getStyleClass().add("robustness-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label empty =
                new Label(
                        "Tick one or more runs, choose a corruption and press Check: the"
                                + " accuracies appear here, one row per strength.");
        empty.setWrapText(true);
        empty.getStyleClass().add("robustness-placeholder");
        table.setPlaceholder(empty);
        table.setFixedCellSize(28);
        // Tall enough for every row of a default sweep without a scroll bar, no taller.
        table.prefHeightProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> 29 + 28.0 * Math.max(3, model.rows().size()) + 2,
                                model.rows()));
        table.setMinHeight(120);
        model.columnTitles().addListener((ListChangeListener<String>) c -> rebuildColumns());
        model.rows().addListener((ListChangeListener<RobustnessRow>) c -> fitRowLabels());
        rebuildColumns();

        chart.setId("robustness-chart");
        chart.getStyleClass().add("robustness-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(true);
        chart.setTitle(null);
        strengthAxis.setAnimated(false);
        strengthAxis.setAutoRanging(false);
        model.chartSweepProperty().addListener((obs, was, now) -> updateStrengthRange());
        updateStrengthRange();
        strengthAxis.labelProperty().bind(model.strengthAxisLabelProperty());
        strengthAxis.setMinorTickVisible(false);
        accuracyAxis.setAnimated(false);
        accuracyAxis.setAutoRanging(false);
        accuracyAxis.setLabel("test accuracy %");
        accuracyAxis.setMinorTickVisible(false);
        chart.setMinHeight(220);
        VBox.setVgrow(chart, Priority.ALWAYS);
        model.columnTitles().addListener((ListChangeListener<String>) c -> rebuildSeries());
        model.results()
                .addListener(
                        (ListChangeListener<RobustnessResult>)
                                c -> {
                                    while (c.next()) {
                                        if (c.wasAdded()) {
                                            c.getAddedSubList().forEach(this::addPoint);
                                        }
                                        if (c.wasRemoved() && model.results().isEmpty()) {
                                            rebuildSeries();
                                        }
                                    }
                                });
        rebuildSeries();
        Label chartEmpty = new Label("The chart fills in as the check runs.");
        chartEmpty.getStyleClass().add("robustness-placeholder");
        chartEmpty.setMouseTransparent(true);
        chartEmpty.visibleProperty().bind(Bindings.isEmpty(model.results()));
        StackPane chartPane = new StackPane(chart, chartEmpty);
        VBox.setVgrow(chartPane, Priority.ALWAYS);

        VBox box = new VBox(8, title, subtitle, table, chartPane);
        box.setMinWidth(0);
        return box;
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        TableColumn<RobustnessRow, String> corruption = new TableColumn<>("Corruption");
        corruption.setCellValueFactory(
                row ->
                        javafx.beans.binding.Bindings.createStringBinding(
                                () -> row.getValue().label()));
        corruption.setSortable(false);
        corruption.setPrefWidth(250);
        corruption.setMinWidth(180);
        table.getColumns().add(corruption);
        List<String> titles = model.columnTitles();
        for (int i = 0; i < titles.size(); i++) {
            int column = i;
            TableColumn<RobustnessRow, String> run = new TableColumn<>(titles.get(i));
            run.setSortable(false);
            run.setMinWidth(120);
            run.setPrefWidth(210);
            run.getStyleClass().add("robustness-accuracy-column");
            run.setCellValueFactory(row -> cellText(row.getValue(), column));
            table.getColumns().add(run);
        }
        Columns.keepHeadersWhole(table);
        fitRowLabels();
    }

    /** The corruption column as wide as its longest label ("salt & pepper 1.67 %"). */
    private void fitRowLabels() {
        if (!table.getColumns().isEmpty()) {
            Columns.fitTexts(
                    table.getColumns().get(0),
                    model.rows().stream().map(RobustnessRow::label).toList());
        }
    }

    /** "97.8 %" for clean, "86.1 % (−11.7)" below it once clean is known, "…" until measured. */
    private StringBinding cellText(RobustnessRow row, int column) {
        RobustnessRow clean = model.rows().isEmpty() ? row : model.rows().get(0);
        return Bindings.createStringBinding(
                () -> {
                    double a = row.accuracy(column);
                    if (Double.isNaN(a)) {
                        return model.job().runningProperty().get() ? "…" : "—";
                    }
                    String text = String.format(Locale.ROOT, "%.1f %%", a * 100);
                    double c = clean.accuracy(column);
                    if (row != clean && !Double.isNaN(c)) {
                        double drop = (a - c) * 100;
                        text +=
                                String.format(
                                        Locale.ROOT,
                                        "   (%s%.1f)",
                                        drop < 0 ? "−" : "+",
                                        Math.abs(drop));
                    }
                    return text;
                },
                row.accuracyProperty(column),
                clean.accuracyProperty(column),
                model.job().runningProperty());
    }

    private void rebuildSeries() {
        series.clear();
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        List<String> titles = model.columnTitles();
        for (String title : titles) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(title);
            series.add(s);
            all.add(s);
        }
        chart.getData().setAll(all);
        for (RobustnessResult r : model.results()) {
            addPoint(r);
        }
        updateAccuracyRange();
    }

    private void addPoint(RobustnessResult r) {
        if (r.column() < series.size()) {
            series.get(r.column())
                    .getData()
                    .add(new XYChart.Data<>(r.strength(), r.accuracy() * 100));
        }
        updateAccuracyRange();
    }

    /** From 0 to the sweep's largest strength, ticks at a round step. */
    private void updateStrengthRange() {
        List<Double> strengths = model.chartSweepProperty().get().strengths();
        double upper = strengths.get(strengths.size() - 1);
        if (!(upper > 0)) {
            upper = 1;
        }
        double tick = niceStep(upper / 5);
        strengthAxis.setLowerBound(0);
        // A little room beyond the last strength, so its points are not cut in half.
        strengthAxis.setUpperBound(Math.ceil(upper / tick - 1e-9) * tick + tick * 0.15);
        strengthAxis.setTickUnit(tick);
        // The axis labels its upper bound too; only whole ticks are worth reading.
        strengthAxis.setTickLabelFormatter(
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(Number value) {
                        double steps = value.doubleValue() / tick;
                        return Math.abs(steps - Math.rint(steps)) < 1e-6
                                ? new java.math.BigDecimal(Math.rint(steps) * tick)
                                        .round(new java.math.MathContext(4))
                                        .stripTrailingZeros()
                                        .toPlainString()
                                : "";
                    }

                    @Override
                    public Number fromString(String text) {
                        return Double.valueOf(text);
                    }
                });
    }

    /** The round number (1, 2, 2.5 or 5 × a power of ten) nearest above {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw - 1e-12) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** 100 % at the top; the bottom a round step below the lowest accuracy, so drops show. */
    private void updateAccuracyRange() {
        double lowest = 100;
        for (RobustnessResult r : model.results()) {
            lowest = Math.min(lowest, r.accuracy() * 100);
        }
        double lower = Math.max(0, Math.floor((lowest - 3) / 10) * 10);
        if (model.results().isEmpty()) {
            lower = 0;
        }
        accuracyAxis.setLowerBound(lower);
        accuracyAxis.setUpperBound(100);
        accuracyAxis.setTickUnit(100 - lower > 40 ? 10 : 5);
    }

    /** A tick box and the run's name, with its data set and clean accuracy below in grey. */
    private static final class RunCell extends ListCell<RunChoice> {
        private final CheckBox box = new CheckBox();
        private final Label name = new Label();
        private final Label details = new Label();
        private final HBox content;
        private RunChoice bound;

        RunCell() {
            name.getStyleClass().add("robustness-run-name");
            details.getStyleClass().add("robustness-run-details");
            VBox text = new VBox(1, name, details);
            text.setMinWidth(0);
            // As wide as the list, not as its longest line: the details wrap instead of running
            // off under a sideways scroll bar ("· 2 epo").
            setPrefWidth(0);
            details.setWrapText(true);
            details.setMinHeight(Region.USE_PREF_SIZE);
            content = new HBox(8, box, text);
            content.setAlignment(Pos.CENTER_LEFT);
            // A click anywhere on the row ticks it, not only on the box.
            setOnMouseClicked(
                    e -> {
                        if (bound != null && e.getTarget() != box && !box.isHover()) {
                            bound.setSelected(!bound.isSelected());
                        }
                    });
        }

        @Override
        protected void updateItem(RunChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selectedProperty());
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            bound = item;
            box.selectedProperty().bindBidirectional(item.selectedProperty());
            name.setText(item.run().runName());
            details.setText(item.details());
            setText(null);
            setGraphic(content);
            setTooltip(new Tooltip(item.run().folder().toString()));
        }
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("robustness-section-title");
        return label;
    }

    private static javafx.scene.Node spaced(javafx.scene.Node node) {
        VBox.setMargin(node, new Insets(8, 0, 0, 0));
        return node;
    }

    private static javafx.scene.layout.Region grow() {
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public TableView<RobustnessRow> table() {
        return table;
    }

    public ListView<RunChoice> runList() {
        return runList;
    }

    public Button checkButton() {
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

    /** Points drawn in all series together. */
    public int plottedPointCount() {
        int n = 0;
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            n += s.getData().size();
        }
        return n;
    }
}
