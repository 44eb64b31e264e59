package org.dnw.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fetches a built-in data set from the network into a local folder. The catalog asks for it only
 * when the set is nowhere on this computer, then reads the files itself (so images stay unsigned
 * bytes). Implemented in the engine layer through DJL's basic-dataset repository; tests use fakes.
 * Implementations must be safe to call from any thread except the FX thread (they block).
 */
public interface DatasetDownloader {

    /** True when this downloader can fetch {@code dataset} at all, network aside. */
    boolean supports(BuiltInDataset dataset);

    /**
     * Null when downloading is allowed; otherwise a sentence saying why not, e.g. "offline mode is
     * on (ai.djl.offline=true)". Cheap: no network.
     */
    String disabledReason();

    /** Whether the download server answers now; returns within about 1.5 seconds. */
    boolean reachable();

    /**
     * Downloads {@code dataset} and returns the folder that holds its files: the four unpacked IDX
     * files for MNIST and Fashion-MNIST, the CIFAR-10 binary batches for CIFAR-10.
     *
     * @param progress hears the bytes downloaded
     * @throws IOException when the download fails; nothing half-written is left as if complete
     */
    Path download(BuiltInDataset dataset, ProgressListener progress) throws IOException;

    /** Where {@link #download} puts the files of {@code dataset}, for messages. */
    Path destination(BuiltInDataset dataset);
}
