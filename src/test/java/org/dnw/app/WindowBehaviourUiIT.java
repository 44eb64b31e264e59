package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.spec.Shape;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.training.TrainingState;
import org.dnw.ui.workbench.WorkbenchTab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's behaviour as a user meets it, on the real engine, headless: an RGB data set fits the
 * network and Undo cannot unfit it; every shortcut of the menus and the README works wherever the
 * focus is; Quit asks once; the editor and the status bar say what a run is doing; a typed value
 * out of a slider's range is clamped with a sentence saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowBehaviourUiIT {

    static {
        HeadlessFx.configure();
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir static Path dir;

    private static final FakeDialogService dialogs = new FakeDialogService();
    private static WorkbenchApp app;
    private static Stage stage;
    private static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void openTheWindow() throws Exception {
        System.setProperty("workbench.runs", dir.resolve("runs").toString());
        stage = FxToolkit.registerPrimaryStage();
        app = new WorkbenchApp();
        WorkbenchOptions options =
                WorkbenchOptions.parse(
                        List.of("--size", "1280x800", "--epochs", "5", "--tab", "Training"));
        FxToolkit.setupFixture(
                () -> {
                    Scene scene = app.createScene(stage, options, dialogs);
                    stage.setScene(scene);
                    stage.show();
                });
        waitFor(60, () -> app.dataModel().getLoaded() != null);
    }

    @AfterAll
    static void closeIt() throws Exception {
        FxToolkit.setupFixture(
                () -> {
                    app.trainingModel().onStop();
                    stage.hide();
                });
        System.clearProperty("workbench.runs");
    }

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                seconds,
                TimeUnit.SECONDS,
                () -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    return condition.call();
                });
    }

    private static void fx(Runnable action) throws Exception {
        FxToolkit.setupFixture(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T read(Supplier<T> value) throws Exception {
        Object[] out = new Object[1];
        FxToolkit.setupFixture(() -> out[0] = value.get());
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }

    /** Three classes of 32 × 32 RGB images in class folders, as a user's own data set. */
    private static Path rgbImages() throws Exception {
        Path root = dir.resolve("rgb-shapes");
        String[] classes = {"red", "green", "blue"};
        java.util.Random random = new java.util.Random(7);
        for (int c = 0; c < classes.length; c++) {
            Path folder = Files.createDirectories(root.resolve(classes[c]));
            for (int i = 0; i < 30; i++) {
                BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int v = 128 + random.nextInt(127);
                        image.setRGB(x, y, v << (16 - 8 * c));
                    }
                }
                ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
            }
        }
        return root;
    }

    @Test
    @Order(1)
    void anRgbDataSetFitsTheNetworkAndUndoKeepsItFitted() throws Exception {
        fx(() -> app.editorModel().cards().get(0).setKernel(3));
        fx(() -> app.editorModel().endEdit());
        fx(() -> app.window().viewModel().newFromPreset("seed-cnn"));
        assertThat(stage.getTitle()).isEqualTo("seed-cnn — Deep Network Workbench");
        int steps = read(() -> app.editorModel().undoCount());

        Path images = rgbImages();
        fx(() -> app.dataModel().open(images));
        waitFor(
                60,
                () ->
                        app.dataModel().getLoaded() != null
                                && app.dataModel().getLoaded().classCount() == 3);
        waitFor(5, () -> app.editorModel().getSpec().input().equals(Shape.image(3, 32, 32)));
        assertThat(stage.getTitle())
                .as("choosing a data set is not an unsaved change")
                .isEqualTo("seed-cnn — Deep Network Workbench");
        assertThat(read(() -> app.editorModel().undoCount())).isEqualTo(steps);

        assertThat(read(() -> app.window().viewModel().requestQuit())).isTrue();
        assertThat(dialogs.questions).isEmpty();

        robot.clickOn("#status-message");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(read(() -> app.editorModel().undoCount())).isEqualTo(steps - 1);
        assertThat(read(() -> app.editorModel().getSpec().input()))
                .isEqualTo(Shape.image(3, 32, 32));
        assertThat(read(() -> app.editorModel().getSpec().output().classes())).isEqualTo(3);
        assertThat(read(() -> app.editorModel().isTrainable())).isTrue();
        assertThat(robot.lookup("#input-shape").tryQueryAs(Label.class))
                .map(Label::getText)
                .hasValueSatisfying(text -> assertThat(text).contains("3 × 32 × 32"));
        fx(() -> app.editorModel().redo());
    }

    /** Where the focus is when a key is pressed, and how to put it there. */
    private record Focus(String name, WorkbenchTab tab, Supplier<Node> node) {}

    private static List<Focus> focusPlaces() {
        return List.of(
                new Focus(
                        "a card's text field",
                        WorkbenchTab.TRAINING,
                        () -> robot.lookup("#kernel-field-1").query()),
                new Focus(
                        "a card's slider",
                        WorkbenchTab.TRAINING,
                        () -> robot.lookup("#kernel-slider-1").query()),
                new Focus(
                        "a card",
                        WorkbenchTab.TRAINING,
                        () -> robot.lookup("#layer-card-2").query()),
                new Focus("the chart", WorkbenchTab.TRAINING, () -> robot.lookup(".chart").query()),
                new Focus(
                        "a combo box",
                        WorkbenchTab.TRAINING,
                        () -> robot.lookup("#optimizer").query()),
                new Focus(
                        "a hyperparameter slider",
                        WorkbenchTab.TRAINING,
                        () -> robot.lookup("#epochs").lookup(".slider").query()),
                new Focus(
                        "the runs table",
                        WorkbenchTab.RUNS,
                        () -> robot.lookup("#runs-table").query()));
    }

    private static void focusOn(Focus place) throws Exception {
        fx(() -> app.window().selectTab(place.tab()));
        Node node = place.node().get();
        fx(node::requestFocus);
    }

    private static void press(Focus place, KeyCode... keys) throws Exception {
        focusOn(place);
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int kernel(int layer) throws Exception {
        return read(
                () ->
                        ((org.dnw.spec.Conv2dSpec) app.editorModel().getSpec().layers().get(layer))
                                .kernelHeight());
    }

    @Test
    @Order(2)
    void everyShortcutWorksWhereverTheFocusIs() throws Exception {
        List<String> failures = new ArrayList<>();
        WorkbenchTab[] tabs = WorkbenchTab.values();
        for (Focus place : focusPlaces()) {
            for (int i = 0; i < 8; i++) {
                KeyCode digit = KeyCode.valueOf("DIGIT" + (i + 1));
                press(place, KeyCode.CONTROL, digit);
                WorkbenchTab now =
                        read(
                                () ->
                                        tabs[
                                                app.window()
                                                        .tabPane()
                                                        .getSelectionModel()
                                                        .getSelectedIndex()]);
                if (now != tabs[i]) {
                    failures.add("Ctrl+" + (i + 1) + " on " + place.name() + " showed " + now);
                }
            }

            int otherKernel = kernel(0) == 5 ? 3 : 5;
            fx(() -> app.editorModel().cards().get(0).setKernel(otherKernel));
            fx(() -> app.editorModel().endEdit());
            int steps = read(() -> app.editorModel().undoCount());
            press(place, KeyCode.CONTROL, KeyCode.Z);
            if (read(() -> app.editorModel().undoCount()) != steps - 1) {
                failures.add("Ctrl+Z on " + place.name());
            }
            press(place, KeyCode.CONTROL, KeyCode.Y);
            if (read(() -> app.editorModel().undoCount()) != steps) {
                failures.add("Ctrl+Y on " + place.name());
            }
            fx(() -> app.editorModel().undo());
            press(place, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
            if (read(() -> app.editorModel().undoCount()) != steps) {
                failures.add("Ctrl+Shift+Z on " + place.name());
            }

            int layers = read(() -> app.editorModel().getSpec().layers().size());
            fx(() -> app.editorModel().select(1));
            focusOn(place);
            robot.push(KeyCode.CONTROL, KeyCode.D);
            WaitForAsyncUtils.waitForFxEvents();
            if (read(() -> app.editorModel().getSpec().layers().size()) != layers + 1) {
                failures.add("Ctrl+D on " + place.name());
            }
            fx(() -> app.editorModel().select(1));
            focusOn(place);
            boolean textField = place.node().get() instanceof TextField;
            String textBefore = textField ? ((TextField) place.node().get()).getText() : "";
            if (textField) {
                fx(() -> ((TextField) place.node().get()).positionCaret(0));
            }
            robot.push(KeyCode.DELETE);
            WaitForAsyncUtils.waitForFxEvents();
            // in a text field Delete deletes text; on the runs table it deletes the selected runs
            boolean ownDelete = textField || place.tab() == WorkbenchTab.RUNS;
            int expected = ownDelete ? layers + 1 : layers;
            if (read(() -> app.editorModel().getSpec().layers().size()) != expected) {
                failures.add("Delete on " + place.name());
            }
            if (textField) {
                String after = ((TextField) place.node().get()).getText();
                if (after.equals(textBefore)) {
                    failures.add("Delete in a text field did not delete text");
                }
                fx(() -> ((TextField) place.node().get()).setText(textBefore));
                fx(() -> app.editorModel().undo());
            }
            fx(() -> app.editorModel().reset(org.dnw.spec.Presets.load("seed-cnn")));

            int asked = dialogs.choosers.size();
            press(place, KeyCode.CONTROL, KeyCode.O);
            press(place, KeyCode.CONTROL, KeyCode.S);
            if (!dialogs.choosers
                    .subList(asked, dialogs.choosers.size())
                    .equals(List.of("Open network spec", "Save network spec"))) {
                failures.add(
                        "Ctrl+O, Ctrl+S on "
                                + place.name()
                                + " asked "
                                + dialogs.choosers.subList(asked, dialogs.choosers.size()));
            }
            fx(() -> app.window().viewModel().showStatus(""));
            press(place, KeyCode.CONTROL, KeyCode.R);
            if (!read(() -> app.window().viewModel().getStatus()).contains("saved runs")) {
                failures.add("Ctrl+R on " + place.name());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(3)
    void quitAsksOnceWithEitherWayOfQuitting() throws Exception {
        fx(() -> app.editorModel().cards().get(0).setKernel(7));
        dialogs.questions.clear();
        dialogs.confirmations.add(false);
        press(focusPlaces().get(3), KeyCode.CONTROL, KeyCode.Q);
        assertThat(dialogs.questions).hasSize(1);
        assertThat(stage.isShowing()).isTrue();

        dialogs.questions.clear();
        dialogs.confirmations.add(false);
        fx(
                () -> {
                    var bar = (javafx.scene.control.MenuBar) app.window().getTop();
                    bar.getMenus().get(0).getItems().stream()
                            .filter(item -> "menu-quit".equals(item.getId()))
                            .findFirst()
                            .orElseThrow()
                            .fire();
                });
        assertThat(dialogs.questions).hasSize(1);
        assertThat(stage.isShowing()).isTrue();
        fx(() -> app.editorModel().reset(org.dnw.spec.Presets.load("seed-cnn")));
    }

    @Test
    @Order(4)
    void trainPauseAndStopFromTheKeyboardAndTheWindowSaysWhatIsHappening() throws Exception {
        // back to the MNIST sample: small and quick to start
        fx(() -> app.dataModel().choose("mnist-sample"));
        waitFor(60, () -> app.dataModel().getLoaded().classCount() == 10);
        List<Focus> places = focusPlaces();
        Label verdict = robot.lookup("#network-verdict").queryAs(Label.class);
        Label network = robot.lookup("#status-network").queryAs(Label.class);

        // first with the focus where pressing Train leaves it: on the disabled Train button
        fx(() -> app.window().selectTab(WorkbenchTab.TRAINING));
        robot.clickOn("#training-train-button");
        waitFor(180, () -> verdict.getText().startsWith("Training epoch 1 of 5"));
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(read(() -> app.trainingModel().getState()))
                .as("Esc after pressing Train")
                .isIn(TrainingState.STOPPING, TrainingState.IDLE);
        waitFor(60, () -> app.trainingModel().getState() == TrainingState.IDLE);

        for (Focus place : List.of(places.get(3), places.get(2), places.get(1), places.get(0))) {
            press(place, KeyCode.CONTROL, KeyCode.T);
            assertThat(app.trainingModel().getState()).isNotEqualTo(TrainingState.IDLE);
            waitFor(180, () -> app.chartsModel().batchLoss().size() >= 2);
            waitFor(10, () -> verdict.getText().startsWith("Training epoch 1 of 5"));
            assertThat(network.getText()).contains("Training epoch 1 of 5");

            press(place, KeyCode.CONTROL, KeyCode.P);
            waitFor(10, () -> verdict.getText().startsWith("Paused at epoch 1"));
            assertThat(network.getText()).contains("Paused at epoch 1");

            press(place, KeyCode.ESCAPE);
            assertThat(read(() -> app.trainingModel().getState()))
                    .as("Esc on " + place.name() + " while paused")
                    .isIn(TrainingState.STOPPING, TrainingState.IDLE);
            waitFor(60, () -> app.trainingModel().getState() == TrainingState.IDLE);
            assertThat(verdict.getText()).isEqualTo("Ready to train");
            assertThat(network.getText()).contains("ready to train");
        }

        // and Esc while it trains, focus on the chart
        Focus chart = places.get(3);
        press(chart, KeyCode.CONTROL, KeyCode.T);
        waitFor(180, () -> app.chartsModel().batchLoss().size() >= 2);
        press(chart, KeyCode.ESCAPE);
        assertThat(read(() -> app.trainingModel().getState()))
                .isIn(TrainingState.STOPPING, TrainingState.IDLE);
        waitFor(60, () -> app.trainingModel().getState() == TrainingState.IDLE);
    }
}
