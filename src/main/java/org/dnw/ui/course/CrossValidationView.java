package org.dnw.ui.course;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.dnw.spec.ActivationType;
import org.dnw.train.FoldResult;
import org.dnw.ui.common.ActionStrip;
import org.dnw.ui.common.Columns;
import org.dnw.ui.sweep.SweepView;

/**
 * The cross-validation panel: the table, k, the network and the training settings with Run and
 * Cancel on top; below, the mean ± standard deviation, a table of the folds and a bar chart of
 * their test accuracies beside the mean. Scrolls when the window is small. Styles: {@link
 * SweepView#STYLESHEET}, which the view adds itself.
 */
public final class CrossValidationView extends ScrollPane {

    private static final double ROW_HEIGHT = 28;

    /** From this width the fold table and the chart stand side by side. */
    static final double SIDE_BY_SIDE_FROM = 900;

    private final CrossValidationViewModel model;
    private final Spinner<Integer> folds =
            new Spinner<>(
                    CrossValidationViewModel.MIN_FOLDS, CrossValidationViewModel.MAX_FOLDS, 5);
    private final ActionStrip actions;
    private final Label summaryLabel = Forms.wrapping("course-result");
    private final TableView<FoldResult> table = new TableView<>();
    private final CategoryAxis foldAxis = new CategoryAxis();
    private final NumberAxis accuracyAxis = new NumberAxis(0, 100, 10);
    private final StackedBarChart<String, Number> chart =
            new StackedBarChart<>(foldAxis, accuracyAxis);
    private final VBox results = new VBox();
    private VBox foldsBox;
    private boolean sideBySide;

    public CrossValidationView(CrossValidationViewModel model) {
        this.model = model;
        actions =
                new ActionStrip(
                        model.job(),
                        "Run",
                        "Cancel",
                        model.canRunBinding(),
                        model::run,
                        model::cancel);
        Forms.page(this, "cross-validation-view", settings(), results);
        layoutResults(false);
        widthProperty()
                .addListener(
                        (obs, was, now) -> {
                            boolean wide = now.doubleValue() >= SIDE_BY_SIDE_FROM;
                            if (wide != sideBySide || results.getChildren().isEmpty()) {
                                layoutResults(wide);
                            }
                        });
    }

    private VBox settings() {
        Label title = new Label("Cross-validation: how well does it do on rows it never saw?");
        title.getStyleClass().add("course-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label subtitle = Forms.wrapping("course-subtitle");
        subtitle.setText(
                "The table is cut into k folds. Each fold in turn is held out while a fresh network"
                        + " trains on the others, then tested on it; every row is tested exactly"
                        + " once. The features are standardised with the training folds' mean and"
                        + " spread only, so nothing of the held-out fold leaks in.");
        Label dataLabel = Forms.wrapping("course-hint");
        dataLabel.setId("crossval-data");
        dataLabel
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.dataTextProperty().get().isEmpty()
                                                ? "Data: the table open in the Data tab, or the"
                                                        + " wheat seeds (210 kernels, 7"
                                                        + " measurements, 3 varieties)."
                                                : "Data: " + model.dataTextProperty().get(),
                                model.dataTextProperty()));

        folds.setId("crossval-folds");
        folds.setEditable(true);
        folds.getValueFactory().valueProperty().bindBidirectional(model.foldCountProperty());
        folds.setPrefWidth(80);
        Forms.FormFields fields = Forms.fields("crossval", model.form());
        ComboBox<ActivationType> activation = new ComboBox<>();
        activation.setId("crossval-activation");
        activation.getItems().setAll(ActivationType.SIGMOID, ActivationType.RELU);
        activation.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(ActivationType a) {
                        return a == null ? "" : a.label();
                    }

                    @Override
                    public ActivationType fromString(String text) {
                        return ActivationType.valueOf(text.toUpperCase(Locale.ROOT));
                    }
                });
        activation.valueProperty().bindBidirectional(model.activationProperty());
        TextField decay = Forms.textField("crossval-decay", model.decayTextProperty());

        GridPane grid = Forms.grid(3);
        Forms.pair(
                grid,
                0,
                0,
                "Folds (k)",
                folds,
                "Into how many parts the table is cut: each part is the test set once. 5 is"
                        + " usual; more folds train on more rows but take longer.");
        Forms.pair(
                grid,
                0,
                1,
                "Engine",
                fields.engine(),
                "Who trains each fold: the workbench's own plain-Java code, or PyTorch through"
                        + " DJL. Both use plain SGD here.");
        GridPane.setColumnSpan(fields.engine(), 3);
        Forms.pair(
                grid,
                1,
                0,
                "Hidden units",
                fields.units(),
                "How many units the one hidden layer has; the output has one per class.");
        Forms.pair(
                grid,
                1,
                1,
                "Activation",
                activation,
                "The function after the hidden layer: sigmoid (smooth, 0 to 1) or ReLU (max(0,"
                        + " x)).");
        Forms.pair(
                grid,
                1,
                2,
                "Epochs",
                fields.epochs(),
                "How many times each fold's network sees every one of its training rows.");
        Forms.pair(
                grid,
                2,
                0,
                "Learning rate",
                fields.rate(),
                "The step size of plain SGD at the first epoch, e.g. 0.1.");
        Forms.pair(
                grid,
                2,
                1,
                "Decay",
                decay,
                "How fast the rate shrinks per epoch: epoch e trains at lr / (1 + decay · e);"
                        + " 0 keeps it fixed.");
        Forms.pair(
                grid,
                2,
                2,
                "Batch size",
                fields.batch(),
                "How many rows are averaged for one update; 1 updates after every row, as in the"
                        + " course.");

        HBox row =
                Forms.actions(
                        actions,
                        "crossval",
                        "run",
                        "cancel",
                        "Trains and tests one network per fold, one after another, in the"
                                + " background.",
                        "Stops after the current batch; the folds done so far stay shown.",
                        "How much of all the folds is done.");

        return Forms.side(
                title,
                subtitle,
                dataLabel,
                grid,
                fields.problem(),
                Forms.spaced(row),
                actions.statusLabel(),
                actions.errorLabel());
    }

    private void layoutResults(boolean wide) {
        if (foldsBox == null) {
            buildResults();
        }
        sideBySide = wide;
        javafx.scene.layout.Pane box = wide ? new HBox(16) : new VBox(12);
        box.getChildren().setAll(foldsBox, chart);
        if (wide) {
            HBox.setHgrow(chart, Priority.ALWAYS);
        }
        results.getChildren().setAll(box);
    }

    private void buildResults() {
        summaryLabel.setId("crossval-summary");
        summaryLabel
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> model.summaryProperty().get().text(),
                                model.summaryProperty()));
        Label caption = Forms.wrapping("course-hint");
        caption.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.folds().isEmpty()
                                                ? "The mean test accuracy ± the sample standard"
                                                        + " deviation of the folds appears here."
                                                : String.format(
                                                        Locale.ROOT,
                                                        "mean test accuracy ± sample standard"
                                                                + " deviation over %d fold%s",
                                                        model.folds().size(),
                                                        model.folds().size() == 1 ? "" : "s"),
                                model.folds()));

        table.setId("crossval-table");
        table.getStyleClass().add("course-table");
        table.setItems(model.folds());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(ROW_HEIGHT);
        Label empty = Forms.wrapping("course-placeholder");
        empty.setText("Press Run: each fold's result appears here as soon as it is done.");
        table.setPlaceholder(empty);
        table.prefHeightProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> {
                                    int rows =
                                            Math.max(
                                                    3,
                                                    Math.max(
                                                            model.folds().size(),
                                                            model.foldCountProperty().get()));
                                    return 30 + ROW_HEIGHT * rows + 2;
                                },
                                model.folds(),
                                model.foldCountProperty()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.getColumns()
                .setAll(
                        List.of(
                                column("Fold", f -> String.valueOf(f.fold()), 50),
                                column(
                                        "Train rows",
                                        f -> String.format(Locale.ROOT, "%,d", f.trainSize()),
                                        84),
                                column(
                                        "Test rows",
                                        f -> String.format(Locale.ROOT, "%,d", f.testSize()),
                                        78),
                                column(
                                        "Test accuracy",
                                        f ->
                                                String.format(
                                                        Locale.ROOT,
                                                        "%.1f %%",
                                                        100 * f.testAccuracy()),
                                        104),
                                column(
                                        "Loss",
                                        f -> String.format(Locale.ROOT, "%.3f", f.testLoss()),
                                        64),
                                column("Time", f -> SweepView.duration(f.durationMillis()), 64)));
        Columns.keepHeadersWhole(table);
        // every header whole ("Test accuracy"), and the Time column in view
        table.setMaxWidth(560);
        table.setPrefWidth(560);
        foldsBox = new VBox(6, summaryLabel, caption, table);
        foldsBox.setMinWidth(Region.USE_PREF_SIZE);

        chart.setId("crossval-chart");
        chart.getStyleClass().addAll("course-chart", "course-folds-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCategoryGap(12);
        chart.setMinHeight(240);
        chart.setPrefHeight(280);
        chart.setMinWidth(240);
        foldAxis.setAnimated(false);
        foldAxis.setLabel("fold");
        accuracyAxis.setAnimated(false);
        accuracyAxis.setAutoRanging(false);
        accuracyAxis.setMinorTickVisible(false);
        accuracyAxis.setLabel("test accuracy (%)");
        model.folds().addListener((ListChangeListener<FoldResult>) c -> redrawChart());
        model.summaryProperty().addListener((obs, was, now) -> redrawChart());
        redrawChart();
    }

    private static TableColumn<FoldResult, String> column(
            String title, java.util.function.Function<FoldResult, String> text, double width) {
        TableColumn<FoldResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(
                row -> Bindings.createStringBinding(() -> text.apply(row.getValue())));
        c.setCellFactory(
                col ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(String item, boolean empty) {
                                super.updateItem(item, empty);
                                setText(empty ? null : item);
                            }
                        });
        c.getStyleClass().add("course-number-column");
        c.setSortable(false);
        c.setReorderable(false);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        return c;
    }

    private void redrawChart() {
        XYChart.Series<String, Number> foldSeries = new XYChart.Series<>();
        foldSeries.setName("fold");
        XYChart.Series<String, Number> meanSeries = new XYChart.Series<>();
        meanSeries.setName("mean");
        List<String> categories = new java.util.ArrayList<>();
        double lowest = 100;
        for (FoldResult f : model.folds()) {
            String name = String.valueOf(f.fold());
            categories.add(name);
            foldSeries.getData().add(new XYChart.Data<>(name, 100 * f.testAccuracy()));
            lowest = Math.min(lowest, 100 * f.testAccuracy());
        }
        double mean = model.summaryProperty().get().meanAccuracy();
        if (!model.folds().isEmpty() && !Double.isNaN(mean)) {
            categories.add("mean");
            meanSeries.getData().add(new XYChart.Data<>("mean", 100 * mean));
        }
        foldAxis.setCategories(FXCollections.observableArrayList(categories));
        // a bar chart starts at a round number below the lowest fold, so differences show
        double lower =
                model.folds().isEmpty() ? 0 : Math.max(0, Math.floor((lowest - 5) / 10) * 10);
        accuracyAxis.setLowerBound(lower);
        accuracyAxis.setUpperBound(100);
        accuracyAxis.setTickUnit(100 - lower > 40 ? 10 : 5);
        chart.getData().setAll(List.of(foldSeries, meanSeries));
    }
}
