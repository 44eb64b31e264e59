package org.dnw.ui.data;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.dnw.data.DataFormatException;
import org.dnw.data.IdxReader;
import org.dnw.data.ImageSamples;
import org.dnw.data.TableSamples;

/**
 * The real data sets of WORKBENCH_DATA (or -Dworkbench.data), read the simple way, for showcases:
 * MNIST and Fashion-MNIST with {@link IdxReader}, a slice of the CIFAR-10 JPEG archive, and the
 * wheat-seeds table.
 */
final class RealData {

    private RealData() {}

    /** The data folder, or null when neither the environment nor the property names one. */
    static Path root() {
        String dir = System.getProperty("workbench.data", System.getenv("WORKBENCH_DATA"));
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            return null;
        }
        return Path.of(dir);
    }

    static DatasetPreview idx(Path folder, String name, List<String> classNames)
            throws DataFormatException {
        ImageSamples train =
                IdxReader.read(
                        folder.resolve("train-images-idx3-ubyte.gz"),
                        folder.resolve("train-labels-idx1-ubyte.gz"),
                        classNames);
        ImageSamples test =
                IdxReader.read(
                        folder.resolve("t10k-images-idx3-ubyte.gz"),
                        folder.resolve("t10k-labels-idx1-ubyte.gz"),
                        classNames);
        return new DatasetPreview(name, "read from " + folder, train, null, test, Map.of());
    }

    /** The first {@code perClassTrain} / {@code perClassTest} images of each class. */
    static DatasetPreview cifar(Path archive, int perClassTrain, int perClassTest)
            throws IOException {
        List<String> names = SyntheticData.CIFAR;
        List<byte[]> train = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<byte[]> test = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        int[] trainTaken = new int[10];
        int[] testTaken = new int[10];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String[] parts = entry.getName().split("/");
                if (entry.isDirectory() || parts.length != 3) {
                    continue;
                }
                int label = names.indexOf(parts[1]);
                boolean isTrain = parts[0].equals("train");
                int[] taken = isTrain ? trainTaken : testTaken;
                int wanted = isTrain ? perClassTrain : perClassTest;
                if (label < 0 || taken[label] >= wanted) {
                    continue;
                }
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(tar.readAllBytes()));
                if (image == null || image.getWidth() != 32 || image.getHeight() != 32) {
                    continue;
                }
                byte[] planes = new byte[3 * 32 * 32];
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        int rgb = image.getRGB(x, y);
                        planes[y * 32 + x] = (byte) (rgb >> 16);
                        planes[1024 + y * 32 + x] = (byte) (rgb >> 8);
                        planes[2048 + y * 32 + x] = (byte) rgb;
                    }
                }
                taken[label]++;
                (isTrain ? train : test).add(planes);
                (isTrain ? trainLabels : testLabels).add(label);
            }
        }
        return new DatasetPreview(
                "CIFAR-10",
                "read from " + archive + " (the first " + perClassTrain + " images of each class)",
                images(train, trainLabels),
                null,
                images(test, testLabels),
                Map.of());
    }

    private static ImageSamples images(List<byte[]> planes, List<Integer> labels) {
        byte[] pixels = new byte[planes.size() * 3072];
        for (int i = 0; i < planes.size(); i++) {
            System.arraycopy(planes.get(i), 0, pixels, i * 3072, 3072);
        }
        return new ImageSamples(
                3,
                32,
                32,
                pixels,
                labels.stream().mapToInt(Integer::intValue).toArray(),
                SyntheticData.CIFAR);
    }

    /** The UCI seeds table; every fifth row is kept for the test split. */
    static DatasetPreview wheat(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.strip().split("\\s+");
            if (cells.length != 8) {
                continue;
            }
            float[] row = new float[7];
            for (int f = 0; f < 7; f++) {
                row[f] = Float.parseFloat(cells[f]);
            }
            rows.add(row);
            labels.add(Integer.parseInt(cells[7]) - 1);
        }
        List<Integer> trainAt = new ArrayList<>();
        List<Integer> testAt = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 5 == 4 ? testAt : trainAt).add(i);
        }
        return new DatasetPreview(
                "Wheat seeds (UCI)",
                "read from " + file,
                table(rows, labels, trainAt),
                null,
                table(rows, labels, testAt),
                Map.of());
    }

    private static TableSamples table(List<float[]> rows, List<Integer> labels, List<Integer> at) {
        float[] values = new float[at.size() * 7];
        int[] l = new int[at.size()];
        for (int i = 0; i < at.size(); i++) {
            System.arraycopy(rows.get(at.get(i)), 0, values, i * 7, 7);
            l[i] = labels.get(at.get(i));
        }
        return new TableSamples(7, values, l, SyntheticData.WHEAT, SyntheticData.WHEAT_FEATURES);
    }
}
