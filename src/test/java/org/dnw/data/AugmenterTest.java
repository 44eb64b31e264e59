package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int H = 28;
    private static final int W = 28;
    private static final int PLANE = H * W;
    private static final AugmentationSpec NONE = AugmentationSpec.NONE;
    private static final AugmentationSpec EVERYTHING =
            new AugmentationSpec(0.5, 0.2, 2, 4, 30, 0.3, 0.5, 1, 1, 0);

    @Test
    void probabilityZeroChangesNothingEvenWithEveryAugmentationAtItsMaximum() {
        float[] batch = digits(64);
        float[] before = batch.clone();
        new Augmenter(new AugmentationSpec(1, 0.5, 3, 8, 45, 0.5, 0.9, 1, 0, 0), 1, H, W)
                .apply(batch, new SplittableRandom(1));
        assertThat(batch).isEqualTo(before);
    }

    /**
     * Checksums of {@link Arrays#hashCode(float[])} pinned before the flip existed: with the flip
     * at 0, every other setting still gives bit-identical images (the flip draws last and mirrors
     * last).
     */
    @Test
    void withoutTheFlipEverySettingGivesTheImagesItGaveBeforeTheFlipExisted() {
        float[] grey = digits(64);
        new Augmenter(EVERYTHING.withProbability(0.7), 1, H, W)
                .apply(grey, new SplittableRandom(11));
        assertThat(Arrays.hashCode(grey)).isEqualTo(PINNED_GREY);

        float[] rgb = Augmenter.toFloats(samples(3, 12, 10, 40).pixels());
        new Augmenter(new AugmentationSpec(0.1, 0.05, 1, 2, 20, 0.2, 0.4, 0.5, 0.9, 0), 3, 12, 10)
                .apply(rgb, new SplittableRandom(12));
        assertThat(Arrays.hashCode(rgb)).isEqualTo(PINNED_RGB);
    }

    @Test
    void aFlipOfOneMirrorsEveryChannelExactly() {
        int c = 3, h = 5, w = 7;
        float[] batch = Augmenter.toFloats(samples(c, h, w, 4).pixels());
        float[] before = batch.clone();
        new Augmenter(NONE.withFlipProbability(1), c, h, w).apply(batch, new SplittableRandom(2));
        int size = c * h * w;
        for (int i = 0; i < 4; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int base = i * size + ch * h * w + y * w;
                        assertThat(batch[base + (w - 1 - x)]).isEqualTo(before[base + x]);
                    }
                }
            }
        }
        assertThat(batch).isNotEqualTo(before);
    }

    @Test
    void aFlipOfAHalfMirrorsAboutHalfOfAThousandImagesAndTheRestNotAtAll() {
        int n = 1000;
        float[] batch = digits(n);
        // Make every image lopsided so that a mirror shows: a bright pixel in the left column.
        for (int i = 0; i < n; i++) {
            batch[i * PLANE + 3 * W] = 1f;
        }
        float[] before = batch.clone();
        new Augmenter(NONE.withFlipProbability(0.5), 1, H, W).apply(batch, new SplittableRandom(5));
        int mirrored = 0;
        for (int i = 0; i < n; i++) {
            float[] was = Arrays.copyOfRange(before, i * PLANE, (i + 1) * PLANE);
            float[] now = Arrays.copyOfRange(batch, i * PLANE, (i + 1) * PLANE);
            if (Arrays.equals(now, was)) {
                continue;
            }
            assertThat(now[3 * W + W - 1]).isEqualTo(1f);
            mirrored++;
        }
        assertThat(mirrored).isBetween(450, 550);
    }

    @Test
    void aFlipOfZeroChangesNothingAndIsNotActive() {
        assertThat(NONE.withFlipProbability(0).isActive()).isFalse();
        assertThat(NONE.withFlipProbability(0.5).isActive()).isTrue();
        assertThat(NONE.flipProbability()).isZero();
        float[] batch = digits(16);
        float[] before = batch.clone();
        new Augmenter(NONE.withFlipProbability(0).withProbability(1), 1, H, W)
                .apply(batch, new SplittableRandom(1));
        assertThat(batch).isEqualTo(before);
        assertThat(NONE.withFlipProbability(1.5).problems())
                .containsExactly("the flip probability must be between 0.0 and 1.0, not 1.5");
    }

    @Test
    void theFlipComesLastSoTheOtherAugmentationsAreTheSameImagesMirrored() {
        AugmentationSpec spec = EVERYTHING.withProbability(0.7);
        float[] plain = digits(32);
        float[] flipped = digits(32);
        new Augmenter(spec, 1, H, W).apply(plain, new SplittableRandom(9));
        new Augmenter(spec.withFlipProbability(1), 1, H, W).apply(flipped, new SplittableRandom(9));
        float[] untouched = digits(32);
        for (int i = 0; i < 32; i++) {
            boolean augmented =
                    !Arrays.equals(
                            Arrays.copyOfRange(plain, i * PLANE, (i + 1) * PLANE),
                            Arrays.copyOfRange(untouched, i * PLANE, (i + 1) * PLANE));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int mirroredX = augmented ? W - 1 - x : x;
                    assertThat(flipped[i * PLANE + y * W + mirroredX])
                            .isEqualTo(plain[i * PLANE + y * W + x]);
                }
            }
        }
    }

    private static final int PINNED_GREY = 1417760804;
    private static final int PINNED_RGB = 1925616229;

    @Test
    void noAugmentationChangesNothing() {
        float[] batch = digits(16);
        float[] before = batch.clone();
        new Augmenter(NONE, 1, H, W).apply(batch, new SplittableRandom(1));
        assertThat(batch).isEqualTo(before);
    }

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        float[] a = digits(32);
        float[] b = digits(32);
        float[] c = digits(32);
        Augmenter augmenter = new Augmenter(EVERYTHING, 1, H, W);
        augmenter.apply(a, new SplittableRandom(7));
        augmenter.apply(b, new SplittableRandom(7));
        augmenter.apply(c, new SplittableRandom(8));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(digits(32));
    }

    @Test
    void everyValueStaysInTheUnitRange() {
        float[] batch = digits(64);
        new Augmenter(new AugmentationSpec(1, 0.5, 3, 8, 45, 0.5, 0.9, 1, 1, 0), 1, H, W)
                .apply(batch, new SplittableRandom(3));
        for (float v : batch) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void aShiftOfAtMostKMovesASingleBrightPixelByAtMostKAlongEachAxis() {
        int k = 3;
        Augmenter augmenter = new Augmenter(NONE.withMaxShiftPixels(k), 1, H, W);
        SplittableRandom random = new SplittableRandom(11);
        int moved = 0;
        boolean[][] seen = new boolean[2 * k + 1][2 * k + 1];
        for (int trial = 0; trial < 400; trial++) {
            float[] image = new float[PLANE];
            image[14 * W + 14] = 1;
            augmenter.apply(image, random);
            int bright = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (image[y * W + x] > 0) {
                        bright++;
                        assertThat(image[y * W + x]).isEqualTo(1f);
                        assertThat(Math.abs(x - 14)).isLessThanOrEqualTo(k);
                        assertThat(Math.abs(y - 14)).isLessThanOrEqualTo(k);
                        seen[y - 14 + k][x - 14 + k] = true;
                        moved += x != 14 || y != 14 ? 1 : 0;
                    }
                }
            }
            assertThat(bright).isEqualTo(1);
        }
        assertThat(moved).isGreaterThan(300);
        // Every offset from −k to k along both axes occurs.
        for (boolean[] row : seen) {
            for (boolean s : row) {
                assertThat(s).isTrue();
            }
        }
    }

    @Test
    void aShiftAndARotationTogetherKeepABrightPixelWithinReach() {
        int k = 2;
        Augmenter augmenter =
                new Augmenter(NONE.withMaxShiftPixels(k).withMaxRotationDegrees(10), 1, H, W);
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            float[] image = new float[PLANE];
            // The centre of a 28×28 image is (13.5, 13.5): this pixel barely moves when rotated.
            image[13 * W + 13] = 1;
            augmenter.apply(image, random);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (image[y * W + x] > 0) {
                        assertThat(Math.abs(x - 13)).isLessThanOrEqualTo(k + 1);
                        assertThat(Math.abs(y - 13)).isLessThanOrEqualTo(k + 1);
                    }
                }
            }
        }
    }

    @Test
    void rotationKeepsACentredDiscNearlyUnchanged() {
        float[] disc = disc(H, W, 8);
        Augmenter augmenter = new Augmenter(NONE.withMaxRotationDegrees(45), 1, H, W);
        SplittableRandom random = new SplittableRandom(2);
        double total = sum(disc);
        for (int trial = 0; trial < 50; trial++) {
            float[] image = disc.clone();
            augmenter.apply(image, random);
            double diff = 0;
            for (int i = 0; i < PLANE; i++) {
                diff += Math.abs(image[i] - disc[i]);
            }
            // Only the rim's interpolation changes: a few percent of the disc's mass.
            assertThat(diff / total).isLessThan(0.08);
            assertThat(sum(image) / total).isCloseTo(1, within(0.03));
        }
    }

    @Test
    void rotationTurnsABarThatIsOffCentre() {
        float[] bar = new float[PLANE];
        for (int x = 4; x < 24; x++) {
            bar[13 * W + x] = 1;
            bar[14 * W + x] = 1;
        }
        float[] turned = bar.clone();
        // Drawn angles are uniform in ±45°: the first image of seed 4 turns by more than 10°.
        Augmenter augmenter = new Augmenter(NONE.withMaxRotationDegrees(45), 1, H, W);
        double changed = 0;
        for (int s = 0; s < 10; s++) {
            float[] image = bar.clone();
            augmenter.apply(image, new SplittableRandom(s));
            for (int i = 0; i < PLANE; i++) {
                changed = Math.max(changed, Math.abs(image[i] - turned[i]));
            }
        }
        assertThat(changed).isGreaterThan(0.5);
    }

    @Test
    void erasingChangesOneRectangleOfAtMostAQuarterOfTheImage() {
        Augmenter augmenter = new Augmenter(NONE.withErasingProbability(1), 1, H, W);
        SplittableRandom random = new SplittableRandom(9);
        int erased = 0;
        for (int trial = 0; trial < 300; trial++) {
            float[] image = new float[PLANE];
            Arrays.fill(image, 0.5f);
            augmenter.apply(image, random);
            int minX = W;
            int minY = H;
            int maxX = -1;
            int maxY = -1;
            int changed = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (image[y * W + x] != 0.5f) {
                        changed++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            assertThat(changed).isLessThanOrEqualTo(PLANE / 4);
            if (changed > 0) {
                erased++;
                // One solid rectangle of one grey.
                assertThat((maxX - minX + 1) * (maxY - minY + 1)).isEqualTo(changed);
                assertThat(changed).isGreaterThanOrEqualTo((int) (0.01 * PLANE));
            }
        }
        assertThat(erased).isGreaterThan(290);
    }

    @Test
    void erasingWithProbabilityAHalfErasesAboutHalfTheImages() {
        Augmenter augmenter = new Augmenter(NONE.withErasingProbability(0.5), 1, H, W);
        float[] batch = new float[1_000 * PLANE];
        Arrays.fill(batch, 0.5f);
        augmenter.apply(batch, new SplittableRandom(4));
        int erased = 0;
        for (int i = 0; i < 1_000; i++) {
            for (int p = 0; p < PLANE; p++) {
                if (batch[i * PLANE + p] != 0.5f) {
                    erased++;
                    break;
                }
            }
        }
        assertThat(erased).isBetween(440, 560);
    }

    @Test
    void theErasedBoxStaysInsideAndWithinAQuarterForAnyDraw() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : new int[][] {{28, 28}, {32, 32}, {5, 5}, {1, 9}, {40, 12}}) {
            for (int i = 0; i < 2_000; i++) {
                int[] box =
                        Augmenter.eraseBox(
                                shape[0],
                                shape[1],
                                random.nextDouble(),
                                random.nextDouble(),
                                random.nextDouble(),
                                random.nextDouble());
                assertThat(box[0]).isBetween(0, shape[0] - box[2]);
                assertThat(box[1]).isBetween(0, shape[1] - box[3]);
                assertThat(box[2]).isPositive();
                assertThat(box[3]).isPositive();
                assertThat(box[2] * box[3])
                        .isLessThanOrEqualTo(Math.max(1, shape[0] * shape[1] / 4));
            }
        }
    }

    @Test
    void gaussianNoiseOnMidGreyHasTheStatedStandardDeviation() {
        float[] batch = new float[200 * PLANE];
        Arrays.fill(batch, 0.5f);
        new Augmenter(NONE.withGaussianNoiseSigma(0.1), 1, H, W)
                .apply(batch, new SplittableRandom(1));
        double[] stats = meanAndStd(batch);
        assertThat(stats[0]).isCloseTo(0.5, within(0.002));
        assertThat(stats[1]).isCloseTo(0.1, within(0.002));
    }

    @Test
    void saltAndPepperHitsTheStatedShareHalfBlackHalfWhiteAndAllChannelsTogether() {
        int n = 200;
        float[] batch = new float[n * 3 * PLANE];
        Arrays.fill(batch, 0.5f);
        new Augmenter(NONE.withSaltPepperShare(0.1), 3, H, W).apply(batch, new SplittableRandom(1));
        int black = 0;
        int white = 0;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < PLANE; p++) {
                float r = batch[(i * 3) * PLANE + p];
                float g = batch[(i * 3 + 1) * PLANE + p];
                float b = batch[(i * 3 + 2) * PLANE + p];
                assertThat(g).isEqualTo(r);
                assertThat(b).isEqualTo(r);
                black += r == 0 ? 1 : 0;
                white += r == 1 ? 1 : 0;
            }
        }
        double pixels = n * PLANE;
        assertThat((black + white) / pixels).isCloseTo(0.1, within(0.004));
        assertThat(black / (double) (black + white)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void brightnessMovesEachImageByOneOffsetWithinTheDelta() {
        int n = 300;
        float[] batch = new float[n * PLANE];
        Arrays.fill(batch, 0.5f);
        new Augmenter(NONE.withBrightnessDelta(0.2), 1, H, W).apply(batch, new SplittableRandom(1));
        double lowest = 1;
        double highest = 0;
        for (int i = 0; i < n; i++) {
            float first = batch[i * PLANE];
            for (int p = 1; p < PLANE; p++) {
                assertThat(batch[i * PLANE + p]).isEqualTo(first);
            }
            assertThat(first).isBetween(0.3f - 1e-6f, 0.7f + 1e-6f);
            lowest = Math.min(lowest, first);
            highest = Math.max(highest, first);
        }
        assertThat(lowest).isLessThan(0.32);
        assertThat(highest).isGreaterThan(0.68);
    }

    @Test
    void contrastScalesAboutTheMeanAndBlurKeepsAConstantImageConstant() {
        float[] image = new float[PLANE];
        for (int i = 0; i < PLANE; i++) {
            image[i] = i % 2 == 0 ? 0.4f : 0.6f;
        }
        float[] contrasted = image.clone();
        new Augmenter(NONE.withContrastDelta(0.5), 1, H, W)
                .apply(contrasted, new SplittableRandom(3));
        assertThat(meanAndStd(contrasted)[0]).isCloseTo(0.5, within(1e-5));
        double spread = contrasted[1] - contrasted[0];
        assertThat(spread).isBetween(0.1 - 1e-5, 0.3 + 1e-5);

        float[] flat = new float[PLANE];
        Arrays.fill(flat, 0.3f);
        new Augmenter(NONE.withBlurSigma(3), 1, H, W).apply(flat, new SplittableRandom(3));
        for (float v : flat) {
            assertThat(v).isCloseTo(0.3f, within(1e-5f));
        }
    }

    @Test
    void blurSmoothsACheckerboard() {
        float[] batch = new float[20 * PLANE];
        for (int i = 0; i < batch.length; i++) {
            int p = i % PLANE;
            batch[i] = ((p / W + p % W) % 2 == 0) ? 0f : 1f;
        }
        new Augmenter(NONE.withBlurSigma(3), 1, H, W).apply(batch, new SplittableRandom(6));
        // Sigmas are uniform in [0, 3]: most images are smoothed to nearly flat grey.
        assertThat(meanAndStd(batch)[1]).isLessThan(0.3);
        assertThat(meanAndStd(batch)[0]).isCloseTo(0.5, within(0.01));
    }

    @Test
    void thePreviewKeepsTheChosenImagesLabelsAndOrderAndIsReproducible() {
        ImageSamples source = samples(3, 32, 32, 20);
        int[] indices = {5, 2, 17, 2};
        ImageSamples a = Augmenter.preview(source, indices, EVERYTHING, 3);
        ImageSamples b = Augmenter.preview(source, indices, EVERYTHING, 3);
        ImageSamples c = Augmenter.preview(source, indices, EVERYTHING, 4);
        assertThat(a.size()).isEqualTo(4);
        assertThat(a.channels()).isEqualTo(3);
        assertThat(a.height()).isEqualTo(32);
        assertThat(a.labels()).containsExactly(5 % 10, 2 % 10, 17 % 10, 2 % 10);
        assertThat(a.pixels()).isEqualTo(b.pixels());
        assertThat(a.pixels()).isNotEqualTo(c.pixels());
        assertThat(Augmenter.preview(source, indices, NONE, 3).pixels())
                .isEqualTo(source.subset(indices).pixels());
    }

    @Test
    void aLargerRotationTurnsTheSameImageFurtherTheSameWay() {
        // The preview depends on it: moving a slider scales one change instead of drawing anew.
        float[] bar = new float[PLANE];
        for (int y = 2; y < 26; y++) {
            bar[y * W + 13] = 1;
        }
        float[] small = bar.clone();
        float[] large = bar.clone();
        new Augmenter(NONE.withMaxRotationDegrees(10), 1, H, W)
                .apply(small, new SplittableRandom(21));
        new Augmenter(NONE.withMaxRotationDegrees(40), 1, H, W)
                .apply(large, new SplittableRandom(21));
        double tiltSmall = tilt(small);
        double tiltLarge = tilt(large);
        assertThat(Math.signum(tiltLarge)).isEqualTo(Math.signum(tiltSmall));
        assertThat(tiltLarge / tiltSmall).isCloseTo(4, within(0.4));
    }

    @Test
    void badSettingsAndBatchesAreRefusedWithASentence() {
        assertThatThrownBy(() -> new Augmenter(NONE.withBlurSigma(4), 1, H, W))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blur sigma must be between 0.0 and 3.0");
        Augmenter augmenter = new Augmenter(EVERYTHING, 1, H, W);
        assertThatThrownBy(() -> augmenter.apply(new float[PLANE + 1], new SplittableRandom(1)))
                .hasMessageContaining("not a whole number of 1×28×28 images");
        assertThatThrownBy(() -> augmenter.apply(new float[PLANE], 2, new SplittableRandom(1)))
                .hasMessageContaining("2 images do not fit");
        assertThatThrownBy(() -> Augmenter.preview(samples(1, 28, 28, 3), new int[] {3}, NONE, 1))
                .hasMessageContaining("image 3 is outside the 3 samples");
    }

    @Test
    void aShortLastBatchInAReusedBufferLeavesTheRestAlone() {
        float[] batch = digits(4);
        float[] before = batch.clone();
        new Augmenter(EVERYTHING, 1, H, W).apply(batch, 2, new SplittableRandom(1));
        assertThat(Arrays.copyOfRange(batch, 2 * PLANE, 4 * PLANE))
                .isEqualTo(Arrays.copyOfRange(before, 2 * PLANE, 4 * PLANE));
        assertThat(Arrays.copyOfRange(batch, 0, 2 * PLANE))
                .isNotEqualTo(Arrays.copyOfRange(before, 0, 2 * PLANE));
    }

    /** Horizontal offset of the bar's bottom end from its top end, from the column centroids. */
    private static double tilt(float[] image) {
        return centroidX(image, 3, 8) - centroidX(image, 20, 25);
    }

    private static double centroidX(float[] image, int fromRow, int toRow) {
        double mass = 0;
        double moment = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < W; x++) {
                mass += image[y * W + x];
                moment += x * image[y * W + x];
            }
        }
        return moment / mass;
    }

    static double[] meanAndStd(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static float[] disc(int h, int w, double radius) {
        float[] image = new float[h * w];
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image[y * w + x] = Math.hypot(x - cx, y - cy) <= radius ? 1f : 0f;
            }
        }
        return image;
    }

    /** Digit-like images: a ring of varying radius and grey per image. */
    private static float[] digits(int n) {
        float[] out = new float[n * PLANE];
        for (int i = 0; i < n; i++) {
            double r = 5 + i % 6;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double d = Math.abs(Math.hypot(x - 13.5, y - 13.5) - r);
                    out[i * PLANE + y * W + x] = d < 1.5 ? (float) (0.6 + 0.04 * (i % 10)) : 0f;
                }
            }
        }
        return out;
    }

    static ImageSamples samples(int channels, int h, int w, int n) {
        byte[] pixels = new byte[n * channels * h * w];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < h * w; p++) {
                    pixels[(i * channels + c) * h * w + p] =
                            (byte) ((p * 7 + i * 13 + c * 50) % 256);
                }
            }
        }
        return new ImageSamples(
                channels,
                h,
                w,
                pixels,
                labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }
}
