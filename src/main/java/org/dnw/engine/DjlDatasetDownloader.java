package org.dnw.engine;

import ai.djl.Application;
import ai.djl.basicdataset.BasicDatasets;
import ai.djl.repository.Artifact;
import ai.djl.repository.MRL;
import ai.djl.util.Progress;
import ai.djl.util.Utils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnw.data.BuiltInDataset;
import org.dnw.data.DatasetCatalog;
import org.dnw.data.DatasetDownloader;
import org.dnw.data.ProgressListener;

/**
 * Downloads MNIST, Fashion-MNIST and CIFAR-10 through DJL's basic-dataset repository, into DJL's
 * cache, where {@link DatasetCatalog} finds them from then on. Only the files are fetched: the same
 * artifacts (and cache folders) as DJL's {@code Mnist}, {@code FashionMnist} and {@code Cifar10}
 * builders, but without their {@code prepare}, which would start the engine and copy the whole set
 * into FLOAT32 NDArrays (CIFAR-10: 614 MB) that the catalog does not want; the catalog reads the
 * files with its own readers and keeps images as unsigned bytes. Stateless and thread-safe; {@link
 * #download} blocks.
 */
public final class DjlDatasetDownloader implements DatasetDownloader {

    /** How long the network probe waits for the repository to answer. */
    public static final int PROBE_MILLIS = 1500;

    private static final String VERSION = "1.0";

    @Override
    public boolean supports(BuiltInDataset dataset) {
        return dataset.djlArtifactId() != null;
    }

    @Override
    public String disabledReason() {
        if (Utils.isOfflineMode()) {
            return "offline mode is on (ai.djl.offline=true or DJL_OFFLINE=true)";
        }
        return null;
    }

    @Override
    public boolean reachable() {
        if (disabledReason() != null) {
            return false;
        }
        URI base = BasicDatasets.DJL_REPO_URL;
        if ("file".equalsIgnoreCase(base.getScheme())) {
            return Files.isDirectory(Path.of(base));
        }
        String host = base.getHost();
        if (host == null) {
            return false;
        }
        int port =
                base.getPort() > 0
                        ? base.getPort()
                        : "http".equalsIgnoreCase(base.getScheme()) ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Path download(BuiltInDataset dataset, ProgressListener progress) throws IOException {
        if (!supports(dataset)) {
            throw new IOException(dataset.displayName() + " is not in DJL's dataset repository");
        }
        MRL mrl =
                BasicDatasets.REPOSITORY.dataset(
                        Application.CV.ANY,
                        BasicDatasets.GROUP_ID,
                        dataset.djlArtifactId(),
                        VERSION);
        Artifact artifact = mrl.getDefaultArtifact();
        if (artifact == null) {
            throw new IOException("DJL's repository has no " + dataset.displayName());
        }
        // DJL downloads into a temporary folder and renames it into place when complete.
        mrl.prepare(artifact, new ProgressBridge("Downloading " + dataset.displayName(), progress));
        return BasicDatasets.REPOSITORY.getResourceDirectory(artifact);
    }

    @Override
    public Path destination(BuiltInDataset dataset) {
        return DatasetCatalog.djlFolder(Utils.getCacheDir(), dataset);
    }

    /** DJL's progress as the catalog's: bytes done of bytes in all. */
    private static final class ProgressBridge implements Progress {
        private final String stage;
        private final ProgressListener listener;
        private long total = -1;
        private long done;

        ProgressBridge(String stage, ProgressListener listener) {
            this.stage = stage;
            this.listener = listener;
        }

        @Override
        public void reset(String message, long max, String trailingMessage) {
            total = max > 0 ? max : -1;
            done = 0;
            listener.progress(stage, 0, total);
        }

        @Override
        public void start(long initialProgress) {
            done = initialProgress;
            listener.progress(stage, done, total);
        }

        @Override
        public void end() {
            listener.progress(stage, total > 0 ? total : done, total > 0 ? total : done);
        }

        @Override
        public void increment(long increment) {
            long before = done;
            done += Math.max(0, increment);
            // DJL calls this for every buffer read; pass on about every 1 % (or MB when unsized).
            long step = total > 0 ? Math.max(1, total / 100) : 1 << 20;
            if (done / step != before / step) {
                listener.progress(stage, total > 0 ? Math.min(done, total) : done, total);
            }
        }

        @Override
        public void update(long progress, String message) {
            done = progress;
            listener.progress(stage, total > 0 ? Math.min(done, total) : done, total);
        }
    }
}
