package org.dnw.ui.confusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.ui.common.Columns;
import org.dnw.ui.why.WhyView;

/**
 * The confusion matrix heat map beside the per-class metrics table, and below them the gallery of
 * the samples in the clicked cell with the network's probabilities.
 */
public final class ConfusionView extends BorderPane {

    private static final double THUMBNAIL = 96;

    private final ConfusionViewModel model;
    private final HeatMapPane heatMap;
    private final TableView<MetricsRow> table = new TableView<>();
    private final FlowPane galleryPane = new FlowPane(10, 10);

    public ConfusionView(ConfusionViewModel model) {
        this.model = model;
        this.heatMap = new HeatMapPane(model);
        getStyleClass().add("confusion-view");
        setPadding(new Insets(10, 12, 10, 12));

        Label summary = new Label();
        summary.setId("confusion-summary");
        summary.getStyleClass().add("confusion-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox shares = new CheckBox("Row percentages");
        shares.setId("row-shares-toggle");
        shares.setTooltip(new Tooltip("Show each cell as a share of its row (its true class)"));
        shares.selectedProperty().bindBidirectional(model.rowSharesProperty());
        shares.setMinWidth(Region.USE_PREF_SIZE);
        Button mistakes = new Button("Most confident mistakes");
        mistakes.setId("mistakes-button");
        mistakes.setOnAction(e -> model.selectMistakes());
        mistakes.setMinWidth(Region.USE_PREF_SIZE);
        mistakes.disableProperty().bind(model.reportProperty().isNull());
        shares.disableProperty().bind(model.reportProperty().isNull());
        HBox header = new HBox(16, summary, shares, mistakes);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));
        setTop(header);

        buildTable();
        HBox.setHgrow(heatMap, Priority.ALWAYS);
        HBox centre = new HBox(16, heatMap, table);
        setCenter(centre);

        Label galleryTitle = new Label();
        galleryTitle.setId("gallery-title");
        galleryTitle.getStyleClass().add("gallery-title");
        galleryTitle.textProperty().bind(model.galleryTitleProperty());
        galleryPane.setId("gallery");
        galleryPane.getStyleClass().add("sample-gallery");
        galleryPane.setPadding(new Insets(6));
        ScrollPane galleryScroll = new ScrollPane(galleryPane);
        galleryScroll.setFitToWidth(true);
        galleryScroll.setPrefViewportHeight(THUMBNAIL + 52);
        galleryScroll.setMinViewportHeight(THUMBNAIL + 52);
        galleryScroll.getStyleClass().add("gallery-scroll");
        VBox galleryBox = new VBox(4, galleryTitle, galleryScroll);
        HBox.setHgrow(galleryBox, Priority.ALWAYS);
        HBox bottom = new HBox(16, galleryBox);
        if (model.why() != null) {
            // "Why did it say 5?" beside the gallery, once an image is chosen
            WhyView why = new WhyView(model.why());
            why.setPrefWidth(400);
            why.setMaxWidth(420);
            why.setMinWidth(360);
            Label note = new Label();
            note.setId("gallery-why-note");
            note.getStyleClass().add("gallery-hint");
            note.setWrapText(true);
            note.setMaxWidth(360);
            note.textProperty().bind(model.whyNoteProperty());
            note.visibleProperty().bind(why.visibleProperty().not());
            note.managedProperty().bind(note.visibleProperty());
            bottom.getChildren().addAll(why, note);
        }
        bottom.setPadding(new Insets(10, 0, 0, 0));
        bottom.visibleProperty().bind(model.reportProperty().isNotNull());
        bottom.managedProperty().bind(bottom.visibleProperty());
        setBottom(bottom);

        model.reportProperty().addListener((obs, was, now) -> heatMap.redraw());
        model.rowSharesProperty().addListener((obs, was, now) -> heatMap.redraw());
        model.selectedCellProperty().addListener((obs, was, now) -> heatMap.redraw());
        model.gallery().addListener((ListChangeListener<GalleryItem>) c -> rebuildGallery());
        rebuildGallery();
        table.setItems(model.metrics());
    }

    private void buildTable() {
        table.setId("metrics-table");
        table.getStyleClass().add("metrics-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No test results yet"));
        // the columns' minimum widths (whole headers, "weighted avg") and a vertical scroll bar
        table.setPrefWidth(450);
        table.setMinWidth(430);
        table.setMaxWidth(500);
        TableColumn<MetricsRow, String> name = new TableColumn<>("class");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        name.setPrefWidth(110);
        name.setSortable(false);
        List<TableColumn<MetricsRow, ?>> columns = new ArrayList<>();
        columns.add(name);
        columns.add(number("precision", MetricsRow::precision));
        columns.add(number("recall", MetricsRow::recall));
        columns.add(number("F1", MetricsRow::f1));
        TableColumn<MetricsRow, String> support = new TableColumn<>("support");
        support.setCellValueFactory(
                c ->
                        new ReadOnlyObjectWrapper<>(
                                String.format(Locale.ROOT, "%,d", c.getValue().support())));
        support.setStyle("-fx-alignment: CENTER-RIGHT;");
        support.setSortable(false);
        columns.add(support);
        table.getColumns().setAll(columns);
        Columns.keepHeadersWhole(table);
        model.metrics()
                .addListener(
                        (ListChangeListener<MetricsRow>)
                                c ->
                                        Columns.fitTexts(
                                                name,
                                                model.metrics().stream()
                                                        .map(MetricsRow::label)
                                                        .toList()));
        table.setRowFactory(
                t ->
                        new TableRow<>() {
                            @Override
                            protected void updateItem(MetricsRow item, boolean empty) {
                                super.updateItem(item, empty);
                                getStyleClass().remove("average-row");
                                if (!empty && item != null && item.average()) {
                                    getStyleClass().add("average-row");
                                }
                            }
                        });
    }

    private static TableColumn<MetricsRow, Double> number(
            String title, Function<MetricsRow, Double> value) {
        TableColumn<MetricsRow, Double> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(
                c ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(Double v, boolean empty) {
                                super.updateItem(v, empty);
                                setText(
                                        empty || v == null
                                                ? null
                                                : String.format(Locale.ROOT, "%.3f", v));
                            }
                        });
        col.setStyle("-fx-alignment: CENTER-RIGHT;");
        col.setSortable(false);
        col.setPrefWidth(72);
        return col;
    }

    private void rebuildGallery() {
        List<Node> tiles = new ArrayList<>();
        List<String> names = model.classNames();
        for (GalleryItem item : model.gallery()) {
            Node tile = tile(item, names, model.why() != null);
            if (model.why() != null && item.image() != null) {
                tile.getStyleClass().add("explainable");
            }
            tiles.add(tile);
        }
        if (tiles.isEmpty()) {
            // an empty grey box says nothing: say what fills it
            Label hint =
                    new Label(
                            "Click a cell of the matrix, or press Most confident mistakes, to see"
                                    + " those test images here.");
            hint.getStyleClass().add("gallery-hint");
            hint.setWrapText(true);
            tiles.add(hint);
        }
        galleryPane.getChildren().setAll(tiles);
    }

    private Node tile(GalleryItem item, List<String> names, boolean explainable) {
        VBox box = new VBox(2);
        box.getStyleClass().add("gallery-tile");
        box.getStyleClass().add(item.actual() == item.predicted() ? "correct" : "mistake");
        box.setAlignment(Pos.TOP_CENTER);
        box.setPadding(new Insets(4));
        box.setPrefWidth(THUMBNAIL + 54);
        SampleImage image = item.image();
        if (image != null) {
            ImageView view = new ImageView(toImage(image));
            view.setSmooth(false);
            double s = Math.max(1, Math.floor(THUMBNAIL / Math.max(image.width(), image.height())));
            view.setFitWidth(image.width() * s);
            view.setFitHeight(image.height() * s);
            box.getChildren().add(view);
        }
        Label caption = new Label(caption(item, names));
        caption.getStyleClass().add("gallery-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(THUMBNAIL + 46);
        caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        box.getChildren().add(caption);
        Tooltip.install(
                box,
                new Tooltip(
                        "test sample #"
                                + item.sampleIndex()
                                + "\n"
                                + caption(item, names).replace('\u00a0', ' ')
                                + "\n(the percentages: how sure the network was of each class)"
                                + (explainable && image != null
                                        ? "\nClick to see why it said so."
                                        : "")
                                + (image == null
                                        ? ""
                                        : "\nDouble-click, or right-click › Show inside, to see"
                                                + " every layer's output for it")));
        if (image != null) {
            javafx.scene.control.MenuItem inside =
                    new javafx.scene.control.MenuItem("Show inside the network");
            inside.setOnAction(e -> model.showInside(item));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(inside);
            box.setOnContextMenuRequested(e -> menu.show(box, e.getScreenX(), e.getScreenY()));
            box.setOnMouseClicked(
                    e -> {
                        if (e.getClickCount() == 2) {
                            model.showInside(item);
                        } else if (explainable) {
                            model.explain(item);
                        }
                    });
        }
        return box;
    }

    /**
     * A tile's caption as a learner reads it: "predicted 5 (87 %)", and for a mistake "— true 6 (0
     * %)" on the next line, the percentages being what the network gave each class. No-break spaces
     * keep each half on one line.
     */
    static String caption(GalleryItem item, List<String> names) {
        String predicted = names.get(item.predicted()).replace(' ', '\u00a0');
        if (Double.isNaN(item.predictedProbability())) {
            return "#" + item.sampleIndex() + " predicted\u00a0" + predicted;
        }
        String text =
                String.format(
                        Locale.ROOT,
                        "predicted\u00a0%s\u00a0(%.0f\u00a0%%)",
                        predicted,
                        100 * item.predictedProbability());
        if (item.actual() != item.predicted()) {
            text +=
                    String.format(
                            Locale.ROOT,
                            " —\u00a0true\u00a0%s\u00a0(%.0f\u00a0%%)",
                            names.get(item.actual()).replace(' ', '\u00a0'),
                            100 * item.actualProbability());
        }
        return text;
    }

    private static WritableImage toImage(SampleImage s) {
        WritableImage img = new WritableImage(s.width(), s.height());
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                out.setArgb(x, y, s.argb(y, x));
            }
        }
        return img;
    }

    /** Centre of matrix cell ({@code actual}, {@code predicted}) in scene coordinates. */
    public Point2D cellCentreInScene(int actual, int predicted) {
        Point2D local = heatMap.cellCentre(actual, predicted);
        return heatMap.canvas().localToScene(local);
    }

    /** Centre of matrix cell ({@code actual}, {@code predicted}) on the screen (for robots). */
    public Point2D cellCentreOnScreen(int actual, int predicted) {
        Point2D local = heatMap.cellCentre(actual, predicted);
        return heatMap.canvas().localToScreen(local);
    }

    /** Classes drawn on each axis by the last repaint of the heat map. */
    public int drawnClassCount() {
        return heatMap.drawnClasses();
    }

    public TableView<MetricsRow> metricsTable() {
        return table;
    }

    public FlowPane galleryPane() {
        return galleryPane;
    }
}
