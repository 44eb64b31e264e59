package org.dnw.ui.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.TableSamples;
import org.dnw.ui.HeadlessFx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The augmentation panel in a real (headless) stage, its preview computed on a background thread as
 * in the application: switching on and moving a slider redraws the augmented row.
 */
@ExtendWith(ApplicationExtension.class)
class AugmentationUiTest {

    static {
        HeadlessFx.configure();
    }

    static final List<String> STYLESHEETS =
            List.of("/org/dnw/ui/workbench.css", "/org/dnw/ui/augment.css");

    private ExecutorService background;
    private AugmentationViewModel model;
    private AugmentationView view;

    @Start
    void start(Stage stage) {
        background =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "augment-preview");
                            t.setDaemon(true);
                            return t;
                        });
        model = new AugmentationViewModel(background, Platform::runLater);
        model.setSamples(AugmentationViewModelTest.images(100));
        view = new AugmentationView(model);
        Scene scene = new Scene(view, 1280, 800);
        for (String sheet : STYLESHEETS) {
            scene.getStylesheets().add(getClass().getResource(sheet).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void switchingOnAndMovingASliderRedrawsTheAugmentedRow(FxRobot robot) throws Exception {
        waitUntil(() -> model.getPreview() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.drawnImageCount()).isEqualTo(8);
        // Digits are drawn large enough to see their pixels.
        assertThat(view.pixelScale()).isGreaterThanOrEqualTo(4);
        int[] originalRow = row(robot, 0);
        int[] augmentedRow = row(robot, 1);
        assertThat(same(augmentedRow, originalRow)).isTrue();
        assertThat(view.field(AugmentationControl.ROTATION).isDisabled()).isTrue();

        robot.clickOn("#augment-enabled");
        assertThat(model.enabledProperty().get()).isTrue();
        assertThat(view.field(AugmentationControl.ROTATION).isDisabled()).isFalse();

        Slider slider = view.field(AugmentationControl.ROTATION).slider();
        Bounds track = slider.localToScreen(slider.getBoundsInLocal());
        robot.clickOn(new Point2D(track.getMinX() + track.getWidth() * 0.8, track.getCenterY()));
        double degrees = model.getSpec().maxRotationDegrees();
        assertThat(degrees).isBetween(25.0, 45.0);
        assertThat(view.field(AugmentationControl.ROTATION).textField().getText())
                .isEqualTo(String.valueOf(Math.round(degrees)));
        waitUntil(
                () ->
                        model.getPreview() != null
                                && model.getPreview().spec().maxRotationDegrees() == degrees);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(same(row(robot, 0), originalRow)).isTrue();
        assertThat(same(row(robot, 1), originalRow)).isFalse();
        assertThat(model.statusProperty().get().summary())
                .isEqualTo("On for every image: rotation.");

        Label label = view.field(AugmentationControl.SALT_PEPPER).label();
        assertThat(label.getTooltip().getText())
                .isEqualTo(AugmentationControl.SALT_PEPPER.explanation());

        robot.clickOn("#augment-reset");
        assertThat(model.getSpec()).isEqualTo(AugmentationSpec.NONE);
        assertThat(view.field(AugmentationControl.ROTATION).getValue()).isZero();
        waitUntil(() -> !model.getPreview().spec().isActive());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(same(row(robot, 1), originalRow)).isTrue();
    }

    @Test
    void aNewSampleShowsOtherImages(FxRobot robot) throws Exception {
        waitUntil(() -> model.getPreview() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int[] before = row(robot, 0);
        robot.clickOn("#augment-new-sample");
        long seed = model.seed();
        waitUntil(() -> model.getPreview().seed() == seed);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(same(row(robot, 0), before)).isFalse();
    }

    @Test
    void aTableSaysThatAugmentationAppliesToImagesOnly(FxRobot robot) {
        robot.interact(
                () ->
                        model.setSamples(
                                new TableSamples(
                                        1,
                                        new float[] {1, 2},
                                        new int[] {0, 1},
                                        List.of("a", "b"),
                                        List.of("x"))));
        Label message = robot.lookup("#augment-message").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("Augmentation applies to images only");
        assertThat(view.enabledBox().isDisabled()).isTrue();
        assertThat(view.drawnImageCount()).isZero();
    }

    private static boolean same(int[] a, int[] b) {
        return java.util.Arrays.equals(a, b);
    }

    /** ARGB values of one row of the strip (0 original, 1 augmented), one sample per pixel. */
    private int[] row(FxRobot robot, int which) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.previewCanvas().snapshot(null, null));
        PixelReader pixels = image[0].getPixelReader();
        double top = 18 + which * (28 * view.pixelScale() + 10);
        int[] out = new int[(int) image[0].getWidth() * 28];
        int k = 0;
        for (int dy = 0; dy < 28; dy++) {
            int y = (int) (top + dy * view.pixelScale() + view.pixelScale() / 2);
            // Right of the row's caption ("original", "augmented").
            for (int x = 90; x < image[0].getWidth(); x++) {
                out[k++] = pixels.getArgb(x, y);
            }
        }
        return out;
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> {
                    boolean[] ok = new boolean[1];
                    WaitForAsyncUtils.asyncFx(() -> ok[0] = condition.getAsBoolean()).get();
                    return ok[0];
                });
    }
}
