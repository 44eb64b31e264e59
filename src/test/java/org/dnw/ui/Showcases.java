package org.dnw.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.dnw.spec.Presets;
import org.dnw.ui.architecture.ArchitectureViewModel;
import org.dnw.ui.common.FakeDialogService;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/** What the showcases of this branch's panels share: a window to put a panel in, PNGs, steps. */
public final class Showcases {

    private Showcases() {}

    /**
     * The workbench window with {@code content} in the Training tab's place, as the panel will sit
     * beside the architecture editor.
     */
    public static Parent inWindow(javafx.scene.Node content) {
        Executor now = Runnable::run;
        ArchitectureViewModel editor = new ArchitectureViewModel(Presets.load("seed-cnn"));
        WorkbenchView window =
                new WorkbenchView(
                        new WorkbenchViewModel(editor, new FakeDialogService(), now, now));
        window.setTabContent(WorkbenchTab.TRAINING, content);
        window.selectTab(WorkbenchTab.TRAINING);
        return window;
    }

    /** Shows {@code root} alone in a new scene of the given size, with the window's stylesheet. */
    public static void show(Stage stage, Parent root, int width, int height) {
        // a root belongs to one scene at a time: free it from the last one first
        if (stage.getScene() != null) {
            stage.getScene().setRoot(new Pane());
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(WorkbenchView.STYLESHEET);
        stage.setScene(scene);
        stage.sizeToScene();
    }

    /** Runs each step a few pulses after the previous one, so layout and CSS have settled. */
    public static void runSpaced(List<Runnable> steps, int index) {
        if (index >= steps.size()) {
            return;
        }
        PauseTransition pause = new PauseTransition(Duration.millis(400));
        pause.setOnFinished(
                e -> {
                    steps.get(index).run();
                    runSpaced(steps, index + 1);
                });
        pause.play();
    }

    public static void snapshot(Scene scene, Path folder, String name) {
        WritableImage image = scene.snapshot(null);
        try {
            Files.createDirectories(folder);
            ImageIO.write(
                    SwingFXUtils.fromFXImage(image, null), "png", folder.resolve(name).toFile());
            System.out.println("wrote " + folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
