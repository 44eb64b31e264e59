package org.dnw.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;

/**
 * The loss chart (thinned batch losses, train and validation loss per epoch) beside the accuracy
 * chart (train and validation accuracy per epoch), a shared legend, and the best validation epoch
 * marked with a ring on both. Overlaid runs are drawn dashed.
 *
 * <p>Colours come from style classes ({@code batch-loss-series}, {@code train-series}, {@code
 * validation-series}, {@code best-epoch-marker}, {@code overlay-series overlay-N}) in the
 * live-views stylesheet; a single legend replaces the charts' own so that both charts share it.
 */
public final class ChartsView extends VBox {

    private static final int OVERLAY_COLOURS = 4;

    private final ChartsViewModel model;
    private final NumberAxis lossEpochAxis = epochAxis();
    private final NumberAxis accuracyEpochAxis = epochAxis();
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;
    private final XYChart.Series<Number, Number> bestLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> bestAccuracy = new XYChart.Series<>();
    private final List<XYChart.Series<Number, Number>> overlaySeries = new ArrayList<>();
    private final FlowPane legend = new FlowPane(16, 4);
    private final List<Node> baseLegend = new ArrayList<>();
    private final Label overlayHint = new Label("other runs: dashed = validation, dotted = train");

    public ChartsView(ChartsViewModel model) {
        this.model = model;
        getStyleClass().add("charts-view");
        setSpacing(6);
        setPadding(new Insets(6, 12, 8, 12));

        NumberAxis lossAxis = new NumberAxis();
        lossAxis.setLabel("loss");
        lossAxis.setForceZeroInRange(true);
        lossChart = chart(lossEpochAxis, lossAxis, "Loss", "loss-chart");
        NumberAxis accuracyAxis = new NumberAxis();
        accuracyAxis.setLabel("accuracy %");
        accuracyChart = chart(accuracyEpochAxis, accuracyAxis, "Accuracy", "accuracy-chart");

        // The stylesheet colours series by their index (LineChart resets a series' style classes
        // whenever the series list changes), so the order here is fixed: live series first,
        // then two series (train, validation) per overlay.
        mirror(model.batchLoss(), lossChart, "batch loss", false);
        mirror(model.trainLoss(), lossChart, "train loss", true);
        mirror(model.validationLoss(), lossChart, "validation loss", true);
        addMarkerSeries(lossChart, bestLoss);
        mirror(model.trainAccuracyPercent(), accuracyChart, "train", true);
        mirror(model.validationAccuracyPercent(), accuracyChart, "validation", true);
        addMarkerSeries(accuracyChart, bestAccuracy);

        model.bestEpochProperty().addListener((obs, was, now) -> updateBest());
        model.validationLoss().addListener((ListChangeListener<Point2D>) c -> updateBest());
        model.overlays().addListener((ListChangeListener<ChartOverlay>) c -> rebuildOverlays());
        model.epochCountProperty().addListener((obs, was, now) -> updateEpochAxes());
        updateEpochAxes();
        // An empty chart auto-ranges to 0–110 whatever it shows; give it the usual ranges.
        javafx.beans.binding.BooleanBinding empty =
                javafx.beans.binding.Bindings.isEmpty(model.batchLoss())
                        .and(javafx.beans.binding.Bindings.isEmpty(model.trainLoss()))
                        .and(javafx.beans.binding.Bindings.isEmpty(model.overlays()));
        fixedWhenEmpty(lossAxis, empty, 0, 2.5, 0.5);
        // Accuracy never passes 100 %: the axis stops there rather than auto-ranging to 125.
        accuracyAxis.setAutoRanging(false);
        accuracyAxis.setUpperBound(100);
        Runnable accuracyRange = () -> updateAccuracyRange(accuracyAxis);
        model.trainAccuracyPercent()
                .addListener((ListChangeListener<Point2D>) c -> accuracyRange.run());
        model.validationAccuracyPercent()
                .addListener((ListChangeListener<Point2D>) c -> accuracyRange.run());
        model.overlays().addListener((ListChangeListener<ChartOverlay>) c -> accuracyRange.run());
        accuracyRange.run();

        Pane charts =
                new SideBySideOrStacked(withPlaceholder(lossChart), withPlaceholder(accuracyChart));
        VBox.setVgrow(charts, Priority.ALWAYS);

        baseLegend.add(legendEntry("batch loss", "batch-loss-swatch", false));
        baseLegend.add(legendEntry("train", "train-swatch", false));
        baseLegend.add(legendEntry("validation", "validation-swatch", false));
        baseLegend.add(legendEntry("best validation epoch", "best-swatch", true));
        legend.getStyleClass().add("chart-legend-row");
        legend.setAlignment(Pos.CENTER);
        legend.getChildren().setAll(baseLegend);

        Label best = new Label();
        best.setId("best-epoch-text");
        best.getStyleClass().add("best-epoch-text");
        best.textProperty().bind(model.bestEpochTextProperty());
        overlayHint.getStyleClass().add("chart-legend-hint");
        HBox legendRow = new HBox(24, legend, overlayHint);
        legendRow.setAlignment(Pos.CENTER);
        HBox.setHgrow(legend, Priority.ALWAYS);
        // on a row of its own, wrapping when the tab is narrow, rather than cut short
        best.setWrapText(true);
        best.setMinWidth(0);
        Label caption = new Label();
        caption.setId("charts-caption");
        caption.getStyleClass().add("charts-caption");
        caption.textProperty().bind(model.captionProperty());
        caption.visibleProperty().bind(model.captionProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        caption.setWrapText(true);
        caption.setMinWidth(0);
        VBox bottom = new VBox(4, legendRow, best, caption);
        bottom.setAlignment(Pos.CENTER);

        getChildren().addAll(charts, bottom);
        rebuildOverlays();
    }

    /**
     * The two charts side by side when each can be at least {@link #MIN_SIDE_BY_SIDE} wide, one
     * above the other when the tab is narrow (e.g. 1280 px with the hyperparameters beside).
     */
    private static final class SideBySideOrStacked extends Pane {
        private static final double MIN_SIDE_BY_SIDE = 330;
        private static final double GAP = 12;

        SideBySideOrStacked(Node first, Node second) {
            super(first, second);
        }

        @Override
        protected void layoutChildren() {
            Node a = getChildren().get(0);
            Node b = getChildren().get(1);
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            double x = snappedLeftInset();
            double y = snappedTopInset();
            if (w >= 2 * MIN_SIDE_BY_SIDE + GAP) {
                double half = (w - GAP) / 2;
                a.resizeRelocate(x, y, half, h);
                b.resizeRelocate(x + half + GAP, y, w - half - GAP, h);
            } else {
                double half = (h - GAP) / 2;
                a.resizeRelocate(x, y, w, half);
                b.resizeRelocate(x, y + half + GAP, w, h - half - GAP);
            }
        }

        @Override
        protected double computeMinWidth(double height) {
            return 260;
        }

        @Override
        protected double computeMinHeight(double width) {
            return 200;
        }

        @Override
        protected double computePrefWidth(double height) {
            return 2 * 520 + GAP;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 320;
        }
    }

    private void updateAccuracyRange(NumberAxis axis) {
        List<Double> values = new ArrayList<>();
        for (Point2D p : model.trainAccuracyPercent()) {
            values.add(p.getY());
        }
        for (Point2D p : model.validationAccuracyPercent()) {
            values.add(p.getY());
        }
        for (ChartOverlay overlay : model.overlays()) {
            for (EpochPoint p : overlay.points()) {
                values.add(100 * p.trainAccuracy());
                values.add(100 * p.validationAccuracy());
            }
        }
        double lower = ChartsViewModel.accuracyAxisLowerBound(values);
        axis.setLowerBound(lower);
        axis.setUpperBound(100);
        axis.setTickUnit(100 - lower > 40 ? 10 : 100 - lower > 10 ? 5 : 1);
    }

    private static void fixedWhenEmpty(
            NumberAxis axis,
            javafx.beans.binding.BooleanBinding empty,
            double lower,
            double upper,
            double tick) {
        axis.setLowerBound(lower);
        axis.setUpperBound(upper);
        axis.setTickUnit(tick);
        axis.autoRangingProperty().bind(empty.not());
    }

    private static NumberAxis epochAxis() {
        NumberAxis axis = new NumberAxis(0, 1, 1);
        axis.setLabel("epoch");
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        return axis;
    }

    private static LineChart<Number, Number> chart(
            NumberAxis x, NumberAxis y, String title, String styleClass) {
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add(styleClass);
        chart.setMinSize(260, 200);
        // The plot area clips what it draws; a ring on the last epoch or at 100 % would be cut
        // in half. The axes' ranges hold every point, so nothing else is drawn outside.
        Node plotContent = chart.lookup(".plot-content");
        if (plotContent != null && plotContent.getParent() != null) {
            plotContent.getParent().setClip(null);
        }
        chart.setPrefSize(520, 320);
        x.setAnimated(false);
        y.setAnimated(false);
        y.setMinorTickVisible(false);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private Node withPlaceholder(LineChart<Number, Number> chart) {
        Label hint = new Label("Press Train: the curves appear here as the network learns.");
        hint.getStyleClass().add("chart-placeholder");
        hint.setMouseTransparent(true);
        hint.visibleProperty()
                .bind(
                        javafx.beans.binding.Bindings.isEmpty(model.trainLoss())
                                .and(javafx.beans.binding.Bindings.isEmpty(model.batchLoss()))
                                .and(javafx.beans.binding.Bindings.isEmpty(model.overlays())));
        StackPane pane = new StackPane(chart, hint);
        // inside the plot, clear of the axis labels, on as many lines as the chart is narrow
        hint.setWrapText(true);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        hint.maxWidthProperty().bind(pane.widthProperty().multiply(0.6));
        HBox.setHgrow(pane, Priority.ALWAYS);
        pane.setMinWidth(0);
        return pane;
    }

    /** Keeps a chart series equal to a view-model list, with style classes on line and points. */
    private static void mirror(
            ObservableList<Point2D> source,
            LineChart<Number, Number> chart,
            String name,
            boolean symbols) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        source.addListener((ListChangeListener<Point2D>) c -> follow(c, source, series, symbols));
    }

    /**
     * Applies a change of the view-model list to the chart series: appends and a replaced last
     * point (the batch curve's moving tail, 20 times a second) cheaply, anything else by a rebuild.
     */
    private static void follow(
            ListChangeListener.Change<? extends Point2D> c,
            List<Point2D> source,
            XYChart.Series<Number, Number> series,
            boolean symbols) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        boolean incremental = true;
        while (incremental && c.next()) {
            int last = data.size() - 1;
            if (c.wasReplaced()
                    && c.getFrom() == last
                    && c.getTo() == last + 1
                    && c.getRemovedSize() == 1) {
                Point2D p = source.get(last);
                data.get(last).setXValue(p.getX());
                data.get(last).setYValue(p.getY());
            } else if (c.wasAdded() && !c.wasRemoved() && c.getFrom() == data.size()) {
                for (Point2D p : c.getAddedSubList()) {
                    data.add(data(p, symbols));
                }
            } else {
                incremental = false;
            }
        }
        if (incremental && data.size() == source.size()) {
            return;
        }
        if (source.isEmpty()) {
            data.clear();
            // LineChart leaves the old line drawn when a series becomes empty.
            if (series.getNode() instanceof Path line) {
                line.getElements().clear();
            }
            return;
        }
        List<XYChart.Data<Number, Number>> all = new ArrayList<>(source.size());
        for (Point2D p : source) {
            all.add(data(p, symbols));
        }
        data.setAll(all);
    }

    private static XYChart.Data<Number, Number> data(Point2D p, boolean symbol) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(p.getX(), p.getY());
        if (symbol) {
            // createSymbols is off for the whole chart; per-point nodes give epochs their dots.
            StackPane dot = new StackPane();
            Tooltip.install(
                    dot,
                    new Tooltip(
                            String.format(Locale.ROOT, "epoch %.0f: %.4f", p.getX(), p.getY())));
            d.setNode(dot);
        }
        return d;
    }

    private static void addMarkerSeries(
            LineChart<Number, Number> chart, XYChart.Series<Number, Number> series) {
        series.setName("best validation epoch");
        chart.getData().add(series);
    }

    private void updateBest() {
        int epoch = model.getBestEpoch();
        setMarker(bestLoss, epoch, model.validationLoss());
        setMarker(bestAccuracy, epoch, model.validationAccuracyPercent());
    }

    private static void setMarker(
            XYChart.Series<Number, Number> series, int epoch, List<Point2D> values) {
        for (Point2D p : values) {
            if (epoch > 0 && p.getX() == epoch) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(p.getX(), p.getY());
                Region ring = new Region();
                Tooltip.install(ring, new Tooltip("best validation epoch: " + epoch));
                d.setNode(ring);
                series.getData().setAll(List.of(d));
                return;
            }
        }
        series.getData().clear();
        if (series.getNode() instanceof Path line) {
            line.getElements().clear();
        }
    }

    private void rebuildOverlays() {
        lossChart.getData().removeAll(overlaySeries);
        accuracyChart.getData().removeAll(overlaySeries);
        overlaySeries.clear();
        List<Node> legendItems = new ArrayList<>(baseLegend);
        int index = 0;
        for (ChartOverlay overlay : model.overlays()) {
            addOverlay(lossChart, overlay, "train loss", EpochPoint::trainLoss, 1);
            addOverlay(lossChart, overlay, "validation loss", EpochPoint::validationLoss, 1);
            addOverlay(accuracyChart, overlay, "train", EpochPoint::trainAccuracy, 100);
            addOverlay(accuracyChart, overlay, "validation", EpochPoint::validationAccuracy, 100);
            legendItems.add(
                    legendEntry(
                            overlay.name(),
                            "overlay-" + (index % OVERLAY_COLOURS) + "-swatch",
                            false));
            index++;
        }
        overlayHint.setVisible(index > 0);
        overlayHint.setManaged(index > 0);
        legend.getChildren().setAll(legendItems);
    }

    private void addOverlay(
            LineChart<Number, Number> chart,
            ChartOverlay overlay,
            String what,
            ToDoubleFunction<EpochPoint> value,
            double scale) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(overlay.name() + " " + what);
        for (EpochPoint p : overlay.points()) {
            double y = value.applyAsDouble(p) * scale;
            if (Double.isFinite(y)) {
                series.getData().add(new XYChart.Data<>(p.epoch(), y));
            }
        }
        // Added even when empty, so that series indices (and colours) stay in step.
        chart.getData().add(series);
        overlaySeries.add(series);
    }

    private void updateEpochAxes() {
        int epochs = Math.max(1, model.epochCountProperty().get());
        double tick = epochs <= 12 ? 1 : Math.ceil(epochs / 10.0);
        for (NumberAxis axis : List.of(lossEpochAxis, accuracyEpochAxis)) {
            axis.setLowerBound(0);
            axis.setUpperBound(epochs);
            axis.setTickUnit(tick);
        }
    }

    private static Node legendEntry(String text, String swatchClass, boolean ring) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll(ring ? "legend-ring" : "legend-swatch", swatchClass);
        swatch.setMinSize(ring ? 12 : 22, ring ? 12 : 4);
        swatch.setPrefSize(ring ? 12 : 22, ring ? 12 : 4);
        swatch.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label label = new Label(text, swatch);
        label.getStyleClass().add("chart-legend-label");
        return label;
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    public LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }
}
