package org.dnw.ui.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.dnw.data.AugmentationSpec;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;
import org.junit.jupiter.api.Test;

class AugmentationViewModelTest {

    private final AugmentationViewModel model =
            new AugmentationViewModel(Runnable::run, Runnable::run);

    @Test
    void eachSliderSetsItsOwnValueInTheSpecClampedToItsRange() {
        model.set(AugmentationControl.GAUSSIAN_NOISE, 0.3);
        model.set(AugmentationControl.SHIFT, 3);
        model.set(AugmentationControl.ROTATION, 200);
        model.set(AugmentationControl.PROBABILITY, 0.5);
        AugmentationSpec spec = model.getSpec();
        assertThat(spec.gaussianNoiseSigma()).isEqualTo(0.3);
        assertThat(spec.maxShiftPixels()).isEqualTo(3);
        assertThat(spec.maxRotationDegrees()).isEqualTo(45);
        assertThat(spec.probability()).isEqualTo(0.5);
        assertThat(spec.saltPepperShare()).isZero();
        assertThat(model.value(AugmentationControl.ROTATION)).isEqualTo(45);
    }

    @Test
    void theSliderRangesAreThoseOfTheSpec() {
        for (AugmentationControl c : AugmentationControl.values()) {
            assertThat(c.unclamped(AugmentationSpec.NONE, c.max()).problems())
                    .as(c.label())
                    .isEmpty();
            assertThat(c.unclamped(AugmentationSpec.NONE, c.min()).problems())
                    .as(c.label())
                    .isEmpty();
            assertThat(c.unclamped(AugmentationSpec.NONE, c.max() + c.step()).problems())
                    .as(c.label())
                    .isNotEmpty();
            assertThat(c.valueIn(c.apply(AugmentationSpec.NONE, c.max()))).isEqualTo(c.max());
            assertThat(c.valueIn(AugmentationSpec.NONE)).isEqualTo(c.offValue());
            assertThat(c.explanation()).endsWith(".");
        }
    }

    @Test
    void trainingGetsTheSettingsOnlyWhenSwitchedOnAndTheDataAreImages() {
        model.setSamples(images(20));
        model.set(AugmentationControl.BLUR, 1);
        assertThat(model.getEffectiveSpec()).isEqualTo(AugmentationSpec.NONE);
        model.enabledProperty().set(true);
        assertThat(model.getEffectiveSpec()).isEqualTo(model.getSpec());
        assertThat(model.getEffectiveSpec().blurSigma()).isEqualTo(1);

        model.setSamples(table());
        assertThat(model.getEffectiveSpec()).isEqualTo(AugmentationSpec.NONE);
        assertThat(model.statusProperty().get().applicable()).isFalse();
        assertThat(model.statusProperty().get().message())
                .startsWith("Augmentation applies to images only");
        assertThat(model.getPreview()).isNull();
        assertThat(model.statusProperty().get().summary())
                .isEqualTo("Off: tables are not augmented.");
    }

    @Test
    void thePreviewShowsEightImagesAndIsRedrawnWhenASliderMoves() {
        model.setSamples(images(50));
        AugmentationPreview first = model.getPreview();
        assertThat(first).isNotNull();
        assertThat(first.size()).isEqualTo(AugmentationViewModel.PREVIEW_SIZE);
        // Off: the lower row is what training sees, the images as they are.
        assertThat(first.augmented().pixels()).isEqualTo(first.originals().pixels());

        model.enabledProperty().set(true);
        model.set(AugmentationControl.GAUSSIAN_NOISE, 0.4);
        AugmentationPreview noisy = model.getPreview();
        assertThat(noisy).isNotSameAs(first);
        assertThat(noisy.spec().gaussianNoiseSigma()).isEqualTo(0.4);
        assertThat(noisy.originals().pixels()).isEqualTo(first.originals().pixels());
        assertThat(noisy.augmented().pixels()).isNotEqualTo(noisy.originals().pixels());
        assertThat(model.statusProperty().get().summary()).isEqualTo("On for every image: noise.");

        model.set(AugmentationControl.ROTATION, 30);
        assertThat(model.getPreview().augmented().pixels())
                .isNotEqualTo(noisy.augmented().pixels());
        assertThat(model.statusProperty().get().summary())
                .isEqualTo("On for every image: rotation, noise (in this order).");
    }

    @Test
    void theMirrorSliderMirrorsThePreviewedImagesLeftToRight() {
        model.setSamples(images(50));
        model.enabledProperty().set(true);
        model.set(AugmentationControl.FLIP, 1);
        assertThat(model.getSpec().flipProbability()).isEqualTo(1);
        assertThat(model.getEffectiveSpec().flipProbability()).isEqualTo(1);
        AugmentationPreview preview = model.getPreview();
        byte[] originals = preview.originals().pixels();
        byte[] augmented = preview.augmented().pixels();
        assertThat(augmented).isNotEqualTo(originals);
        for (int p = 0; p < originals.length; p++) {
            int image = p / 784, y = (p % 784) / 28, x = p % 28;
            assertThat(augmented[image * 784 + y * 28 + (27 - x)]).isEqualTo(originals[p]);
        }
        assertThat(model.statusProperty().get().summary()).isEqualTo("On for every image: mirror.");
    }

    @Test
    void aNewSampleShowsOtherImagesAndResetTurnsEverythingOff() {
        model.setSamples(images(500));
        model.enabledProperty().set(true);
        model.set(AugmentationControl.ERASING, 1);
        AugmentationPreview before = model.getPreview();
        long seed = model.seed();
        model.newSample();
        assertThat(model.seed()).isNotEqualTo(seed);
        assertThat(model.getPreview().originals().labels())
                .isNotEqualTo(before.originals().labels());

        model.reset();
        assertThat(model.getSpec()).isEqualTo(AugmentationSpec.NONE);
        assertThat(model.enabledProperty().get()).isTrue();
        assertThat(model.getPreview().augmented().pixels())
                .isEqualTo(model.getPreview().originals().pixels());
        assertThat(model.statusProperty().get().summary())
                .isEqualTo("On, but every augmentation is at 0: move a slider.");
    }

    @Test
    void whileAPreviewIsBeingComputedOnlyTheLatestRequestIsComputedNext() {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        Executor queue = background::add;
        AugmentationViewModel m = new AugmentationViewModel(queue, fx::add);
        m.enabledProperty().set(true);
        m.setSamples(images(30));
        for (int degrees = 1; degrees <= 20; degrees++) {
            m.set(AugmentationControl.ROTATION, degrees);
        }
        // One task for the whole burst of slider moves.
        assertThat(background).hasSize(1);
        background.poll().run();
        assertThat(fx).hasSize(1);
        fx.poll().run();
        assertThat(m.getPreview().spec().maxRotationDegrees()).isEqualTo(20);
        assertThat(background).isEmpty();
    }

    @Test
    void anOlderPreviewNeverReplacesANewerOne() {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        AugmentationViewModel m = new AugmentationViewModel(background::add, fx::add);
        m.enabledProperty().set(true);
        m.setSamples(images(30));
        background.poll().run();
        m.set(AugmentationControl.SHIFT, 4);
        background.poll().run();
        // Both results wait for the FX thread; delivered newest first, the older must lose.
        Runnable older = fx.poll();
        Runnable newer = fx.poll();
        newer.run();
        older.run();
        assertThat(m.getPreview().spec().maxShiftPixels()).isEqualTo(4);
    }

    @Test
    void withoutDataThePanelSaysWhatToDo() {
        assertThat(model.getPreview()).isNull();
        assertThat(model.statusProperty().get().message())
                .isEqualTo("Choose an image data set to preview the augmentation on its images.");
        assertThat(model.statusProperty().get().applicable()).isTrue();
    }

    @Test
    void fewerImagesThanTheStripShowsThemAll() {
        model.setSamples(images(3));
        assertThat(model.getPreview().size()).isEqualTo(3);
        assertThat(AugmentationViewModel.pick(3, 8, 1)).containsExactlyInAnyOrder(0, 1, 2);
    }

    /** Digit-like "L" shapes, a different height and place per class, 1 × 28 × 28. */
    static ImageSamples images(int n) {
        byte[] pixels = new byte[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            int left = 6 + i % 10;
            int top = 4 + (i / 10) % 5;
            for (int y = top; y < 24; y++) {
                for (int x = left; x < left + 3; x++) {
                    pixels[i * 784 + y * 28 + x] = (byte) 230;
                }
            }
            for (int y = 21; y < 24; y++) {
                for (int x = left; x < Math.min(27, left + 10); x++) {
                    pixels[i * 784 + y * 28 + x] = (byte) 200;
                }
            }
        }
        return new ImageSamples(
                1,
                28,
                28,
                pixels,
                labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    private static TableSamples table() {
        return new TableSamples(
                2,
                new float[] {1, 2, 3, 4},
                new int[] {0, 1},
                List.of("a", "b"),
                List.of("x", "y"));
    }

    @Test
    void defaultsAreTakenUntilTheUserChangesSomething() {
        AugmentationSpec cifar = AugmentationSpec.NONE.withMaxShiftPixels(4);
        assertThat(model.offerDefaults(cifar)).isTrue();
        assertThat(model.getSpec()).isEqualTo(cifar);
        assertThat(model.enabledProperty().get()).isTrue();

        // back to a pair without augmentation: off again
        assertThat(model.offerDefaults(AugmentationSpec.NONE)).isTrue();
        assertThat(model.enabledProperty().get()).isFalse();
        assertThat(model.getSpec()).isEqualTo(AugmentationSpec.NONE);

        // a slider moved by hand: the user's settings stay
        model.set(AugmentationControl.ROTATION, 10);
        assertThat(model.offerDefaults(cifar)).isFalse();
        assertThat(model.getSpec().maxRotationDegrees()).isEqualTo(10);
        assertThat(model.enabledProperty().get()).isFalse();

        // switched on by hand with the defaults' values: also a change
        AugmentationViewModel other = new AugmentationViewModel(Runnable::run, Runnable::run);
        other.enabledProperty().set(true);
        assertThat(other.offerDefaults(cifar)).isFalse();
        assertThat(other.getSpec()).isEqualTo(AugmentationSpec.NONE);
    }
}
