package org.dnw.ui.data;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The samples of the loaded set: a strip of images by class or shuffled, or the first rows of a
 * table with its feature names.
 */
final class SamplesSection extends VBox {

    private final DataViewModel model;
    private final FlowPane strip = new FlowPane(8, 8);
    private final TableView<List<String>> table = new TableView<>();
    private final javafx.beans.property.BooleanProperty wideTable =
            new javafx.beans.property.SimpleBooleanProperty();
    private double imageSize = DataView.NARROW_IMAGE;

    SamplesSection(DataViewModel model) {
        super(8);
        this.model = model;
        Label title = new Label("Samples");
        title.getStyleClass().add("data-section-title");
        ToggleGroup mode = new ToggleGroup();
        ToggleButton byClass = new ToggleButton("By class");
        byClass.setId("samples-by-class");
        byClass.setToggleGroup(mode);
        byClass.setTooltip(new Tooltip("The first samples of each class, in class order."));
        byClass.setOnAction(
                e -> {
                    model.showByClass();
                    byClass.setSelected(true);
                });
        ToggleButton shuffle = new ToggleButton("Shuffle");
        shuffle.setId("samples-shuffle");
        shuffle.setToggleGroup(mode);
        shuffle.setTooltip(new Tooltip("Other random samples, a new draw on every click."));
        shuffle.setOnAction(
                e -> {
                    model.shuffle();
                    shuffle.setSelected(true);
                });
        byClass.getStyleClass().addAll("segment");
        shuffle.getStyleClass().addAll("segment");
        HBox segmented = new HBox(byClass, shuffle);
        segmented.getStyleClass().add("segmented");
        Runnable syncMode =
                () -> (model.shuffledProperty().get() ? shuffle : byClass).setSelected(true);
        model.shuffledProperty().addListener((obs, old, now) -> syncMode.run());
        syncMode.run();
        Label caption = new Label();
        caption.getStyleClass().add("samples-caption");
        caption.textProperty().bind(model.samplesCaptionProperty());
        HBox head = new HBox(12, title, segmented, caption);
        head.setAlignment(Pos.CENTER_LEFT);

        strip.setId("sample-strip");
        strip.getStyleClass().add("sample-strip");
        // Wrap at the width the section gets, so that a wide tab shows more samples per row.
        strip.prefWrapLengthProperty().bind(widthProperty().subtract(4));
        strip.managedProperty().bind(Bindings.isNotEmpty(model.tiles()));
        strip.visibleProperty().bind(strip.managedProperty());
        model.tiles().addListener((ListChangeListener<SampleTile>) c -> rebuildStrip());

        table.setId("table-preview");
        table.getStyleClass().add("table-preview");
        table.setFixedCellSize(26);
        table.setFocusTraversable(false);
        table.setItems(model.tableRows());
        table.managedProperty().bind(Bindings.isNotEmpty(model.tableRows()));
        table.visibleProperty().bind(table.managedProperty());
        table.prefHeightProperty()
                .bind(
                        Bindings.size(model.tableRows())
                                .multiply(26)
                                .add(66)
                                .add(Bindings.when(wideTable).then(18).otherwise(0)));
        table.minHeightProperty().bind(table.prefHeightProperty());
        model.tableColumns().addListener((ListChangeListener<String>) c -> rebuildColumns());

        Label features = new Label();
        features.setId("feature-names");
        features.getStyleClass().add("feature-names");
        features.setWrapText(true);
        features.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.getLoaded() == null || model.getLoaded().isImages()
                                                ? ""
                                                : "Features: "
                                                        + String.join(
                                                                ", ",
                                                                model.getLoaded().featureNames()),
                                model.loadedProperty()));
        features.managedProperty().bind(features.textProperty().isNotEmpty());
        features.visibleProperty().bind(features.managedProperty());

        getChildren().addAll(head, strip, features, table);
        getStyleClass().add("data-section");
        HBox.setHgrow(this, Priority.ALWAYS);
    }

    FlowPane strip() {
        return strip;
    }

    TableView<List<String>> table() {
        return table;
    }

    /** Side length, in pixels, at which the strip draws the larger side of each image. */
    double imageSize() {
        return imageSize;
    }

    /** Draws the samples again at {@code size} pixels. */
    void setImageSize(double size) {
        imageSize = size;
        rebuildStrip();
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        List<String> names = model.tableColumns();
        // A few features share the width; many scroll sideways (room kept for the scroll bar).
        wideTable.set(names.size() > 12);
        table.setColumnResizePolicy(
                wideTable.get()
                        ? TableView.UNCONSTRAINED_RESIZE_POLICY
                        : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int i = 0; i < names.size(); i++) {
            int at = i;
            TableColumn<List<String>, String> column = new TableColumn<>();
            // Feature names such as "asymmetry coefficient" wrap in the header instead of
            // being cut to "asymm…".
            Label header = new Label(names.get(i));
            header.setWrapText(true);
            header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            header.setAlignment(Pos.CENTER);
            header.prefWidthProperty().bind(column.widthProperty().subtract(10));
            // Room for three lines: the header row takes its height from here.
            header.setMinHeight(50);
            header.getStyleClass().add("table-preview-header");
            column.setGraphic(header);
            column.setCellValueFactory(
                    row ->
                            new ReadOnlyStringWrapper(
                                    at < row.getValue().size() ? row.getValue().get(at) : ""));
            column.setSortable(false);
            column.setReorderable(false);
            boolean text = i == 0 || i == names.size() - 1;
            column.setStyle(text ? "-fx-alignment: CENTER-LEFT;" : "-fx-alignment: CENTER-RIGHT;");
            if (i == 0) {
                column.setMinWidth(40);
                column.setMaxWidth(52);
            } else {
                column.setMinWidth(Math.max(56, longestWordWidth(names.get(i)) + 14));
            }
            table.getColumns().add(column);
        }
    }

    /** Width of the longest word of {@code text}: a header never needs to break inside one. */
    static double longestWordWidth(String text) {
        javafx.scene.text.Font font =
                javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 13);
        double widest = 0;
        for (String word : text.strip().split("\\s+")) {
            widest = Math.max(widest, width(word, font));
        }
        return Math.ceil(widest);
    }

    private static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private void rebuildStrip() {
        List<Node> nodes = new java.util.ArrayList<>();
        for (SampleTile tile : model.tiles()) {
            nodes.add(tile(tile));
        }
        strip.getChildren().setAll(nodes);
    }

    private Node tile(SampleTile tile) {
        ImageView view = new ImageView(image(tile));
        int side = Math.max(tile.width(), tile.height());
        double scale = Math.max(1, Math.round(imageSize / side));
        if (side * scale > imageSize * 1.2) {
            scale = Math.max(1, scale - 1);
        }
        if (side * scale <= imageSize * 1.2) {
            // Small images are blown up by whole pixels, sharp, so that each pixel shows.
            view.setSmooth(false);
            view.setFitWidth(tile.width() * scale);
            view.setFitHeight(tile.height() * scale);
        } else {
            view.setSmooth(true);
            view.setPreserveRatio(true);
            view.setFitWidth(imageSize);
            view.setFitHeight(imageSize);
        }
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("sample-frame");
        frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        double width = Math.max(view.getFitWidth(), 56);
        Label caption = new Label(tile.labelText());
        caption.getStyleClass().add("sample-caption");
        caption.setWrapText(true);
        caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        caption.setAlignment(Pos.CENTER);
        caption.setMaxWidth(width);
        VBox box = new VBox(3, frame, caption);
        box.getStyleClass().add("sample-tile");
        box.setAlignment(Pos.TOP_CENTER);
        box.setPrefWidth(width + 10);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        Tooltip.install(
                box,
                new Tooltip(
                        "training sample #"
                                + (tile.sampleIndex() + 1)
                                + " · class "
                                + tile.label()
                                + ": "
                                + tile.labelText()
                                + " · "
                                + tile.channels()
                                + " × "
                                + tile.height()
                                + " × "
                                + tile.width()));
        return box;
    }

    private static WritableImage image(SampleTile tile) {
        WritableImage img = new WritableImage(tile.width(), tile.height());
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < tile.height(); y++) {
            for (int x = 0; x < tile.width(); x++) {
                out.setArgb(x, y, tile.argb(y, x));
            }
        }
        return img;
    }
}
