package org.dnw.ui.data;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.ui.common.Quantities;

/** How many training and test samples each class has, with a bar per class. */
final class ClassCountsSection extends VBox {

    private static final double BAR_WIDTH = 200;

    private final DataViewModel model;
    private final GridPane counts = new GridPane();

    ClassCountsSection(DataViewModel model) {
        super(8);
        this.model = model;
        Label title = new Label("Classes");
        title.getStyleClass().add("data-section-title");
        counts.setId("class-counts");
        counts.getStyleClass().add("class-counts");
        counts.setHgap(10);
        counts.setVgap(3);
        ColumnConstraints name = new ColumnConstraints();
        name.setHalignment(HPos.RIGHT);
        ColumnConstraints bar = new ColumnConstraints(BAR_WIDTH);
        ColumnConstraints number = new ColumnConstraints();
        number.setHalignment(HPos.RIGHT);
        number.setMinWidth(56);
        ColumnConstraints number2 = new ColumnConstraints();
        number2.setHalignment(HPos.RIGHT);
        number2.setMinWidth(56);
        counts.getColumnConstraints().setAll(name, bar, number, number2);
        model.classCounts().addListener((ListChangeListener<ClassCountRow>) c -> rebuildCounts());
        Tooltip.install(
                counts,
                new Tooltip(
                        "How many samples each class has. Very uneven counts make a network"
                                + " favour the big classes."));
        getChildren().addAll(title, counts);
        getStyleClass().add("data-section");
        setMinWidth(Region.USE_PREF_SIZE);
    }

    GridPane grid() {
        return counts;
    }

    private void rebuildCounts() {
        counts.getChildren().clear();
        counts.addRow(0, head("class"), head("training data"), head("train"), head("test"));
        int r = 1;
        for (ClassCountRow row : model.classCounts()) {
            Label name = new Label(row.name());
            name.getStyleClass().add("class-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region bar = new Region();
            bar.getStyleClass().add("class-bar");
            bar.setStyle("-fx-background-color: #5b8def;");
            double w = Math.max(row.train() > 0 ? 2 : 0, BAR_WIDTH * row.trainShare());
            bar.setPrefSize(w, 12);
            bar.setMinSize(w, 12);
            bar.setMaxSize(w, 12);
            Label train = new Label(Quantities.count(row.train()));
            train.getStyleClass().add("class-count");
            Label test = new Label(Quantities.count(row.test()));
            test.getStyleClass().add("class-count");
            counts.addRow(r++, name, bar, train, test);
        }
    }

    private static Label head(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("class-counts-head");
        return label;
    }
}
