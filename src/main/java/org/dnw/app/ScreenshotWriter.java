package org.dnw.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a scene as a PNG, a few pulses after it was shown, so that CSS and layout are done. */
final class ScreenshotWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotWriter.class);

    /** Most frames a shot waits for its view to be ready: about 10 s at 60 frames a second. */
    static final int MAX_WAIT_PULSES = 600;

    private ScreenshotWriter() {}

    /**
     * Waits {@code pulses} frames, then snapshots {@code scene} to {@code file} and runs {@code
     * then}.
     */
    static void afterPulses(Scene scene, Path file, int pulses, Runnable then) {
        afterPulses(scene, file, pulses, () -> true, then);
    }

    /**
     * As {@link #afterPulses(Scene, Path, int, Runnable)}, then also until {@code ready} says the
     * view has what it waits for (a network opened, layers computed), at most {@value
     * #MAX_WAIT_PULSES} frames more.
     */
    static void afterPulses(
            Scene scene, Path file, int pulses, BooleanSupplier ready, Runnable then) {
        new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen < pulses || (!ready.getAsBoolean() && seen < pulses + MAX_WAIT_PULSES)) {
                    return;
                }
                stop();
                try {
                    write(scene, file);
                    Console.out("Screenshot written to " + file.toAbsolutePath());
                } catch (IOException e) {
                    LOG.error("Cannot write the screenshot {}: {}", file, e.getMessage(), e);
                }
                then.run();
            }
        }.start();
    }

    /** One picture of a folder's set: its file name (without ".png") and how to show it. */
    record Shot(String name, Runnable show, BooleanSupplier ready) {
        Shot(String name, Runnable show) {
            this(name, show, () -> true);
        }
    }

    /**
     * Shows each shot in turn, waits a few pulses, and writes {@code folder/<name>.png}; then runs
     * {@code then}.
     */
    static void every(Scene scene, List<Shot> shots, Path folder, Runnable then) {
        if (shots.isEmpty()) {
            then.run();
            return;
        }
        Shot shot = shots.get(0);
        shot.show().run();
        afterPulses(
                scene,
                folder.resolve(shot.name() + ".png"),
                6,
                shot.ready(),
                () -> every(scene, shots.subList(1, shots.size()), folder, then));
    }

    /** A title as a file name: "Try it" → "try-it". */
    static String fileName(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
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
