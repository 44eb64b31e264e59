package org.dnw.ui.confusion;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dnw.eval.ConfusionMatrix;

/**
 * The confusion matrix drawn on a canvas that fills this region: rows = true class (names on the
 * left), columns = predicted (names on top). The diagonal is blue by its row share; mistakes are
 * red, darker the larger their share of the row (a square-root scale, so a 1 % confusion is still
 * visible).
 */
final class HeatMapPane extends Region {

    private static final Font LABEL_FONT = Font.font(12);
    private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 12);
    private static final double AXIS_TITLE = 20;
    private static final double PAD = 8;
    private static final double MAX_CELL = 72;

    private final ConfusionViewModel model;
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private double left;
    private double top;
    private double cell;
    private int drawnClasses;

    HeatMapPane(ConfusionViewModel model) {
        this.model = model;
        getStyleClass().add("confusion-heat-map");
        canvas.setId("confusion-canvas");
        getChildren().add(canvas);
        setMinSize(220, 220);
        setPrefSize(560, 520);
        tip.setShowDelay(Duration.millis(150));
        canvas.setOnMouseClicked(
                e -> {
                    MatrixCell c = cellAt(e.getX(), e.getY());
                    if (c != null) {
                        model.select(c.actual(), c.predicted());
                    }
                });
        canvas.setOnMouseMoved(
                e -> {
                    MatrixCell c = cellAt(e.getX(), e.getY());
                    if (c == null) {
                        Tooltip.uninstall(canvas, tip);
                    } else {
                        tip.setText(describe(c));
                        Tooltip.install(canvas, tip);
                    }
                });
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        ConfusionMatrix m = model.getMatrix();
        List<String> names = model.classNames();
        drawnClasses = 0;
        if (m == null || w <= 0 || h <= 0) {
            cell = 0;
            return;
        }
        int n = m.classCount();
        double nameWidth = 0;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, textWidth(name, LABEL_FONT));
        }
        left = AXIS_TITLE + nameWidth + PAD;
        double horizontalTop = AXIS_TITLE + 18;
        cell = cellSize(w, h, n, horizontalTop);
        boolean vertical = nameWidth > cell - 4;
        if (vertical) {
            top = AXIS_TITLE + nameWidth + PAD;
            cell = cellSize(w, h, n, top);
        } else {
            top = horizontalTop;
        }
        double gridSize = n * cell;

        g.setFill(Color.web("#202124"));
        g.setFont(TITLE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("predicted", left + gridSize / 2, AXIS_TITLE / 2 + 2);
        g.save();
        g.translate(AXIS_TITLE / 2 + 2, top + gridSize / 2);
        g.rotate(-90);
        g.fillText("true class", 0, 0);
        g.restore();

        g.setFont(LABEL_FONT);
        g.setFill(Color.web("#3c4043"));
        for (int c = 0; c < n; c++) {
            String name = c < names.size() ? names.get(c) : Integer.toString(c);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(name, left - PAD / 2, top + (c + 0.5) * cell);
            if (vertical) {
                g.save();
                g.translate(left + (c + 0.5) * cell, top - PAD / 2);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(name, 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(name, left + (c + 0.5) * cell, top - 9);
            }
        }

        MatrixCell selected = model.selectedCellProperty().get();
        double fontSize = Math.max(8, Math.min(14, cell * 0.28));
        Font cellFont = Font.font(null, FontWeight.NORMAL, fontSize);
        Font diagonalFont = Font.font(null, FontWeight.BOLD, fontSize);
        boolean texts = cell >= 18;
        g.setTextAlign(TextAlignment.CENTER);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = left + c * cell;
                double y = top + r * cell;
                double share = model.rowShare(r, c);
                Color fill = colour(r == c, share, m.count(r, c));
                g.setFill(fill);
                g.fillRect(x, y, cell, cell);
                if (texts) {
                    g.setFont(r == c ? diagonalFont : cellFont);
                    g.setFill(
                            m.count(r, c) == 0
                                    ? Color.web("#b0b4b9")
                                    : fill.getBrightness() < 0.6 || luminance(fill) < 0.45
                                            ? Color.WHITE
                                            : Color.web("#202124"));
                    g.fillText(model.cellText(r, c), x + cell / 2, y + cell / 2);
                }
            }
        }
        g.setStroke(Color.web("#dadce0"));
        g.setLineWidth(1);
        for (int i = 0; i <= n; i++) {
            g.strokeLine(left + i * cell, top, left + i * cell, top + gridSize);
            g.strokeLine(left, top + i * cell, left + gridSize, top + i * cell);
        }
        if (selected != null) {
            g.setStroke(Color.web("#202124"));
            g.setLineWidth(3);
            g.strokeRect(
                    left + selected.predicted() * cell + 1.5,
                    top + selected.actual() * cell + 1.5,
                    cell - 3,
                    cell - 3);
        }
        drawnClasses = n;
    }

    private double cellSize(double w, double h, int n, double topMargin) {
        double size = Math.min((w - left - PAD) / n, (h - topMargin - PAD) / n);
        return Math.max(6, Math.floor(Math.min(MAX_CELL, size)));
    }

    static Color colour(boolean diagonal, double share, long count) {
        if (count == 0) {
            return Color.web("#fafafa");
        }
        if (diagonal) {
            return Color.web("#e8f0fe").interpolate(Color.web("#174ea6"), share);
        }
        double t = Math.sqrt(Math.min(1, share / 0.25));
        return Color.web("#fff1ee").interpolate(Color.web("#b3261e"), t);
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private String describe(MatrixCell c) {
        List<String> names = model.classNames();
        return String.format(
                java.util.Locale.ROOT,
                "true '%s', predicted '%s': %d samples (%.1f %% of the row)",
                names.get(c.actual()),
                names.get(c.predicted()),
                model.count(c.actual(), c.predicted()),
                100 * model.rowShare(c.actual(), c.predicted()));
    }

    /** The cell under canvas point (x, y), or null. */
    MatrixCell cellAt(double x, double y) {
        ConfusionMatrix m = model.getMatrix();
        if (m == null || cell <= 0) {
            return null;
        }
        int c = (int) Math.floor((x - left) / cell);
        int r = (int) Math.floor((y - top) / cell);
        int n = m.classCount();
        return r < 0 || c < 0 || r >= n || c >= n || x < left || y < top
                ? null
                : new MatrixCell(r, c);
    }

    /** Centre of a cell in canvas coordinates (for tests and keyboard focus). */
    javafx.geometry.Point2D cellCentre(int actual, int predicted) {
        return new javafx.geometry.Point2D(
                left + (predicted + 0.5) * cell, top + (actual + 0.5) * cell);
    }

    int drawnClasses() {
        return drawnClasses;
    }

    Canvas canvas() {
        return canvas;
    }
}
