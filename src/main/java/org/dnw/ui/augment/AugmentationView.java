package org.dnw.ui.augment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.ImageSamples;
import org.dnw.ui.common.SliderField;

/**
 * The augmentation panel: a switch, the preview strip (each sample image as it is, above, and as
 * training would see it, below, magnified with square pixels), and one slider per augmentation.
 * Styles: {@code augment.css}.
 */
public final class AugmentationView extends BorderPane {

    /** Largest height on screen of one preview image, in pixels. */
    static final double MAX_IMAGE_PIXELS = 200;

    private static final double ROW_LABEL_WIDTH = 96;
    private static final double GAP = 10;
    private static final double CAPTION = 18;

    private final AugmentationViewModel model;
    private final Canvas canvas = new Canvas(400, 200);
    private final Pane canvasHolder = new Pane(canvas);
    private final Map<AugmentationControl, SliderField> fields =
            new EnumMap<>(AugmentationControl.class);
    private final CheckBox enabledBox = new CheckBox("Augment the training images");
    private final Button resetButton = new Button("Reset");
    private final Button newSampleButton = new Button("New sample");
    private int drawnImages;
    private int scale = 1;

    public AugmentationView(AugmentationViewModel model) {
        this.model = model;
        getStyleClass().add("augment-view");
        setPadding(new Insets(12, 14, 12, 14));

        Label title = new Label("Data augmentation");
        title.getStyleClass().add("augment-title");
        enabledBox.setId("augment-enabled");
        enabledBox.selectedProperty().bindBidirectional(model.enabledProperty());
        enabledBox.disableProperty().bind(model.statusProperty().map(s -> !s.applicable()));
        enabledBox.setTooltip(
                tooltip(
                        "Each training batch gets fresh random changes, so the network sees a"
                                + " slightly different picture every epoch and learns to ignore"
                                + " them. Validation and test images are never changed."));
        Label summary = new Label();
        summary.setId("augment-summary");
        summary.getStyleClass().add("augment-summary");
        summary.textProperty()
                .bind(model.statusProperty().map(AugmentationViewModel.Status::summary));
        summary.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        newSampleButton.setId("augment-new-sample");
        newSampleButton.setTooltip(tooltip("Shows other images with another random draw."));
        newSampleButton.setOnAction(e -> model.newSample());
        newSampleButton.disableProperty().bind(model.statusProperty().map(s -> !s.images()));
        resetButton.setId("augment-reset");
        resetButton.setTooltip(tooltip("Turns every augmentation back to 0."));
        resetButton.setOnAction(e -> model.reset());
        for (javafx.scene.control.Control c :
                List.of(title, enabledBox, newSampleButton, resetButton)) {
            c.setMinWidth(USE_PREF_SIZE);
        }
        HBox header = new HBox(14, title, enabledBox, spacer, newSampleButton, resetButton);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, header, summary);
        top.getStyleClass().add("augment-header");
        setTop(top);

        canvas.setId("augment-preview");
        Label message = new Label();
        message.setId("augment-message");
        message.getStyleClass().add("augment-message");
        message.setWrapText(true);
        message.textProperty()
                .bind(model.statusProperty().map(AugmentationViewModel.Status::message));
        message.visibleProperty().bind(model.statusProperty().map(s -> !s.message().isEmpty()));
        StackPane previewPane = new StackPane(canvasHolder, message);
        previewPane.getStyleClass().add("augment-preview");
        previewPane.setAlignment(Pos.CENTER_LEFT);
        previewPane.setMinHeight(120);
        canvasHolder.setMinWidth(0);
        canvasHolder.widthProperty().addListener((obs, was, now) -> redraw());

        TilePane sliders = new TilePane(28, 6);
        sliders.getStyleClass().add("augment-sliders");
        sliders.setPrefTileWidth(420);
        sliders.setTileAlignment(Pos.CENTER_LEFT);
        for (AugmentationControl control : AugmentationControl.values()) {
            SliderField field =
                    control.decimals() == 0
                            ? SliderField.ofRange(
                                    control.label(), (int) control.min(), (int) control.max())
                            : SliderField.ofDecimals(
                                    control.label(),
                                    control.min(),
                                    control.max(),
                                    control.step(),
                                    control.min(),
                                    control.max(),
                                    control.decimals());
            field.setId("augment-" + control.name().toLowerCase(java.util.Locale.ROOT));
            Tooltip tip = tooltip(control.explanation());
            field.label().setTooltip(tip);
            field.slider().setTooltip(tip);
            field.setPrefWidth(420);
            field.setValue(model.value(control));
            field.setOnEdit(v -> model.set(control, v));
            field.disableProperty()
                    .bind(
                            Bindings.createBooleanBinding(
                                    () ->
                                            !model.enabledProperty().get()
                                                    || !model.statusProperty().get().applicable(),
                                    model.enabledProperty(),
                                    model.statusProperty()));
            fields.put(control, field);
            sliders.getChildren().add(field);
        }
        model.specProperty().addListener((obs, was, now) -> showValues(now));

        Label slidersTitle = new Label("Random changes to each training image, in this order");
        slidersTitle.getStyleClass().add("augment-section-title");
        Label note =
                new Label(
                        "Only the training images are changed, with fresh random draws in every"
                                + " epoch. The validation images you tune on and the test images"
                                + " stay as they are. Whether it helped shows in the robustness"
                                + " check: compare a run trained with augmentation to one"
                                + " without.");
        note.getStyleClass().add("augment-note");
        note.setWrapText(true);
        VBox center = new VBox(10, previewPane, slidersTitle, sliders, note);
        center.setPadding(new Insets(10, 0, 0, 0));
        setCenter(center);

        model.previewProperty().addListener((obs, was, now) -> redraw());
        redraw();
    }

    private static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(20));
        return tip;
    }

    private void showValues(AugmentationSpec spec) {
        for (Map.Entry<AugmentationControl, SliderField> e : fields.entrySet()) {
            e.getValue().setValue(e.getKey().valueIn(spec));
        }
    }

    private void redraw() {
        AugmentationPreview p = model.getPreview();
        GraphicsContext g = canvas.getGraphicsContext2D();
        drawnImages = 0;
        if (p == null || p.size() == 0) {
            canvas.setWidth(Math.max(1, canvasHolder.getWidth()));
            canvas.setHeight(120);
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        ImageSamples originals = p.originals();
        ImageSamples augmented = p.augmented();
        int n = p.size();
        int w = originals.width();
        int h = originals.height();
        double available = Math.max(300, canvasHolder.getWidth());
        int fit = (int) Math.floor((available - ROW_LABEL_WIDTH - (n - 1) * GAP) / (n * w));
        int tallest = (int) Math.floor(MAX_IMAGE_PIXELS / Math.max(w, h));
        scale = Math.max(1, Math.min(fit, tallest));
        double cell = w * scale;
        double rowHeight = h * scale;
        double width = ROW_LABEL_WIDTH + n * cell + (n - 1) * GAP;
        double height = CAPTION + 2 * rowHeight + GAP + 2;
        canvas.setWidth(width + 2);
        canvas.setHeight(height);
        canvasHolder.setPrefHeight(height);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setImageSmoothing(false);

        g.setFill(Color.web("#3c4043"));
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("original", 0, CAPTION + rowHeight / 2 + 4);
        g.fillText(
                p.spec().isActive() ? "augmented" : "as trained",
                0,
                CAPTION + rowHeight * 1.5 + GAP + 4);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < n; i++) {
            double x = ROW_LABEL_WIDTH + i * (cell + GAP);
            g.setFill(Color.web("#5f6368"));
            g.fillText(className(originals, i), x + cell / 2, CAPTION - 5, cell);
            draw(g, originals, i, x, CAPTION, scale);
            draw(g, augmented, i, x, CAPTION + rowHeight + GAP, scale);
            drawnImages++;
        }
    }

    private static String className(ImageSamples images, int i) {
        int label = images.labels()[i];
        return label < images.classNames().size() ? images.classNames().get(label) : "";
    }

    private static void draw(
            GraphicsContext g, ImageSamples images, int index, double x, double y, int scale) {
        g.drawImage(image(images, index), x, y, images.width() * scale, images.height() * scale);
        g.setStroke(Color.web("#9aa0a6"));
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, images.width() * scale + 1, images.height() * scale + 1);
    }

    private static WritableImage image(ImageSamples images, int index) {
        int w = images.width();
        int h = images.height();
        int plane = w * h;
        int base = index * images.imageBytes();
        byte[] px = images.pixels();
        boolean colour = images.channels() >= 3;
        WritableImage img = new WritableImage(w, h);
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = base + y * w + x;
                int r = px[at] & 0xFF;
                int gr = colour ? px[at + plane] & 0xFF : r;
                int b = colour ? px[at + 2 * plane] & 0xFF : r;
                out.setArgb(x, y, 0xFF000000 | (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    /** The canvas of the preview strip. */
    public Canvas previewCanvas() {
        return canvas;
    }

    /** Images drawn per row by the last repaint. */
    public int drawnImageCount() {
        return drawnImages;
    }

    /** Screen pixels per image pixel in the last repaint. */
    public int pixelScale() {
        return scale;
    }

    /** The slider field of one control. */
    public SliderField field(AugmentationControl control) {
        return fields.get(control);
    }

    public CheckBox enabledBox() {
        return enabledBox;
    }

    public Button resetButton() {
        return resetButton;
    }

    public Button newSampleButton() {
        return newSampleButton;
    }
}
