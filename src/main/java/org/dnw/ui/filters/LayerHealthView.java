package org.dnw.ui.filters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dnw.train.LayerHealth;
import org.dnw.train.LayerStatistics;

/**
 * The "Layer health" part: the warnings first, then one row per weighted layer with small charts
 * over the epochs (weight spread, gradient spread, update size, silent ReLU units), drawn on
 * canvases because they are many and tiny.
 */
public final class LayerHealthView extends VBox {

    private static final double CHART_WIDTH = 145;
    private static final double CHART_HEIGHT = 58;

    private final LayerHealthViewModel model;
    private final VBox warnings = new VBox(2);
    private final GridPane charts = new GridPane();

    public LayerHealthView(LayerHealthViewModel model) {
        this.model = model;
        getStyleClass().add("layer-health");
        setSpacing(4);
        setPadding(new Insets(6, 0, 0, 0));
        Label title = new Label("Layer health");
        title.getStyleClass().add("layer-health-title");
        title.setStyle("-fx-font-weight: bold;");
        Label summary = new Label();
        summary.setId("layer-health-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        charts.setHgap(8);
        charts.setVgap(4);
        charts.setId("layer-health-charts");
        charts.setPadding(new Insets(2, 4, 2, 6));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(2 * (CHART_HEIGHT + 4));
        scroll.getStyleClass().add("layer-health-scroll");
        getChildren().addAll(title, summary, warnings, scroll);
        model.byLayerProperty().addListener((obs, was, now) -> rebuild());
        model.warningsProperty().addListener((obs, was, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        warnings.getChildren().clear();
        for (String w : model.getWarnings()) {
            Label l = new Label("⚠ " + w);
            l.setWrapText(true);
            l.getStyleClass().add("layer-health-warning");
            l.setStyle("-fx-text-fill: #b3261e;");
            warnings.getChildren().add(l);
        }
        charts.getChildren().clear();
        Map<Integer, List<LayerStatistics>> layers = model.getByLayer();
        if (layers.isEmpty()) {
            return;
        }
        String[] titles = {
            "weights: std", "gradient: std", "update ÷ weights, log₁₀", "never fired"
        };
        for (int c = 0; c < titles.length; c++) {
            Label h = new Label(titles[c]);
            h.getStyleClass().add("layer-health-heading");
            charts.add(h, c + 1, 0);
        }
        int row = 1;
        for (List<LayerStatistics> series : layers.values()) {
            LayerStatistics last = series.get(series.size() - 1);
            Label name = new Label(last.label());
            name.setMinWidth(105);
            GridPane.setValignment(name, javafx.geometry.VPos.CENTER);
            charts.add(name, 0, row);
            charts.add(
                    chart(series, LayerStatistics::weightStd, false, "%.3g", Double.NaN), 1, row);
            charts.add(
                    chart(series, LayerStatistics::gradientStd, false, "%.2g", Double.NaN), 2, row);
            charts.add(
                    chart(
                            series,
                            s -> s.updateRatio() > 0 ? Math.log10(s.updateRatio()) : Double.NaN,
                            false,
                            "%.1f",
                            Math.log10(LayerHealth.VANISHING_RATIO)),
                    3,
                    row);
            charts.add(
                    chart(
                            series,
                            s -> 100 * s.deadShare(),
                            true,
                            "%.0f %%",
                            100 * LayerHealth.DEAD_SHARE),
                    4,
                    row);
            row++;
        }
        charts.setAlignment(Pos.TOP_LEFT);
    }

    /**
     * One small chart of {@code value} over the epochs: a line with a dot per epoch, its last value
     * written top right, and {@code limit} (when a number) as a dashed warning line.
     *
     * @param percent a fixed 0–100 scale
     */
    static Canvas chart(
            List<LayerStatistics> series,
            ToDoubleFunction<LayerStatistics> value,
            boolean percent,
            String format,
            double limit) {
        Canvas canvas = new Canvas(CHART_WIDTH, CHART_HEIGHT);
        canvas.getStyleClass().add("layer-health-chart");
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f5f7"));
        g.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
        double[] v = series.stream().mapToDouble(value).toArray();
        double lo = percent ? 0 : Double.POSITIVE_INFINITY;
        double hi = percent ? 100 : Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(Color.web("#3c4043"));
        double lastValue = v[v.length - 1];
        g.fillText(
                Double.isFinite(lastValue) ? String.format(Locale.ROOT, format, lastValue) : "—",
                CHART_WIDTH - 4,
                12);
        if (!(hi >= lo)) {
            return canvas;
        }
        if (hi == lo) {
            hi = lo + Math.max(1e-12, Math.abs(lo) * 0.1);
            lo = lo - Math.max(1e-12, Math.abs(lo) * 0.1);
        }
        double top = 16;
        double bottom = CHART_HEIGHT - 6;
        double left = 6;
        double right = CHART_WIDTH - 6;
        double span = hi - lo;
        double fl = lo;
        java.util.function.DoubleUnaryOperator y = x -> bottom - (x - fl) / span * (bottom - top);
        if (Double.isFinite(limit) && limit >= lo && limit <= hi) {
            g.setStroke(Color.web("#d93025"));
            g.setLineWidth(1);
            g.setLineDashes(3, 3);
            g.strokeLine(left, y.applyAsDouble(limit), right, y.applyAsDouble(limit));
            g.setLineDashes();
        }
        g.setStroke(Color.web("#1a73e8"));
        g.setFill(Color.web("#1a73e8"));
        g.setLineWidth(1.5);
        double step = v.length == 1 ? 0 : (right - left) / (v.length - 1);
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                px = Double.NaN;
                continue;
            }
            double x = v.length == 1 ? (left + right) / 2 : left + i * step;
            double yy = y.applyAsDouble(v[i]);
            if (!Double.isNaN(px)) {
                g.strokeLine(px, py, x, yy);
            }
            g.fillOval(x - 2, yy - 2, 4, 4);
            px = x;
            py = yy;
        }
        return canvas;
    }
}
