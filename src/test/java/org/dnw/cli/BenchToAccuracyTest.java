package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnw.train.TrainingDefaults;
import org.junit.jupiter.api.Test;

/** The options of {@code bench --to-accuracy}, refused before any data is read. */
class BenchToAccuracyTest {

    private static WorkbenchCommandTest.Result refused(String... args) {
        WorkbenchCommandTest.Result r = WorkbenchCommandTest.run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.err().strip().lines()).as("one sentence").hasSize(1);
        return r;
    }

    @Test
    void aTargetOutsideZeroToOneIsABadArgument() {
        assertThat(refused("bench", "--to-accuracy", "0").err())
                .contains("--to-accuracy is a share of the test images between 0 and 1")
                .contains("not 0");
        assertThat(refused("bench", "--to-accuracy", "99").err())
                .contains("not 99 (a percentage? write it as a share)");
        assertThat(refused("bench", "--to-accuracy", "-0.5").err()).contains("not -0.5");
        assertThat(refused("bench", "--to-accuracy", "NaN").err()).contains("not NaN");
        // not a number at all: picocli's sentence, and the usual pointer to --help
        WorkbenchCommandTest.Result word =
                WorkbenchCommandTest.run("bench", "--to-accuracy", "high");
        assertThat(word.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(word.err()).contains("'high' is not a double");
    }

    @Test
    void seedsAndEpochsMustBePositive() {
        assertThat(refused("bench", "--to-accuracy", "0.9", "--seeds", "0").err())
                .contains("--seeds must be at least 1, not 0");
        assertThat(refused("bench", "--to-accuracy", "0.9", "--epochs", "-2").err())
                .contains("--epochs must be at least 1, not -2");
    }

    @Test
    void seedsAndEpochsWithoutATargetAreABadArgument() {
        assertThat(refused("bench", "--seeds", "2").err())
                .contains("--seeds belongs to bench --to-accuracy");
        assertThat(refused("bench", "--epochs", "2").err())
                .contains("--epochs belongs to bench --to-accuracy");
    }

    @Test
    void anUnknownPresetIsABadArgument() {
        refused("bench", "--to-accuracy", "0.9", "--preset", "resnet");
    }

    @Test
    void theHyperparametersAreTheDefaultsWithTheEpochsGiven() {
        assertThat(BenchToAccuracy.hyperparameters("seed-cnn", "mnist", null))
                .isEqualTo(TrainingDefaults.forPreset("seed-cnn", "mnist"));
        assertThat(BenchToAccuracy.hyperparameters("seed-cnn", "mnist", 2))
                .isEqualTo(TrainingDefaults.forPreset("seed-cnn", "mnist").withEpochCount(2));
    }

    @Test
    void theAugmentationIsPrintedAsAugmentTakesIt() {
        assertThat(TrainingOptions.augmentationText(org.dnw.data.AugmentationSpec.NONE))
                .isEqualTo("none");
        String text =
                TrainingOptions.augmentationText(
                        TrainingDefaults.augmentationFor("cifar-fast", "cifar10"));
        assertThat(text).isEqualTo("shift=4,flip=0.5");
        // and --augment reads it back to the same settings
        assertThat(TrainingOptions.parseAugmentation(text))
                .isEqualTo(TrainingDefaults.augmentationFor("cifar-fast", "cifar10"));
    }

    @Test
    void perClassAccuracyIsNamedAndInPercent() {
        assertThat(
                        BenchToAccuracy.perClassText(
                                java.util.List.of(0.912, 0.5), java.util.List.of("airplane")))
                .isEqualTo("airplane 91.2 %, class 1 50.0 %");
    }
}
