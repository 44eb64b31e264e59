package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a labelled image folder: one subfolder per class holding its images (PNG, JPEG, BMP, GIF),
 * as a directory, a {@code .zip}, or a {@code .tar.gz}/{@code .tgz}/{@code .tar} archive of one.
 * When the folder (or the single top folder inside an archive) has {@code train/} and {@code test/}
 * subfolders, those are the splits; otherwise a seeded, stratified test share is drawn. Class names
 * are the class folder names, sorted; a class may be missing from {@code test/} but a test class
 * must exist in {@code train/}. Images are grey (1 channel) when every image is grey, else RGB (3
 * channels, channel-first planes). Hidden files (.DS_Store, __MACOSX, Thumbs.db) are skipped
 * silently, and so are loose documents (README, *.txt, *.md, …) beside the class folders.
 *
 * <p>An archive is streamed once; images are decoded on several threads and each decoded image is
 * held only as bytes. With a cache folder, a decoded archive is kept there (keyed by its SHA-256)
 * and later reads skip decoding. Immutable; {@link #read} may be called from any thread.
 */
public final class ImageFolderReader {

    /** The share of images drawn for the test split when the source has none. */
    public static final double DEFAULT_TEST_SHARE = 0.2;

    /** The seed of that draw unless told otherwise. */
    public static final long DEFAULT_SEED = 42;

    private static final long MAX_ENTRY_BYTES = 64L << 20;

    private final double testShare;
    private final long seed;
    private final int threads;
    private final Path cacheFolder;

    /** Default test share and seed, one decoding thread per core (at most 8), no cache. */
    public ImageFolderReader() {
        this(DEFAULT_TEST_SHARE, DEFAULT_SEED, defaultThreads(), null);
    }

    /**
     * @param testShare share of each class drawn for the test split when the source has none, in
     *     (0, 1)
     * @param seed seed of that draw
     * @param threads decoding threads, at least 1
     * @param cacheFolder where decoded archives are kept (created when needed), or null for no
     *     cache
     */
    public ImageFolderReader(double testShare, long seed, int threads, Path cacheFolder) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException(
                    "the test share must be between 0 and 1, not " + testShare);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one decoding thread, not " + threads);
        }
        this.testShare = testShare;
        this.seed = seed;
        this.threads = threads;
        this.cacheFolder = cacheFolder;
    }

    /** One thread per core, at most 8. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** True when {@code file}'s name says it is an archive this reader opens. */
    public static boolean isArchiveName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip")
                || name.endsWith(".tar.gz")
                || name.endsWith(".tgz")
                || name.endsWith(".tar");
    }

    /**
     * Reads {@code source}: a directory, or a zip or (gzip-compressed) tar archive of one.
     *
     * @param progress hears the bytes (archives) or files (directories) read
     * @return train and test images; {@code fileSha256} holds the archive's SHA-256, or for a
     *     directory one digest of all its files (SHA-256 over the sorted list of relative path and
     *     SHA-256 of each file), keyed by the folder name followed by "/"
     * @throws DataFormatException naming the source and the entry at fault
     */
    public LoadedDataset read(Path source, ProgressListener progress) throws DataFormatException {
        if (Files.isDirectory(source)) {
            try (Scan scan = new Scan(source, true)) {
                scan.walkDirectory(progress);
                Decoded decoded = scan.finish();
                String key = source.getFileName() + "/";
                return decoded.toDataset(source, Map.of(key, scan.treeDigest()), testShare, seed);
            }
        }
        if (!Files.isRegularFile(source)) {
            throw new DataFormatException(source, "not found at " + source.toAbsolutePath());
        }
        Kind kind = Kind.of(source);
        String sha = Checksums.sha256(source);
        Map<String, String> sums = Map.of(source.getFileName().toString(), sha);
        DecodedImageCache cache = cacheFolder == null ? null : new DecodedImageCache(cacheFolder);
        if (cache != null) {
            Decoded cached = cache.load(sha);
            if (cached != null) {
                progress.progress("Read decoded images from the cache", 1, 1);
                return cached.toDataset(source, sums, testShare, seed);
            }
        }
        Decoded decoded;
        try (Scan scan = new Scan(source, false)) {
            if (kind == Kind.ZIP) {
                scan.readZip(progress);
            } else {
                scan.readTar(kind == Kind.TAR_GZ, progress);
            }
            decoded = scan.finish();
        }
        if (cache != null) {
            cache.store(sha, decoded);
        }
        return decoded.toDataset(source, sums, testShare, seed);
    }

    private enum Kind {
        ZIP,
        TAR_GZ,
        TAR;

        static Kind of(Path file) throws DataFormatException {
            byte[] head = new byte[262];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            } catch (IOException e) {
                throw ReadSupport.unreadable(file, e);
            }
            boolean zip =
                    n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
            boolean gzip = n >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
            boolean tar =
                    n >= 262
                            && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII)
                                    .equals("ustar");
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".zip") && !zip) {
                throw new DataFormatException(
                        file, "is not a zip archive (it does not start like one)");
            }
            if ((name.endsWith(".tar.gz") || name.endsWith(".tgz")) && !gzip) {
                throw new DataFormatException(
                        file, "is not a gzip-compressed tar archive (it does not start like one)");
            }
            if (name.endsWith(".tar") && !tar) {
                throw new DataFormatException(
                        file, "is not a tar archive (it does not start like one)");
            }
            if (zip) {
                return ZIP;
            }
            if (gzip) {
                return TAR_GZ;
            }
            if (tar) {
                return TAR;
            }
            throw new DataFormatException(
                    file,
                    "is neither an image folder nor an archive of one (.zip, .tar.gz, .tgz or"
                            + " .tar)");
        }
    }

    /** Reads the entries of one source and decodes them on a pool. Used once. */
    private final class Scan implements AutoCloseable {
        private final Path source;
        private final boolean digestFiles;
        private final List<ImageFolderLayout.Slot> slots = new ArrayList<>();
        private final Set<String> folders = new HashSet<>();
        private final ExecutorService pool;
        private final Semaphore inFlight;
        private final List<Future<?>> futures = new ArrayList<>();
        private final AtomicLong decodedBytes = new AtomicLong();
        private final long byteBudget;

        Scan(Path source, boolean digestFiles) {
            this.source = source;
            this.digestFiles = digestFiles;
            AtomicInteger number = new AtomicInteger();
            this.pool =
                    Executors.newFixedThreadPool(
                            threads,
                            r -> {
                                Thread t =
                                        new Thread(r, "image-decoder-" + number.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
            this.inFlight = new Semaphore(threads * 64);
            // Decoded images live as separate arrays until they are assembled (and then once more
            // while a drawn split copies them): refuse sets that cannot fit rather than run out.
            this.byteBudget = Runtime.getRuntime().maxMemory() * 2 / 5;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }

        void walkDirectory(ProgressListener progress) throws DataFormatException {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.equals(source)) {
                        continue;
                    }
                    String rel = relative(source.relativize(p).toString().replace('\\', '/'));
                    if (rel == null) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        folders.add(rel);
                    } else if (Files.isRegularFile(p)) {
                        files.add(p);
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                IOException io =
                        e instanceof IOException x
                                ? x
                                : ((java.io.UncheckedIOException) e).getCause();
                throw ReadSupport.unreadable(source, io);
            }
            String stage = "Reading images in " + source.getFileName();
            int done = 0;
            for (Path file : files) {
                ImageFolderLayout.Slot slot =
                        new ImageFolderLayout.Slot(
                                relative(source.relativize(file).toString().replace('\\', '/')));
                slots.add(slot);
                submit(slot, () -> Files.readAllBytes(file));
                if (++done % 500 == 0) {
                    progress.progress(stage, done, files.size());
                }
            }
            progress.progress(stage, files.size(), files.size());
        }

        void readZip(ProgressListener progress) throws DataFormatException {
            String stage = "Reading " + source.getFileName();
            try (ZipFile zip = new ZipFile(source.toFile())) {
                int total = zip.size();
                int done = 0;
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String rel = relative(entry.getName().replace('\\', '/'));
                    if (rel != null) {
                        if (entry.isDirectory()) {
                            folders.add(rel);
                        } else {
                            noteParents(rel);
                            checkSize(rel, entry.getSize());
                            byte[] bytes;
                            try (InputStream in = zip.getInputStream(entry)) {
                                bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
                            }
                            checkSize(rel, bytes.length);
                            ImageFolderLayout.Slot slot = new ImageFolderLayout.Slot(rel);
                            slots.add(slot);
                            submit(slot, () -> bytes);
                        }
                    }
                    if (++done % 500 == 0) {
                        progress.progress(stage, done, total);
                    }
                }
                progress.progress(stage, total, total);
            } catch (IOException e) {
                throw damagedArchive(e);
            } catch (RuntimeException e) {
                throw new DataFormatException(
                        source, "is a damaged zip archive (" + e.getMessage() + ")", e);
            }
        }

        void readTar(boolean gzip, ProgressListener progress) throws DataFormatException {
            String stage = "Reading " + source.getFileName();
            long total;
            try {
                total = Files.size(source);
            } catch (IOException e) {
                throw ReadSupport.unreadable(source, e);
            }
            try (ReadSupport.CountingInputStream counted =
                            new ReadSupport.CountingInputStream(Files.newInputStream(source));
                    InputStream raw = new BufferedInputStream(counted, 1 << 16);
                    InputStream unpacked = gzip ? new GzipCompressorInputStream(raw) : raw;
                    TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
                TarArchiveEntry entry;
                long lastReported = 0;
                progress.progress(stage, 0, total);
                while ((entry = tar.getNextEntry()) != null) {
                    String rel = relative(entry.getName());
                    if (rel != null) {
                        if (entry.isDirectory()) {
                            folders.add(rel);
                        } else if (entry.isFile()) {
                            noteParents(rel);
                            checkSize(rel, entry.getSize());
                            byte[] bytes = tar.readNBytes((int) entry.getSize());
                            if (bytes.length < entry.getSize()) {
                                throw new DataFormatException(
                                        source,
                                        "ends too early, inside "
                                                + rel
                                                + ": the archive is truncated (an interrupted"
                                                + " download or copy?)");
                            }
                            ImageFolderLayout.Slot slot = new ImageFolderLayout.Slot(rel);
                            slots.add(slot);
                            submit(slot, () -> bytes);
                        }
                    }
                    if (counted.count() - lastReported > total / 100) {
                        lastReported = counted.count();
                        progress.progress(stage, lastReported, total);
                    }
                }
                progress.progress(stage, total, total);
            } catch (IOException e) {
                throw damagedArchive(e);
            } catch (RuntimeException e) {
                throw new DataFormatException(
                        source, "is a damaged archive (" + e.getMessage() + ")", e);
            }
        }

        private DataFormatException damagedArchive(IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (e instanceof java.io.EOFException
                    || lower.contains("truncated")
                    || lower.contains("unexpected end")) {
                return new DataFormatException(
                        source,
                        "ends too early: the archive is truncated (an interrupted download or copy?)",
                        e);
            }
            return new DataFormatException(
                    source, "is damaged or not an archive (" + message + ")", e);
        }

        private void checkSize(String rel, long size) throws DataFormatException {
            if (size > MAX_ENTRY_BYTES) {
                throw new DataFormatException(
                        source,
                        rel
                                + " is "
                                + (size >> 20)
                                + " MB, too large to be an image of a data set");
            }
        }

        /** Zip and tar archives need not list folders; their files imply them. */
        private void noteParents(String rel) {
            int slash = rel.lastIndexOf('/');
            while (slash > 0) {
                String parent = rel.substring(0, slash);
                if (!folders.add(parent)) {
                    break;
                }
                slash = parent.lastIndexOf('/');
            }
        }

        private void submit(ImageFolderLayout.Slot slot, BytesSource bytes)
                throws DataFormatException {
            if (decodedBytes.get() > byteBudget) {
                throw new DataFormatException(
                        source,
                        "holds more images than fit in memory (over "
                                + (byteBudget >> 20)
                                + " MB decoded after "
                                + slots.size()
                                + " files); start the workbench with a larger -Xmx or use"
                                + " fewer or smaller images");
            }
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataFormatException(source, "reading was interrupted", e);
            }
            futures.add(
                    pool.submit(
                            () -> {
                                try {
                                    byte[] data = bytes.get();
                                    if (digestFiles) {
                                        MessageDigest d = Checksums.newSha256();
                                        slot.sha256 = Checksums.hex(d.digest(data));
                                    }
                                    ImageDecoder.Decoded image = ImageDecoder.decode(data);
                                    decodedBytes.addAndGet(image.planes().length);
                                    slot.image = image;
                                } catch (ImageDecoder.NotAnImage e) {
                                    slot.problem = e.getMessage();
                                } catch (IOException e) {
                                    slot.problem = "cannot be read (" + e.getMessage() + ")";
                                } catch (OutOfMemoryError e) {
                                    decodedBytes.set(Long.MAX_VALUE);
                                    slot.problem =
                                            "could not be decoded: the workbench ran out of memory"
                                                    + " (start it with a larger -Xmx)";
                                } catch (RuntimeException e) {
                                    slot.problem = "cannot be decoded (" + e + ")";
                                } finally {
                                    inFlight.release();
                                }
                            }));
        }

        Decoded finish() throws DataFormatException {
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataFormatException(source, "reading was interrupted", e);
            } catch (ExecutionException e) {
                throw new DataFormatException(
                        source, "an image could not be decoded (" + e.getCause() + ")", e);
            } finally {
                pool.shutdownNow();
            }
            return ImageFolderLayout.build(source, slots, folders);
        }

        String treeDigest() {
            List<ImageFolderLayout.Slot> sorted = new ArrayList<>(slots);
            sorted.sort((a, b) -> a.path.compareTo(b.path));
            MessageDigest d = Checksums.newSha256();
            for (ImageFolderLayout.Slot s : sorted) {
                d.update(
                        (s.path + "\0" + s.sha256 + "\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return Checksums.hex(d.digest());
        }
    }

    @FunctionalInterface
    private interface BytesSource {
        byte[] get() throws IOException;
    }

    /**
     * The relative path of an entry, cleaned ("./a//b" → "a/b"), or null when it is hidden or
     * empty.
     */
    static String relative(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (ReadSupport.isHidden(part)) {
                return null;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /**
     * Decoded images grouped as the source gave them: {@code train} and {@code test} when it had
     * those folders, else everything in {@code train} and {@code test} null. Pixels are
     * channel-first.
     */
    record Decoded(ImageSamples train, ImageSamples test) {

        LoadedDataset toDataset(
                Path source, Map<String, String> sums, double testShare, long seed) {
            String name = datasetName(source);
            if (test != null) {
                return new LoadedDataset(name, train, test, sums, source.toString(), false);
            }
            int[][] parts =
                    DataSplitter.stratified(train.labels(), train.classCount(), testShare, seed);
            return new LoadedDataset(
                    name,
                    train.subset(parts[0]),
                    train.subset(parts[1]),
                    sums,
                    source.toString(),
                    true);
        }

        private static String datasetName(Path source) {
            String name = source.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            for (String ext : List.of(".tar.gz", ".tgz", ".zip", ".tar")) {
                if (lower.endsWith(ext)) {
                    return name.substring(0, name.length() - ext.length());
                }
            }
            return name;
        }
    }
}
