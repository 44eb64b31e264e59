package org.dnw.ui.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.dnw.figures.CurvePicture;
import org.dnw.figures.TwoDigitPicture;
import org.dnw.spec.DenseSpec;
import org.dnw.train.EngineKind;
import org.dnw.train.LossKind;
import org.dnw.train.OptimizerKind;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoDigitsViewModelTest {

    @TempDir Path dir;

    private final CourseFakes.Trainer trainer = new CourseFakes.Trainer();
    private final AtomicInteger loads = new AtomicInteger();
    private DatasetSupplier data =
            () -> {
                loads.incrementAndGet();
                return CourseFakes.mnist();
            };
    private final TwoDigitsViewModel model =
            new TwoDigitsViewModel(() -> data.get(), trainer, Runnable::run, Runnable::run);

    @Test
    void startsFromTheCoursesSettingsAndEachEngineBringsItsOwnRateAndBatch() {
        assertThat(model.digitAProperty().get()).isEqualTo(3);
        assertThat(model.digitBProperty().get()).isEqualTo(8);
        assertThat(model.form().engineProperty().get()).isEqualTo(EngineKind.SCRATCH);
        assertThat(model.form().unitsTextProperty().get()).isEqualTo("15");
        assertThat(model.form().learningRateTextProperty().get()).isEqualTo("3");
        assertThat(model.form().batchSizeTextProperty().get()).isEqualTo("10");
        assertThat(model.form().epochsTextProperty().get()).isEqualTo("10");
        assertThat(model.canTrainBinding().get()).isTrue();

        model.form().engineProperty().set(EngineKind.DJL);
        assertThat(model.form().learningRateTextProperty().get()).isEqualTo("0.01");
        assertThat(model.form().batchSizeTextProperty().get()).isEqualTo("32");

        model.digitBProperty().set(3);
        assertThat(model.form().problemProperty().get())
                .isEqualTo("Choose two different digits, not 3 twice.");
        assertThat(model.canTrainBinding().get()).isFalse();
        model.digitBProperty().set(5);
        model.form().unitsTextProperty().set("many");
        assertThat(model.form().problemProperty().get())
                .startsWith("The hidden layer needs a whole number");
        model.form().unitsTextProperty().set("30");
        model.form().learningRateTextProperty().set("-1");
        assertThat(model.form().problemProperty().get())
                .isEqualTo("The learning rate must be a positive number, e.g. 3.0.");
        model.form().learningRateTextProperty().set("0,05");
        assertThat(model.form().problemProperty().get()).isEmpty();
        assertThat(model.settings().learningRate()).isEqualTo(0.05);
        assertThat(model.settings().hiddenUnits()).isEqualTo(30);
    }

    @Test
    void aRunFillsTheCurveThenShowsAndSavesBothPictures() throws IOException {
        trainer.folder = CompletableFuture.completedFuture(dir.resolve("run"));
        model.train();

        assertThat(trainer.requests).hasSize(1);
        TrainingRequest request = trainer.requests.get(0);
        assertThat(request.engine()).isEqualTo(EngineKind.SCRATCH);
        assertThat(request.hyperparameters().optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(request.hyperparameters().loss()).isEqualTo(LossKind.SQUARED_ERROR);
        assertThat(((DenseSpec) request.spec().layers().get(1)).units()).isEqualTo(15);
        assertThat(request.splits().test().classNames()).containsExactly("3", "8");
        assertThat(model.job().runningProperty().get()).isTrue();
        assertThat(model.canTrainBinding().get()).isFalse();

        trainer.listener.accept(CourseFakes.started(request, 9));
        assertThat(model.job().statusProperty().get())
                .startsWith("Training 3 vs 8 on ")
                .contains("images of MNIST (sample), 3 vs 8");
        trainer.listener.accept(
                new TrainingEvent.BatchCompleted(request.runName(), 1, 9, 9, 0.2, 0.8, 1000, 5));
        trainer.listener.accept(CourseFakes.epoch(request, 1, 0.90));
        trainer.listener.accept(CourseFakes.epoch(request, 2, 0.95));
        assertThat(model.epochs()).extracting(p -> p.epoch()).containsExactly(1, 2);
        assertThat(model.epochs().get(1).trainAccuracy()).isEqualTo(0.95);
        assertThat(model.job().progressProperty().get()).isEqualTo(0.2);
        assertThat(model.pictureProperty().get()).isNull();

        trainer.listener.accept(CourseFakes.finished(request, 4));

        // 40 test images of 3 and 8, 4 wrong
        assertThat(model.accuracyTextProperty().get())
                .isEqualTo("Test accuracy 90.0 % — 36 of 40 right");
        assertThat(model.job().runningProperty().get()).isFalse();
        BufferedImage picture = model.pictureProperty().get();
        assertThat(picture.getWidth()).isEqualTo(TwoDigitPicture.WIDTH);
        assertThat(model.curvesProperty().get().getWidth()).isEqualTo(CurvePicture.WIDTH);
        BufferedImage written =
                ImageIO.read(dir.resolve("run").resolve(TwoDigitsViewModel.PICTURE_FILE).toFile());
        assertThat(written.getHeight()).isEqualTo(TwoDigitPicture.HEIGHT);
        assertThat(dir.resolve("run").resolve(TwoDigitsViewModel.CURVES_FILE)).isRegularFile();
        assertThat(model.savedTextProperty().get())
                .isEqualTo(
                        "Saved with the run as two-digits.png and curves.png in "
                                + dir.resolve("run")
                                + ".");
        assertThat(model.job().statusProperty().get())
                .isEqualTo(
                        "Done: 3 vs 8: 15 hidden sigmoid units, SGD lr 3, batch 10, 10 epochs —"
                                + " From scratch (Java).");
        assertThat(model.canTrainBinding().get()).isTrue();

        model.train();
        assertThat(loads.get()).isEqualTo(1);
        assertThat(model.pictureProperty().get()).isNull();
        assertThat(model.epochs()).isEmpty();
    }

    @Test
    void picturesThatCannotBeSavedAreStillShown() {
        trainer.folder =
                CompletableFuture.failedFuture(
                        new IOException("the disk is full: nothing was saved"));
        model.train();
        TrainingRequest request = trainer.requests.get(0);
        trainer.listener.accept(CourseFakes.started(request, 9));
        trainer.listener.accept(CourseFakes.finished(request, 0));

        assertThat(model.pictureProperty().get()).isNotNull();
        assertThat(model.savedTextProperty().get())
                .isEqualTo(
                        "The pictures are shown here but were not saved: The disk is full: nothing"
                                + " was saved.");
    }

    @Test
    void missingDataAndABusyServiceAreSentences() {
        data =
                () -> {
                    throw new IllegalStateException(
                            "MNIST is not on this computer — put its four files into"
                                    + " ~/.deep-network-workbench/datasets/mnist");
                };
        model.train();
        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.job().errorProperty().get())
                .isEqualTo(
                        "MNIST is not on this computer — put its four files into"
                                + " ~/.deep-network-workbench/datasets/mnist.");
        assertThat(trainer.requests).isEmpty();

        data = CourseFakes::mnist;
        trainer.failure =
                new IllegalStateException(
                        "another run (seed-cnn-mnist) is still training — stop it or wait for it"
                                + " to finish");
        model.train();
        assertThat(model.job().errorProperty().get())
                .isEqualTo(
                        "Another run (seed-cnn-mnist) is still training — stop it or wait for it"
                                + " to finish.");
        assertThat(model.job().statusProperty().get()).isEqualTo("Training did not start.");
    }

    @Test
    void aFailedRunShowsItsReasonAndAdvice() {
        model.train();
        TrainingRequest request = trainer.requests.get(0);
        trainer.listener.accept(CourseFakes.started(request, 9));
        trainer.listener.accept(
                new TrainingEvent.RunFailed(
                        request.runName(),
                        "the loss became NaN at epoch 1, batch 37",
                        "lower the learning rate, e.g. to 0.3",
                        1,
                        37));

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.job().errorProperty().get())
                .isEqualTo(
                        "The loss became NaN at epoch 1, batch 37. Try this: Lower the learning"
                                + " rate, e.g. to 0.3.");
        assertThat(model.pictureProperty().get()).isNull();
    }

    @Test
    void stopCancelsTheRun() {
        model.train();
        TrainingRequest request = trainer.requests.get(0);
        trainer.listener.accept(CourseFakes.started(request, 9));
        trainer.listener.accept(CourseFakes.epoch(request, 1, 0.9));

        model.stop();
        assertThat(trainer.run.cancelled).isTrue();
        assertThat(model.job().statusProperty().get()).isEqualTo("Stopping after this batch…");
        trainer.listener.accept(new TrainingEvent.RunCancelled(request.runName(), 1, 2, 4));

        assertThat(model.job().runningProperty().get()).isFalse();
        assertThat(model.job().statusProperty().get())
                .isEqualTo("Stopped after 1 epoch; nothing was saved.");
    }

    @Test
    void tablesAreRefusedWithASentence() {
        data = CourseFakes::seeds;
        model.train();
        assertThat(model.job().errorProperty().get())
                .isEqualTo(
                        "The two-digit task needs images such as MNIST, but Wheat seeds (UCI) is a table.");
    }
}
