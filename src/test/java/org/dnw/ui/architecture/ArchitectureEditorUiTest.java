package org.dnw.ui.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.Presets;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real flows through the window, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class ArchitectureEditorUiTest {

    static {
        HeadlessFx.configure();
    }

    private ArchitectureViewModel editor;

    @Start
    void start(Stage stage) {
        editor = new ArchitectureViewModel(Presets.load("mlp"));
        WorkbenchViewModel workbench =
                new WorkbenchViewModel(
                        editor, new FakeDialogService(), Runnable::run, Runnable::run);
        stage.setScene(new Scene(new WorkbenchView(workbench), 1280, 800));
        stage.show();
    }

    private static long cardCount(FxRobot robot) {
        return robot.lookup(node -> node instanceof LayerCardView).queryAll().size();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void loadSeedCnnFromTheMenu(FxRobot robot) {
        robot.clickOn("File").clickOn("New from preset").clickOn("seed-cnn");
        settle();
    }

    @Test
    void newFromPresetSeedCnnShowsTenCards(FxRobot robot) {
        assertThat(cardCount(robot)).isEqualTo(Presets.load("mlp").layers().size());

        loadSeedCnnFromTheMenu(robot);

        assertThat(cardCount(robot)).isEqualTo(10);
        assertThat(robot.lookup("#input-shape").queryAs(Label.class).getText())
                .isEqualTo("1 × 28 × 28");
        assertThat(robot.lookup("#network-totals").queryAs(Label.class).getText())
                .startsWith("3,274,634 parameters");
        assertThat(robot.lookup("#train-button").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void ctrlGShowsTheDiagramWhichFollowsTheCardsAndSaysWhenTheNetworkCannotWork(FxRobot robot)
            throws Exception {
        loadSeedCnnFromTheMenu(robot);
        assertThat(robot.lookup("#diagram-view").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        settle();

        javafx.scene.image.ImageView image =
                robot.lookup("#diagram-image").queryAs(javafx.scene.image.ImageView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> image.getImage() != null);
        assertThat((int) image.getImage().getWidth())
                .isEqualTo(org.dnw.figures.NetworkDiagram.of(Presets.load("seed-cnn")).width());
        assertThat(robot.lookup("#diagram-export-png").queryButton().isDisabled()).isFalse();

        org.dnw.spec.ModelSpec impossible =
                new org.dnw.spec.ModelSpec(
                        "too-small",
                        org.dnw.spec.Shape.image(1, 4, 4),
                        java.util.List.of(
                                Conv2dSpec.of(8, 5, 1, org.dnw.spec.Padding.VALID),
                                new org.dnw.spec.FlattenSpec(),
                                org.dnw.spec.OutputSpec.softmax(10)));
        robot.interact(() -> editor.load(impossible, "a network too big for its input"));
        Label problem = robot.lookup("#diagram-problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !problem.getText().isEmpty());
        settle();
        assertThat(problem.getText())
                .isEqualTo(
                        "The network cannot be drawn — "
                                + impossible.analyse().errors().get(0).message());
        assertThat(problem.isVisible()).isTrue();
        assertThat(image.getImage()).isNull();
        assertThat(robot.lookup("#diagram-export-svg").queryButton().isDisabled()).isTrue();

        robot.clickOn("#diagram-toggle");
        settle();
        assertThat(robot.lookup("#diagram-view").tryQuery()).isEmpty();
    }

    @Test
    void aKernelTypedAboveTheRangeIsClampedWithASentenceBesideTheField(FxRobot robot) {
        loadSeedCnnFromTheMenu(robot);
        robot.doubleClickOn("#kernel-field-1").write("29").type(KeyCode.ENTER);
        settle();
        assertThat(editor.getSpec().layers().get(0))
                .isInstanceOfSatisfying(
                        Conv2dSpec.class, c -> assertThat(c.kernelHeight()).isEqualTo(11));
        var field = robot.lookup("#kernel-1").queryAs(org.dnw.ui.common.SliderField.class);
        assertThat(field.getNote()).isEqualTo("29 is above the maximum of 11: set to 11.");
        assertThat(field.note().isVisible()).isTrue();
        robot.doubleClickOn("#features-field-1").write("0").type(KeyCode.ENTER);
        settle();
        assertThat(
                        robot.lookup("#features-1")
                                .queryAs(org.dnw.ui.common.SliderField.class)
                                .getNote())
                .isEqualTo("0 is below the minimum of 1: set to 1.");
        // the next edit takes the note away; so does Undo, which changes the value
        robot.interact(
                () -> {
                    editor.undo();
                    editor.undo();
                });
        settle();
        assertThat(field.getNote()).isEmpty();
    }

    @Test
    void draggingTheKernelSliderChangesTheShapeInOneUndoStep(FxRobot robot) {
        loadSeedCnnFromTheMenu(robot);
        Label shape = robot.lookup("#output-shape-1").queryAs(Label.class);
        assertThat(shape.getText()).isEqualTo("32 × 28 × 28");

        robot.clickOn("#padding-valid-1");
        settle();
        assertThat(shape.getText()).isEqualTo("32 × 24 × 24");
        int stepsBefore = editor.undoCount();

        Node thumb = robot.lookup("#kernel-slider-1 .thumb").query();
        robot.drag(thumb, MouseButton.PRIMARY)
                .moveBy(40, 0)
                .moveBy(40, 0)
                .release(MouseButton.PRIMARY);
        settle();

        int kernel = ((Conv2dSpec) editor.getSpec().layers().get(0)).kernelHeight();
        assertThat(kernel).isGreaterThan(5);
        assertThat(robot.lookup("#kernel-field-1").queryAs(TextField.class).getText())
                .isEqualTo(String.valueOf(kernel));
        int side = 28 - kernel + 1;
        assertThat(shape.getText()).isEqualTo("32 × " + side + " × " + side);
        assertThat(editor.undoCount()).isEqualTo(stepsBefore + 1);

        robot.clickOn("#undo-button");
        settle();
        assertThat(shape.getText()).isEqualTo("32 × 24 × 24");
    }

    @Test
    void typingAKernelSizeUpdatesTheSlider(FxRobot robot) {
        loadSeedCnnFromTheMenu(robot);
        robot.doubleClickOn("#kernel-field-1").write("3").type(KeyCode.ENTER);
        settle();
        assertThat(((Conv2dSpec) editor.getSpec().layers().get(0)).kernelHeight()).isEqualTo(3);
        assertThat(
                        robot.lookup("#kernel-slider-1")
                                .queryAs(javafx.scene.control.Slider.class)
                                .getValue())
                .isEqualTo(2.0);
        assertThat(robot.lookup("#output-shape-1").queryAs(Label.class).getText())
                .isEqualTo("32 × 28 × 28");
        assertThat(robot.lookup("#layer-card-1 .layer-size").queryAs(Label.class).getText())
                .isEqualTo("320 parameters");

        // Focus is still in the text field: Ctrl+Z undoes the edit of the network, not the text.
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertThat(((Conv2dSpec) editor.getSpec().layers().get(0)).kernelHeight()).isEqualTo(5);
        assertThat(robot.lookup("#kernel-field-1").queryAs(TextField.class).getText())
                .isEqualTo("5");
    }

    @Test
    void removingFlattenDisablesTrainWithTheSentenceAndCtrlZRestoresIt(FxRobot robot) {
        loadSeedCnnFromTheMenu(robot);
        robot.interact(() -> editor.select(6));
        settle();

        robot.clickOn("#remove-7");
        settle();

        Button train = robot.lookup("#train-button").queryAs(Button.class);
        assertThat(cardCount(robot)).isEqualTo(9);
        assertThat(train.isDisabled()).isTrue();
        String sentence =
                "layer 7: a dense layer needs a flat input, but it gets an image of 64 × 7 × 7 — add a Flatten layer before it";
        Label problem = robot.lookup("#layer-card-7 .layer-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo(sentence);
        assertThat(robot.lookup("#layer-card-7").query().getPseudoClassStates().toString())
                .contains("error");
        assertThat(robot.lookup("#network-verdict").queryAs(Label.class).getText())
                .isEqualTo("Cannot train — " + sentence);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();

        assertThat(cardCount(robot)).isEqualTo(10);
        assertThat(train.isDisabled()).isFalse();
        assertThat(robot.lookup("#layer-card-7 .layer-problem").queryAs(Label.class).isVisible())
                .isFalse();
        assertThat(robot.lookup("#network-verdict").queryAs(Label.class).getText())
                .isEqualTo("Ready to train");
    }

    @Test
    void keyboardMovesAndDuplicatesTheSelectedLayer(FxRobot robot) throws Exception {
        loadSeedCnnFromTheMenu(robot);
        robot.clickOn("#layer-card-3 .layer-kind");
        settle();
        assertThat(editor.getSelectedIndex()).isEqualTo(2);

        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        settle();
        assertThat(editor.getSpec().layers().get(1).kindName()).isEqualTo("MaxPool2d");
        assertThat(editor.getSelectedIndex()).isEqualTo(1);

        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        settle();
        assertThat(editor.getSpec().layers()).hasSize(11);
        assertThat(editor.getSpec().layers().get(2).kindName()).isEqualTo("MaxPool2d");
        assertThat(cardCount(robot)).isEqualTo(11);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                2, TimeUnit.SECONDS, () -> editor.getSpec().equals(Presets.load("seed-cnn")));
        assertThat(cardCount(robot)).isEqualTo(10);
    }

    @Test
    void addLayerFromTheToolbarInsertsBelowTheSelection(FxRobot robot) {
        loadSeedCnnFromTheMenu(robot);
        robot.interact(() -> editor.select(7));
        settle();
        Node card = robot.lookup("#layer-card-8").query();
        Node viewport = robot.lookup(".layer-scroller").query();
        javafx.geometry.Bounds cardBounds = card.localToScene(card.getBoundsInLocal());
        javafx.geometry.Bounds visible = viewport.localToScene(viewport.getBoundsInLocal());
        assertThat(cardBounds.getMinY()).isGreaterThanOrEqualTo(visible.getMinY());
        assertThat(cardBounds.getMaxY()).isLessThanOrEqualTo(visible.getMaxY());
        robot.clickOn("#add-layer").clickOn("Dropout");
        settle();
        assertThat(editor.getSpec().layers().get(8).kindName()).isEqualTo("Dropout");
        assertThat(robot.lookup("#rate-field-9").queryAs(TextField.class).getText())
                .isEqualTo("0.50");
        assertThat(robot.lookup("#output-shape-9").queryAs(Label.class).getText())
                .isEqualTo("1024");
    }

    @Test
    void draggingACardByItsHandleReordersTheLayers(FxRobot robot) {
        Assumptions.assumeFalse(
                "Monocle".equals(System.getProperty("glass.platform")),
                "Monocle has no drag and drop: skipping the drag test (run the UI tests under"
                        + " xvfb-run with -Dtestfx.headless=false to include it)");
        loadSeedCnnFromTheMenu(robot);
        Node target = robot.lookup("#layer-card-1").query();
        robot.drag("#layer-card-3 .drag-handle", MouseButton.PRIMARY)
                .moveTo(target)
                .moveBy(0, -target.getBoundsInLocal().getHeight() / 2 + 5)
                .release(MouseButton.PRIMARY);
        settle();
        assertThat(editor.getSpec().layers().get(0).kindName()).isEqualTo("MaxPool2d");
    }
}
