package org.dnw.ui.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnw.data.ImageSamples;
import org.dnw.data.Samples;
import org.dnw.data.TableSamples;

/**
 * The samples the Data tab shows of a loaded set: image tiles, or a table's first rows, picked a
 * few per class in class order or at random (a new draw on each shuffle), and a caption saying
 * which. Part of {@link DataViewModel}; called on the FX thread.
 */
final class SamplesPreview {

    /** Tiles in the strip, at most: 2 per class for 10 classes, 24 when shuffled. */
    static final int STRIP_SIZE = 24;

    static final int MAX_STRIP = 48;

    /** Table rows shown for a table data set. */
    static final int TABLE_ROWS = 12;

    private final ReadOnlyBooleanWrapper shuffled;
    private final ReadOnlyStringWrapper samplesCaption;
    private final ObservableList<SampleTile> tiles = FXCollections.observableArrayList();
    private final ObservableList<String> tableColumns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> tableRows = FXCollections.observableArrayList();
    private DatasetPreview preview;
    private int shuffleCount;

    /**
     * @param bean the owner the properties report (the data view-model)
     */
    SamplesPreview(Object bean) {
        shuffled = new ReadOnlyBooleanWrapper(bean, "shuffled");
        samplesCaption = new ReadOnlyStringWrapper(bean, "samplesCaption", "");
    }

    ObservableList<SampleTile> tiles() {
        return tiles;
    }

    ObservableList<String> tableColumns() {
        return tableColumns;
    }

    ObservableList<List<String>> tableRows() {
        return tableRows;
    }

    ReadOnlyStringProperty samplesCaptionProperty() {
        return samplesCaption.getReadOnlyProperty();
    }

    /** True when the strip shows random samples, false for a few per class in class order. */
    ReadOnlyBooleanProperty shuffledProperty() {
        return shuffled.getReadOnlyProperty();
    }

    /** Shows other random samples (a new draw each time). */
    void shuffle() {
        if (preview == null) {
            return;
        }
        shuffleCount++;
        shuffled.set(true);
        showSamples();
    }

    /** Shows a few samples of each class, in class order. */
    void showByClass() {
        if (preview == null) {
            return;
        }
        shuffled.set(false);
        showSamples();
    }

    /** Back to a few samples per class, before a newly loaded set is shown. */
    void resetToByClass() {
        shuffled.set(false);
    }

    /** Shows the samples of {@code loaded}, by class or shuffled as chosen last. */
    void show(DatasetPreview loaded) {
        preview = loaded;
        showSamples();
    }

    private void showSamples() {
        Samples train = preview.train();
        boolean table = train instanceof TableSamples;
        int total = table ? TABLE_ROWS : STRIP_SIZE;
        int[] indices =
                shuffled.get()
                        ? randomIndices(train.size(), total, shuffleCount)
                        : byClass(train.labels(), train.classCount(), total);
        String things = table ? "rows" : "samples";
        int perClass = Math.max(1, total / Math.max(1, train.classCount()));
        samplesCaption.set(
                shuffled.get()
                        ? indices.length + " random " + things + " of the training data"
                        : perClass == 1
                                ? "the first of each class in the training data"
                                : "the first " + perClass + " of each class in the training data");
        if (train instanceof ImageSamples images) {
            tableColumns.clear();
            tableRows.clear();
            List<SampleTile> out = new ArrayList<>(indices.length);
            for (int i : indices) {
                out.add(tile(images, i));
            }
            tiles.setAll(out);
        } else if (train instanceof TableSamples rows) {
            tiles.clear();
            List<String> columns = new ArrayList<>();
            columns.add("#");
            columns.addAll(rows.featureNames());
            columns.add("class");
            tableColumns.setAll(columns);
            List<List<String>> cells = new ArrayList<>(indices.length);
            for (int i : indices) {
                cells.add(row(rows, i));
            }
            tableRows.setAll(cells);
        }
    }

    private static SampleTile tile(ImageSamples images, int index) {
        int bytes = images.imageBytes();
        byte[] pixels = new byte[bytes];
        System.arraycopy(images.pixels(), index * bytes, pixels, 0, bytes);
        int label = images.labels()[index];
        return new SampleTile(
                index,
                label,
                images.classNames().get(label),
                images.channels(),
                images.height(),
                images.width(),
                pixels);
    }

    private static List<String> row(TableSamples table, int index) {
        List<String> cells = new ArrayList<>(table.featureCount() + 2);
        cells.add(Integer.toString(index + 1));
        for (int f = 0; f < table.featureCount(); f++) {
            cells.add(number(table.values()[index * table.featureCount() + f]));
        }
        cells.add(table.classNames().get(table.labels()[index]));
        return cells;
    }

    /** Up to 4 significant digits, no exponent for everyday magnitudes: "14.88", "0.8712". */
    static String number(float value) {
        if (value == 0 || !Float.isFinite(value)) {
            return value == 0 ? "0" : Float.toString(value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e6 || abs < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        String text =
                new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(4))
                        .stripTrailingZeros()
                        .toPlainString();
        return text;
    }

    /**
     * The first samples of every class, class after class: {@code total / classCount} each (at
     * least 1), at most {@code MAX_STRIP} in all.
     */
    static int[] byClass(int[] labels, int classCount, int total) {
        int perClass = Math.max(1, total / Math.max(1, classCount));
        int[] taken = new int[classCount];
        List<List<Integer>> picked = new ArrayList<>(classCount);
        for (int c = 0; c < classCount; c++) {
            picked.add(new ArrayList<>(perClass));
        }
        long remaining = (long) classCount * perClass;
        for (int i = 0; i < labels.length && remaining > 0; i++) {
            int c = labels[i];
            if (taken[c] < perClass) {
                taken[c]++;
                picked.get(c).add(i);
                remaining--;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (List<Integer> ofClass : picked) {
            for (int i : ofClass) {
                if (out.size() < MAX_STRIP) {
                    out.add(i);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code count} distinct random indices below {@code size} (all of them when fewer). */
    static int[] randomIndices(int size, int count, long seed) {
        Random random = new Random(seed);
        int n = Math.min(size, count);
        // Floyd's sampling: distinct picks without shuffling an array as big as the data set.
        java.util.LinkedHashSet<Integer> chosenIndices = new java.util.LinkedHashSet<>();
        for (int j = size - n; j < size; j++) {
            int t = random.nextInt(j + 1);
            if (!chosenIndices.add(t)) {
                chosenIndices.add(j);
            }
        }
        List<Integer> out = new ArrayList<>(chosenIndices);
        java.util.Collections.shuffle(out, random);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
