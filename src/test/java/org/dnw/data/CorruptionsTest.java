package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptionsTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void shapeLabelsOrderAndClassNamesAreKept() {
        ImageSamples test = AugmenterTest.samples(3, 32, 32, 12);
        ImageSamples out = Corruptions.corrupt(test, CorruptionKind.NOISY_CAMERA.at(0.3), 1);
        assertThat(out.size()).isEqualTo(12);
        assertThat(out.channels()).isEqualTo(3);
        assertThat(out.height()).isEqualTo(32);
        assertThat(out.width()).isEqualTo(32);
        assertThat(out.labels()).isEqualTo(test.labels());
        assertThat(out.classNames()).isEqualTo(test.classNames());
        assertThat(out.pixels()).isNotEqualTo(test.pixels());
        assertThat(out.pixels()).isNotSameAs(test.pixels());
    }

    @Test
    void zeroStrengthIsTheIdentityForEveryKind() {
        ImageSamples test = AugmenterTest.samples(1, 28, 28, 10);
        for (CorruptionKind kind : CorruptionKind.values()) {
            ImageSamples out = Corruptions.corrupt(test, kind.at(0), 5);
            assertThat(out.pixels()).as(kind.label()).isEqualTo(test.pixels());
            assertThat(kind.at(0).label()).isEqualTo("clean");
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        ImageSamples test = AugmenterTest.samples(1, 28, 28, 10);
        CorruptionSpec spec = CorruptionKind.NOISY_CAMERA.at(0.3);
        byte[] a = Corruptions.corrupt(test, spec, 42).pixels();
        byte[] b = Corruptions.corrupt(test, spec, 42).pixels();
        byte[] c = Corruptions.corrupt(test, spec, 43).pixels();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void anImageIsCorruptedTheSameWayWhateverElseIsInTheSet() {
        ImageSamples test = AugmenterTest.samples(1, 28, 28, 10);
        CorruptionSpec spec = CorruptionSpec.gaussianNoise(0.2);
        ImageSamples all = Corruptions.corrupt(test, spec, 9);
        ImageSamples firstThree = Corruptions.corrupt(test.subset(new int[] {0, 1, 2}), spec, 9);
        assertThat(Arrays.copyOf(all.pixels(), 3 * 784)).isEqualTo(firstThree.pixels());
    }

    @Test
    void gaussianNoiseOnMidGreyHasTheStatedStandardDeviation() {
        ImageSamples grey = constant(1, 28, 28, 200, 128);
        for (double sigma : new double[] {0.05, 0.1, 0.15}) {
            double[] stats =
                    meanAndStd(Corruptions.corrupt(grey, CorruptionSpec.gaussianNoise(sigma), 3));
            assertThat(stats[0]).isCloseTo(128 / 255.0, within(0.002));
            assertThat(stats[1]).as("σ = " + sigma).isCloseTo(sigma, within(0.002));
        }
    }

    @Test
    void aLargerSigmaScalesTheSameNoise() {
        ImageSamples grey = constant(1, 28, 28, 20, 128);
        byte[] small = Corruptions.corrupt(grey, CorruptionSpec.gaussianNoise(0.05), 3).pixels();
        byte[] large = Corruptions.corrupt(grey, CorruptionSpec.gaussianNoise(0.1), 3).pixels();
        for (int i = 0; i < small.length; i++) {
            int ds = (small[i] & 0xFF) - 128;
            int dl = (large[i] & 0xFF) - 128;
            // Twice the deviation, give or take the rounding to whole levels.
            assertThat(Math.abs(dl - 2 * ds)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void saltAndPepperHitsTheStatedShareHalfBlackHalfWhite() {
        ImageSamples grey = constant(3, 32, 32, 100, 128);
        for (double share : new double[] {0.05, 0.2}) {
            ImageSamples out = Corruptions.corrupt(grey, CorruptionSpec.saltAndPepper(share), 8);
            int plane = 32 * 32;
            int black = 0;
            int white = 0;
            for (int i = 0; i < out.size(); i++) {
                for (int p = 0; p < plane; p++) {
                    int r = out.pixel(i, 0, p / 32, p % 32);
                    assertThat(out.pixel(i, 1, p / 32, p % 32)).isEqualTo(r);
                    assertThat(out.pixel(i, 2, p / 32, p % 32)).isEqualTo(r);
                    assertThat(r).isIn(0, 128, 255);
                    black += r == 0 ? 1 : 0;
                    white += r == 255 ? 1 : 0;
                }
            }
            double pixels = out.size() * plane;
            assertThat((black + white) / pixels).isCloseTo(share, within(0.006));
            assertThat(black / (double) (black + white)).isCloseTo(0.5, within(0.03));
        }
    }

    @Test
    void moreSaltAndPepperHitsTheSamePixelsAndMore() {
        ImageSamples grey = constant(1, 28, 28, 10, 128);
        byte[] few = Corruptions.corrupt(grey, CorruptionSpec.saltAndPepper(0.05), 1).pixels();
        byte[] many = Corruptions.corrupt(grey, CorruptionSpec.saltAndPepper(0.2), 1).pixels();
        for (int i = 0; i < few.length; i++) {
            if (few[i] != (byte) 128) {
                assertThat(many[i]).isEqualTo(few[i]);
            }
        }
    }

    @Test
    void blurKeepsTheMeanAndSmoothsEdges() {
        ImageSamples stripes = stripes(10);
        ImageSamples out = Corruptions.corrupt(stripes, CorruptionSpec.blur(2), 1);
        double[] before = meanAndStd(stripes);
        double[] after = meanAndStd(out);
        assertThat(after[0]).isCloseTo(before[0], within(0.01));
        assertThat(after[1]).isLessThan(before[1] * 0.5);
    }

    @Test
    void contrastReductionPullsValuesToTheImageMean() {
        ImageSamples stripes = stripes(4);
        ImageSamples half = Corruptions.corrupt(stripes, CorruptionSpec.contrastReduction(0.5), 1);
        ImageSamples flat = Corruptions.corrupt(stripes, CorruptionSpec.contrastReduction(1), 1);
        // Stripes of 0 and 200: the mean is 100; half the contrast gives 50 and 150.
        assertThat(half.pixel(0, 0, 0, 0)).isEqualTo(50);
        assertThat(half.pixel(0, 0, 0, 2)).isEqualTo(150);
        for (byte b : flat.pixels()) {
            assertThat(b & 0xFF).isEqualTo(100);
        }
    }

    @Test
    void valuesAreClippedToTheByteRange() {
        ImageSamples white = constant(1, 28, 28, 10, 250);
        ImageSamples out = Corruptions.corrupt(white, CorruptionSpec.gaussianNoise(1), 1);
        int saturated = 0;
        for (byte b : out.pixels()) {
            saturated += (b & 0xFF) == 255 ? 1 : 0;
        }
        assertThat(saturated).isGreaterThan(out.pixels().length / 3);
    }

    @Test
    void aMixtureIsLabelledPartByPart() {
        CorruptionSpec mix =
                CorruptionSpec.gaussianNoise(0.3).plus(CorruptionSpec.saltAndPepper(0.05));
        assertThat(mix.label()).isEqualTo("Gaussian σ = 0.3 + salt & pepper 5 %");
        assertThat(CorruptionKind.NOISY_CAMERA.at(0.3).label()).isEqualTo(mix.label());
        assertThat(CorruptionKind.NOISY_CAMERA.at(0.3).saltPepperShare())
                .isCloseTo(0.05, within(1e-12));
        assertThat(CorruptionSpec.blur(1.5).label()).isEqualTo("blur σ = 1.5 px");
        assertThat(CorruptionSpec.contrastReduction(0.4).label()).isEqualTo("contrast −40 %");
        assertThat(CorruptionSpec.saltAndPepper(0.025).label()).isEqualTo("salt & pepper 2.5 %");
        assertThat(CorruptionSpec.NONE.label()).isEqualTo("clean");
    }

    @Test
    void aSweepIsSortedStartsCleanAndLabelsEveryPoint() {
        CorruptionSweep sweep =
                CorruptionSweep.of(CorruptionKind.GAUSSIAN_NOISE, List.of(0.3, 0.1, 0.3, 0.5));
        assertThat(sweep.strengths()).containsExactly(0.0, 0.1, 0.3, 0.5);
        assertThat(sweep.labels())
                .containsExactly(
                        "clean", "Gaussian σ = 0.1", "Gaussian σ = 0.3", "Gaussian σ = 0.5");
        assertThat(CorruptionSweep.defaults(CorruptionKind.NOISY_CAMERA).labels())
                .containsExactly(
                        "clean",
                        "Gaussian σ = 0.1 + salt & pepper 1.67 %",
                        "Gaussian σ = 0.2 + salt & pepper 3.33 %",
                        "Gaussian σ = 0.3 + salt & pepper 5 %",
                        "Gaussian σ = 0.4 + salt & pepper 6.67 %",
                        "Gaussian σ = 0.5 + salt & pepper 8.33 %");
        assertThat(sweep.point(2)).isEqualTo(CorruptionSpec.gaussianNoise(0.3));
    }

    @Test
    void outOfRangeValuesAreRefusedWithASentence() {
        assertThatThrownBy(() -> CorruptionSweep.of(CorruptionKind.GAUSSIAN_NOISE, List.of(1.5)))
                .hasMessage("Gaussian noise strengths go from 0 to 1; 1.5 is outside");
        assertThatThrownBy(() -> CorruptionSpec.blur(6))
                .hasMessage("the blur sigma must be between 0 and 5, not 6.0");
        assertThatThrownBy(() -> CorruptionSpec.saltAndPepper(-0.1))
                .hasMessageContaining("the salt-and-pepper share must be between 0 and 1");
    }

    private static ImageSamples constant(int channels, int h, int w, int n, int level) {
        byte[] pixels = new byte[n * channels * h * w];
        Arrays.fill(pixels, (byte) level);
        return new ImageSamples(channels, h, w, pixels, new int[n], CLASSES);
    }

    /** Vertical stripes two pixels wide, 0 and 200, seven of each. */
    private static ImageSamples stripes(int n) {
        byte[] pixels = new byte[n * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (((i % 28) / 2) % 2 == 0 ? 0 : 200);
        }
        return new ImageSamples(1, 28, 28, pixels, new int[n], CLASSES);
    }

    private static double[] meanAndStd(ImageSamples images) {
        float[] values = new float[images.pixels().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (images.pixels()[i] & 0xFF) / 255f;
        }
        return AugmenterTest.meanAndStd(values);
    }
}
