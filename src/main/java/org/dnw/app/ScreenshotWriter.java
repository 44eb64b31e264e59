package org.dnw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene as a PNG, a few pulses after it was shown, so that CSS and layout are done. */
final class ScreenshotWriter {

    private ScreenshotWriter() {}

    /**
     * Waits {@code pulses} frames, then snapshots {@code scene} to {@code file} and runs {@code
     * then}.
     */
    static void afterPulses(Scene scene, Path file, int pulses, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < pulses) {
                    return;
                }
                stop();
                try {
                    write(scene, file);
                    System.out.println("Screenshot written to " + file.toAbsolutePath());
                } catch (IOException e) {
                    System.err.println(
                            "Cannot write the screenshot " + file + ": " + e.getMessage());
                }
                then.run();
            }
        }.start();
    }

    /**
     * Shows each tab in turn, waits a few pulses, and writes {@code folder/<tab>.png}; then runs
     * {@code then}.
     */
    static void everyTab(
            Scene scene,
            java.util.List<org.dnw.ui.workbench.WorkbenchTab> tabs,
            java.util.function.Consumer<org.dnw.ui.workbench.WorkbenchTab> select,
            Path folder,
            Runnable then) {
        if (tabs.isEmpty()) {
            then.run();
            return;
        }
        org.dnw.ui.workbench.WorkbenchTab tab = tabs.get(0);
        select.accept(tab);
        String name = tab.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        afterPulses(
                scene,
                folder.resolve(name + ".png"),
                6,
                () -> everyTab(scene, tabs.subList(1, tabs.size()), select, folder, then));
    }

    /** Snapshots {@code scene} now (FX thread) and writes it to {@code file} as a PNG. */
    static void write(Scene scene, Path file) throws IOException {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage image = scene.snapshot(null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
