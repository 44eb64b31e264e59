package org.dnw.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dnw.ui.common.DialogService;
import org.dnw.ui.tryit.PictureReader;

/**
 * The Inside tab: a bar to pick the image; below it every layer's output, one section per layer
 * (feature maps as a grid of small grey images, a dense layer as rows of unit squares, the output
 * as class bars); on the right the input (and its three channels when it is in colour) and the
 * clicked map enlarged.
 */
public final class InsideView extends BorderPane {

    private static final double SIDE = 300;
    private static final double MARGIN = 6;
    private static final Color BACKGROUND = Color.web("#f4f5f7");
    private static final Color FRAME = Color.web("#9aa0a6");
    private static final Color SELECTED = Color.web("#1a73e8");
    private static final Color TEXT = Color.web("#202124");

    private final InsideViewModel model;
    private final VBox sections = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(sections);
    private final Canvas input = new Canvas(SIDE, 200);
    private final Canvas enlarged = new Canvas(SIDE, 220);
    private final Label inputCaption = new Label();
    private final Label enlargedCaption = new Label();
    private final List<LayerCanvas> canvases = new ArrayList<>();

    public InsideView(InsideViewModel model, DialogService dialogs) {
        this.model = model;
        getStyleClass().add("inside-view");
        setPadding(new Insets(10, 12, 10, 12));

        Button previous = new Button("◀ Previous");
        previous.setOnAction(e -> model.previous());
        Button next = new Button("Next ▶");
        next.setOnAction(e -> model.next());
        ComboBox<String> classes = new ComboBox<>(model.classChoices());
        classes.setId("inside-class");
        classes.setTooltip(new Tooltip("Browse the test images of one class"));
        classes.getSelectionModel().select(0);
        classes.getSelectionModel()
                .selectedIndexProperty()
                .addListener(
                        (obs, was, now) ->
                                model.classFilterProperty().set(Math.max(-1, now.intValue() - 1)));
        model.classFilterProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (classes.getSelectionModel().getSelectedIndex()
                                    != now.intValue() + 1) {
                                classes.getSelectionModel().select(now.intValue() + 1);
                            }
                        });
        Button mistake = new Button("A random mistake");
        mistake.setId("inside-mistake");
        mistake.setOnAction(e -> model.randomMistake());
        Button open = new Button("Open image…");
        open.setOnAction(
                e ->
                        dialogs.chooseFileToOpen(
                                        "Open an image",
                                        "Images (PNG, JPEG, GIF, BMP)",
                                        PictureReader.EXTENSIONS)
                                .ifPresent(model::openImage));
        CheckBox shared = new CheckBox("Same scale for all maps of a layer");
        shared.setId("inside-shared-scale");
        shared.selectedProperty().bindBidirectional(model.sharedScaleProperty());
        shared.setTooltip(
                new Tooltip(
                        "Off: each map is stretched from its own least (black) to its greatest"
                                + " value (white).\nOn: one scale for the whole layer, so weak maps"
                                + " look dark."));
        Label pick = new Label("Test image:");
        FlowPane bar = new FlowPane(8, 6, pick, previous, next, classes, mistake, open, shared);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label source = new Label();
        source.setId("inside-source");
        source.getStyleClass().add("inside-source");
        source.textProperty().bind(model.sourceProperty());
        Label message = new Label();
        message.getStyleClass().add("inside-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        VBox top = new VBox(6, bar, new HBox(16, source, message));
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        sections.setPadding(new Insets(4));
        sections.getStyleClass().add("inside-layers");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("inside-scroll");
        scroll.viewportBoundsProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (was.getWidth() != now.getWidth()) {
                                redrawLayers();
                            }
                        });
        scroll.vvalueProperty().addListener((obs, was, now) -> redrawVisible(false));
        setCenter(scroll);

        inputCaption.setWrapText(true);
        inputCaption.setMaxWidth(SIDE);
        enlargedCaption.setWrapText(true);
        enlargedCaption.setMaxWidth(SIDE);
        Label inputTitle = new Label("Input");
        inputTitle.getStyleClass().add("inside-heading");
        Label enlargedTitle = new Label("Clicked map");
        enlargedTitle.getStyleClass().add("inside-heading");
        input.setId("inside-input");
        enlarged.setId("inside-enlarged");
        VBox side =
                new VBox(
                        6,
                        inputTitle,
                        input,
                        inputCaption,
                        enlargedTitle,
                        enlarged,
                        enlargedCaption);
        side.setPadding(new Insets(0, 0, 0, 12));
        side.setMinWidth(SIDE + 12);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setMinWidth(SIDE + 30);
        sideScroll.getStyleClass().add("inside-side");
        setRight(sideScroll);

        model.layersProperty().addListener((obs, was, now) -> rebuild());
        model.sharedScaleProperty().addListener((obs, was, now) -> redrawLayers());
        model.selectedProperty()
                .addListener(
                        (obs, was, now) -> {
                            redrawLayers();
                            drawEnlarged();
                        });
        model.imageProperty()
                .addListener(
                        (obs, was, now) -> {
                            drawInput();
                            drawEnlarged();
                        });
        rebuild();
        drawInput();
        drawEnlarged();
    }

    private void rebuild() {
        List<LayerPicture> layers = model.layersProperty().get();
        // keep the canvases when only the values changed (live updates), so the scroll stays put
        if (canvases.size() != layers.size()) {
            canvases.clear();
            List<javafx.scene.Node> nodes = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                Label title = new Label();
                title.getStyleClass().add("inside-layer-title");
                LayerCanvas c = new LayerCanvas(i, title);
                canvases.add(c);
                nodes.add(new VBox(2, title, c));
            }
            if (layers.isEmpty()) {
                Label hint =
                        new Label(
                                model.imageProperty().get() == null
                                        ? "Pick an image to see what each layer makes of it."
                                        : "The layers appear here once a network has seen the"
                                                + " image.");
                hint.getStyleClass().add("inside-hint");
                nodes.add(hint);
            }
            sections.getChildren().setAll(nodes);
            redrawLayers();
        } else {
            // new values for the same layers (a live update, once a second): only the layers in
            // view are drawn now, the others when they are scrolled to — drawing them all would
            // take the training's CPU time for pictures no one sees
            redrawVisible(true);
        }
        drawEnlarged();
    }

    private void redrawLayers() {
        List<LayerPicture> layers = model.layersProperty().get();
        double available = availableWidth();
        for (int i = 0; i < canvases.size() && i < layers.size(); i++) {
            canvases.get(i).draw(layers.get(i), available);
        }
    }

    /**
     * Draws the layers now in the scroll pane's view that are out of date ({@code all}: every one
     * in view) and marks those out of view out of date.
     */
    private void redrawVisible(boolean all) {
        List<LayerPicture> layers = model.layersProperty().get();
        double available = availableWidth();
        javafx.geometry.Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        for (int i = 0; i < canvases.size() && i < layers.size(); i++) {
            LayerCanvas c = canvases.get(i);
            javafx.geometry.Bounds at = c.localToScene(c.getLayoutBounds());
            boolean inView = view == null || at == null || view.intersects(at);
            if (!inView) {
                c.stale = c.stale || all;
            } else if (all || c.stale) {
                c.draw(layers.get(i), available);
            }
        }
    }

    private double availableWidth() {
        return Math.max(300, scroll.getViewportBounds().getWidth() - 12);
    }

    /** One layer's pictures on a canvas, with where each map lies for clicks. */
    final class LayerCanvas extends Canvas {
        private final int index;
        private final Label title;
        private int columns = 1;
        private boolean stale;
        private double cellWidth;
        private double cellHeight;

        LayerCanvas(int index, Label title) {
            this.index = index;
            this.title = title;
            getStyleClass().add("inside-layer");
            setOnMouseClicked(e -> model.select(index, mapAt(e.getX(), e.getY())));
        }

        void draw(LayerPicture layer, double available) {
            stale = false;
            title.setText(layer.title());
            switch (layer.kind()) {
                case MAPS -> drawMaps(layer, available);
                case UNITS -> drawUnits(layer, available);
                case CLASSES -> drawClasses(layer, available);
            }
        }

        private void drawMaps(LayerPicture layer, double available) {
            int scale = MapLayout.magnification(Math.max(layer.height(), layer.width()));
            cellWidth = layer.width() * scale;
            cellHeight = layer.height() * scale;
            columns =
                    MapLayout.columns(
                            layer.maps(), cellWidth, MapLayout.GAP, available - 2 * MARGIN);
            int rows = MapLayout.rows(layer.maps(), columns);
            setWidth(available);
            setHeight(2 * MARGIN + rows * (cellHeight + MapLayout.GAP) - MapLayout.GAP);
            GraphicsContext g = getGraphicsContext2D();
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setImageSmoothing(false);
            boolean shared = model.sharedScaleProperty().get();
            InsideViewModel.MapChoice chosen = model.selectedProperty().get();
            // every map into one image, drawn once: an image per map made as many textures a
            // second as there are maps, which cost the training's CPU time
            g.drawImage(mapsImage(layer, shared, scale, columns, rows), MARGIN - 1, MARGIN - 1);
            if (chosen != null && chosen.layer() == index && chosen.map() < layer.maps()) {
                int m = chosen.map();
                double x = MARGIN + (m % columns) * (cellWidth + MapLayout.GAP);
                double y = MARGIN + (m / columns) * (cellHeight + MapLayout.GAP);
                g.setStroke(SELECTED);
                g.setLineWidth(3);
                g.strokeRect(x - 2.5, y - 2.5, cellWidth + 5, cellHeight + 5);
            }
        }

        private void drawUnits(LayerPicture layer, double available) {
            int n = layer.width();
            int side = MapLayout.unitPixels(n);
            columns = MapLayout.columns(n, side, 1, available - 2 * MARGIN);
            int rows = MapLayout.rows(n, columns);
            cellWidth = 0;
            setWidth(available);
            setHeight(2 * MARGIN + rows * (side + 1) + 16);
            GraphicsContext g = getGraphicsContext2D();
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, getWidth(), getHeight());
            // one image drawn once: a thousand rectangles a second cost the training's CPU time
            g.drawImage(unitImage(layer, n, columns, rows, side), MARGIN, MARGIN);
            g.setFill(TEXT);
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(
                    String.format(
                            Locale.ROOT,
                            "%d units in rows of %d; black %.3g, white %.3g",
                            n,
                            columns,
                            layer.mapMin()[0],
                            layer.mapMax()[0]),
                    MARGIN,
                    getHeight() - 4);
        }

        private void drawClasses(LayerPicture layer, double available) {
            int n = layer.width();
            double row = 20;
            double label = 130;
            double barMax = Math.min(420, available - label - 80);
            cellWidth = 0;
            setWidth(available);
            setHeight(2 * MARGIN + n * row);
            GraphicsContext g = getGraphicsContext2D();
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setFont(Font.font(12));
            int top = layer.topClass();
            for (int c = 0; c < n; c++) {
                double y = MARGIN + c * row;
                g.setFill(TEXT);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(layer.classNames().get(c), label - 8, y + 14);
                double w = Math.max(1, layer.values()[c] * barMax);
                g.setFill(c == top ? SELECTED : Color.web("#9aa0a6"));
                g.fillRect(label, y + 3, w, row - 6);
                g.setFill(TEXT);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(
                        String.format(Locale.ROOT, "%.1f %%", 100 * layer.values()[c]),
                        label + w + 6,
                        y + 14);
            }
        }

        /** The map under (x, y), or −1. */
        int mapAt(double x, double y) {
            if (cellWidth <= 0) {
                return -1;
            }
            double cx = x - MARGIN;
            double cy = y - MARGIN;
            if (cx < 0 || cy < 0) {
                return -1;
            }
            int col = (int) (cx / (cellWidth + MapLayout.GAP));
            int row = (int) (cy / (cellHeight + MapLayout.GAP));
            if (col >= columns
                    || cx - col * (cellWidth + MapLayout.GAP) > cellWidth
                    || cy - row * (cellHeight + MapLayout.GAP) > cellHeight) {
                return -1;
            }
            return row * columns + col;
        }
    }

    private void drawInput() {
        InsideImage image = model.imageProperty().get();
        GraphicsContext g = input.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, input.getWidth(), input.getHeight());
        if (image == null) {
            inputCaption.setText("No image chosen yet.");
            return;
        }
        inputCaption.setText(image.caption());
        boolean colour = image.channels() == 3;
        double big = colour ? 128 : 196;
        int scale = Math.max(1, (int) Math.floor(big / Math.max(image.height(), image.width())));
        double w = image.width() * scale;
        double h = image.height() * scale;
        int small = Math.max(1, (int) Math.floor(90.0 / Math.max(image.height(), image.width())));
        input.setHeight(colour ? h + 8 + image.height() * small + 20 : h + 2);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, input.getWidth(), input.getHeight());
        g.setImageSmoothing(false);
        double x0 = colour ? 0 : (SIDE - w) / 2;
        g.drawImage(inputImage(image, -1), x0, 0, w, h);
        g.setStroke(FRAME);
        g.strokeRect(x0 - 0.5, 0.5, w + 1, h - 1);
        if (colour) {
            // the three channels the first layer reads, side by side under the colour picture
            String[] names = {"red", "green", "blue"};
            double sw = image.width() * small;
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.CENTER);
            for (int c = 0; c < 3; c++) {
                double x = c * (sw + 8);
                g.drawImage(inputImage(image, c), x, h + 8, sw, image.height() * small);
                g.setFill(TEXT);
                g.fillText(names[c], x + sw / 2, h + 8 + image.height() * small + 14);
            }
        }
    }

    private void drawEnlarged() {
        GraphicsContext g = enlarged.getGraphicsContext2D();
        double side = enlarged.getWidth();
        double height = enlarged.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, side, height);
        InsideViewModel.MapChoice chosen = model.selectedProperty().get();
        List<LayerPicture> layers = model.layersProperty().get();
        if (chosen == null || chosen.layer() >= layers.size()) {
            enlargedCaption.setText("");
            g.setFill(Color.web("#5f6368"));
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Click a feature map\nto see it here, large.", side / 2, height / 2);
            return;
        }
        LayerPicture layer = layers.get(chosen.layer());
        int pixel =
                (int)
                        Math.max(
                                1,
                                Math.floor(
                                        Math.min(side, height)
                                                / Math.max(layer.height(), layer.width())));
        double w = layer.width() * pixel;
        double h = layer.height() * pixel;
        g.setImageSmoothing(false);
        g.drawImage(
                mapImage(layer, chosen.map(), model.sharedScaleProperty().get()),
                (side - w) / 2,
                (height - h) / 2,
                w,
                h);
        enlargedCaption.setText(layer.title() + "\n" + layer.describeMap(chosen.map()));
    }

    /**
     * A layer's maps as one image: each map magnified {@code scale} times with a 1-pixel frame,
     * {@code columns} a row, {@link MapLayout#GAP} pixels apart, on the background.
     */
    private static WritableImage mapsImage(
            LayerPicture layer, boolean shared, int scale, int columns, int rows) {
        int gap = (int) MapLayout.GAP;
        int cw = layer.width() * scale;
        int ch = layer.height() * scale;
        int w = columns * (cw + gap) - gap + 2;
        int h = rows * (ch + gap) - gap + 2;
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, toArgb(BACKGROUND));
        int frame = toArgb(FRAME);
        for (int m = 0; m < layer.maps(); m++) {
            int x0 = 1 + (m % columns) * (cw + gap);
            int y0 = 1 + (m / columns) * (ch + gap);
            for (int x = x0 - 1; x <= x0 + cw; x++) {
                argb[(y0 - 1) * w + x] = frame;
                argb[(y0 + ch) * w + x] = frame;
            }
            for (int y = y0; y < y0 + ch; y++) {
                argb[y * w + x0 - 1] = frame;
                argb[y * w + x0 + cw] = frame;
            }
            for (int py = 0; py < layer.height(); py++) {
                for (int px = 0; px < layer.width(); px++) {
                    int v = layer.grey(m, py * layer.width() + px, shared);
                    int colour = 0xFF000000 | v << 16 | v << 8 | v;
                    for (int dy = 0; dy < scale; dy++) {
                        int row = (y0 + py * scale + dy) * w + x0 + px * scale;
                        java.util.Arrays.fill(argb, row, row + scale, colour);
                    }
                }
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        w,
                        h,
                        javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        argb,
                        0,
                        w);
        return img;
    }

    /** Units as {@code side}-pixel grey squares, {@code columns} a row, 1-pixel gaps. */
    private static WritableImage unitImage(
            LayerPicture layer, int n, int columns, int rows, int side) {
        int w = columns * (side + 1) - 1;
        int h = rows * (side + 1) - 1;
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, toArgb(BACKGROUND));
        for (int u = 0; u < n; u++) {
            int v = layer.grey(0, u, false);
            int colour = 0xFF000000 | v << 16 | v << 8 | v;
            int x0 = (u % columns) * (side + 1);
            int y0 = (u / columns) * (side + 1);
            for (int y = y0; y < y0 + side; y++) {
                java.util.Arrays.fill(argb, y * w + x0, y * w + x0 + side, colour);
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        w,
                        h,
                        javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        argb,
                        0,
                        w);
        return img;
    }

    private static int toArgb(Color c) {
        return 0xFF000000
                | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static WritableImage mapImage(LayerPicture layer, int map, boolean shared) {
        WritableImage img = new WritableImage(layer.width(), layer.height());
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < layer.height(); y++) {
            for (int x = 0; x < layer.width(); x++) {
                int v = layer.grey(map, y * layer.width() + x, shared);
                out.setArgb(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** The image in colour ({@code channel} −1) or one channel in grey. */
    private static WritableImage inputImage(InsideImage image, int channel) {
        WritableImage img = new WritableImage(image.width(), image.height());
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int v = channel < 0 ? -1 : image.level(channel, y, x);
                out.setArgb(
                        x, y, channel < 0 ? image.argb(y, x) : 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /** The canvases of the layers, in order (for the window's tests). */
    public List<? extends Canvas> layerCanvases() {
        return List.copyOf(canvases);
    }
}
