package org.dnw.ui.architecture;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.ui.common.SliderField;

/**
 * The architecture editor: a toolbar (add layer, undo, redo, Train), the network's totals and
 * verdict (with the Diagram toggle), and the stack of layer cards from input to output in a scroll
 * pane, with the network's diagram under it when shown.
 */
public final class ArchitectureView extends BorderPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final KeyCombination UNDO =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO =
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO_SHIFT =
            new KeyCodeCombination(
                    KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final ArchitectureViewModel viewModel;
    private final VBox stack = new VBox();
    private final ScrollPane scroller = new ScrollPane();
    private final Button trainButton = new Button("Train");
    private final BooleanProperty diagramShown =
            new SimpleBooleanProperty(this, "diagramShown", false);
    private final DiagramView diagramView;

    public ArchitectureView(ArchitectureViewModel viewModel) {
        this(viewModel, null);
    }

    /**
     * The editor with a diagram of the network under the cards, shown by {@link
     * #diagramShownProperty()}; without one when {@code diagram} is null.
     */
    public ArchitectureView(ArchitectureViewModel viewModel, DiagramViewModel diagram) {
        this.viewModel = viewModel;
        this.diagramView =
                diagram == null ? null : new DiagramView(diagram, viewModel.specProperty());
        getStyleClass().add("architecture-view");
        setTop(new VBox(toolbar(), summary()));

        stack.getStyleClass().add("layer-stack");
        stack.setFillWidth(true);
        stack.getChildren().add(inputCard());
        for (LayerCardViewModel card : viewModel.cards()) {
            stack.getChildren().add(new LayerCardView(card, viewModel));
        }
        viewModel.cards().addListener((ListChangeListener<LayerCardViewModel>) c -> syncCards());

        scroller.setContent(stack);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("layer-scroller");
        scroller.setFocusTraversable(false);
        if (diagramView == null) {
            setCenter(scroller);
        } else {
            SplitPane centre = new SplitPane(scroller);
            centre.setOrientation(Orientation.VERTICAL);
            centre.getStyleClass().add("editor-split");
            diagramView.setVisible(false);
            diagramShown.addListener(
                    (obs, old, shown) -> {
                        if (shown) {
                            centre.getItems().add(diagramView);
                            centre.setDividerPositions(0.5);
                            diagramView.setVisible(true);
                        } else {
                            diagramView.setVisible(false);
                            centre.getItems().remove(diagramView);
                        }
                    });
            setCenter(centre);
        }

        viewModel
                .selectedIndexProperty()
                .addListener((obs, old, now) -> Platform.runLater(this::revealSelection));
        addEventFilter(KeyEvent.KEY_PRESSED, this::undoKeysInTextFields);
        // Keyboard users select a layer by tabbing into its card.
        sceneProperty()
                .addListener(
                        (obs, old, scene) -> {
                            if (scene != null) {
                                scene.focusOwnerProperty()
                                        .addListener((o, was, owner) -> selectCardOf(owner));
                            }
                        });
    }

    /** The Train button; its action calls {@link ArchitectureViewModel#train()}. */
    public Button trainButton() {
        return trainButton;
    }

    /** Whether the network diagram shows under the cards (always false without a diagram). */
    public BooleanProperty diagramShownProperty() {
        return diagramShown;
    }

    private HBox toolbar() {
        Label title = new Label();
        title.getStyleClass().add("editor-title");
        title.textProperty().bind(viewModel.specProperty().map(spec -> spec.name()));
        title.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton add = new MenuButton("Add layer");
        add.setId("add-layer");
        add.getStyleClass().add("toolbar-menu");
        add.setTooltip(new Tooltip("Add a layer below the selected one (or before the output)"));
        for (LayerKind kind : LayerKind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("add-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> viewModel.addLayer(kind));
            add.getItems().add(item);
        }

        Button undo = new Button("Undo");
        undo.setId("undo-button");
        undo.disableProperty().bind(viewModel.undoRedoProperty().map(steps -> !steps.canUndo()));
        undo.setOnAction(e -> viewModel.undo());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty()
                .bind(viewModel.undoRedoProperty().map(steps -> steps.undoText() + " (Ctrl+Z)"));
        undo.setTooltip(undoTip);
        Button redo = new Button("Redo");
        redo.setId("redo-button");
        redo.disableProperty().bind(viewModel.undoRedoProperty().map(steps -> !steps.canRedo()));
        redo.setOnAction(e -> viewModel.redo());
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty()
                .bind(viewModel.undoRedoProperty().map(steps -> steps.redoText() + " (Ctrl+Y)"));
        redo.setTooltip(redoTip);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        trainButton.setId("train-button");
        trainButton.getStyleClass().add("accent-button");
        trainButton.setMinWidth(Region.USE_PREF_SIZE);
        trainButton.disableProperty().bind(viewModel.trainEnabledBinding().not());
        trainButton.setOnAction(e -> viewModel.train());
        Tooltip trainTip = new Tooltip();
        trainTip.textProperty().bind(viewModel.trainTooltipBinding());
        trainTip.setWrapText(true);
        trainTip.setMaxWidth(360);
        trainButton.setTooltip(trainTip);

        HBox bar = new HBox(title, spacer, add, undo, redo, trainButton);
        bar.getStyleClass().add("editor-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox summary() {
        Label totals = new Label();
        totals.setId("network-totals");
        totals.getStyleClass().add("network-totals");
        totals.textProperty()
                .bind(viewModel.summaryProperty().map(ArchitectureViewModel.Summary::totals));
        Label memory = new Label();
        memory.setId("network-memory");
        memory.getStyleClass().add("network-memory");
        memory.textProperty()
                .bind(viewModel.summaryProperty().map(ArchitectureViewModel.Summary::memory));
        memory.setTooltip(
                new Tooltip(
                        "Rough FP32 estimate: weights, gradients and optimiser state, plus every"
                                + " layer's activations and their gradients for the batch"));

        Label verdict = new Label();
        verdict.setId("network-verdict");
        verdict.getStyleClass().add("network-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(viewModel.verdictProperty());
        verdict.pseudoClassStateChanged(INVALID, !viewModel.isTrainable());
        viewModel
                .trainableProperty()
                .addListener((obs, old, now) -> verdict.pseudoClassStateChanged(INVALID, !now));

        Label networkProblem = new Label();
        networkProblem.setId("network-problem");
        networkProblem.getStyleClass().add("network-problem");
        networkProblem.setWrapText(true);
        networkProblem.setMinHeight(Region.USE_PREF_SIZE);
        networkProblem.textProperty().bind(viewModel.networkProblemProperty());
        networkProblem.visibleProperty().bind(viewModel.networkProblemProperty().isNotEmpty());
        networkProblem.managedProperty().bind(networkProblem.visibleProperty());

        // "Layers 1–3: 832 parameters; the rest is unknown until layer 4 is fixed" is longer
        // than the panel is wide: every line of the summary wraps rather than ending in "…".
        for (Label line : List.of(totals, memory)) {
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
        }
        Node verdictLine = verdict;
        if (diagramView != null) {
            // The toolbar is full at 1280 px; the verdict line has room on its right.
            ToggleButton diagram = new ToggleButton("Diagram");
            diagram.setId("diagram-toggle");
            diagram.getStyleClass().add("diagram-toggle");
            diagram.setMinWidth(Region.USE_PREF_SIZE);
            diagram.selectedProperty().bindBidirectional(diagramShown);
            diagram.setTooltip(
                    new Tooltip("Show the network as boxes under the cards, to export (Ctrl+G)"));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox line = new HBox(verdict, gap, diagram);
            line.setAlignment(Pos.CENTER_LEFT);
            verdictLine = line;
        }
        VBox box = new VBox(totals, memory, verdictLine, networkProblem);
        box.getStyleClass().add("network-summary");
        return box;
    }

    private VBox inputCard() {
        Label kind = new Label("Input");
        kind.getStyleClass().add("layer-kind");
        Label note = new Label("one sample, from the data set");
        note.getStyleClass().add("muted");
        HBox header = new HBox(kind, note);
        header.getStyleClass().add("layer-card-header");
        header.setAlignment(Pos.BASELINE_LEFT);
        Label arrow = new Label("→");
        arrow.getStyleClass().add("shape-arrow");
        Label shape = new Label();
        shape.setId("input-shape");
        shape.getStyleClass().add("output-shape");
        shape.textProperty()
                .bind(viewModel.summaryProperty().map(ArchitectureViewModel.Summary::inputShape));
        HBox line = new HBox(arrow, shape);
        line.getStyleClass().add("shape-line");
        line.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(header, line);
        card.getStyleClass().addAll("layer-card", "input-card");
        return card;
    }

    private void syncCards() {
        int wanted = viewModel.cards().size() + 1;
        while (stack.getChildren().size() > wanted) {
            stack.getChildren().remove(stack.getChildren().size() - 1);
        }
        for (int i = stack.getChildren().size() - 1; i < viewModel.cards().size(); i++) {
            stack.getChildren().add(new LayerCardView(viewModel.cards().get(i), viewModel));
        }
    }

    /**
     * A slider's text field would take Ctrl+Z for its own text undo, leaving a user who typed a
     * value and pressed Enter unable to undo it. Once the typing is committed, the keys undo the
     * network.
     */
    private void undoKeysInTextFields(KeyEvent e) {
        boolean undo = UNDO.match(e);
        boolean redo = REDO.match(e) || REDO_SHIFT.match(e);
        if (!undo && !redo || getScene() == null) {
            return;
        }
        for (Node node = getScene().getFocusOwner(); node != null; node = node.getParent()) {
            if (node instanceof SliderField field) {
                if (!field.hasPendingText()) {
                    if (undo) {
                        viewModel.undo();
                    } else {
                        viewModel.redo();
                    }
                    e.consume();
                }
                return;
            }
        }
    }

    private void selectCardOf(Node owner) {
        for (Node node = owner; node != null && node != this; node = node.getParent()) {
            if (node instanceof LayerCardView card) {
                if (!card.viewModel().selectedProperty().get()) {
                    card.viewModel().select();
                }
                return;
            }
        }
    }

    /** Scrolls the selected card into view and gives it the focus, for keyboard users. */
    private void revealSelection() {
        int index = viewModel.getSelectedIndex();
        if (index < 0 || index + 1 >= stack.getChildren().size()) {
            return;
        }
        if (stack.getChildren().get(index + 1) instanceof LayerCardView card) {
            card.focusCard();
            Bounds viewport = scroller.getViewportBounds();
            double contentHeight = stack.getHeight();
            if (contentHeight <= viewport.getHeight()) {
                return;
            }
            double top = card.getBoundsInParent().getMinY();
            double bottom = card.getBoundsInParent().getMaxY();
            double visibleTop = scroller.getVvalue() * (contentHeight - viewport.getHeight());
            double visibleBottom = visibleTop + viewport.getHeight();
            double target = visibleTop;
            if (top < visibleTop) {
                target = top - 8;
            } else if (bottom > visibleBottom) {
                target = bottom - viewport.getHeight() + 8;
            }
            scroller.setVvalue(
                    Math.max(0, Math.min(1, target / (contentHeight - viewport.getHeight()))));
        }
    }
}
