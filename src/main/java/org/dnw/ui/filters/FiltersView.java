package org.dnw.ui.filters;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The first layer's kernels as a grid on a canvas, each magnified with nearest-neighbour pixels (a
 * 5×5 kernel is 50 px wide), and beside it the clicked kernel enlarged, with its weights written in
 * the cells when it is small enough to read them.
 */
public final class FiltersView extends BorderPane {

    /** Smallest width on screen of one kernel image, in pixels. */
    static final double MIN_KERNEL_PIXELS = 48;

    /** Largest width on screen of one kernel image, in pixels. */
    static final double MAX_KERNEL_PIXELS = 150;

    private static final double GAP = 8;
    private static final double MARGIN = 10;
    private static final double ENLARGED = 300;

    private final FiltersViewModel model;
    private final Canvas gridCanvas = new Canvas();
    private final Canvas enlarged = new Canvas(ENLARGED, ENLARGED);
    private final ScrollPane scroll = new ScrollPane();
    private int drawnKernels;
    private int columns = 1;
    private double cellWidth;
    private double cellHeight;
    private int scale = 1;

    public FiltersView(FiltersViewModel model) {
        this.model = model;
        getStyleClass().add("filters-view");
        setPadding(new Insets(10, 12, 10, 12));

        Label caption = new Label();
        caption.setId("filters-caption");
        caption.getStyleClass().add("filters-caption");
        caption.textProperty().bind(model.captionProperty());
        Label capture = new Label();
        capture.getStyleClass().add("filters-capture");
        capture.textProperty().bind(model.captureTextProperty());
        // a long caption and its source share a line when they fit, else the source wraps below
        FlowPane header = new FlowPane(16, 2, caption, capture);
        header.setAlignment(Pos.BASELINE_LEFT);

        ComboBox<LayerChoice> layer = new ComboBox<>(model.getLayers());
        layer.setId("filters-layer");
        layer.setPromptText("first layer");
        layer.valueProperty().bindBidirectional(model.chosenLayerProperty());
        CheckBox mean = new CheckBox("Mean over input channels");
        mean.setId("filters-mean");
        mean.selectedProperty().bindBidirectional(model.meanOverChannelsProperty());
        mean.disableProperty()
                .bind(
                        Bindings.createBooleanBinding(
                                () -> {
                                    LayerChoice c = model.chosenLayerProperty().get();
                                    return c == null
                                            || c.image() == null
                                            || c.image().channels() < 2;
                                },
                                model.chosenLayerProperty()));
        HBox controls = new HBox(10, new Label("Layer"), layer, mean);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label explanation = new Label();
        explanation.setId("filters-explanation");
        explanation.getStyleClass().add("filters-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(model.explanationProperty());
        VBox top = new VBox(6, controls, explanation, header);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        LayerHealthView health = new LayerHealthView(model.health());
        health.setId("layer-health");
        setBottom(health);

        gridCanvas.setId("filters-canvas");
        StackPane holder = new StackPane(gridCanvas);
        holder.setAlignment(Pos.TOP_LEFT);
        holder.getStyleClass().add("filters-grid");
        scroll.setContent(holder);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("filters-scroll");
        scroll.viewportBoundsProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (was.getWidth() != now.getWidth()
                                    || was.getHeight() != now.getHeight()) {
                                redrawGrid();
                            }
                        });
        setCenter(scroll);

        Label selected = new Label();
        selected.getStyleClass().add("filters-selected-text");
        selected.textProperty().bind(model.selectedTextProperty());
        selected.setWrapText(true);
        selected.setMaxWidth(ENLARGED);
        enlarged.setId("filters-enlarged");
        VBox side = new VBox(8, enlarged, selected);
        side.getStyleClass().add("filters-enlarged");
        side.setPadding(new Insets(0, 0, 0, 12));
        side.setMinWidth(ENLARGED + 12);
        setRight(side);

        gridCanvas.setOnMouseClicked(e -> model.select(kernelAt(e.getX(), e.getY())));
        model.gridProperty().addListener((obs, was, now) -> redraw());
        model.selectedIndexProperty().addListener((obs, was, now) -> redraw());
        redraw();
    }

    private void redraw() {
        redrawGrid();
        redrawEnlarged();
    }

    private void redrawGrid() {
        FilterGrid grid = model.getGrid();
        double available = Math.max(200, scroll.getViewportBounds().getWidth());
        GraphicsContext g = gridCanvas.getGraphicsContext2D();
        if (grid == null || grid.kernels().isEmpty()) {
            gridCanvas.setWidth(available);
            gridCanvas.setHeight(60);
            g.clearRect(0, 0, gridCanvas.getWidth(), gridCanvas.getHeight());
            drawnKernels = 0;
            return;
        }
        KernelImage first = grid.kernels().get(0);
        // a filter's channels side by side make a wide image: its height sets the scale
        int side =
                first.width() > 2 * first.height()
                        ? Math.max(first.height(), (first.width() + 2) / 3)
                        : Math.max(first.width(), first.height());
        int n = grid.kernels().size();
        double height = Math.max(120, scroll.getViewportBounds().getHeight());
        // The largest magnification whose grid fits the visible area, between a readable minimum
        // and a maximum beyond which a kernel stops looking like one.
        int smallest = Math.max(1, (int) Math.ceil(MIN_KERNEL_PIXELS / side));
        int largest = Math.max(smallest, (int) Math.floor(MAX_KERNEL_PIXELS / side));
        scale = smallest;
        for (int s = largest; s > smallest; s--) {
            if (rowsFor(n, first, s, available) * (first.height() * s + GAP) - GAP + 2 * MARGIN
                    <= height) {
                scale = s;
                break;
            }
        }
        cellWidth = first.width() * scale;
        cellHeight = first.height() * scale;
        int rows = rowsFor(n, first, scale, available);
        // Same number of rows, fewest columns: 32 filters as 2 × 16 rather than 20 + 12.
        columns = (int) Math.ceil(n / (double) rows);
        gridCanvas.setWidth(Math.max(available, 2 * MARGIN + columns * (cellWidth + GAP) - GAP));
        gridCanvas.setHeight(2 * MARGIN + rows * (cellHeight + GAP) - GAP);
        g.setFill(Color.web("#f4f5f7"));
        g.fillRect(0, 0, gridCanvas.getWidth(), gridCanvas.getHeight());
        g.setImageSmoothing(false);
        int selected = model.selectedIndexProperty().get();
        drawnKernels = 0;
        for (int i = 0; i < n; i++) {
            KernelImage k = grid.kernels().get(i);
            double x = MARGIN + (i % columns) * (cellWidth + GAP);
            double y = MARGIN + (i / columns) * (cellHeight + GAP);
            g.drawImage(image(k), x, y, k.width() * scale, k.height() * scale);
            g.setLineWidth(i == selected ? 3 : 1);
            g.setStroke(i == selected ? Color.web("#1a73e8") : Color.web("#9aa0a6"));
            double inset = i == selected ? -2.5 : -0.5;
            g.strokeRect(
                    x + inset,
                    y + inset,
                    k.width() * scale - 2 * inset,
                    k.height() * scale - 2 * inset);
            drawnKernels++;
        }
    }

    private static int rowsFor(int n, KernelImage k, int scale, double available) {
        int fit = Math.max(1, (int) ((available - 2 * MARGIN + GAP) / (k.width() * scale + GAP)));
        return (int) Math.ceil(n / (double) Math.min(fit, n));
    }

    private void redrawEnlarged() {
        GraphicsContext g = enlarged.getGraphicsContext2D();
        g.setFill(Color.web("#f4f5f7"));
        g.fillRect(0, 0, ENLARGED, ENLARGED);
        FilterGrid grid = model.getGrid();
        int i = model.selectedIndexProperty().get();
        if (grid == null || i < 0 || i >= grid.kernels().size()) {
            g.setFill(Color.web("#5f6368"));
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(Font.font(13));
            g.fillText(
                    grid == null
                            ? "No weights yet"
                            : FiltersViewModel.clickHint(grid).replace(" to ", "\nto "),
                    ENLARGED / 2,
                    ENLARGED / 2);
            return;
        }
        KernelImage k = grid.kernels().get(i);
        int pixel = (int) Math.max(1, Math.floor(ENLARGED / Math.max(k.width(), k.height())));
        double w = k.width() * pixel;
        double h = k.height() * pixel;
        double x0 = (ENLARGED - w) / 2;
        double y0 = (ENLARGED - h) / 2;
        g.setImageSmoothing(false);
        g.drawImage(image(k), x0, y0, w, h);
        if (pixel >= 36 && k.channels() == 1 && allFinite(k.weights())) {
            g.setFont(Font.font(Math.min(14, pixel / 3.2)));
            g.setTextAlign(TextAlignment.CENTER);
            for (int y = 0; y < k.height(); y++) {
                for (int x = 0; x < k.width(); x++) {
                    int at = y * k.width() + x;
                    g.setFill(k.levels()[at] > 140 ? Color.BLACK : Color.WHITE);
                    g.fillText(
                            String.format(Locale.ROOT, "%.2f", k.weights()[at]),
                            x0 + (x + 0.5) * pixel,
                            y0 + (y + 0.5) * pixel + 4);
                }
            }
        }
        g.setStroke(Color.web("#9aa0a6"));
        g.setLineWidth(1);
        g.strokeRect(x0 - 0.5, y0 - 0.5, w + 1, h + 1);
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static WritableImage image(KernelImage k) {
        WritableImage img = new WritableImage(k.width(), k.height());
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < k.height(); y++) {
            for (int x = 0; x < k.width(); x++) {
                out.setArgb(x, y, k.argb(y, x));
            }
        }
        return img;
    }

    /** The kernel under canvas point (x, y), or −1 for a gap or nothing. */
    public int kernelAt(double x, double y) {
        FilterGrid grid = model.getGrid();
        if (grid == null || cellWidth <= 0) {
            return -1;
        }
        double cx = x - MARGIN;
        double cy = y - MARGIN;
        if (cx < 0 || cy < 0) {
            return -1;
        }
        int col = (int) (cx / (cellWidth + GAP));
        int row = (int) (cy / (cellHeight + GAP));
        if (col >= columns
                || cx - col * (cellWidth + GAP) > cellWidth
                || cy - row * (cellHeight + GAP) > cellHeight) {
            return -1;
        }
        int index = row * columns + col;
        return index < grid.kernels().size() ? index : -1;
    }

    /** Centre of kernel {@code index} in grid-canvas coordinates. */
    public javafx.geometry.Point2D kernelCentre(int index) {
        return new javafx.geometry.Point2D(
                MARGIN + (index % columns) * (cellWidth + GAP) + cellWidth / 2,
                MARGIN + (index / columns) * (cellHeight + GAP) + cellHeight / 2);
    }

    /** Kernels drawn by the last repaint of the grid. */
    public int drawnKernelCount() {
        return drawnKernels;
    }

    /** On-screen width of one kernel image in the grid, in pixels. */
    public double kernelPixelWidth() {
        return cellWidth;
    }

    public Canvas gridCanvas() {
        return gridCanvas;
    }

    public Canvas enlargedCanvas() {
        return enlarged;
    }
}
