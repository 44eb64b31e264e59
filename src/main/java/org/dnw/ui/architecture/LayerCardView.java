package org.dnw.ui.architecture;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.ActivationType;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.ui.architecture.LayerCardViewModel.Status;
import org.dnw.ui.common.SliderField;

/**
 * One layer card: a header (drag handle, position, kind, move and menu buttons), the layer's
 * controls, its output shape and sizes, and its problem in red. Bound to one {@link
 * LayerCardViewModel}; the controls are rebuilt only when the layer's kind changes at this
 * position.
 */
public final class LayerCardView extends VBox {

    /** Drag-and-drop payload prefix, so that drops of other text are refused. */
    static final String DRAG_PREFIX = "dnw-layer:";

    static final int[] FEATURE_STOPS = {
        1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512
    };
    static final int[] UNIT_STOPS = {
        1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096
    };

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    private static final PseudoClass DROP_ABOVE = PseudoClass.getPseudoClass("drop-above");
    private static final PseudoClass DROP_BELOW = PseudoClass.getPseudoClass("drop-below");

    private final LayerCardViewModel card;
    private final ArchitectureViewModel editor;
    private final Label kindLabel = new Label();
    private final VBox body = new VBox();
    private final Label problemLabel = new Label();
    private LayerKind shownKind;
    private Runnable refreshControls = () -> {};
    private boolean updating;

    public LayerCardView(LayerCardViewModel card, ArchitectureViewModel editor) {
        this.card = card;
        this.editor = editor;
        getStyleClass().add("layer-card");
        setId("layer-card-" + card.position());
        setFocusTraversable(true);
        setAccessibleText("Layer " + card.position());

        body.getStyleClass().add("layer-card-body");
        problemLabel.getStyleClass().add("layer-problem");
        problemLabel.setWrapText(true);
        problemLabel.setMinHeight(Region.USE_PREF_SIZE);
        problemLabel.textProperty().bind(card.statusProperty().map(Status::problem));
        problemLabel.visibleProperty().bind(card.statusProperty().map(s -> !s.problem().isEmpty()));
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());

        getChildren().addAll(header(), body, shapeLine(), problemLabel);

        card.kindProperty().addListener((obs, old, now) -> rebuildIfKindChanged());
        card.layerProperty().addListener((obs, old, now) -> showLayer());
        bindPseudoClass(SELECTED, card.selectedProperty());
        bindPseudoClass(ERROR, card.statusProperty().map(Status::error));
        bindPseudoClass(WARNING, card.statusProperty().map(Status::warning));
        bindPseudoClass(UNKNOWN, card.statusProperty().map(s -> !s.shapeKnown()));

        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> card.select());
        setUpDropTarget();
        rebuildIfKindChanged();
    }

    public LayerCardViewModel viewModel() {
        return card;
    }

    private HBox header() {
        Label handle = new Label("≡");
        handle.getStyleClass().add("drag-handle");
        handle.setTooltip(new Tooltip("Drag to move this layer"));
        handle.setOnDragDetected(
                e -> {
                    Dragboard board = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(DRAG_PREFIX + card.index());
                    board.setContent(content);
                    SnapshotParameters parameters = new SnapshotParameters();
                    parameters.setFill(Color.TRANSPARENT);
                    board.setDragView(snapshot(parameters, null), e.getX(), e.getY());
                    e.consume();
                });

        Label position = new Label(String.valueOf(card.position()));
        position.getStyleClass().add("layer-position");
        position.setMinWidth(Region.USE_PREF_SIZE);

        kindLabel.getStyleClass().add("layer-kind");
        kindLabel.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button up = smallButton("▲", "Move up (Alt+Up)", card::moveUp);
        up.setDisable(card.index() == 0);
        up.setId("move-up-" + card.position());
        Button down = smallButton("▼", "Move down (Alt+Down)", card::moveDown);
        down.disableProperty().bind(card.statusProperty().map(Status::last));
        down.setId("move-down-" + card.position());
        Button remove = smallButton("✕", "Remove this layer (Delete)", card::remove);
        remove.setId("remove-" + card.position());
        remove.getStyleClass().add("remove-button");

        MenuButton more = new MenuButton("⋯");
        more.getStyleClass().addAll("card-button", "card-menu");
        more.setTooltip(new Tooltip("More: insert a layer, duplicate"));
        more.setAccessibleText("Layer " + card.position() + " actions");
        more.setId("card-menu-" + card.position());
        Menu above = new Menu("Insert above");
        Menu below = new Menu("Insert below");
        for (LayerKind kind : LayerKind.values()) {
            MenuItem a = new MenuItem(kind.label());
            a.setOnAction(e -> card.insertAbove(kind));
            MenuItem b = new MenuItem(kind.label());
            b.setOnAction(e -> card.insertBelow(kind));
            above.getItems().add(a);
            below.getItems().add(b);
        }
        MenuItem duplicate = new MenuItem("Duplicate");
        duplicate.setOnAction(e -> card.duplicate());
        MenuItem removeItem = new MenuItem("Remove");
        removeItem.setOnAction(e -> card.remove());
        more.getItems().addAll(below, above, new SeparatorMenuItem(), duplicate, removeItem);

        HBox header = new HBox(handle, position, kindLabel, spacer, up, down, more, remove);
        header.getStyleClass().add("layer-card-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private HBox shapeLine() {
        Label arrow = new Label("→");
        arrow.getStyleClass().add("shape-arrow");
        Label shape = new Label();
        shape.getStyleClass().add("output-shape");
        shape.setId("output-shape-" + card.position());
        shape.textProperty().bind(card.statusProperty().map(Status::outputShape));
        shape.setMinWidth(Region.USE_PREF_SIZE);
        shape.setTooltip(new Tooltip("Shape of one sample leaving this layer"));
        Label params = new Label();
        params.getStyleClass().add("layer-size");
        params.textProperty().bind(card.statusProperty().map(Status::parameters));
        params.setMinWidth(Region.USE_PREF_SIZE);
        Label macs = new Label();
        macs.getStyleClass().add("layer-size");
        macs.textProperty().bind(card.statusProperty().map(Status::multiplyAdds));
        HBox line = new HBox(arrow, shape, params, macs);
        line.getStyleClass().add("shape-line");
        line.setAlignment(Pos.BASELINE_LEFT);
        return line;
    }

    private void rebuildIfKindChanged() {
        LayerKind kind = card.kindProperty().get();
        if (kind == shownKind && kind != null) {
            showLayer();
            return;
        }
        if (shownKind != null) {
            getStyleClass().remove(shownKind.styleClass());
        }
        shownKind = kind;
        if (kind == null) {
            return;
        }
        getStyleClass().add(kind.styleClass());
        kindLabel.setText(kind.label());
        kindLabel.setTooltip(new Tooltip(kind.description()));
        body.getChildren().clear();
        refreshControls = () -> {};
        switch (kind) {
            case CONVOLUTION -> buildConvolution();
            case POOLING -> buildPooling();
            case DENSE -> buildDense();
            case ACTIVATION -> buildActivation();
            case DROPOUT -> buildDropout();
            case FLATTEN ->
                    note("Turns the image into one vector of channels × height × width values.");
            case BATCH_NORM ->
                    note("Normalises each channel and learns a scale and a shift for it.");
            case OUTPUT -> buildOutput();
        }
        body.setVisible(!body.getChildren().isEmpty());
        body.setManaged(body.isVisible());
        showLayer();
    }

    private void showLayer() {
        updating = true;
        try {
            refreshControls.run();
        } finally {
            updating = false;
        }
    }

    private void buildConvolution() {
        SliderField kernel = slider(SliderField.ofRange("Kernel size", 1, 11), "kernel");
        kernel.setOnEdit(v -> card.setKernel((int) v));
        SliderField features =
                slider(SliderField.ofIntegers("Features", FEATURE_STOPS, 1, 512), "features");
        features.setOnEdit(v -> card.setFilters((int) v));
        SliderField stride = slider(SliderField.ofRange("Stride", 1, 4), "stride");
        stride.setOnEdit(v -> card.setStride((int) v));

        ToggleGroup padding = new ToggleGroup();
        ToggleButton valid =
                segment("valid", padding, "No padding: the image shrinks by kernel − 1");
        ToggleButton same =
                segment("same", padding, "Pads the border so the size stays (odd kernels)");
        valid.setId("padding-valid-" + card.position());
        same.setId("padding-same-" + card.position());
        valid.setOnAction(e -> pickPadding(Padding.VALID));
        same.setOnAction(e -> pickPadding(Padding.SAME));
        Label explicit = new Label();
        explicit.getStyleClass().add("muted");
        CheckBox bias = new CheckBox("Bias");
        bias.setId("bias-" + card.position());
        bias.setOnAction(
                e -> {
                    if (!updating) {
                        card.setBias(bias.isSelected());
                        editor.endEdit();
                    }
                });
        Label paddingLabel = new Label("Padding");
        paddingLabel.getStyleClass().add("slider-field-label");
        HBox segmented = new HBox(valid, same);
        segmented.getStyleClass().add("segmented");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(paddingLabel, segmented, explicit, gap, bias);
        row.getStyleClass().add("control-row");
        row.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(kernel, features, stride, row);

        refreshControls =
                () -> {
                    if (card.getLayer() instanceof Conv2dSpec c) {
                        kernel.setValue(c.kernelHeight());
                        features.setValue(c.filters());
                        stride.setValue(c.stride());
                        valid.setSelected(c.padding().mode() == Padding.Mode.VALID);
                        same.setSelected(c.padding().mode() == Padding.Mode.SAME);
                        explicit.setText(
                                c.padding().mode() == Padding.Mode.EXPLICIT
                                        ? "explicit: " + c.padding().amount()
                                        : "");
                        bias.setSelected(c.bias());
                    }
                };
    }

    private void pickPadding(Padding padding) {
        if (updating) {
            return;
        }
        card.setPadding(padding);
        editor.endEdit();
        // A toggle group lets a click deselect; the layer always has a padding, so show it again.
        showLayer();
    }

    private void buildPooling() {
        ToggleGroup type = new ToggleGroup();
        ToggleButton max = segment("max", type, "Keeps the largest value of each window");
        ToggleButton average = segment("average", type, "Keeps the mean of each window");
        max.setId("pool-max-" + card.position());
        average.setId("pool-average-" + card.position());
        max.setOnAction(e -> pickPool(PoolType.MAX));
        average.setOnAction(e -> pickPool(PoolType.AVERAGE));
        Label typeLabel = new Label("Type");
        typeLabel.getStyleClass().add("slider-field-label");
        HBox segmented = new HBox(max, average);
        segmented.getStyleClass().add("segmented");
        HBox row = new HBox(typeLabel, segmented);
        row.getStyleClass().add("control-row");
        row.setAlignment(Pos.CENTER_LEFT);
        SliderField kernel = slider(SliderField.ofRange("Window", 1, 8), "kernel");
        kernel.setOnEdit(v -> card.setKernel((int) v));
        SliderField stride = slider(SliderField.ofRange("Stride", 1, 4), "stride");
        stride.setOnEdit(v -> card.setStride((int) v));
        body.getChildren().addAll(row, kernel, stride);
        refreshControls =
                () -> {
                    if (card.getLayer() instanceof Pool2dSpec p) {
                        max.setSelected(p.poolType() == PoolType.MAX);
                        average.setSelected(p.poolType() == PoolType.AVERAGE);
                        kernel.setValue(p.kernel());
                        stride.setValue(p.stride());
                        kindLabel.setText(
                                p.poolType() == PoolType.MAX ? "Max pooling" : "Average pooling");
                    }
                };
    }

    private void pickPool(PoolType type) {
        if (updating) {
            return;
        }
        card.setPoolType(type);
        editor.endEdit();
        showLayer();
    }

    private void buildDense() {
        SliderField units = slider(SliderField.ofIntegers("Units", UNIT_STOPS, 1, 4096), "units");
        units.setOnEdit(v -> card.setUnits((int) v));
        CheckBox bias = new CheckBox("Bias");
        bias.setId("bias-" + card.position());
        bias.setOnAction(
                e -> {
                    if (!updating) {
                        card.setBias(bias.isSelected());
                        editor.endEdit();
                    }
                });
        body.getChildren().addAll(units, bias);
        refreshControls =
                () -> {
                    if (card.getLayer() instanceof DenseSpec d) {
                        units.setValue(d.units());
                        bias.setSelected(d.bias());
                    }
                };
    }

    private void buildActivation() {
        ComboBox<ActivationType> function = new ComboBox<>();
        function.getItems().setAll(ActivationType.values());
        function.setId("activation-" + card.position());
        function.setAccessibleText("Activation function");
        function.setConverter(
                new StringConverter<>() {
                    @Override
                    public String toString(ActivationType type) {
                        return type == null ? "" : type.label();
                    }

                    @Override
                    public ActivationType fromString(String text) {
                        return null;
                    }
                });
        function.valueProperty()
                .addListener(
                        (obs, old, now) -> {
                            if (!updating
                                    && now != null
                                    && card.getLayer() instanceof ActivationSpec a
                                    && a.function() != now) {
                                card.setActivation(now);
                                editor.endEdit();
                            }
                        });
        Label label = new Label("Function");
        label.getStyleClass().add("slider-field-label");
        HBox row = new HBox(label, function);
        row.getStyleClass().add("control-row");
        row.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().add(row);
        refreshControls =
                () -> {
                    if (card.getLayer() instanceof ActivationSpec a) {
                        function.setValue(a.function());
                        kindLabel.setText(a.function().label());
                    }
                };
    }

    private void buildDropout() {
        SliderField rate = slider(SliderField.ofDecimals("Rate", 0, 0.9, 0.05, 0, 0.99, 2), "rate");
        rate.setOnEdit(card::setDropoutRate);
        body.getChildren().add(rate);
        refreshControls =
                () -> {
                    if (card.getLayer() instanceof DropoutSpec d) {
                        rate.setValue(d.rate());
                    }
                };
    }

    private void buildOutput() {
        Label classes = new Label();
        classes.getStyleClass().add("output-classes");
        classes.setId("output-classes-" + card.position());
        Label note = new Label("set by the data set");
        note.getStyleClass().add("muted");
        HBox row = new HBox(classes, note);
        row.getStyleClass().add("control-row");
        row.setAlignment(Pos.BASELINE_LEFT);
        body.getChildren().add(row);
        refreshControls = () -> classes.setText(card.outputDescription());
    }

    private void note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("layer-note");
        label.setWrapText(true);
        body.getChildren().add(label);
    }

    private SliderField slider(SliderField field, String name) {
        field.setId(name + "-" + card.position());
        field.slider().setId(name + "-slider-" + card.position());
        field.textField().setId(name + "-field-" + card.position());
        field.setOnEditFinished(editor::endEdit);
        return field;
    }

    private static ToggleButton segment(String text, ToggleGroup group, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        button.getStyleClass().add("segment");
        return button;
    }

    private static Button smallButton(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add("card-button");
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    private void bindPseudoClass(
            PseudoClass pseudoClass, javafx.beans.value.ObservableValue<Boolean> value) {
        pseudoClassStateChanged(pseudoClass, value.getValue());
        value.addListener((obs, old, now) -> pseudoClassStateChanged(pseudoClass, now));
    }

    private void setUpDropTarget() {
        setOnDragOver(
                e -> {
                    if (draggedIndex(e) >= 0) {
                        e.acceptTransferModes(TransferMode.MOVE);
                        boolean below = e.getY() > getHeight() / 2;
                        pseudoClassStateChanged(DROP_ABOVE, !below);
                        pseudoClassStateChanged(DROP_BELOW, below);
                    }
                    e.consume();
                });
        setOnDragExited(e -> clearDropMarks());
        setOnDragDropped(
                e -> {
                    int from = draggedIndex(e);
                    boolean done = from >= 0;
                    if (done) {
                        editor.dropLayer(from, card.index(), e.getY() > getHeight() / 2);
                    }
                    clearDropMarks();
                    e.setDropCompleted(done);
                    e.consume();
                });
    }

    private void clearDropMarks() {
        pseudoClassStateChanged(DROP_ABOVE, false);
        pseudoClassStateChanged(DROP_BELOW, false);
    }

    private static int draggedIndex(DragEvent e) {
        Dragboard board = e.getDragboard();
        if (board.hasString() && board.getString().startsWith(DRAG_PREFIX)) {
            try {
                return Integer.parseInt(board.getString().substring(DRAG_PREFIX.length()));
            } catch (NumberFormatException ignored) {
                return -1;
            }
        }
        return -1;
    }

    /** Focuses this card unless the keyboard focus is already inside it. */
    void focusCard() {
        if (!holdsFocus()) {
            requestFocus();
        }
    }

    /**
     * True when the scene's focus owner is this card or inside it. Not {@code isFocusWithin()}:
     * that also turns true when a combo box's hidden list marks a cell as its focused item.
     */
    boolean holdsFocus() {
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        for (Node node = owner; node != null; node = node.getParent()) {
            if (node == this) {
                return true;
            }
        }
        return false;
    }
}
