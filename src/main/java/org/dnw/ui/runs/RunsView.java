package org.dnw.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.dnw.spec.Sentence;
import org.dnw.store.RunStatus;
import org.dnw.store.RunSummary;
import org.dnw.ui.common.Columns;
import org.dnw.ui.runs.RunDetails.Entry;
import org.dnw.ui.runs.RunDetails.Section;

/**
 * The Runs tab: buttons (Refresh, Open, Overlay curves, Clear overlays, Train again, Resume,
 * Delete, Export ▸ PyTorch… / ONNX…), the sortable table of saved runs (several can be selected;
 * damaged ones greyed with the reason in a tooltip), and under it the selected run's details as
 * cards. Double-click or Enter opens, Delete deletes, F5 refreshes.
 */
public final class RunsView extends BorderPane {

    /** This view's styles, until the lead merges them into the window's stylesheet. */
    public static final String STYLESHEET = "/org/dnw/ui/inspect.css";

    private final RunsViewModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final VBox detailsBox = new VBox(8);
    private boolean syncing;

    public RunsView(RunsViewModel model) {
        this(model, null);
    }

    /**
     * @param export Export ▸ PyTorch… / ONNX… of the selected run; null for a tab without them
     */
    public RunsView(RunsViewModel model, RunExportViewModel export) {
        this.model = model;
        getStyleClass().add("runs-view");
        setPadding(new Insets(10, 12, 8, 12));

        Button refresh = button("Refresh", "runs-refresh", "List the saved runs again (F5)");
        refresh.setOnAction(e -> model.refresh());
        IntegerBinding selected = Bindings.size(model.selection());
        Button open =
                button(
                        "Open",
                        "runs-open",
                        "Show the run's curves, filters and confusion"
                                + " matrix in the other tabs (Enter or double-click)");
        open.setOnAction(e -> model.openSelected());
        open.disableProperty().bind(selected.isNotEqualTo(1));
        Button overlay =
                button(
                        "Overlay curves",
                        "runs-overlay",
                        "Draw the selected runs' loss and accuracy per epoch, dashed, over the live charts");
        overlay.setOnAction(e -> model.overlaySelected());
        overlay.disableProperty().bind(selected.isEqualTo(0));
        Button clearOverlays =
                button(
                        "Clear overlays",
                        "runs-clear-overlays",
                        "Remove the overlaid curves from the charts");
        clearOverlays.setOnAction(e -> model.clearOverlays());
        Button again =
                button(
                        "Train again",
                        "runs-train-again",
                        "Load the run's network, hyperparameters and data set to train it again");
        again.setOnAction(e -> model.trainAgainSelected());
        again.disableProperty().bind(selected.isNotEqualTo(1));
        Button resume =
                button(
                        "Resume",
                        "runs-resume",
                        "Continue the interrupted run from its last checkpoint, in a process of its"
                                + " own that goes on if the window closes");
        resume.setOnAction(e -> model.resumeSelected());
        resume.disableProperty()
                .bind(
                        Bindings.createBooleanBinding(
                                () ->
                                        model.selection().size() != 1
                                                || model.selection().get(0).status()
                                                        != RunStatus.INTERRUPTED,
                                model.selection()));
        Button delete = button("Delete…", "runs-delete", "Delete the selected runs (Delete)");
        delete.setOnAction(e -> model.deleteSelected());
        delete.disableProperty().bind(selected.isEqualTo(0));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        FlowPane toolbar =
                new FlowPane(8, 6, refresh, open, overlay, clearOverlays, again, resume, delete);
        if (export != null) {
            toolbar.getChildren().addAll(RunExportControls.toolbar(export));
        }
        toolbar.getChildren().add(busy);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));
        toolbar.getStyleClass().add("runs-toolbar");
        setTop(toolbar);

        buildTable();
        detailsBox.getStyleClass().add("run-details");
        detailsBox.setId("run-details");
        ScrollPane detailsScroll = new ScrollPane(detailsBox);
        detailsScroll.setFitToWidth(true);
        detailsScroll.getStyleClass().add("run-details-scroll");
        SplitPane split = new SplitPane(table, detailsScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);

        Label status = new Label();
        status.setId("runs-status");
        status.getStyleClass().add("runs-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.setPadding(new Insets(6, 0, 0, 0));
        setBottom(export == null ? status : new VBox(2, status, RunExportControls.lines(export)));

        model.detailsProperty().addListener((obs, was, now) -> showDetails(now));
        model.selection().addListener((ListChangeListener<RunSummary>) c -> followModel());
        addEventHandler(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.F5) {
                        model.refresh();
                        e.consume();
                    }
                });
        showDetails(model.detailsProperty().get());
        followModel();
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private void buildTable() {
        table.setId("runs-table");
        table.getStyleClass().add("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Columns keep readable widths and the table scrolls sideways in a narrow tab; in a
        // wide one the name column takes what is left.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setWrapText(true);
        empty.setMaxWidth(480);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        empty.getStyleClass().add("runs-placeholder");
        table.setPlaceholder(empty);
        List<TableColumn<RunSummary, ?>> columns = new ArrayList<>();
        for (RunColumn c : RunColumn.values()) {
            columns.add(column(c));
        }
        table.getColumns().setAll(columns);
        Columns.keepHeadersWhole(table);
        // each column as wide as its longest text ("MNIST (sample)", "12 min 05 s"), never cut
        model.sortedRuns()
                .addListener(
                        (ListChangeListener<RunSummary>)
                                c -> {
                                    for (RunColumn rc : RunColumn.values()) {
                                        Columns.fitTexts(
                                                columns.get(rc.ordinal()),
                                                model.sortedRuns().stream()
                                                        .map(run -> rc.text(run, model.zone()))
                                                        .toList());
                                    }
                                });
        double others = 0;
        for (RunColumn c : RunColumn.values()) {
            others += c == RunColumn.NAME ? 0 : c.prefWidth();
        }
        double rest = others + 24;
        TableColumn<RunSummary, ?> name = columns.get(RunColumn.NAME.ordinal());
        // A listener, not a binding: the user may still drag the column wider or narrower.
        table.widthProperty()
                .addListener(
                        (obs, was, now) ->
                                name.setPrefWidth(
                                        Math.max(
                                                RunColumn.NAME.prefWidth(),
                                                now.doubleValue() - rest)));
        model.sortedRuns().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.sortedRuns());
        table.setRowFactory(t -> new RunRow());
        table.getSelectionModel()
                .getSelectedItems()
                .addListener((ListChangeListener<RunSummary>) c -> followTable());
        table.setOnKeyPressed(
                e -> {
                    if (e.getCode() == KeyCode.ENTER) {
                        model.openSelected();
                        e.consume();
                    } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                        model.deleteSelected();
                        e.consume();
                    }
                });
    }

    private TableColumn<RunSummary, RunSummary> column(RunColumn c) {
        TableColumn<RunSummary, RunSummary> col = new TableColumn<>();
        Label header = new Label(c.title());
        header.setTooltip(new Tooltip(c.description()));
        col.setGraphic(header);
        col.setId("column-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        col.setPrefWidth(c.prefWidth());
        col.setMinWidth(Math.min(60, c.prefWidth()));
        col.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        col.setComparator(c.comparator());
        col.setCellFactory(
                x ->
                        new TableCell<>() {
                            @Override
                            protected void updateItem(RunSummary item, boolean empty) {
                                super.updateItem(item, empty);
                                getStyleClass().removeAll("run-running", "run-interrupted");
                                if (empty || item == null) {
                                    setText(null);
                                    setGraphic(null);
                                    return;
                                }
                                setText(c.text(item, model.zone()));
                                if (c == RunColumn.STATE && item.isLive()) {
                                    getStyleClass().add("run-" + item.status().label());
                                }
                                if (c == RunColumn.NAME && item.isDamaged()) {
                                    Label badge = new Label("⚠");
                                    badge.getStyleClass().add("damaged-badge");
                                    setGraphic(badge);
                                } else {
                                    setGraphic(null);
                                }
                            }
                        });
        if (c.numeric()) {
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return col;
    }

    /** A table row: greyed with the reason as tooltip when damaged; double-click opens. */
    private final class RunRow extends TableRow<RunSummary> {
        RunRow() {
            setOnMouseClicked(
                    e -> {
                        if (e.getButton() == MouseButton.PRIMARY
                                && e.getClickCount() == 2
                                && !isEmpty()) {
                            model.openSelected();
                        }
                    });
        }

        @Override
        protected void updateItem(RunSummary item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("damaged-run");
            if (empty || item == null) {
                setTooltip(null);
                return;
            }
            if (item.isDamaged()) {
                getStyleClass().add("damaged-run");
                Tooltip tip = new Tooltip("Damaged: " + Sentence.of(item.problem()));
                tip.setShowDelay(Duration.millis(300));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                setTooltip(tip);
            } else {
                // the whole name, which a narrow column cuts
                setTooltip(new Tooltip(item.runName() + "\n" + item.folderName()));
            }
        }
    }

    private void followTable() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            model.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
        } finally {
            syncing = false;
        }
    }

    private void followModel() {
        if (syncing || table.getSelectionModel().getSelectedItems().equals(model.selection())) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            for (RunSummary s : model.selection()) {
                table.getSelectionModel().select(s);
            }
            if (!model.selection().isEmpty()) {
                table.scrollTo(model.selection().get(0));
            }
        } finally {
            syncing = false;
        }
    }

    private void showDetails(RunDetails d) {
        List<Node> children = new ArrayList<>();
        if (d == null) {
            Label hint =
                    new Label(
                            "Select a run to see its results, hyperparameters, data, environment"
                                    + " and network. Select several (Ctrl or Shift) to overlay"
                                    + " their curves.");
            hint.setWrapText(true);
            hint.getStyleClass().add("runs-placeholder");
            children.add(hint);
            detailsBox.getChildren().setAll(children);
            return;
        }
        Label title = new Label(d.title());
        title.getStyleClass().add("run-details-title");
        title.setId("run-details-title");
        Label subtitle = new Label(d.subtitle());
        subtitle.getStyleClass().add("details-key");
        HBox heading = new HBox(12, title, subtitle);
        heading.setAlignment(Pos.BASELINE_LEFT);
        children.add(heading);
        if (d.problem() != null && !d.problem().isBlank()) {
            Label problem = new Label(d.problem());
            problem.setId("run-details-problem");
            problem.getStyleClass().add("run-details-problem");
            problem.setWrapText(true);
            problem.setMaxWidth(Double.MAX_VALUE);
            children.add(problem);
        }
        FlowPane cards = new FlowPane(10, 10);
        cards.setAlignment(Pos.TOP_LEFT);
        cards.setRowValignment(javafx.geometry.VPos.TOP);
        for (Section s : d.sections()) {
            cards.getChildren().add(card(s));
        }
        children.add(cards);
        detailsBox.getChildren().setAll(children);
    }

    private static Node card(Section s) {
        VBox card = new VBox(2);
        card.getStyleClass().add("details-card");
        card.setId("details-" + s.title().toLowerCase(Locale.ROOT).replace(' ', '-'));
        Label title = new Label(s.title());
        title.getStyleClass().add("details-card-title");
        card.getChildren().add(title);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int row = 0;
        for (Entry e : s.entries()) {
            Label k = new Label(e.key());
            k.getStyleClass().add("details-key");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(e.value());
            v.getStyleClass().add("details-value");
            v.setWrapText(true);
            v.setMaxWidth(340);
            grid.addRow(row++, k, v);
        }
        card.getChildren().add(grid);
        if (!s.lines().isEmpty()) {
            VBox lines = new VBox(1);
            lines.setPadding(new Insets(6, 0, 0, 0));
            for (String line : s.lines()) {
                Label l = new Label(line);
                l.getStyleClass().add("details-layer");
                l.setMinWidth(Region.USE_PREF_SIZE);
                lines.getChildren().add(l);
            }
            card.getChildren().add(lines);
        }
        return card;
    }

    public TableView<RunSummary> table() {
        return table;
    }
}
