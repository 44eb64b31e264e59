package org.dnw.ui.architecture;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dnw.spec.ModelSpec;

/**
 * The network diagram under the layer cards: redrawn a moment after the cards stop changing (only
 * while it is shown), shrunk to the pane's width down to {@link #MIN_SCALE} and scrolled beyond,
 * with Export PNG… and SVG…. A network that cannot work shows the sentence instead.
 */
final class DiagramView extends VBox {

    /** Edits come in bursts (a slider drag): the diagram waits this long after the last one. */
    static final Duration DEBOUNCE = Duration.millis(250);

    /** Below this the labels become hard to read: the pane scrolls instead. */
    private static final double MIN_SCALE = 0.8;

    private final DiagramViewModel viewModel;
    private final ObservableValue<ModelSpec> spec;
    private final PauseTransition wait = new PauseTransition(DEBOUNCE);
    private final ImageView image = new ImageView();
    private final ScrollPane scroller = new ScrollPane();

    DiagramView(DiagramViewModel viewModel, ObservableValue<ModelSpec> spec) {
        this.viewModel = viewModel;
        this.spec = spec;
        getStyleClass().add("diagram-view");
        setId("diagram-view");

        Label title = new Label("Diagram");
        title.getStyleClass().add("diagram-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label export = new Label("Export");
        export.getStyleClass().add("muted");
        export.setMinWidth(Region.USE_PREF_SIZE);
        Button png = new Button("PNG…");
        png.setId("diagram-export-png");
        png.setMinWidth(Region.USE_PREF_SIZE);
        png.setOnAction(e -> viewModel.export(DiagramViewModel.Format.PNG));
        png.setTooltip(new Tooltip("Export PNG…: save the diagram as a picture"));
        Button svg = new Button("SVG…");
        svg.setId("diagram-export-svg");
        svg.setMinWidth(Region.USE_PREF_SIZE);
        svg.setOnAction(e -> viewModel.export(DiagramViewModel.Format.SVG));
        svg.setTooltip(
                new Tooltip("Export SVG…: save the diagram as a drawing, sharp at any size"));
        png.disableProperty().bind(viewModel.pictureProperty().isNull());
        svg.disableProperty().bind(viewModel.pictureProperty().isNull());
        HBox bar = new HBox(title, spacer, export, png, svg);
        bar.getStyleClass().add("diagram-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("diagram-problem");
        problem.getStyleClass().add("network-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.setId("diagram-image");
        StackPane holder = new StackPane(image);
        holder.setAlignment(Pos.TOP_LEFT);
        scroller.setContent(holder);
        scroller.getStyleClass().add("diagram-scroller");
        scroller.setFitToHeight(false);
        scroller.visibleProperty().bind(viewModel.pictureProperty().isNotNull());
        scroller.managedProperty().bind(scroller.visibleProperty());
        VBox.setVgrow(scroller, Priority.ALWAYS);
        getChildren().addAll(bar, problem, scroller);

        viewModel.pictureProperty().addListener((obs, old, now) -> showPicture(now));
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> fit());
        wait.setOnFinished(e -> viewModel.show(spec.getValue()));
        spec.addListener(
                (obs, old, now) -> {
                    if (isVisible()) {
                        wait.playFromStart();
                    }
                });
        visibleProperty()
                .addListener(
                        (obs, old, shown) -> {
                            if (shown) {
                                viewModel.show(spec.getValue());
                            } else {
                                wait.stop();
                            }
                        });
    }

    /** Draws the current spec now (when the pane is first shown). */
    void refresh() {
        viewModel.show(spec.getValue());
    }

    private void showPicture(DiagramViewModel.Picture p) {
        if (p == null) {
            image.setImage(null);
            return;
        }
        WritableImage fx = new WritableImage(p.width(), p.height());
        fx.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        p.width(),
                        p.height(),
                        PixelFormat.getIntArgbInstance(),
                        p.argb(),
                        0,
                        p.width());
        image.setImage(fx);
        Tooltip.install(image, new Tooltip(p.title()));
        fit();
    }

    private void fit() {
        if (image.getImage() == null) {
            return;
        }
        double available = scroller.getViewportBounds().getWidth() - 4;
        double width = image.getImage().getWidth();
        double scale = available > 0 ? Math.min(1, Math.max(MIN_SCALE, available / width)) : 1;
        image.setFitWidth(width * scale);
    }
}
