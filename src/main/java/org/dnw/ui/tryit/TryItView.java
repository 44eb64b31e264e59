package org.dnw.ui.tryit;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
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

    /** Pixels of the preview per input pixel, at most. */
    private static final double PREVIEW_SIDE = 168;

    private final TryItViewModel model;
    private final DrawingPad pad;
    private final Canvas preview = new Canvas(PREVIEW_SIDE, PREVIEW_SIDE);
    private final VBox bars = new VBox(4);
    private final Button clearButton = new Button("Clear");
    private final Button openButton = new Button("Open image…");

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
        network.textProperty().bind(model.networkTextProperty());
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
        for (Button b : List.of(clearButton, openButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label keys = new Label("Delete clears · drop an image file on the pad");
        keys.getStyleClass().add("try-it-hint");
        keys.setWrapText(true);
        HBox buttons = new HBox(8, clearButton, openButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, pad, buttons, keys);
        VBox.setVgrow(pad, Priority.ALWAYS);
        left.setMinWidth(240);
        left.setPrefWidth(440);
        left.setMaxWidth(560);

        preview.setId("try-it-preview");
        StackPane previewFrame = new StackPane(preview);
        previewFrame.getStyleClass().add("input-preview");
        previewFrame.setMinSize(PREVIEW_SIDE + 4, PREVIEW_SIDE + 4);
        previewFrame.setMaxSize(PREVIEW_SIDE + 4, PREVIEW_SIDE + 4);
        Label seesTitle = new Label("What the network sees");
        seesTitle.getStyleClass().add("try-it-section");
        Label caption = new Label();
        caption.setId("try-it-input-caption");
        caption.getStyleClass().add("try-it-caption");
        caption.textProperty().bind(model.inputCaptionProperty());
        caption.setWrapText(true);
        VBox captionBox = new VBox(4, seesTitle, caption);
        HBox.setHgrow(captionBox, Priority.ALWAYS);
        HBox sees = new HBox(12, previewFrame, captionBox);
        sees.setAlignment(Pos.TOP_LEFT);

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
        bars.setFillWidth(true);
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
        answer.setMinHeight(120);
        VBox.setVgrow(answer, Priority.ALWAYS);

        Label message = new Label();
        message.setId("try-it-message");
        message.getStyleClass().add("try-it-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        VBox right = new VBox(10, sees, predictionTitle, headline, message, answer);
        right.setMinWidth(260);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox centre = new HBox(20, left, right);
        setCenter(centre);

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
        double cell = Math.max(1, Math.floor(PREVIEW_SIDE / Math.max(p.width(), p.height())));
        double x0 = (PREVIEW_SIDE - cell * p.width()) / 2;
        double y0 = (PREVIEW_SIDE - cell * p.height()) / 2;
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
        List<Node> rows = new ArrayList<>();
        for (ClassProbability p : model.predictions()) {
            rows.add(row(p));
        }
        bars.getChildren().setAll(rows);
    }

    private static Node row(ClassProbability p) {
        Label name = new Label(p.className());
        name.getStyleClass().add("class-name");
        name.setMinWidth(110);
        name.setPrefWidth(130);
        name.setAlignment(Pos.CENTER_RIGHT);
        ProbabilityBar bar = new ProbabilityBar(p.probability());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label percent = new Label(p.percentText());
        percent.getStyleClass().add("class-percent");
        percent.setMinWidth(64);
        percent.setAlignment(Pos.CENTER_RIGHT);
        HBox row = new HBox(8, name, bar, percent);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("prediction-row");
        if (p.top()) {
            row.getStyleClass().add("top-class");
        }
        row.setId("prediction-" + p.classIndex());
        return row;
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
            setMinSize(220, 220);
            setPrefSize(400, 400);
            setMaxSize(560, 560);

            canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
            canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> model.endStroke());
            canvas.setOnDragOver(this::dragOver);
            canvas.setOnDragDropped(this::dropped);

            model.strokes().addListener((ListChangeListener<Stroke>) c -> redraw());
            model.pictureProperty().addListener((obs, was, now) -> redraw());
            model.padHintProperty().addListener((obs, was, now) -> redraw());
        }

        private double scale() {
            return canvas.getWidth() / TryItViewModel.PAD_SIZE;
        }

        private void pressed(MouseEvent e) {
            canvas.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                model.beginStroke(e.getX() / scale(), e.getY() / scale());
            }
        }

        private void dragged(MouseEvent e) {
            if (e.isPrimaryButtonDown()) {
                model.extendStroke(e.getX() / scale(), e.getY() / scale());
            }
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
        protected double computePrefHeight(double width) {
            return width > 0 ? Math.min(getMaxHeight(), width) : super.computePrefHeight(width);
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
                g.fillText(model.padHintProperty().get(), side / 2, side / 2);
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
