package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.Padding;
import org.dnw.spec.Presets;
import org.dnw.ui.CutText;
import org.dnw.ui.HeadlessFx;
import org.dnw.ui.training.TrainingState;
import org.dnw.ui.workbench.WorkbenchTab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the default 1280×800 on the real engine and the MNIST sample shipped in assets/:
 * while one epoch trains and its figures (epoch, batch, images/s, time left) change, neither the
 * window's content nor the Training tab's grows wider than the window; and no label, button, tab or
 * table header of any tab (the Experiments tab's own tabs too), nor of the editor with an
 * impossible network, is cut short with an ellipsis.
 */
class WorkbenchLayoutUiIT {

    static {
        HeadlessFx.configure();
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir Path runs;

    private static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                seconds,
                TimeUnit.SECONDS,
                () -> {
                    WaitForAsyncUtils.waitForFxEvents();
                    return condition.call();
                });
    }

    @Test
    void nothingIsPushedWiderThanTheWindowOrCutShortWhileTrainingAndAfter() throws Exception {
        System.setProperty("workbench.runs", runs.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchApp app = new WorkbenchApp();
        WorkbenchOptions options =
                WorkbenchOptions.parse(
                        List.of("--size", "1280x800", "--epochs", "1", "--tab", "Training"));
        FxToolkit.setupFixture(
                () -> {
                    stage.setScene(app.createScene(stage, options));
                    stage.show();
                });
        waitFor(60, () -> app.dataModel().getLoaded() != null);
        Scene scene = stage.getScene();

        // an impossible network: the editor's summary lines say so in whole sentences
        FxToolkit.setupFixture(
                () -> {
                    for (int index : new int[] {0, 3}) {
                        LayerSpec layer = app.editorModel().getSpec().layers().get(index);
                        Conv2dSpec conv = (Conv2dSpec) layer;
                        app.editorModel()
                                .editLayer(
                                        index,
                                        new Conv2dSpec(
                                                conv.filters(),
                                                11,
                                                11,
                                                conv.stride(),
                                                Padding.VALID,
                                                conv.bias()),
                                        "kernel size");
                        app.editorModel().endEdit();
                    }
                });
        waitFor(10, () -> app.trainingModel().buttonsProperty().get().trainDisabled());
        assertThat(cutIn(scene)).as("cut text with an impossible network").isEmpty();
        FxToolkit.setupFixture(() -> app.editorModel().reset(Presets.load("seed-cnn")));
        waitFor(10, () -> !app.trainingModel().buttonsProperty().get().trainDisabled());

        FxToolkit.setupFixture(app.trainingModel()::onTrain);
        Set<String> timesLeft = new LinkedHashSet<>();
        List<String> tooWide = new ArrayList<>();
        Set<String> cutWhileTraining = new LinkedHashSet<>();
        Node trainingTab = app.window().tab(WorkbenchTab.TRAINING).getContent();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < until
                && !(app.trainingModel().getState() == TrainingState.IDLE
                        && app.confusionModel().getMatrix() != null)) {
            FxToolkit.setupFixture(
                    () -> {
                        scene.getRoot().applyCss();
                        scene.getRoot().layout();
                        timesLeft.add(app.trainingModel().figuresProperty().get().timeLeft());
                        String wide = widerThanTheWindow(scene, trainingTab);
                        if (wide != null) {
                            tooWide.add(
                                    app.trainingModel().figuresProperty().get().timeLeft()
                                            + ": "
                                            + wide);
                        }
                        cutWhileTraining.addAll(CutText.in(trainingTab));
                    });
            Thread.sleep(250);
        }
        assertThat(app.confusionModel().getMatrix()).as("the run finished").isNotNull();
        assertThat(timesLeft)
                .as("the time left changed while it trained")
                .anyMatch(t -> t.startsWith("about"))
                .hasSizeGreaterThan(2);
        assertThat(tooWide).as("wider than the window while training").isEmpty();
        assertThat(cutWhileTraining).as("cut on the Training tab while training").isEmpty();

        // after the run: every tab and the Experiments tab's own tabs
        waitFor(60, () -> app.tryItModel().classifierProperty().get() != null);
        List<String> cut = new ArrayList<>();
        for (WorkbenchTab tab : WorkbenchTab.values()) {
            FxToolkit.setupFixture(() -> app.window().selectTab(tab));
            WaitForAsyncUtils.waitForFxEvents();
            if (tab == WorkbenchTab.EXPERIMENTS) {
                TabPane inner = (TabPane) scene.lookup(".experiment-tabs");
                for (Tab sub : inner.getTabs()) {
                    FxToolkit.setupFixture(() -> inner.getSelectionModel().select(sub));
                    WaitForAsyncUtils.waitForFxEvents();
                    cut.addAll(prefixed(tab.title() + " / " + sub.getText(), cutIn(scene)));
                }
            } else {
                cut.addAll(prefixed(tab.title(), cutIn(scene)));
            }
        }
        assertThat(cut).as("cut text after training, tab by tab").isEmpty();
        FxToolkit.setupFixture(stage::hide);
        System.clearProperty("workbench.runs");
    }

    /** The scene laid out (two pulses, so that tables fill), then its cut labels; FX thread. */
    private static List<String> cutIn(Scene scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(4);
        List<String> cut = new ArrayList<>();
        FxToolkit.setupFixture(
                () -> {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    cut.addAll(CutText.in(scene.getRoot()));
                });
        return cut;
    }

    private static List<String> prefixed(String where, List<String> lines) {
        return lines.stream().map(line -> where + ": " + line).toList();
    }

    /**
     * Null when the window's content and the Training tab's content, with each of its children, fit
     * the window: no minimum width above what they were given, and no right edge past the window's.
     */
    private static String widerThanTheWindow(Scene scene, Node tabContent) {
        double window = scene.getWidth() + 0.5;
        Region root = (Region) scene.getRoot();
        if (root.minWidth(-1) > window) {
            return "the window's content needs " + root.minWidth(-1) + " px";
        }
        List<Node> nodes = new ArrayList<>(List.of(tabContent));
        if (tabContent instanceof javafx.scene.Parent parent) {
            nodes.addAll(parent.getChildrenUnmodifiable());
        }
        for (Node node : nodes) {
            double right = node.localToScene(node.getLayoutBounds()).getMaxX();
            if (right > window) {
                return node.getClass().getSimpleName() + " ends at x = " + right;
            }
            if (node instanceof Region region && region.minWidth(-1) > region.getWidth() + 0.5) {
                return node.getClass().getSimpleName()
                        + " needs "
                        + region.minWidth(-1)
                        + " px but has "
                        + region.getWidth();
            }
        }
        return null;
    }
}
