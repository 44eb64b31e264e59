package org.dnw.ui.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sweep's chart: one point per finished run, on a number line when the swept setting is a
 * number and on categories otherwise, with the metric to plot chosen above it.
 */
final class SweepChartPane extends StackPane {

    private final SweepViewModel model;
    private final CategoryAxis categoryAxis = new CategoryAxis();
    private final NumberAxis categoryY = new NumberAxis();
    private final LineChart<String, Number> categoryChart =
            new LineChart<>(categoryAxis, categoryY);
    private final NumberAxis numberAxis = new NumberAxis();
    private final NumberAxis numberY = new NumberAxis();
    private final LineChart<Number, Number> numberChart = new LineChart<>(numberAxis, numberY);

    SweepChartPane(SweepViewModel model) {
        this.model = model;
        for (LineChart<?, ?> chart : List.of(categoryChart, numberChart)) {
            chart.getStyleClass().add("sweep-chart");
            chart.setAnimated(false);
            chart.setCreateSymbols(true);
            chart.setTitle(null);
            chart.setMinHeight(200);
            chart.legendVisibleProperty().bind(Bindings.size(model.seriesNames()).greaterThan(1));
        }
        categoryChart.setId("sweep-chart-categories");
        numberChart.setId("sweep-chart-numbers");
        categoryAxis.setAnimated(false);
        categoryAxis.labelProperty().bind(model.xAxisLabelProperty());
        numberAxis.setAnimated(false);
        numberAxis.setForceZeroInRange(false);
        numberAxis.setMinorTickVisible(false);
        numberAxis.labelProperty().bind(model.xAxisLabelProperty());
        for (NumberAxis y : List.of(categoryY, numberY)) {
            y.setAnimated(false);
            y.setMinorTickVisible(false);
            y.labelProperty().bind(model.yAxisLabelProperty());
        }
        numberChart.visibleProperty().bind(model.numericXProperty());
        categoryChart.visibleProperty().bind(model.numericXProperty().not());
        model.chartPoints().addListener((ListChangeListener<SweepChartPoint>) c -> rebuildChart());
        model.seriesNames().addListener((ListChangeListener<String>) c -> rebuildChart());
        model.xCategories().addListener((ListChangeListener<String>) c -> rebuildChart());
        model.numericXProperty().addListener((obs, was, now) -> rebuildChart());
        model.chartMetricProperty().addListener((obs, was, now) -> rebuildChart());
        rebuildChart();

        Label title = new Label("Chart");
        title.getStyleClass().add("sweep-section-title");
        ToggleGroup group = new ToggleGroup();
        HBox toggles = new HBox(0);
        toggles.getStyleClass().add("sweep-metric-toggles");
        for (ChartMetric m : ChartMetric.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("sweep-metric-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setToggleGroup(group);
            b.setUserData(m);
            b.setSelected(model.chartMetricProperty().get() == m);
            b.setTooltip(
                    new Tooltip(
                            switch (m) {
                                case TEST_ACCURACY -> "Plots each run's accuracy on the test set.";
                                case TIME -> "Plots how long each run trained, in seconds.";
                                case PARAMETERS ->
                                        "Plots how many trainable parameters each run's"
                                                + " network has.";
                            }));
            toggles.getChildren().add(b);
        }
        group.selectedToggleProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (now == null) {
                                group.selectToggle(was);
                            } else {
                                model.chartMetricProperty().set((ChartMetric) now.getUserData());
                            }
                        });
        HBox header = new HBox(12, title, SweepView.spacer(), toggles);
        header.setAlignment(Pos.CENTER_LEFT);
        Label empty = new Label("Each finished run adds a point here.");
        empty.getStyleClass().add("sweep-placeholder");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.chartPoints()));
        StackPane charts = new StackPane(categoryChart, numberChart, empty);
        VBox box = new VBox(4, header, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().add(box);
        setMinWidth(0);
    }

    private void rebuildChart() {
        List<String> names = model.seriesNames();
        List<XYChart.Series<String, Number>> cat = new ArrayList<>();
        List<XYChart.Series<Number, Number>> num = new ArrayList<>();
        for (String name : names) {
            XYChart.Series<String, Number> c = new XYChart.Series<>();
            c.setName(name);
            cat.add(c);
            XYChart.Series<Number, Number> n = new XYChart.Series<>();
            n.setName(name);
            num.add(n);
        }
        categoryAxis.setCategories(
                javafx.collections.FXCollections.observableArrayList(
                        new java.util.LinkedHashSet<>(model.xCategories())));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SweepChartPoint p : model.chartPoints()) {
            if (p.series() >= names.size()) {
                continue;
            }
            cat.get(p.series()).getData().add(new XYChart.Data<>(p.x(), p.y()));
            if (!Double.isNaN(p.xNumber())) {
                num.get(p.series()).getData().add(new XYChart.Data<>(p.xNumber(), p.y()));
            }
            min = Math.min(min, p.y());
            max = Math.max(max, p.y());
        }
        // sort along x so that a number line's segments do not zigzag
        for (XYChart.Series<Number, Number> s : num) {
            s.getData()
                    .sort(java.util.Comparator.comparingDouble(d -> d.getXValue().doubleValue()));
        }
        categoryChart.getData().setAll(cat);
        numberChart.getData().setAll(num);
        yRange(min, max);
    }

    /** Accuracy: up to 100 %, from a round step below the lowest; others: auto from 0. */
    private void yRange(double min, double max) {
        for (NumberAxis y : List.of(categoryY, numberY)) {
            if (model.chartMetricProperty().get() == ChartMetric.TEST_ACCURACY) {
                double lower =
                        Double.isInfinite(min) ? 0 : Math.max(0, Math.floor((min - 2) / 5) * 5);
                y.setAutoRanging(false);
                y.setLowerBound(lower);
                y.setUpperBound(100);
                y.setTickUnit(100 - lower > 40 ? 10 : 100 - lower > 15 ? 5 : 1);
            } else {
                y.setAutoRanging(true);
                y.setForceZeroInRange(true);
            }
        }
    }

    /** The chart on screen: the number line or the categories. */
    LineChart<?, ?> visibleChart() {
        return model.numericXProperty().get() ? numberChart : categoryChart;
    }

    /** Points drawn in all series of the visible chart. */
    int plottedPointCount() {
        int n = 0;
        for (XYChart.Series<?, ?> s : visibleChart().getData()) {
            n += s.getData().size();
        }
        return n;
    }
}
