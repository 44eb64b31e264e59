package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnw.data.DigitPreprocessor.Mode;
import org.dnw.data.DigitPreprocessor.Prepared;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DigitPreprocessorTest {

    private static final Shape MNIST = Shape.image(1, 28, 28);

    // ---- pictures

    /** A black canvas of {@code w × h} with a white filled rectangle. */
    static int[] rectangle(int w, int h, int x0, int y0, int rw, int rh) {
        int[] grey = new int[w * h];
        for (int y = y0; y < y0 + rh; y++) {
            for (int x = x0; x < x0 + rw; x++) {
                grey[y * w + x] = 255;
            }
        }
        return grey;
    }

    /** A black canvas with a white disc, its edge antialiased. */
    static int[] disc(int w, int h, double cx, double cy, double r) {
        int[] grey = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                grey[y * w + x] = (int) Math.round(255 * Math.max(0, Math.min(1, r + 0.5 - d)));
            }
        }
        return grey;
    }

    /** Grey levels as opaque ARGB, or their negative (dark ink on light paper). */
    static int[] argb(int[] grey, boolean negative) {
        int[] out = new int[grey.length];
        for (int i = 0; i < grey.length; i++) {
            int v = negative ? 255 - grey[i] : grey[i];
            out[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        return out;
    }

    // ---- measures

    /** {x0, y0, width, height} of the non-zero pixels of channel 0; null when none. */
    static int[] inkBox(Prepared p) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                if (p.pixel(0, y, x) > 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** Centre of mass {x, y} of channel 0 in pixel-index coordinates. */
    static double[] centreOfMass(Prepared p) {
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                int v = p.pixel(0, y, x);
                mass += v;
                mx += v * x;
                my += v * y;
            }
        }
        return new double[] {mx / mass, my / mass};
    }

    private static void assertCentred(Prepared p) {
        double[] com = centreOfMass(p);
        assertThat(com[0]).as("centre of mass x").isCloseTo(14, within(0.5));
        assertThat(com[1]).as("centre of mass y").isCloseTo(14, within(0.5));
    }

    // ---- the MNIST procedure

    @Test
    void anOffCentreRectangleEndsCentredWithItsLongerSide20AndItsAspectKept() {
        int[] canvas = rectangle(280, 280, 10, 200, 60, 30);

        Prepared p = DigitPreprocessor.centreDigit(canvas, 280, 280);

        assertThat(p.blank()).isFalse();
        assertThat(p.inverted()).isFalse();
        assertThat(p.shape()).isEqualTo(MNIST);
        int[] box = inkBox(p);
        assertThat(box[2]).as("width").isEqualTo(20);
        assertThat(box[3]).as("height").isEqualTo(10);
        assertCentred(p);
        // 3 × 3 source pixels averaged into one: the inside stays full white
        assertThat(p.pixel(0, box[1] + 5, box[0] + 10)).isEqualTo(255);
    }

    @Test
    void aTallThinStrokeKeepsItsAspect() {
        int[] canvas = rectangle(300, 200, 250, 10, 15, 150);

        Prepared p = DigitPreprocessor.centreDigit(canvas, 300, 200);

        int[] box = inkBox(p);
        assertThat(box[3]).isEqualTo(20);
        assertThat(box[2]).isEqualTo(2);
        assertCentred(p);
    }

    @Test
    void anOffCentreDiscEndsCentredAndAntialiased() {
        int[] canvas = disc(280, 280, 220.3, 57.8, 43);

        Prepared p = DigitPreprocessor.centreDigit(canvas, 280, 280);

        int[] box = inkBox(p);
        assertThat(box[2]).isEqualTo(20);
        assertThat(box[3]).isEqualTo(20);
        assertCentred(p);
        // area averaging leaves grey levels on the rim, not just black and white
        long greys = 0;
        for (byte b : p.pixels()) {
            int v = b & 0xFF;
            if (v > 0 && v < 255) {
                greys++;
            }
        }
        assertThat(greys).isGreaterThan(20);
    }

    @Test
    void aMassLopsidedShapeIsCentredByMassNotByBox() {
        // an "L": the heavy bar at the bottom pulls the centre of mass down
        int[] canvas = new int[200 * 200];
        int[] bar = rectangle(200, 200, 40, 150, 100, 40);
        int[] stem = rectangle(200, 200, 40, 10, 10, 140);
        for (int i = 0; i < canvas.length; i++) {
            canvas[i] = Math.max(bar[i], stem[i]);
        }

        Prepared p = DigitPreprocessor.centreDigit(canvas, 200, 200);

        assertCentred(p);
        int[] box = inkBox(p);
        // the box's middle lies above the centre: the box is not what was centred
        assertThat(box[1] + box[3] / 2.0).isLessThan(13);
    }

    @Test
    void aSmallDigitIsEnlargedSmoothly() {
        int[] small = rectangle(28, 28, 2, 3, 5, 10);

        Prepared p = DigitPreprocessor.centreDigit(small, 28, 28);

        int[] box = inkBox(p);
        assertThat(box[3]).isEqualTo(20);
        assertThat(box[2]).isEqualTo(10);
        assertCentred(p);
    }

    @Test
    void anEmptyCanvasGivesZerosAndTheBlankFlag() {
        Prepared p = DigitPreprocessor.centreDigit(new int[280 * 280], 280, 280);

        assertThat(p.blank()).isTrue();
        assertThat(p.pixels()).hasSize(784).containsOnly(0);
        // a faint smudge below the contrast threshold is no digit either
        int[] faint = rectangle(100, 100, 40, 40, 10, 10);
        for (int i = 0; i < faint.length; i++) {
            faint[i] = faint[i] / 10;
        }
        assertThat(DigitPreprocessor.centreDigit(faint, 100, 100).blank()).isTrue();
    }

    @Test
    void aPhotoOfADarkDigitOnLightPaperIsInverted() {
        int[] grey = disc(120, 90, 30, 60, 18);
        int[] photo = argb(grey, true);

        Prepared p = DigitPreprocessor.prepare(photo, 120, 90, MNIST, Mode.CENTRE_DIGIT);
        Prepared drawn = DigitPreprocessor.prepareGrey(grey, 120, 90, MNIST, Mode.CENTRE_DIGIT);

        assertThat(p.inverted()).isTrue();
        assertThat(p.blank()).isFalse();
        assertCentred(p);
        assertThat(p.pixels()).containsExactly(drawn.pixels());
    }

    @Test
    void aBrightDigitOnDarkGroundIsNotInverted() {
        int[] grey = disc(120, 90, 30, 60, 18);

        Prepared p =
                DigitPreprocessor.prepare(argb(grey, false), 120, 90, MNIST, Mode.CENTRE_DIGIT);

        assertThat(p.inverted()).isFalse();
        assertThat(inkBox(p)[2]).isEqualTo(20);
    }

    @Test
    void greyPaperAndItsGrainBecomeBlackAndTheInkWhite() {
        // dark-grey ink (60) on noisy light-grey paper (mean 200, σ 6)
        java.util.Random random = new java.util.Random(4);
        int w = 100;
        int h = 100;
        int[] photo = new int[w * h];
        int[] ink = rectangle(w, h, 30, 20, 12, 60);
        for (int i = 0; i < photo.length; i++) {
            int v =
                    ink[i] > 0
                            ? 60
                            : (int)
                                    Math.round(
                                            Math.max(
                                                    0,
                                                    Math.min(
                                                            255, 200 + 6 * random.nextGaussian())));
            photo[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }

        Prepared p = DigitPreprocessor.prepare(photo, w, h, MNIST, Mode.CENTRE_DIGIT);

        assertThat(p.inverted()).isTrue();
        int[] box = inkBox(p);
        // the grain does not widen the box: only the stroke's 12 × 60 is scaled to 4 × 20
        assertThat(box[3]).isEqualTo(20);
        assertThat(box[2]).isEqualTo(4);
        assertThat(p.pixel(0, box[1] + 10, box[0] + 1)).isEqualTo(255);
    }

    @Test
    void colourIsMadeGreyWithTransparencyOverWhite() {
        int red = 0xFFFF0000;
        int transparent = 0x00000000;
        int halfBlack = 0x80000000;

        int[] grey = DigitPreprocessor.toGrey(new int[] {red, transparent, halfBlack});

        assertThat(grey).containsExactly(76, 255, 127);
    }

    @Test
    void aRedDigitOnWhiteIsFoundAsInk() {
        int[] photo = new int[80 * 80];
        java.util.Arrays.fill(photo, 0xFFFFFFFF);
        int[] shape = rectangle(80, 80, 10, 10, 20, 40);
        for (int i = 0; i < photo.length; i++) {
            if (shape[i] > 0) {
                photo[i] = 0xFFE02020;
            }
        }

        Prepared p = DigitPreprocessor.prepare(photo, 80, 80, MNIST, Mode.CENTRE_DIGIT);

        assertThat(p.inverted()).isTrue();
        // 10 × 20, its centre of mass (4.5, 9.5) shifted to (14.5, 14.5)
        assertThat(inkBox(p)).containsExactly(10, 5, 10, 20);
        assertCentred(p);
    }

    // ---- resizing for other data sets

    @Test
    void resizeModeKeepsThePositionAndStretchesToTheInput() {
        int[] canvas = rectangle(280, 140, 0, 0, 70, 70);

        Prepared p =
                DigitPreprocessor.prepareGrey(
                        canvas, 280, 140, Shape.image(1, 28, 28), Mode.RESIZE);

        // the top-left quarter of the width, top half of the height: 7 × 14 pixels, not centred
        assertThat(inkBox(p)).containsExactly(0, 0, 7, 14);
        assertThat(p.pixel(0, 5, 3)).isEqualTo(255);
    }

    @Test
    void aColourInputGetsItsThreePlanesResized() {
        int w = 64;
        int h = 64;
        int[] photo = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                photo[y * w + x] = x < w / 2 ? 0xFFFF0000 : 0xFF0000FF;
            }
        }

        Prepared p = DigitPreprocessor.prepare(photo, w, h, Shape.image(3, 32, 32), Mode.RESIZE);

        assertThat(p.channels()).isEqualTo(3);
        assertThat(p.blank()).isFalse();
        assertThat(p.inverted()).isFalse();
        assertThat(p.pixel(0, 10, 3)).isEqualTo(255);
        assertThat(p.pixel(2, 10, 3)).isZero();
        assertThat(p.pixel(0, 10, 28)).isZero();
        assertThat(p.pixel(2, 10, 28)).isEqualTo(255);
        assertThat(p.pixel(1, 20, 20)).isZero();
    }

    @Test
    void aGreyDrawingFillsEveryChannelOfAColourInput() {
        int[] canvas = disc(100, 100, 50, 50, 30);

        Prepared p =
                DigitPreprocessor.prepareGrey(
                        canvas, 100, 100, Shape.image(3, 32, 32), Mode.RESIZE);

        assertThat(p.pixel(0, 16, 16)).isEqualTo(255);
        assertThat(p.pixel(1, 16, 16)).isEqualTo(255);
        assertThat(p.pixel(2, 16, 16)).isEqualTo(255);
        assertThat(p.pixel(2, 0, 0)).isZero();
    }

    @Test
    void resizeArgbAveragesAreas() {
        int[] two = {0xFF000000, 0xFFFFFFFF, 0xFF000000, 0xFFFFFFFF};

        int[] one = DigitPreprocessor.resizeArgb(two, 2, 2, 1, 1);

        assertThat(one[0]).isEqualTo(0xFF808080);
    }

    @Test
    void theModeFollowsTheDataSet() {
        assertThat(Mode.forDataset("MNIST", MNIST)).isEqualTo(Mode.CENTRE_DIGIT);
        assertThat(Mode.forDataset("Fashion-MNIST", MNIST)).isEqualTo(Mode.RESIZE);
        assertThat(Mode.forDataset("CIFAR-10", Shape.image(3, 32, 32))).isEqualTo(Mode.RESIZE);
        assertThat(Mode.forDataset("MNIST", Shape.flat(784))).isEqualTo(Mode.RESIZE);
        assertThat(Mode.forDataset(null, MNIST)).isEqualTo(Mode.RESIZE);
    }

    @Test
    void badSizesAndNonImageInputsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> DigitPreprocessor.centreDigit(new int[10], 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 × 4 pixels needs 16 values, got 10");
        assertThatThrownBy(
                        () ->
                                DigitPreprocessor.prepareGrey(
                                        new int[16], 4, 4, Shape.flat(7), Mode.RESIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an image");
    }

    // ---- real MNIST digits

    @Test
    void preprocessingARealMnistDigitAgainLeavesItAsItWas() throws DataFormatException {
        Path dir = mnistFolder();
        ImageSamples test =
                IdxReader.read(
                        dir.resolve("t10k-images-idx3-ubyte.gz"),
                        dir.resolve("t10k-labels-idx1-ubyte.gz"),
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        int n = 1_000;
        int unchanged = 0;
        double totalDifference = 0;
        double worstDifference = 0;
        for (int i = 0; i < n; i++) {
            int[] grey = new int[784];
            for (int p = 0; p < 784; p++) {
                grey[p] = test.pixel(i, 0, p / 28, p % 28);
            }
            Prepared again = DigitPreprocessor.centreDigit(grey, 28, 28);
            assertCentred(again);
            double difference = 0;
            for (int p = 0; p < 784; p++) {
                difference += Math.abs((again.pixels()[p] & 0xFF) - grey[p]);
            }
            difference /= 784;
            unchanged += difference == 0 ? 1 : 0;
            totalDifference += difference;
            worstDifference = Math.max(worstDifference, difference);
        }
        // MNIST's digits are already 20 px boxes centred by mass: the procedure leaves them be
        assertThat(unchanged)
                .as("digits left exactly as they were")
                .isGreaterThanOrEqualTo(n * 99 / 100);
        assertThat(totalDifference / n).as("mean absolute difference").isLessThan(0.1);
        assertThat(worstDifference).as("worst mean absolute difference").isLessThan(2);
    }

    @Test
    void aRealMnistDigitPrintedDarkOnLightAndEnlargedComesBackClose() throws DataFormatException {
        Path dir = mnistFolder();
        ImageSamples test =
                IdxReader.read(
                        dir.resolve("t10k-images-idx3-ubyte.gz"),
                        dir.resolve("t10k-labels-idx1-ubyte.gz"),
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        for (int i = 0; i < 50; i++) {
            // the digit as a 4× photo on white paper, placed off-centre
            int side = 200;
            int[] photo = new int[side * side];
            java.util.Arrays.fill(photo, 0xFFFFFFFF);
            int[] original = new int[784];
            for (int y = 0; y < 28 * 4; y++) {
                for (int x = 0; x < 28 * 4; x++) {
                    int v = test.pixel(i, 0, y / 4, x / 4);
                    original[(y / 4) * 28 + x / 4] = v;
                    int g = 255 - v;
                    photo[(y + 70) * side + x + 10] = 0xFF000000 | g << 16 | g << 8 | g;
                }
            }

            Prepared p = DigitPreprocessor.prepare(photo, side, side, MNIST, Mode.CENTRE_DIGIT);

            assertThat(p.inverted()).isTrue();
            assertCentred(p);
            double difference = 0;
            for (int k = 0; k < 784; k++) {
                difference += Math.abs((p.pixels()[k] & 0xFF) - original[k]);
            }
            assertThat(difference / 784).as("digit %d", i).isLessThan(0.5);
        }
    }

    private static Path mnistFolder() {
        String data = System.getProperty("workbench.data", System.getenv("WORKBENCH_DATA"));
        Path dir = null;
        if (data != null && !data.isBlank()) {
            dir = Path.of(data, "mnist");
        } else if (Files.isDirectory(Path.of("..", "shared", "datasets", "mnist"))) {
            dir = Path.of("..", "shared", "datasets", "mnist");
        }
        Assumptions.assumeTrue(
                dir != null && Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz")),
                "MNIST not found (set WORKBENCH_DATA to the datasets folder): skipping the check"
                        + " on real digits");
        return dir;
    }
}
