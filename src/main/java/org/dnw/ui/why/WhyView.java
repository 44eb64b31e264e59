package org.dnw.ui.why;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "Why?" part: a title ("Why did it say 5?"), a class chooser, the saliency map and Grad-CAM
 * over the image side by side, and a caption saying what the colours mean. Hidden while there is
 * nothing to explain.
 */
public final class WhyView extends VBox {

    /** The pictures' side on screen, about, in pixels (whole screen pixels per input pixel). */
    private static final double SIDE = 168;

    private final ImageView saliency = new ImageView();
    private final ImageView gradCam = new ImageView();
    private final ComboBox<String> classes = new ComboBox<>();
    private boolean updating;

    public WhyView(WhyViewModel model) {
        super(6);
        getStyleClass().add("why-view");
        setId("why-view");

        Label title = new Label();
        title.setId("why-title");
        title.getStyleClass().add("try-it-section");
        title.textProperty().bind(model.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label ask = new Label("Explain");
        ask.getStyleClass().add("try-it-hint");
        ask.setMinWidth(Region.USE_PREF_SIZE);
        classes.setId("why-class");
        classes.setItems(model.classes());
        classes.setVisibleRowCount(10);
        classes.setMinWidth(Region.USE_PREF_SIZE);
        classes.valueProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (!updating && now != null) {
                                model.choose(classes.getSelectionModel().getSelectedIndex());
                            }
                        });
        model.chosenProperty()
                .addListener(
                        (obs, was, now) -> {
                            updating = true;
                            classes.getSelectionModel().select(now.intValue());
                            updating = false;
                        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, ask, classes);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox left = picture(saliency, "Saliency: input gradients");
        VBox right = picture(gradCam, "Grad-CAM: last convolution layer");
        right.managedProperty().bind(model.gradCamProperty().isNotNull());
        right.visibleProperty().bind(right.managedProperty());
        HBox pictures = new HBox(12, left, right);
        pictures.setAlignment(Pos.TOP_LEFT);

        Label caption = new Label();
        caption.setId("why-caption");
        caption.getStyleClass().add("try-it-caption");
        caption.setWrapText(true);
        // the explanation is the point: the bars above scroll instead
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.textProperty().bind(model.captionProperty());
        Label message = new Label();
        message.setId("why-message");
        message.getStyleClass().add("try-it-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        getChildren().setAll(head, pictures, caption, message);
        managedProperty().bind(model.titleProperty().isNotEmpty());
        visibleProperty().bind(managedProperty());
        model.saliencyProperty().addListener((obs, was, now) -> show(saliency, now));
        model.gradCamProperty().addListener((obs, was, now) -> show(gradCam, now));
        show(saliency, model.saliencyProperty().get());
        show(gradCam, model.gradCamProperty().get());
    }

    private static VBox picture(ImageView view, String text) {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("input-preview");
        frame.setMinSize(SIDE, SIDE);
        frame.setPrefSize(SIDE, SIDE);
        frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label label = new Label(text);
        label.getStyleClass().add("try-it-hint");
        label.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, frame, label);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private static void show(ImageView view, WhyViewModel.Overlay o) {
        if (o == null) {
            view.setImage(null);
            return;
        }
        WritableImage image = new WritableImage(o.width(), o.height());
        image.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        o.width(),
                        o.height(),
                        PixelFormat.getIntArgbInstance(),
                        o.argb(),
                        0,
                        o.width());
        double scale = Math.max(1, Math.floor(SIDE / Math.max(o.width(), o.height())));
        view.setFitWidth(o.width() * scale);
        view.setFitHeight(o.height() * scale);
        view.setImage(image);
    }
}
