package org.dnw.ui.workbench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dnw.spec.Presets;
import org.dnw.ui.architecture.ArchitectureView;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.architecture.DiagramViewModel;
import org.dnw.ui.architecture.LayerKind;
import org.dnw.ui.common.CommandStack;

/**
 * The main window's content: menu bar, the architecture editor beside the feature tabs, and the
 * status bar. Tabs start with placeholders; {@link #setTabContent} puts the real views in.
 */
public final class WorkbenchView extends BorderPane {

    /** The stylesheet of the whole window, as a resource URL string. */
    public static final String STYLESHEET =
            WorkbenchView.class.getResource("/org/dnw/ui/workbench.css").toExternalForm();

    private static final double EDITOR_WIDTH = 560;

    /** On a 1280-px screen the cards still read well at this width, and the tabs get more room. */
    private static final double NARROW_EDITOR_WIDTH = 480;

    private final WorkbenchViewModel viewModel;
    private final ArchitectureView architectureView;
    private final TabPane tabs = new TabPane();
    private final Map<WorkbenchTab, Tab> tabByKind = new EnumMap<>(WorkbenchTab.class);
    private Runnable onQuit = () -> {};

    public WorkbenchView(WorkbenchViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("workbench");
        getStylesheets().add(STYLESHEET);
        architectureView = new ArchitectureView(viewModel.architecture(), viewModel.diagram());
        architectureView.setMinWidth(400);

        for (WorkbenchTab kind : WorkbenchTab.values()) {
            Tab tab = new Tab(kind.title(), placeholder(kind));
            tab.setId("tab-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tab.setClosable(false);
            tabByKind.put(kind, tab);
            tabs.getTabs().add(tab);
        }
        tabs.getStyleClass().add("feature-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        SplitPane split = new SplitPane(architectureView, tabs);
        split.getStyleClass().add("workbench-split");
        split.setDividerPositions(0.42);
        // The cards read best about 560 px wide; on a wide screen the tabs get the rest.
        split.widthProperty()
                .addListener(
                        (obs, old, width) -> {
                            if (old.doubleValue() == 0 && width.doubleValue() > 0) {
                                double editor =
                                        width.doubleValue() < 1500
                                                ? NARROW_EDITOR_WIDTH
                                                : EDITOR_WIDTH;
                                split.setDividerPositions(
                                        Math.min(0.42, editor / width.doubleValue()));
                            }
                        });
        SplitPane.setResizableWithParent(architectureView, false);

        setTop(menuBar());
        setCenter(split);
        setBottom(statusBar());
    }

    public WorkbenchViewModel viewModel() {
        return viewModel;
    }

    public ArchitectureView architectureView() {
        return architectureView;
    }

    public TabPane tabPane() {
        return tabs;
    }

    /** Replaces the placeholder (or earlier content) of {@code tab} by {@code content}. */
    public void setTabContent(WorkbenchTab tab, Node content) {
        tabByKind.get(tab).setContent(content);
    }

    public void selectTab(WorkbenchTab tab) {
        tabs.getSelectionModel().select(tabByKind.get(tab));
    }

    public Tab tab(WorkbenchTab tab) {
        return tabByKind.get(tab);
    }

    /** Adds a menu after the window's own (File, Edit, Network). */
    public void addMenu(javafx.scene.control.Menu menu) {
        ((MenuBar) getTop()).getMenus().add(menu);
    }

    /** Adds {@code items} to the File menu, before Quit. */
    public void addFileMenuItems(MenuItem... items) {
        Menu file = ((MenuBar) getTop()).getMenus().get(0);
        // before the separator that sets Quit apart
        file.getItems().addAll(file.getItems().size() - 2, List.of(items));
    }

    /**
     * What File › Quit (Ctrl+Q) does. The handler asks about unsaved changes itself, as closing the
     * window does, so that the question comes once, whichever way the user quits.
     */
    public void setOnQuit(Runnable handler) {
        onQuit = handler == null ? () -> {} : handler;
    }

    private MenuBar menuBar() {
        ArchitectureViewModel editor = viewModel.architecture();

        Menu presets = new Menu("_New from preset");
        presets.setId("menu-new-from-preset");
        for (String name : Presets.NAMES) {
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setId("preset-" + name);
            item.setOnAction(e -> viewModel.newFromPreset(name));
            presets.getItems().add(item);
        }
        MenuItem open = item("_Open spec…", "menu-open", shortcut(KeyCode.O), viewModel::openSpec);
        MenuItem save = item("_Save spec…", "menu-save", shortcut(KeyCode.S), viewModel::saveSpec);
        MenuItem quit = item("_Quit", "menu-quit", shortcut(KeyCode.Q), this::quit);
        Menu file = new Menu("_File", null, presets, open, save, new SeparatorMenuItem(), quit);

        MenuItem undo = item("_Undo", "menu-undo", shortcut(KeyCode.Z), editor::undo);
        undo.textProperty().bind(editor.undoRedoProperty().map(CommandStack.Steps::undoText));
        undo.setMnemonicParsing(false);
        undo.disableProperty().bind(editor.undoRedoProperty().map(steps -> !steps.canUndo()));
        MenuItem redo = item("_Redo", "menu-redo", shortcut(KeyCode.Y), editor::redo);
        redo.textProperty().bind(editor.undoRedoProperty().map(CommandStack.Steps::redoText));
        redo.setMnemonicParsing(false);
        redo.disableProperty().bind(editor.undoRedoProperty().map(steps -> !steps.canRedo()));

        Menu add = new Menu("_Add layer");
        add.setId("menu-add-layer");
        for (LayerKind kind : LayerKind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setOnAction(e -> editor.addLayer(kind));
            add.getItems().add(item);
        }
        var noSelection = editor.selectedIndexProperty().lessThan(0);
        MenuItem remove =
                item(
                        "Re_move layer",
                        "menu-remove",
                        new KeyCodeCombination(KeyCode.DELETE),
                        editor::removeSelected);
        remove.disableProperty().bind(noSelection);
        MenuItem duplicate =
                item(
                        "_Duplicate layer",
                        "menu-duplicate",
                        shortcut(KeyCode.D),
                        editor::duplicateSelected);
        duplicate.disableProperty().bind(noSelection);
        MenuItem up =
                item(
                        "Move layer u_p",
                        "menu-move-up",
                        new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN),
                        editor::moveSelectedUp);
        up.disableProperty().bind(editor.selectedIndexProperty().lessThan(1));
        MenuItem down =
                item(
                        "Move layer do_wn",
                        "menu-move-down",
                        new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN),
                        editor::moveSelectedDown);
        down.disableProperty()
                .bind(
                        noSelection.or(
                                editor.selectedIndexProperty()
                                        .greaterThanOrEqualTo(
                                                javafx.beans.binding.Bindings.size(editor.cards())
                                                        .subtract(1))));
        Menu edit =
                new Menu(
                        "_Edit",
                        null,
                        undo,
                        redo,
                        new SeparatorMenuItem(),
                        add,
                        duplicate,
                        remove,
                        new SeparatorMenuItem(),
                        up,
                        down);

        MenuItem train = item("_Train", "menu-train", shortcut(KeyCode.T), editor::train);
        train.disableProperty().bind(editor.trainEnabledBinding().not());
        CheckMenuItem showDiagram = new CheckMenuItem("Show _diagram");
        showDiagram.setId("menu-diagram");
        showDiagram.setAccelerator(shortcut(KeyCode.G));
        showDiagram.selectedProperty().bindBidirectional(architectureView.diagramShownProperty());
        MenuItem exportPng =
                item(
                        "Export diagram as _PNG…",
                        "menu-diagram-png",
                        null,
                        () -> viewModel.diagram().export(DiagramViewModel.Format.PNG));
        MenuItem exportSvg =
                item(
                        "Export diagram as S_VG…",
                        "menu-diagram-svg",
                        null,
                        () -> viewModel.diagram().export(DiagramViewModel.Format.SVG));
        for (MenuItem export : List.of(exportPng, exportSvg)) {
            export.disableProperty().bind(viewModel.diagram().pictureProperty().isNull());
        }
        Menu network =
                new Menu(
                        "_Network",
                        null,
                        train,
                        new SeparatorMenuItem(),
                        showDiagram,
                        exportPng,
                        exportSvg);

        MenuBar bar = new MenuBar(file, edit, network);
        bar.getStyleClass().add("workbench-menu-bar");
        return bar;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status-message");
        status.getStyleClass().add("status-message");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ArchitectureViewModel editor = viewModel.architecture();
        Label network = new Label();
        network.setId("status-network");
        network.getStyleClass().add("status-network");
        network.textProperty()
                .bind(
                        javafx.beans.binding.Bindings.createStringBinding(
                                () ->
                                        editor.getSpec().name()
                                                + " · "
                                                + editor.getSpec().layers().size()
                                                + " layers · "
                                                + (!editor.activityProperty().get().isEmpty()
                                                        ? editor.activityProperty().get()
                                                        : editor.isTrainable()
                                                                ? "✓ ready to train"
                                                                : "✗ cannot train"),
                                editor.specProperty(),
                                editor.trainableProperty(),
                                editor.activityProperty()));
        network.setMinWidth(Region.USE_PREF_SIZE);
        javafx.css.PseudoClass invalid = javafx.css.PseudoClass.getPseudoClass("invalid");
        network.pseudoClassStateChanged(invalid, !editor.isTrainable());
        editor.trainableProperty()
                .addListener((obs, old, now) -> network.pseudoClassStateChanged(invalid, !now));
        HBox bar = new HBox(status, network);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static VBox placeholder(WorkbenchTab kind) {
        Label title = new Label(kind.title());
        title.getStyleClass().add("placeholder-title");
        Label text = new Label(kind.placeholder());
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        text.setMaxWidth(460);
        Label soon = new Label("Coming in a later step of the workbench.");
        soon.getStyleClass().add("placeholder-note");
        VBox box = new VBox(title, text, soon);
        box.getStyleClass().add("tab-placeholder");
        box.setAlignment(Pos.CENTER);
        box.setId(
                "placeholder-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return box;
    }

    private void quit() {
        onQuit.run();
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(
            String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }
}
