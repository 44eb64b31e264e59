package org.dnw.ui.data;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;

/** Real-shaped synthetic data sets for tests: MNIST-like grey, CIFAR-like colour, a small table. */
final class SyntheticData {

    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final List<String> FASHION =
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot");
    static final List<String> CIFAR =
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck");
    static final List<String> WHEAT = List.of("Kama", "Rosa", "Canadian");
    static final List<String> WHEAT_FEATURES =
            List.of(
                    "area",
                    "perimeter",
                    "compactness",
                    "kernel length",
                    "kernel width",
                    "asymmetry coefficient",
                    "kernel groove length");

    private SyntheticData() {}

    /** {@code size} grey 28 × 28 images with random labels: a ring and a bar per image. */
    static ImageSamples grey(int size, List<String> classNames, long seed) {
        int h = 28;
        int w = 28;
        byte[] pixels = new byte[size * h * w];
        int[] labels = new int[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int label = random.nextInt(classNames.size());
            labels[i] = label;
            double angle = Math.PI * label / classNames.size() + 0.2 * random.nextGaussian();
            double radius = 5 + label * 0.6;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - 13.5;
                    double dy = y - 13.5;
                    double ring = Math.abs(Math.hypot(dx, dy) - radius);
                    double line = Math.abs(dx * Math.sin(angle) - dy * Math.cos(angle));
                    double v = Math.max(Math.exp(-ring * ring / 2), Math.exp(-line * line / 1.5));
                    pixels[i * h * w + y * w + x] = (byte) Math.min(255, (int) (255 * v));
                }
            }
        }
        return new ImageSamples(1, h, w, pixels, labels, classNames);
    }

    /** Colour 32 × 32 images: a class-coloured disc on a sky-over-grass background. */
    static ImageSamples colour(int size, long seed) {
        byte[] pixels = new byte[size * 3 * 32 * 32];
        int[] labels = new int[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int label = random.nextInt(10);
            labels[i] = label;
            int cx = 12 + random.nextInt(9);
            int cy = 12 + random.nextInt(9);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean disc = Math.hypot(x - cx, y - cy) < 5 + label * 0.8;
                    int[] rgb =
                            disc
                                    ? new int[] {25 * label, 220 - 18 * label, 60 + 19 * label}
                                    : y < 16 ? new int[] {120, 170, 230} : new int[] {70, 140, 60};
                    for (int c = 0; c < 3; c++) {
                        pixels[((i * 3 + c) * 32 + y) * 32 + x] = (byte) rgb[c];
                    }
                }
            }
        }
        return new ImageSamples(3, 32, 32, pixels, labels, CIFAR);
    }

    /** A wheat-like table: 7 features, 3 classes, {@code rows} rows. */
    static TableSamples table(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * 7];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int label = r % 3;
            labels[r] = label;
            for (int f = 0; f < 7; f++) {
                values[r * 7 + f] = (float) (10 + f + label * 1.5 + random.nextGaussian());
            }
        }
        return new TableSamples(7, values, labels, WHEAT, WHEAT_FEATURES);
    }

    static DatasetPreview preview(String name, ImageSamples train, ImageSamples test) {
        return new DatasetPreview(name, "made up for the test", train, null, test, Map.of());
    }
}
