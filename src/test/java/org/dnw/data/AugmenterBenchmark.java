package org.dnw.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints how many images per second {@link Augmenter} handles on one core, per augmentation and
 * with all of them on, in batches of 64 as the training loop calls it: MNIST (1 × 28 × 28; the real
 * training images when WORKBENCH_DATA is set, else drawn ones) and CIFAR-sized colour images (3 ×
 * 32 × 32). Also times {@link Corruptions#corrupt} on 10,000 MNIST-sized images.
 *
 * <pre>
 * mvn -o -q test-compile
 * WORKBENCH_DATA=/work/shared/datasets java -cp target/classes:target/test-classes \
 *     org.dnw.data.AugmenterBenchmark
 * </pre>
 */
public final class AugmenterBenchmark {

    private static final int BATCH = 64;

    private AugmenterBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.5;
        ImageSamples mnist = mnist();
        ImageSamples cifar = colourImages(2_048);
        System.out.printf(
                Locale.ROOT,
                "Augmenter, one thread, batches of %d, %.1f s per line (%s)%n",
                BATCH,
                seconds,
                mnist.size() > 10_000 ? "real MNIST training images" : "drawn 28×28 images");
        System.out.printf(
                Locale.ROOT, "%-44s %14s %14s%n", "augmentation", "MNIST img/s", "CIFAR img/s");
        for (Case c : cases()) {
            double m = imagesPerSecond(mnist, c.spec, seconds);
            double k = imagesPerSecond(cifar, c.spec, seconds);
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f%n", c.name, m, k);
        }
        ImageSamples test = mnist.subset(range(10_000));
        for (CorruptionSpec spec :
                List.of(
                        CorruptionKind.NOISY_CAMERA.at(0.3),
                        CorruptionSpec.blur(1.5),
                        CorruptionSpec.contrastReduction(0.5))) {
            Corruptions.corrupt(test, spec, 1);
            long t0 = System.nanoTime();
            int rounds = 3;
            for (int r = 0; r < rounds; r++) {
                Corruptions.corrupt(test, spec, r);
            }
            double s = (System.nanoTime() - t0) / 1e9 / rounds;
            System.out.printf(
                    Locale.ROOT,
                    "corrupt 10,000 MNIST images, %-34s %6.0f ms%n",
                    spec.label(),
                    s * 1000);
        }
    }

    private record Case(String name, AugmentationSpec spec) {}

    private static List<Case> cases() {
        AugmentationSpec none = AugmentationSpec.NONE;
        List<Case> out = new ArrayList<>();
        out.add(new Case("none (copy check only)", none));
        out.add(new Case("Gaussian noise σ 0.3", none.withGaussianNoiseSigma(0.3)));
        out.add(new Case("salt & pepper 5 %", none.withSaltPepperShare(0.05)));
        out.add(new Case("blur σ up to 1.5", none.withBlurSigma(1.5)));
        out.add(new Case("blur σ up to 3 (largest)", none.withBlurSigma(3)));
        out.add(new Case("shift up to 3 px", none.withMaxShiftPixels(3)));
        out.add(new Case("rotation up to 15°", none.withMaxRotationDegrees(15)));
        out.add(
                new Case(
                        "shift 3 px + rotation 15°",
                        none.withMaxShiftPixels(3).withMaxRotationDegrees(15)));
        out.add(new Case("brightness ±0.2", none.withBrightnessDelta(0.2)));
        out.add(new Case("contrast ±0.3", none.withContrastDelta(0.3)));
        out.add(new Case("erasing, probability 0.5", none.withErasingProbability(0.5)));
        out.add(new Case("all on, typical", typical()));
        out.add(
                new Case(
                        "all on, every slider at its maximum",
                        new AugmentationSpec(1, 0.5, 3, 8, 45, 0.5, 0.9, 1, 1, 0)));
        return out;
    }

    /** Settings a learner might pick for a noisy camera. */
    static AugmentationSpec typical() {
        return new AugmentationSpec(0.2, 0.03, 1.0, 2, 10, 0.1, 0.2, 0.3, 1, 0);
    }

    private static double imagesPerSecond(ImageSamples images, AugmentationSpec spec, double s) {
        Augmenter augmenter =
                new Augmenter(spec, images.channels(), images.height(), images.width());
        int size = images.imageBytes();
        float[] all = Augmenter.toFloats(images.pixels());
        float[] batch = new float[BATCH * size];
        SplittableRandom random = new SplittableRandom(42);
        int batches = images.size() / BATCH;
        // Warm up the JIT before timing.
        long warmEnd = System.nanoTime() + 400_000_000L;
        int b = 0;
        while (System.nanoTime() < warmEnd) {
            System.arraycopy(all, (b++ % batches) * BATCH * size, batch, 0, batch.length);
            augmenter.apply(batch, random);
        }
        long count = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (s * 1e9);
        long now;
        do {
            // The copy stands for the loop's own uint8 → float conversion; it is timed too.
            System.arraycopy(all, (b++ % batches) * BATCH * size, batch, 0, batch.length);
            augmenter.apply(batch, random);
            count += BATCH;
            now = System.nanoTime();
        } while (now < end);
        return count / ((now - t0) / 1e9);
    }

    private static ImageSamples mnist() throws DataFormatException {
        String data = System.getenv("WORKBENCH_DATA");
        if (data != null) {
            Path dir = Path.of(data, "mnist");
            Path images = dir.resolve("train-images-idx3-ubyte.gz");
            if (Files.isRegularFile(images)) {
                return IdxReader.read(
                        images,
                        dir.resolve("train-labels-idx1-ubyte.gz"),
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
            }
        }
        return drawn(1, 28, 28, 12_800);
    }

    private static ImageSamples colourImages(int n) {
        return drawn(3, 32, 32, n);
    }

    /** Discs of varying size and grey on black, so every operation has real work to do. */
    private static ImageSamples drawn(int channels, int height, int width, int n) {
        byte[] pixels = new byte[n * channels * height * width];
        int[] labels = new int[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            double r = 4 + random.nextDouble() * 8;
            for (int c = 0; c < channels; c++) {
                int level = 80 + random.nextInt(176);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        if (Math.hypot(x - width / 2.0, y - height / 2.0) < r) {
                            pixels[((i * channels + c) * height + y) * width + x] = (byte) level;
                        }
                    }
                }
            }
        }
        return new ImageSamples(
                channels,
                height,
                width,
                pixels,
                labels,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
