package org.dnw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnw.ui.HeadlessFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window as the application composes it, written to a PNG as {@code --screenshot} does. */
class WorkbenchScreenshotUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir Path dir;

    @Test
    void writesAReadablePngOfTheWholeWindow() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Path file = dir.resolve("shots").resolve("workbench.png");
        WorkbenchOptions options =
                WorkbenchOptions.parse(
                        List.of(
                                "--screenshot",
                                file.toString(),
                                "--size",
                                "1280x800",
                                "--tab",
                                "Runs"));
        FxToolkit.setupFixture(
                () -> {
                    Scene scene = new WorkbenchApp().createScene(stage, options);
                    stage.setScene(scene);
                    stage.show();
                });
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(
                () -> {
                    try {
                        ScreenshotWriter.write(stage.getScene(), file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(800);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text, cards, buttons and tabs: a blank or failed render has a handful of colours.
        assertThat(colours.size()).isGreaterThan(50);
        assertThat(stage.getTitle()).isEqualTo("seed-cnn — Deep Network Workbench");
        FxToolkit.setupFixture(stage::hide);
    }
}
