package org.dnw.ui.data;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.ui.common.Quantities;

/**
 * The Data tab: the data set chooser and "Open…", progress with Cancel, the failure sentence with
 * "Choose folder…", and the preview — name and shape, split sizes, a strip of sample images (or a
 * table's first rows), and the class counts.
 */
public final class DataView extends ScrollPane {

    /** This view's stylesheet, as a resource URL string (the window's stylesheet merges it). */
    public static final String STYLESHEET =
            DataView.class.getResource("/org/dnw/ui/data-hyperparams.css").toExternalForm();

    /** Images are drawn at least this big (in pixels) on a narrow tab, and bigger on a wide one. */
    static final double NARROW_IMAGE = 84;

    static final double WIDE_IMAGE = 112;

    /** Content width from which the tab counts as wide. */
    static final double WIDE_FROM = 1000;

    private final DataViewModel model;
    private final ComboBox<DatasetChoice> chooser = new ComboBox<>();
    private final Label availability = new Label();
    private final ProgressBar progressBar = new ProgressBar();
    private final Button cancelButton = new Button("Cancel");
    private final Label errorLabel = new Label();
    private final Button folderButton = new Button("Choose folder…");
    private final VBox content = new VBox(12);
    private final HBox body = new HBox(28);
    private final SamplesSection samplesSection;
    private final ClassCountsSection classesSection;
    private boolean wide;

    public DataView(DataViewModel model) {
        this.model = model;
        getStyleClass().add("data-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        content.getStyleClass().add("data-content");
        content.setPadding(new Insets(14, 18, 18, 18));
        content.getChildren()
                .addAll(
                        chooserRow(),
                        availability,
                        loadingRow(),
                        errorBox(),
                        labelColumnRow(),
                        statusLine());

        VBox preview = new VBox(10);
        preview.getStyleClass().add("data-preview");
        preview.getChildren().addAll(header(), splitRow());
        samplesSection = new SamplesSection(model);
        classesSection = new ClassCountsSection(model);
        body.getChildren().addAll(samplesSection);
        preview.getChildren().addAll(body);
        preview.managedProperty().bind(model.loadedProperty().isNotNull());
        preview.visibleProperty().bind(preview.managedProperty());
        content.getChildren().add(preview);
        relayout(false);
        setContent(content);

        widthProperty()
                .addListener(
                        (obs, old, now) -> {
                            boolean isWide = now.doubleValue() >= WIDE_FROM;
                            if (isWide != wide) {
                                relayout(isWide);
                            }
                        });
    }

    public DataViewModel viewModel() {
        return model;
    }

    public ComboBox<DatasetChoice> chooser() {
        return chooser;
    }

    public FlowPane strip() {
        return samplesSection.strip();
    }

    public GridPane classCountsGrid() {
        return classesSection.grid();
    }

    public TableView<List<String>> table() {
        return samplesSection.table();
    }

    public Button cancelButton() {
        return cancelButton;
    }

    public Button folderButton() {
        return folderButton;
    }

    public ProgressBar progressBar() {
        return progressBar;
    }

    public Label errorLabel() {
        return errorLabel;
    }

    /** Side length, in pixels, at which the strip draws the larger side of each image. */
    public double imageSize() {
        return samplesSection.imageSize();
    }

    /** Wide tab: samples and class counts side by side, bigger images; narrow: one above other. */
    private void relayout(boolean isWide) {
        wide = isWide;
        VBox preview = (VBox) body.getParent();
        if (isWide) {
            preview.getChildren().remove(classesSection);
            if (!body.getChildren().contains(classesSection)) {
                body.getChildren().add(classesSection);
            }
        } else {
            body.getChildren().remove(classesSection);
            if (!preview.getChildren().contains(classesSection)) {
                preview.getChildren().add(classesSection);
            }
        }
        samplesSection.setImageSize(isWide ? WIDE_IMAGE : NARROW_IMAGE);
    }

    // ---- top: chooser, progress, errors

    private HBox chooserRow() {
        Label title = new Label("Data set");
        title.getStyleClass().add("data-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        chooser.setId("dataset-chooser");
        chooser.setItems(model.choices());
        chooser.setPrefWidth(300);
        chooser.setVisibleRowCount(8);
        chooser.setCellFactory(list -> new ChoiceCell(true));
        chooser.setButtonCell(new ChoiceCell(false));
        chooser.setTooltip(
                new Tooltip(
                        "The built-in data sets; choosing one loads it. Where each one is shows"
                                + " under its name."));
        chooser.valueProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (now != null && now != model.chosenProperty().get()) {
                                model.choose(now);
                            }
                        });
        model.chosenProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (chooser.getValue() != now) {
                                chooser.setValue(now);
                            }
                        });
        // With no built-in chosen (the combo box then shows its prompt) name the opened file.
        chooser.promptTextProperty()
                .bind(
                        Bindings.createStringBinding(
                                () ->
                                        model.getLoaded() == null
                                                ? "Choose a data set…"
                                                : "Opened: " + model.getLoaded().name(),
                                model.loadedProperty()));

        MenuItem openFile = new MenuItem("Open file… (archive, IDX, CSV or text table)");
        openFile.setId("open-file");
        openFile.setOnAction(e -> model.openFile());
        MenuItem openFolder = new MenuItem("Open folder… (image folder, CIFAR-10 binary)");
        openFolder.setId("open-folder");
        openFolder.setOnAction(e -> model.openFolder());
        MenuButton open = new MenuButton("Open…", null, openFile, openFolder);
        open.setId("open-dataset");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setTooltip(
                new Tooltip(
                        "Use your own data: a folder with one subfolder of images per class (or"
                                + " a .zip/.tar.gz of one), an IDX pair, the CIFAR-10 binary"
                                + " folder, or a .csv/.txt table whose last column is the class."));
        open.disableProperty().bind(model.loadingProperty());

        HBox row = new HBox(10, title, chooser, open);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("data-chooser-row");

        availability.setId("dataset-availability");
        availability.getStyleClass().add("data-availability");
        availability.setWrapText(true);
        availability
                .textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> {
                                    DatasetChoice c = model.chosenProperty().get();
                                    return c == null
                                            ? ""
                                            : c.displayName() + ": " + c.availability();
                                },
                                model.chosenProperty()));
        // Once loaded, the preview says where the data came from; before, say where it is.
        availability
                .managedProperty()
                .bind(
                        availability
                                .textProperty()
                                .isNotEmpty()
                                .and(
                                        model.loadingProperty()
                                                .or(
                                                        BooleanExpression.booleanExpression(
                                                                model.failureProperty()
                                                                        .map(LoadFailure::shown)))
                                                .or(model.loadedProperty().isNull())));
        availability.visibleProperty().bind(availability.managedProperty());
        return row;
    }

    /** A chooser entry: name, and in the open list where the data set is. */
    private final class ChoiceCell extends ListCell<DatasetChoice> {
        private final boolean inList;

        ChoiceCell(boolean inList) {
            this.inList = inList;
        }

        @Override
        protected void updateItem(DatasetChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(inList ? null : chooser.getPromptText());
                setGraphic(null);
                return;
            }
            if (!inList) {
                setText(item.displayName());
                setGraphic(null);
                return;
            }
            Label name = new Label(item.displayName());
            name.getStyleClass().add("choice-name");
            Label where = new Label(item.availability());
            where.getStyleClass().add("choice-availability");
            if (!item.available()) {
                where.getStyleClass().add("missing");
            }
            VBox box = new VBox(1, name, where);
            setText(null);
            setGraphic(box);
        }
    }

    private HBox loadingRow() {
        progressBar.setId("data-progress");
        progressBar.progressProperty().bind(model.progressProperty());
        progressBar.setPrefWidth(240);
        progressBar.setMinWidth(120);
        Label text = new Label();
        text.setId("data-progress-text");
        text.getStyleClass().add("data-progress-text");
        text.textProperty().bind(model.progressTextProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        cancelButton.setId("data-cancel");
        cancelButton.setMinWidth(Region.USE_PREF_SIZE);
        cancelButton.setOnAction(e -> model.cancel());
        cancelButton.setTooltip(new Tooltip("Stop loading; the data set loaded before stays."));
        HBox row = new HBox(10, progressBar, cancelButton, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("data-loading");
        row.managedProperty().bind(model.loadingProperty());
        row.visibleProperty().bind(model.loadingProperty());
        return row;
    }

    private VBox errorBox() {
        errorLabel.setId("data-error");
        errorLabel.getStyleClass().add("data-error-text");
        errorLabel.textProperty().bind(model.failureProperty().map(LoadFailure::error));
        errorLabel.setWrapText(true);
        folderButton.setId("data-choose-folder");
        folderButton.setOnAction(e -> model.chooseFolder());
        folderButton.setTooltip(
                new Tooltip("Show the workbench the folder that holds this data set's files."));
        folderButton
                .managedProperty()
                .bind(model.failureProperty().map(LoadFailure::folderChoiceOffered));
        folderButton.visibleProperty().bind(folderButton.managedProperty());
        VBox box = new VBox(8, errorLabel, folderButton);
        box.getStyleClass().add("data-error");
        box.setPadding(new Insets(8, 10, 8, 10));
        // Inline fallbacks keep the failure readable even before the stylesheet is merged.
        box.setStyle(
                "-fx-background-color: #fdecea; -fx-border-color: #d93025;"
                        + " -fx-border-radius: 4; -fx-background-radius: 4;");
        errorLabel.setStyle("-fx-text-fill: #a50e0e; -fx-font-weight: bold;");
        box.managedProperty().bind(model.failureProperty().map(LoadFailure::shown));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    /** The label column of a table opened by path: chosen here, the guess shown beside it. */
    private HBox labelColumnRow() {
        Label title = new Label("Label column");
        title.getStyleClass().add("data-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> columns = new ComboBox<>(model.labelColumnChoices());
        columns.setId("label-column");
        columns.setPrefWidth(220);
        columns.setVisibleRowCount(10);
        columns.setTooltip(
                new Tooltip(
                        "The column that holds each row's class; the other columns are the"
                                + " features. Choosing another reads the table again."));
        Runnable showIndex =
                () -> {
                    int i = model.labelColumnIndexProperty().get();
                    if (columns.getSelectionModel().getSelectedIndex() != i) {
                        if (i < 0) {
                            columns.getSelectionModel().clearSelection();
                        } else {
                            columns.getSelectionModel().select(i);
                        }
                    }
                };
        model.labelColumnIndexProperty().addListener((obs, old, now) -> showIndex.run());
        model.labelColumnChoices().addListener((ListChangeListener<String>) c -> showIndex.run());
        columns.getSelectionModel()
                .selectedIndexProperty()
                .addListener(
                        (obs, old, now) -> {
                            int i = now.intValue();
                            if (i >= 0 && i != model.labelColumnIndexProperty().get()) {
                                model.chooseLabelColumn(i);
                            }
                        });
        columns.disableProperty().bind(model.loadingProperty());
        Label note = new Label();
        note.setId("label-column-note");
        note.getStyleClass().add("data-availability");
        note.setWrapText(true);
        note.textProperty().bind(model.labelColumnNoteProperty());
        HBox row = new HBox(10, title, columns, note);
        row.setAlignment(Pos.CENTER_LEFT);
        row.managedProperty().bind(Bindings.isNotEmpty(model.labelColumnChoices()));
        row.visibleProperty().bind(row.managedProperty());
        return row;
    }

    private Label statusLine() {
        Label status = new Label();
        status.setId("data-status");
        status.getStyleClass().add("data-status");
        status.setWrapText(true);
        status.textProperty().bind(model.noticeTextProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        return status;
    }

    // ---- preview: header and splits

    private VBox header() {
        Label name = new Label();
        name.setId("dataset-name");
        name.getStyleClass().add("dataset-name");
        name.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> model.getLoaded() == null ? "" : model.getLoaded().name(),
                                model.loadedProperty()));
        Label summary = new Label();
        summary.setId("dataset-summary");
        summary.getStyleClass().add("dataset-summary");
        summary.textProperty().bind(model.summaryTextProperty());
        HBox line = new HBox(14, name, summary);
        line.setAlignment(Pos.BASELINE_LEFT);
        Label origin = new Label();
        origin.setId("dataset-origin");
        origin.getStyleClass().add("dataset-origin");
        origin.setWrapText(true);
        origin.textProperty()
                .bind(
                        Bindings.createStringBinding(
                                () -> model.getLoaded() == null ? "" : model.getLoaded().origin(),
                                model.loadedProperty()));
        origin.managedProperty().bind(origin.textProperty().isNotEmpty());
        origin.visibleProperty().bind(origin.managedProperty());
        return new VBox(2, line, origin);
    }

    private HBox splitRow() {
        ReadOnlyStringWrapper train = new ReadOnlyStringWrapper("");
        ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper("");
        ReadOnlyStringWrapper test = new ReadOnlyStringWrapper("");
        ReadOnlyStringWrapper validationNote = new ReadOnlyStringWrapper("");
        Runnable update =
                () -> {
                    SplitSizes s = model.splitSizesProperty().get();
                    if (s == null) {
                        return;
                    }
                    train.set(Quantities.count(s.train()));
                    validation.set(Quantities.count(s.validation()));
                    test.set(Quantities.count(s.test()));
                    validationNote.set(
                            s.validationFixed()
                                    ? "the data set's own"
                                    : String.format(
                                            Locale.ROOT,
                                            "%.0f %% of the training data",
                                            100 * model.validationShareProperty().get()));
                };
        model.splitSizesProperty().addListener((obs, old, now) -> update.run());
        update.run();
        HBox row =
                new HBox(
                        12,
                        figure("Train", train, "trained on", "split-train"),
                        figure("Validation", validation, validationNote, "split-validation"),
                        figure("Test", test, "kept for the final figures", "split-test"));
        row.setId("split-sizes");
        row.getStyleClass().add("split-row");
        Tooltip.install(
                row,
                new Tooltip(
                        "Train: the network learns from these. Validation: held out of the"
                                + " training data to follow progress (set its share in the"
                                + " hyperparameters). Test: never used to tune, only for the"
                                + " final figures."));
        return row;
    }

    private static VBox figure(
            String title,
            javafx.beans.value.ObservableValue<String> value,
            Object note,
            String id) {
        Label t = new Label(title);
        t.getStyleClass().add("split-title");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("split-value");
        v.textProperty().bind(value);
        Label n = new Label();
        n.getStyleClass().add("split-note");
        if (note instanceof javafx.beans.value.ObservableValue<?> observable) {
            n.textProperty().bind(Bindings.convert(observable));
        } else {
            n.setText(String.valueOf(note));
        }
        VBox box = new VBox(0, t, v, n);
        box.getStyleClass().add("split-figure");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
