package org.dnw.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnw.data.Checksums;
import org.dnw.data.DataFormatException;

/**
 * A run's checkpoints, one folder per epoch end: {@code <checkpoints>/epoch-0003/} holds the
 * engine's state ({@link EngineStateFiles}), the loop's state and, last, {@value #MANIFEST}: the
 * epoch and the SHA-256 of every other file. A checkpoint is written into a hidden temporary folder
 * beside the others and renamed into place in one move, so a reader sees a whole checkpoint or
 * none; the newest {@value #KEEP} are kept. Reading takes the newest checkpoint whose manifest
 * parses and whose files all match their checksums; a damaged one is skipped with a sentence saying
 * so, and the one before it is used.
 *
 * <p>Stateless and thread-safe; one run (one process: the run's owner) writes a run's checkpoints.
 */
public final class Checkpoints {

    /** The folder inside a run folder that holds its checkpoints. */
    public static final String FOLDER = "checkpoints";

    /** Written last into each checkpoint: its epoch and its files' SHA-256. */
    public static final String MANIFEST = "checkpoint.json";

    /** How many checkpoints are kept, newest first. */
    public static final int KEEP = 2;

    /** The format of {@value #MANIFEST}. */
    static final int FORMAT_VERSION = 1;

    private static final Pattern NAME = Pattern.compile("epoch-(\\d+)");
    private static final String TEMP_PREFIX = ".tmp-";

    private Checkpoints() {}

    /** What {@value #MANIFEST} holds. */
    record Manifest(int format, int epoch, Map<String, String> files) {}

    /**
     * A checkpoint whose files match their checksums.
     *
     * @param folder its folder
     * @param epoch the epoch at whose end it was written, ≥ 1
     */
    public record Checkpoint(Path folder, int epoch) {}

    /**
     * The newest usable checkpoint, if any, and one sentence per newer one that was skipped.
     *
     * @param notices e.g. "the checkpoint of epoch 4 is damaged (parameters.npz does not match its
     *     checksum); resuming from epoch 3"
     */
    public record Found(Optional<Checkpoint> checkpoint, List<String> notices) {
        public Found {
            notices = List.copyOf(notices);
        }
    }

    /** Writes a checkpoint's files (the engine's and the loop's) into an empty folder. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    /** The folder of the checkpoint of {@code epoch}. */
    public static Path folderOf(Path checkpoints, int epoch) {
        return checkpoints.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d", epoch));
    }

    /**
     * Writes the checkpoint of {@code epoch}: {@code contents} into a temporary folder, then the
     * manifest, then one rename into place (replacing a damaged or older checkpoint of the same
     * epoch); then removes all but the newest {@value #KEEP}.
     *
     * @return the checkpoint's folder
     */
    public static Path write(Path checkpoints, int epoch, Contents contents) throws IOException {
        Files.createDirectories(checkpoints);
        Path temp =
                checkpoints.resolve(
                        TEMP_PREFIX
                                + String.format(java.util.Locale.ROOT, "epoch-%04d-", epoch)
                                + ProcessHandle.current().pid());
        deleteTree(temp);
        Files.createDirectories(temp);
        try {
            contents.writeInto(temp);
            Map<String, String> sums = new TreeMap<>();
            try (Stream<Path> files = Files.list(temp)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    sums.put(f.getFileName().toString(), sha256(f));
                }
            }
            sums.remove(MANIFEST);
            EngineStateFiles.writeJson(
                    temp.resolve(MANIFEST), new Manifest(FORMAT_VERSION, epoch, sums));
            Path target = folderOf(checkpoints, epoch);
            deleteTree(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            prune(checkpoints);
            return target;
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * The newest checkpoint in {@code checkpoints} whose files all match their checksums; damaged
     * ones (a missing or unparsable manifest, a missing file, a wrong checksum) are skipped, each
     * with a sentence in {@link Found#notices()}. An absent folder has none.
     */
    public static Found newest(Path checkpoints) throws IOException {
        List<String> notices = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        for (Map.Entry<Integer, Path> c : list(checkpoints)) {
            Optional<String> problem = problem(c.getValue(), c.getKey());
            if (problem.isEmpty()) {
                for (String d : damaged) {
                    notices.add(d + "; resuming from epoch " + c.getKey());
                }
                return new Found(Optional.of(new Checkpoint(c.getValue(), c.getKey())), notices);
            }
            damaged.add(
                    "the checkpoint of epoch "
                            + c.getKey()
                            + " is damaged ("
                            + problem.get()
                            + ")");
        }
        for (String d : damaged) {
            notices.add(d + "; there is no earlier one");
        }
        return new Found(Optional.empty(), notices);
    }

    /** Why the checkpoint in {@code folder} cannot be used; empty when it can. */
    static Optional<String> problem(Path folder, int epoch) {
        Manifest m;
        try {
            m = EngineStateFiles.readJson(folder.resolve(MANIFEST), Manifest.class);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        if (m.epoch() != epoch || m.files() == null || m.files().isEmpty()) {
            return Optional.of(MANIFEST + " does not describe this checkpoint");
        }
        for (Map.Entry<String, String> f : m.files().entrySet()) {
            Path file = folder.resolve(f.getKey());
            if (!Files.isRegularFile(file)) {
                return Optional.of(f.getKey() + " is missing");
            }
            try {
                if (!sha256(file).equals(f.getValue())) {
                    return Optional.of(f.getKey() + " does not match its checksum");
                }
            } catch (IOException e) {
                return Optional.of(f.getKey() + " cannot be read");
            }
        }
        return Optional.empty();
    }

    /** The checkpoints' folders by epoch, newest first. */
    private static List<Map.Entry<Integer, Path>> list(Path checkpoints) throws IOException {
        List<Map.Entry<Integer, Path>> out = new ArrayList<>();
        if (!Files.isDirectory(checkpoints)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(checkpoints)) {
            for (Path d : dirs) {
                Matcher m = NAME.matcher(d.getFileName().toString());
                if (m.matches() && Files.isDirectory(d)) {
                    out.add(Map.entry(Integer.parseInt(m.group(1)), d));
                }
            }
        }
        out.sort(Map.Entry.<Integer, Path>comparingByKey().reversed());
        return out;
    }

    /**
     * Removes all but the newest {@value #KEEP} checkpoints, and the temporary folders of writers
     * killed mid-checkpoint (only the run's owner writes here, one checkpoint at a time).
     */
    private static void prune(Path checkpoints) throws IOException {
        List<Map.Entry<Integer, Path>> all = list(checkpoints);
        for (int i = KEEP; i < all.size(); i++) {
            deleteTree(all.get(i).getValue());
        }
        try (DirectoryStream<Path> temps =
                Files.newDirectoryStream(checkpoints, TEMP_PREFIX + "*")) {
            for (Path t : temps) {
                deleteTree(t);
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return Checksums.sha256(file);
        } catch (DataFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
