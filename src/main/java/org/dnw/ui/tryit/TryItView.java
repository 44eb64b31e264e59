package org.dnw.ui.tryit;

import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.dnw.data.DigitPreprocessor.Prepared;
import org.dnw.ui.why.WhyView;

/**
 * The Try-it tab: a black drawing pad (white round pen, as MNIST digits look) with Clear and Open
 * image…, beside it what the network sees (the prepared input, magnified with square pixels), and
 * the network's classes as horizontal bars with their probabilities, the most probable first and
 * highlighted. Delete or Backspace clears the pad; an image file dropped on the pad is classified
 * instead of the drawing.
 */
public final class TryItView extends BorderPane {

    /** This view's styles, until the lead merges them into the window's stylesheet. */
    public static final String STYLESHEET = "/org/dnw/ui/inspect.css";

    /** The preview's smallest side on screen, in pixels. */
    private static final double PREVIEW_SIDE = 140;

    /** The preview's largest side on screen, in pixels. */
    private static final double MAX_PREVIEW = 252;

    /** The pad's largest side on screen, in pixels. */
    private static final double MAX_PAD = 560;

    private final TryItViewModel model;
    private final DrawingPad pad;
    private final Canvas preview = new Canvas(PREVIEW_SIDE, PREVIEW_SIDE);
    private final GridPane bars = new GridPane();
    private final Button clearButton = new Button("Clear");
    private final Button openButton = new Button("Open image…");
    private final Button insideButton = new Button("Show inside");

    public TryItView(TryItViewModel model) {
        this.model = model;
        getStyleClass().add("try-it-view");
        setPadding(new Insets(12, 14, 12, 14));
        pad = new DrawingPad(model);

        Label title = new Label("Try it");
        title.getStyleClass().add("try-it-title");
        Label network = new Label();
        network.setId("try-it-network");
        network.getStyleClass().add("try-it-network");
        network.textProperty()
                .bind(model.networkProperty().map(TryItViewModel.NetworkDescription::text));
        network.setWrapText(true);
        HBox top = new HBox(14, title, network);
        top.setAlignment(Pos.BASELINE_LEFT);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        clearButton.setId("try-it-clear");
        clearButton.setOnAction(e -> model.clear());
        clearButton.setTooltip(new Tooltip("Clear the pad (Delete or Backspace)"));
        openButton.setId("try-it-open");
        openButton.setOnAction(e -> model.openImage());
        openButton.setTooltip(new Tooltip("Classify an image file instead of a drawing"));
        insideButton.setId("try-it-inside");
        insideButton.setOnAction(e -> model.showInside());
        insideButton.disableProperty().bind(model.blankProperty());
        insideButton.setTooltip(
                new Tooltip("See every layer's output for this picture on the Inside tab"));
        for (Button b : List.of(clearButton, openButton, insideButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label keys = new Label("Delete clears · drop an image file on the pad");
        keys.getStyleClass().add("try-it-hint");
        keys.setWrapText(true);
        HBox buttons = new HBox(8, clearButton, openButton, insideButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, pad, buttons, keys);
        left.setMinWidth(Region.USE_PREF_SIZE);

        preview.setId("try-it-preview");
        StackPane previewFrame = new StackPane(preview);
        previewFrame.getStyleClass().add("input-preview");
        previewFrame.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        previewFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label seesTitle = new Label("What the network sees");
        seesTitle.getStyleClass().add("try-it-section");
        Label caption = new Label();
        caption.setId("try-it-input-caption");
        caption.getStyleClass().add("try-it-caption");
        caption.textProperty()
                .bind(model.networkProperty().map(TryItViewModel.NetworkDescription::inputCaption));
        caption.setWrapText(true);
        HBox.setHgrow(caption, Priority.ALWAYS);
        HBox previewRow = new HBox(12, previewFrame, caption);
        previewRow.setAlignment(Pos.TOP_LEFT);
        VBox sees = new VBox(6, seesTitle, previewRow);

        Label predictionTitle = new Label("The network's answer");
        predictionTitle.getStyleClass().add("try-it-section");
        Label headline = new Label();
        headline.setId("try-it-headline");
        headline.getStyleClass().add("prediction-headline");
        headline.textProperty().bind(model.headlineProperty());
        headline.managedProperty().bind(headline.textProperty().isNotEmpty());
        headline.visibleProperty().bind(headline.managedProperty());

        bars.setId("try-it-bars");
        bars.getStyleClass().add("prediction-bars");
        bars.setHgap(10);
        bars.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.RIGHT);
        ColumnConstraints barColumn = new ColumnConstraints();
        barColumn.setHgrow(Priority.ALWAYS);
        barColumn.setMinWidth(60);
        ColumnConstraints percents = new ColumnConstraints();
        percents.setHalignment(HPos.RIGHT);
        percents.setMinWidth(64);
        bars.getColumnConstraints().setAll(names, barColumn, percents);
        ScrollPane barScroll = new ScrollPane(bars);
        barScroll.setFitToWidth(true);
        barScroll.getStyleClass().add("prediction-scroll");
        barScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label noNetwork = new Label();
        noNetwork.setId("try-it-placeholder");
        noNetwork.getStyleClass().add("try-it-placeholder");
        noNetwork.textProperty().bind(model.placeholderProperty());
        noNetwork.setWrapText(true);
        noNetwork.setTextAlignment(TextAlignment.CENTER);
        noNetwork.setMaxWidth(380);
        var noUsableNetwork = model.placeholderProperty().isNotEmpty();
        noNetwork.visibleProperty().bind(noUsableNetwork);
        barScroll.visibleProperty().bind(noUsableNetwork.not());
        StackPane answer = new StackPane(barScroll, noNetwork);
        StackPane.setAlignment(noNetwork, Pos.TOP_CENTER);
        answer.setMinHeight(120);
        VBox.setVgrow(answer, Priority.ALWAYS);

        Label message = new Label();
        message.setId("try-it-message");
        message.getStyleClass().add("try-it-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        WhyView why = new WhyView(model.why());
        VBox right = new VBox(10, sees, predictionTitle, headline, message, answer, why);
        right.setMinWidth(260);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMaxWidth(640);
        HBox centre = new HBox(20, left, right);
        // The pad is the largest square that leaves room for the answer beside it and the
        // buttons below it.
        left.prefWidthProperty()
                .bind(
                        javafx.beans.binding.Bindings.createDoubleBinding(
                                () ->
                                        Math.max(
                                                240,
                                                Math.min(
                                                        MAX_PAD,
                                                        Math.min(
                                                                centre.getWidth() * 0.48,
                                                                centre.getHeight() - 80))),
                                centre.widthProperty(),
                                centre.heightProperty()));
        setCenter(centre);
        // The preview grows with the pad, in whole screen pixels per input pixel.
        left.widthProperty()
                .addListener(
                        (obs, was, now) -> {
                            double side =
                                    Math.max(
                                            PREVIEW_SIDE,
                                            Math.min(
                                                    MAX_PREVIEW,
                                                    Math.floor(now.doubleValue() * 0.4 / 28) * 28));
                            if (preview.getWidth() != side) {
                                preview.setWidth(side);
                                preview.setHeight(side);
                                drawPreview();
                            }
                        });

        model.preparedProperty().addListener((obs, was, now) -> drawPreview());
        model.predictions().addListener((ListChangeListener<ClassProbability>) c -> rebuildBars());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        drawPreview();
        rebuildBars();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.clear();
            e.consume();
        }
    }

    private void drawPreview() {
        Prepared p = model.getPrepared();
        GraphicsContext g = preview.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, preview.getWidth(), preview.getHeight());
        if (p == null) {
            return;
        }
        double side = preview.getWidth();
        double cell = Math.max(1, Math.floor(side / Math.max(p.width(), p.height())));
        double x0 = Math.floor((side - cell * p.width()) / 2);
        double y0 = Math.floor((side - cell * p.height()) / 2);
        boolean colour = p.channels() >= 3;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                int r = p.pixel(0, y, x);
                int gr = colour ? p.pixel(1, y, x) : r;
                int b = colour ? p.pixel(2, y, x) : r;
                if ((r | gr | b) == 0) {
                    continue;
                }
                g.setFill(Color.rgb(r, gr, b));
                g.fillRect(x0 + x * cell, y0 + y * cell, cell, cell);
            }
        }
    }

    private void rebuildBars() {
        bars.getChildren().clear();
        int row = 0;
        for (ClassProbability p : model.predictions()) {
            Label name = new Label(p.className());
            name.getStyleClass().add("class-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            ProbabilityBar bar = new ProbabilityBar(p.probability());
            Label percent = new Label(p.percentText());
            percent.getStyleClass().add("class-percent");
            percent.setMinWidth(Region.USE_PREF_SIZE);
            for (Node n : List.of(name, bar, percent)) {
                n.getStyleClass().add("prediction-row");
                if (p.top()) {
                    n.getStyleClass().add("top-class");
                }
            }
            name.setId("prediction-" + p.classIndex());
            bars.addRow(row++, name, bar, percent);
        }
    }

    public Canvas padCanvas() {
        return pad.canvas;
    }

    public Button clearButton() {
        return clearButton;
    }

    public Button openButton() {
        return openButton;
    }

    /** A horizontal bar whose fill is {@code share} of its width. */
    private static final class ProbabilityBar extends Region {
        private final Region fill = new Region();
        private final double share;

        ProbabilityBar(double share) {
            this.share = share;
            getStyleClass().add("probability-track");
            fill.getStyleClass().add("probability-fill");
            getChildren().add(fill);
            setMinHeight(18);
            setPrefHeight(20);
            setMinWidth(60);
            setPrefWidth(240);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            double h = getHeight() - snappedTopInset() - snappedBottomInset();
            // a sliver even for tiny shares, so that every class visibly has a bar
            double width = share <= 0 ? 0 : Math.max(2, w * share);
            fill.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, h);
        }
    }

    /**
     * The square pad: as large as its area allows, strokes in pad units scaled to the screen, a
     * dropped or opened picture drawn to fit.
     */
    private static final class DrawingPad extends Region {
        private final TryItViewModel model;
        private final Canvas canvas = new Canvas(336, 336);
        private WritableImage pictureImage;
        private Picture shownPicture;

        DrawingPad(TryItViewModel model) {
            this.model = model;
            getStyleClass().add("drawing-pad");
            canvas.setId("try-it-pad");
            canvas.setFocusTraversable(true);
            getChildren().add(canvas);
            setMinSize(200, 200);
            setMaxSize(MAX_PAD, MAX_PAD);

            canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            canvas.addEventHandler(
                    MouseEvent.MOUSE_RELEASED,
                    e -> {
                        model.endStroke();
                        e.consume();
                    });
            canvas.setOnDragOver(this::dragOver);
            canvas.setOnDragDropped(this::dropped);

            model.strokes().addListener((ListChangeListener<Stroke>) c -> redraw());
            model.pictureProperty().addListener((obs, was, now) -> redraw());
            model.networkProperty()
                    .map(TryItViewModel.NetworkDescription::padHint)
                    .addListener((obs, was, now) -> redraw());
        }

        private double scale() {
            return canvas.getWidth() / TryItViewModel.PAD_SIZE;
        }

        private void pressed(MouseEvent e) {
            canvas.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                model.beginStroke(e.getX() / scale(), e.getY() / scale());
            }
            // A tab pane around the view would take the focus on this press, and with it the
            // Delete key that clears the pad.
            e.consume();
        }

        private void dragged(MouseEvent e) {
            if (e.isPrimaryButtonDown()) {
                model.extendStroke(e.getX() / scale(), e.getY() / scale());
            }
            e.consume();
        }

        private void dragOver(DragEvent e) {
            if (e.getDragboard().hasFiles()
                    && e.getDragboard().getFiles().stream()
                            .anyMatch(f -> TryItViewModel.canOpen(f.toPath()))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        }

        private void dropped(DragEvent e) {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                for (File f : e.getDragboard().getFiles()) {
                    if (TryItViewModel.canOpen(f.toPath())) {
                        model.openImage(f.toPath());
                        done = true;
                        break;
                    }
                }
            }
            e.setDropCompleted(done);
            e.consume();
        }

        @Override
        protected void layoutChildren() {
            double side =
                    Math.floor(
                            Math.max(
                                    100,
                                    Math.min(
                                            getWidth() - snappedLeftInset() - snappedRightInset(),
                                            getHeight()
                                                    - snappedTopInset()
                                                    - snappedBottomInset())));
            if (canvas.getWidth() != side) {
                canvas.setWidth(side);
                canvas.setHeight(side);
                redraw();
            }
            canvas.relocate(snappedLeftInset(), snappedTopInset());
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefWidth(double height) {
            return 400;
        }

        @Override
        protected double computePrefHeight(double width) {
            return width > 0 ? Math.min(MAX_PAD, width) : 400;
        }

        @Override
        protected double computeMinHeight(double width) {
            return width > 0 ? Math.min(MAX_PAD, width) : 200;
        }

        private void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double side = canvas.getWidth();
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, side, side);
            Picture p = model.pictureProperty().get();
            if (p != null) {
                drawPicture(g, p, side);
                return;
            }
            if (model.strokes().isEmpty()) {
                g.setFill(Color.gray(0.62));
                g.setFont(Font.font(Math.max(13, side / 26)));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(model.networkProperty().get().padHint(), side / 2, side / 2);
                return;
            }
            double s = scale();
            double width = TryItViewModel.PEN_WIDTH * s;
            g.setStroke(Color.WHITE);
            g.setFill(Color.WHITE);
            g.setLineWidth(width);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineJoin(StrokeLineJoin.ROUND);
            for (Stroke stroke : model.strokes()) {
                double[] xy = stroke.smoothed();
                if (xy.length == 2) {
                    g.fillOval(xy[0] * s - width / 2, xy[1] * s - width / 2, width, width);
                    continue;
                }
                g.beginPath();
                g.moveTo(xy[0] * s, xy[1] * s);
                for (int i = 2; i < xy.length; i += 2) {
                    g.lineTo(xy[i] * s, xy[i + 1] * s);
                }
                g.stroke();
            }
        }

        private void drawPicture(GraphicsContext g, Picture p, double side) {
            if (shownPicture != p) {
                shownPicture = p;
                pictureImage = new WritableImage(p.width(), p.height());
                pictureImage
                        .getPixelWriter()
                        .setPixels(
                                0,
                                0,
                                p.width(),
                                p.height(),
                                PixelFormat.getIntArgbInstance(),
                                p.argb(),
                                0,
                                p.width());
            }
            double fit = Math.min(side / p.width(), side / p.height());
            double w = p.width() * fit;
            double h = p.height() * fit;
            // transparent parts are read as white paper: show them so
            g.setFill(Color.WHITE);
            g.fillRect((side - w) / 2, (side - h) / 2, w, h);
            g.drawImage(pictureImage, (side - w) / 2, (side - h) / 2, w, h);
        }
    }
}
