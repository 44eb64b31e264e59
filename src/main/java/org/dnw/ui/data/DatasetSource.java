package org.dnw.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.dnw.data.TableLayout;

/**
 * The Data tab's port to the data: which built-in data sets there are and where, and loading one.
 * The application implements it with the data catalog; tests with a fake.
 *
 * <p>Every method is called on a background thread, never on the FX thread, and may block (file
 * system checks, downloads, reading). A load should call {@code cancelled} between chunks and, when
 * it answers true, stop and throw (any exception; {@link
 * java.util.concurrent.CancellationException} is the natural one) — nothing it returns after a
 * cancel is shown. Exception messages reach the user as they are, so they must be sentences (a
 * {@link org.dnw.data.DataFormatException} names the file and what is wrong); throw {@link
 * DatasetNotFoundException} when the files are simply not there, so that the tab offers to choose
 * their folder.
 */
public interface DatasetSource {

    /** The built-in data sets, in the order shown, each with where it is now. */
    List<DatasetChoice> choices();

    /**
     * Loads a built-in data set from where the catalog finds it (downloading it if it must).
     *
     * @param choiceId a {@link DatasetChoice#id()} from {@link #choices()}
     * @throws DatasetNotFoundException when its files are not there
     * @throws Exception with a sentence for the user for anything else (corrupt file, no memory)
     */
    DatasetPreview load(String choiceId, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception;

    /**
     * Loads a built-in data set from a folder the user chose after it was not found (and, where the
     * catalog can, remembers that folder for next time).
     *
     * @param folder the folder the user picked, e.g. one holding the four MNIST IDX files
     */
    DatasetPreview loadFrom(
            String choiceId, Path folder, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception;

    /**
     * Opens a data set the user picked: an image folder ({@code <class>/<image>}, optionally under
     * {@code train/} and {@code test/}), an archive of one (.zip, .tar.gz), a folder or file of IDX
     * pairs, the CIFAR-10 binary folder or its {@code cifar-10-binary.tar.gz}, or a table (.csv,
     * .txt) with its label column guessed.
     */
    DatasetPreview open(Path path, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception;

    /**
     * Opens a table the user picked with the label in {@code labelColumn} (a header name or a
     * number counting from 1; null to guess it). Other data sets ignore it.
     */
    default DatasetPreview open(
            Path path, String labelColumn, ProgressSink progress, BooleanSupplier cancelled)
            throws Exception {
        return open(path, progress, cancelled);
    }

    /**
     * The columns of the table at {@code path} and its guessed label column; null when it is not a
     * table. Read from the file; may block.
     */
    default TableLayout tableLayout(Path path) {
        return null;
    }
}
