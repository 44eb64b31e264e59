package org.dnw.ui.course;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.dnw.ui.charts.EpochPoint;
import org.dnw.ui.common.ActionStrip;
import org.dnw.ui.sweep.SweepView;

/**
 * The two-digit panel: the settings and Train/Stop on top; below, the test accuracy, the
 * classification picture (every test image placed by the network's output) and the learning curves
 * — a live accuracy chart while training, the saved curves picture when done. Scrolls when the
 * window is small. Styles: {@link SweepView#STYLESHEET}, which the view adds itself.
 */
public final class TwoDigitsView extends ScrollPane {

    private final TwoDigitsViewModel model;
    private final ComboBox<Integer> digitA = digits();
    private final ComboBox<Integer> digitB = digits();
    private final ActionStrip actions;
    private final Label accuracyLabel = Forms.wrapping("course-result");
    private final ImageView pictureView = new ImageView();
    private final ImageView curvesView = new ImageView();
    private final ToggleButton actualSize = new ToggleButton("Actual size");
    private final NumberAxis epochAxis = new NumberAxis(1, 10, 1);
    private final NumberAxis accuracyAxis = new NumberAxis(50, 100, 10);
    private final LineChart<Number, Number> liveChart = new LineChart<>(epochAxis, accuracyAxis);
    private final XYChart.Series<Number, Number> trainSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationSeries = new XYChart.Series<>();

    public TwoDigitsView(TwoDigitsViewModel model) {
        this.model = model;
        actions =
                new ActionStrip(
                        model.job(),
                        "Train",
                        "Stop",
                        model.canTrainBinding(),
                        model::train,
                        model::stop);
        Forms.page(this, "two-digits-view", settings(), results());
    }

    private static ComboBox<Integer> digits() {
        ComboBox<Integer> box = new ComboBox<>();
        for (int d = 0; d <= 9; d++) {
            box.getItems().add(d);
        }
        box.setVisibleRowCount(10);
        return box;
    }

    private VBox settings() {
        Label title = new Label("Two digits: one sigmoid neuron decides");
        title.getStyleClass().add("course-title");
        Label subtitle = Forms.wrapping("course-subtitle");
        subtitle.setText(
                "A network of 784 inputs, one hidden layer of sigmoid units and one sigmoid output"
                        + " unit learns to tell two handwritten digits apart: its output should be"
                        + " 0 for the first digit and 1 for the second. It is trained with the"
                        + " squared error, as in the classic course.");

        digitA.setId("two-digits-a");
        digitA.valueProperty().bindBidirectional(model.digitAProperty());
        digitB.setId("two-digits-b");
        digitB.valueProperty().bindBidirectional(model.digitBProperty());
        Forms.FormFields fields = Forms.fields("two-digits", model.form());

        GridPane grid = Forms.grid(4);
        Forms.pair(
                grid,
                0,
                0,
                "First digit",
                digitA,
                "The digit the network should answer 0 for: its images are labelled 0.");
        Forms.pair(
                grid,
                0,
                1,
                "Second digit",
                digitB,
                "The digit the network should answer 1 for; it must differ from the first.");
        Forms.pair(
                grid,
                0,
                2,
                "Engine",
                fields.engine(),
                "Who trains: PyTorch through DJL (with Adam), or the workbench's own plain-Java"
                        + " code (plain SGD, as in the course). Choosing one puts its usual"
                        + " learning rate and batch size in.");
        GridPane.setColumnSpan(fields.engine(), 3);
        Forms.pair(
                grid,
                1,
                0,
                "Hidden units",
                fields.units(),
                "How many sigmoid units the hidden layer has; the course uses 15.");
        Forms.pair(
                grid,
                1,
                1,
                "Learning rate",
                fields.rate(),
                "How big a step each update takes: 3.0 for plain SGD with the squared error, as"
                        + " in the course; about 0.01 for Adam.");
        Forms.pair(
                grid,
                1,
                2,
                "Epochs",
                fields.epochs(),
                "How many times the network sees every training image.");
        Forms.pair(
                grid,
                1,
                3,
                "Batch size",
                fields.batch(),
                "How many images are averaged for one update: 10 in the course.");

        HBox row =
                Forms.actions(
                        actions,
                        "two-digits",
                        "train",
                        "stop",
                        "Trains the network on the two digits' training images and tests it on"
                                + " their test images; the run is saved like any other.",
                        "Stops after the current batch; nothing is saved.",
                        "How much of the training is done.");

        return Forms.side(
                title,
                subtitle,
                grid,
                fields.problem(),
                Forms.spaced(row),
                actions.statusLabel(),
                actions.errorLabel());
    }

    private VBox results() {
        accuracyLabel.setId("two-digits-accuracy");
        accuracyLabel.textProperty().bind(model.accuracyTextProperty());
        Forms.shownWhenNotEmpty(accuracyLabel);
        Label saved = Forms.shownWhenNotEmpty(Forms.wrapping("course-saved"));
        saved.setId("two-digits-saved");
        saved.textProperty().bind(model.savedTextProperty());

        Label pictureTitle = new Label("The test images, placed by the network's output");
        pictureTitle.getStyleClass().add("course-section-title");
        actualSize.setId("two-digits-actual-size");
        actualSize.setTooltip(
                Forms.tooltip(
                        "Shows the pictures at their own size, one image pixel per screen pixel"
                                + " (scroll sideways); off, they are shrunk to fit the panel."
                                + " Clicking a picture does the same."));
        actualSize.disableProperty().bind(model.pictureProperty().isNull());
        HBox pictureHeader = new HBox(12, pictureTitle, grow(), actualSize);
        pictureHeader.setAlignment(Pos.CENTER_LEFT);
        pictureView.setId("two-digits-picture");
        pictureView.setPreserveRatio(true);
        pictureView.setSmooth(true);
        pictureView.setOnMouseClicked(e -> actualSize.setSelected(!actualSize.isSelected()));
        Label noPicture = Forms.wrapping("course-placeholder");
        noPicture.setText(
                "After training, every test image of the two digits appears here at the place of"
                        + " the network's output, from 0 (the first digit) to 1 (the second);"
                        + " mistakes are framed in red.");
        noPicture.visibleProperty().bind(model.pictureProperty().isNull());
        noPicture.managedProperty().bind(noPicture.visibleProperty());
        ScrollPane pictureScroll = sideways(pictureView);
        StackPane pictureFrame = new StackPane(pictureScroll, noPicture);
        pictureFrame.getStyleClass().add("course-picture-frame");
        pictureFrame.setMinHeight(120);
        pictureFrame.setPadding(new Insets(6));
        model.pictureProperty().addListener((obs, was, now) -> show(pictureView, now));
        show(pictureView, model.pictureProperty().get());
        fitWidth(pictureView, pictureFrame);

        Label curvesTitle = new Label("Learning curves");
        curvesTitle.getStyleClass().add("course-section-title");
        liveChart.setId("two-digits-live-chart");
        liveChart.getStyleClass().add("course-chart");
        liveChart.setAnimated(false);
        liveChart.setCreateSymbols(true);
        liveChart.setPrefHeight(260);
        liveChart.setMinHeight(220);
        epochAxis.setAnimated(false);
        epochAxis.setAutoRanging(false);
        epochAxis.setMinorTickVisible(false);
        epochAxis.setLabel("epoch");
        accuracyAxis.setAnimated(false);
        accuracyAxis.setAutoRanging(false);
        accuracyAxis.setMinorTickVisible(false);
        accuracyAxis.setLabel("accuracy (%)");
        trainSeries.setName("training");
        validationSeries.setName("validation");
        liveChart.getData().setAll(List.of(trainSeries, validationSeries));
        model.epochs().addListener((ListChangeListener<EpochPoint>) c -> redrawCurve());
        model.epochCountProperty().addListener((obs, was, now) -> redrawCurve());
        redrawCurve();
        curvesView.setId("two-digits-curves");
        curvesView.setPreserveRatio(true);
        curvesView.setSmooth(true);
        curvesView.setOnMouseClicked(e -> actualSize.setSelected(!actualSize.isSelected()));
        model.curvesProperty().addListener((obs, was, now) -> show(curvesView, now));
        show(curvesView, model.curvesProperty().get());
        liveChart.visibleProperty().bind(model.curvesProperty().isNull());
        liveChart.managedProperty().bind(liveChart.visibleProperty());
        ScrollPane curvesScroll = sideways(curvesView);
        curvesScroll.visibleProperty().bind(model.curvesProperty().isNotNull());
        curvesScroll.managedProperty().bind(curvesScroll.visibleProperty());
        StackPane curvesFrame = new StackPane(liveChart, curvesScroll);
        curvesFrame.getStyleClass().add("course-picture-frame");
        curvesFrame.setPadding(new Insets(6));
        fitWidth(curvesView, curvesFrame);

        return new VBox(
                8, accuracyLabel, saved, pictureHeader, pictureFrame, curvesTitle, curvesFrame);
    }

    /**
     * Draws the picture no wider than its frame and never above its own size, or at its own size
     * while "Actual size" is on.
     */
    private void fitWidth(ImageView view, Region frame) {
        view.fitWidthProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () -> {
                                    double room = Math.max(100, frame.getWidth() - 16);
                                    double own =
                                            view.getImage() == null
                                                    ? room
                                                    : view.getImage().getWidth();
                                    return actualSize.isSelected() ? own : Math.min(room, own);
                                },
                                frame.widthProperty(),
                                view.imageProperty(),
                                actualSize.selectedProperty()));
    }

    /** A frame that scrolls sideways when its picture is wider than the panel. */
    private static ScrollPane sideways(ImageView view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.getStyleClass().add("course-picture-scroll");
        scroll.setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        scroll.setFitToHeight(true);
        scroll.minViewportHeightProperty()
                .bind(
                        Bindings.createDoubleBinding(
                                () ->
                                        view.getImage() == null
                                                ? 0
                                                : view.getImage().getHeight()
                                                        * view.getFitWidth()
                                                        / view.getImage().getWidth(),
                                view.imageProperty(),
                                view.fitWidthProperty()));
        return scroll;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static void show(ImageView view, BufferedImage image) {
        view.setImage(image == null ? null : SwingFXUtils.toFXImage(image, null));
    }

    private void redrawCurve() {
        trainSeries.getData().clear();
        validationSeries.getData().clear();
        double lowest = 100;
        for (EpochPoint p : model.epochs()) {
            trainSeries.getData().add(new XYChart.Data<>(p.epoch(), 100 * p.trainAccuracy()));
            lowest = Math.min(lowest, 100 * p.trainAccuracy());
            if (p.hasValidation()) {
                validationSeries
                        .getData()
                        .add(new XYChart.Data<>(p.epoch(), 100 * p.validationAccuracy()));
                lowest = Math.min(lowest, 100 * p.validationAccuracy());
            }
        }
        int epochs = Math.max(2, model.epochCountProperty().get());
        epochAxis.setUpperBound(epochs);
        epochAxis.setTickUnit(Math.max(1, Math.ceil(epochs / 10.0)));
        double lower =
                model.epochs().isEmpty() ? 50 : Math.max(0, Math.floor((lowest - 2) / 5) * 5);
        accuracyAxis.setLowerBound(lower);
        accuracyAxis.setUpperBound(100);
        accuracyAxis.setTickUnit(100 - lower > 30 ? 10 : 100 - lower > 10 ? 2 : 1);
    }
}
