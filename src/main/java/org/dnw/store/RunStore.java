package org.dnw.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dnw.train.Checkpoints;

/**
 * The folder of saved runs, normally {@code saved-models/}. Each run lives in its own folder named
 * {@code yyyyMMdd-HHmmss-<name>} (local start time, sanitised name, {@code -2}, {@code -3}... when
 * taken).
 *
 * <p>Writing a run: {@link #begin} creates a hidden draft folder ({@code .tmp-*}) inside the root,
 * the training thread saves the model's params into it, and {@link #commit} writes every other file
 * into the draft and publishes it with one atomic rename; {@link #discard} deletes it. While it
 * trains, the draft holds the run's live event log ({@link RunEvents}), and {@link #list} shows it
 * as {@link RunStatus#RUNNING}, or {@link RunStatus#INTERRUPTED} once its owner is gone, with its
 * curves so far. A draft whose owner died before its first event is removed by {@link
 * #cleanStaleDrafts}; one with events is kept until the user deletes it. Deleting moves the run out
 * of sight with one rename before removing its files, so a half-deleted run is never listed.
 *
 * <p>Several processes may share one root (windows, command lines, cluster jobs on other nodes):
 * every draft records its owner and a heartbeat ({@link DraftOwner}), renewed every {@link
 * DraftOwner#HEARTBEAT_INTERVAL} by one daemon thread of this JVM while the draft is open, and only
 * drafts whose owner is provably gone are ever removed.
 *
 * <p>Thread-safe: any method may be called from any thread (the training thread commits while a
 * background task lists). All methods do file I/O: never call them on the FX thread.
 */
public final class RunStore {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** The hidden name a folder takes while it is deleted. */
    private static final String DELETED_PREFIX = RunFiles.DRAFT_PREFIX + "deleted-";

    /** Longest sanitised run name kept in a folder name. */
    static final int MAX_NAME_LENGTH = 48;

    /**
     * Drafts begun in this JVM and not yet committed or discarded; their heartbeats are renewed.
     */
    private static final Set<Path> LIVE_DRAFTS = ConcurrentHashMap.newKeySet();

    /**
     * Renews the heartbeat of every draft in {@link #LIVE_DRAFTS}; started with the first draft.
     */
    private static final ScheduledExecutorService HEARTBEAT =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "run-heartbeat");
                        t.setDaemon(true);
                        return t;
                    });

    static {
        long every = DraftOwner.HEARTBEAT_INTERVAL.toMillis();
        HEARTBEAT.scheduleWithFixedDelay(
                () -> {
                    Instant now = Instant.now();
                    for (Path draft : LIVE_DRAFTS) {
                        DraftOwner.beat(draft, now);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    private final Path root;
    private final ZoneId zone;
    private final Object publishLock = new Object();

    /** A store in {@code root}, naming folders in the system's time zone. */
    public RunStore(Path root) {
        this(root, ZoneId.systemDefault());
    }

    /**
     * A store in {@code root} (created on the first {@link #begin}), naming folders by start time
     * in {@code zone}.
     */
    public RunStore(Path root, ZoneId zone) {
        this.root = root.toAbsolutePath().normalize();
        this.zone = zone;
    }

    /** The folder holding the runs. */
    public Path root() {
        return root;
    }

    /**
     * Creates a draft for a run about to start: an empty hidden folder inside {@link #root()}, into
     * which the engine saves the model's params.
     *
     * @param runName the run's name, as the user gave it (sanitised only when committed)
     */
    public RunDraft begin(String runName) throws IOException {
        Files.createDirectories(root);
        // named like the run it becomes plus this process's id, so that its listed name
        // ({@link RunSummary#folderName}) says when, what and who; -2, -3... when taken (another
        // host with the same process id, or two runs begun in one second)
        String base =
                RunFiles.DRAFT_PREFIX
                        + STAMP.format(Instant.now().atZone(zone))
                        + "-"
                        + sanitiseName(runName)
                        + "-"
                        + ProcessHandle.current().pid();
        Path folder = null;
        for (int i = 1; folder == null; i++) {
            try {
                folder = Files.createDirectory(root.resolve(i == 1 ? base : base + "-" + i));
            } catch (FileAlreadyExistsException e) {
                // taken: try the next number
            }
        }
        LIVE_DRAFTS.add(folder);
        try {
            DraftOwner.ofThisProcess().writeTo(folder);
        } catch (IOException | RuntimeException e) {
            LIVE_DRAFTS.remove(folder);
            RunFiles.deleteTree(folder);
            throw e;
        }
        return new RunDraft(folder, runName == null || runName.isBlank() ? "run" : runName);
    }

    /**
     * Writes {@code run} into the draft and moves the draft into place with one atomic rename as
     * {@code yyyyMMdd-HHmmss-<name>}. The draft's own files (the engine's {@code .params}) are kept
     * and listed in the manifest.
     *
     * @return the run's folder
     * @throws IOException when a file cannot be written or the rename fails; the draft is then
     *     deleted, so nothing half-written remains
     */
    public Path commit(RunDraft draft, CompletedRun run) throws IOException {
        checkDraft(draft);
        try {
            // the owner record speaks for a draft only; a published run is nobody's to clean
            Files.deleteIfExists(draft.folder().resolve(DraftOwner.HEARTBEAT_FILE));
            Files.deleteIfExists(draft.folder().resolve(DraftOwner.FILE));
            // a complete run is nobody's to resume
            RunFiles.deleteTree(draft.folder().resolve(Checkpoints.FOLDER));
            RunWriter.writeAll(draft.folder(), run);
            Instant started = run.manifest().startedAt();
            String base =
                    STAMP.format((started == null ? Instant.now() : started).atZone(zone))
                            + "-"
                            + sanitiseName(draft.runName());
            Path target = publish(draft.folder(), base);
            LIVE_DRAFTS.remove(draft.folder());
            return target;
        } catch (IOException | RuntimeException e) {
            try {
                discard(draft);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Takes over the draft of an interrupted run, to resume it in this process: checks that its
     * owner is gone, then renames the draft in one atomic step to a name ending in this process's
     * id (its time and run name kept) and writes this process's {@link DraftOwner} into it. Of two
     * processes taking over one draft at once, exactly one wins: the other's rename finds no
     * folder. A draft whose name does not end in its recorded owner's id is being taken over (the
     * winner has renamed it and not yet written its record) and counts as taken.
     *
     * @param draft a draft folder directly in the root
     * @param runName the run's name, for the returned draft
     * @return the draft, renamed, owned by this process and kept alive by its heartbeat
     * @throws DraftInUseException when its owner is alive, or another process took it over first
     */
    public RunDraft takeOver(Path draft, String runName) throws IOException {
        Path f = draft.toAbsolutePath().normalize();
        checkDraft(new RunDraft(f, runName));
        String name = f.getFileName().toString();
        Optional<DraftOwner> owner = DraftOwner.readFrom(f);
        boolean silent;
        try {
            silent = DraftOwner.isSilent(f, Instant.now(), DraftOwner.localHostName());
        } catch (NoSuchFileException e) {
            throw new DraftInUseException(
                    name.substring(RunFiles.DRAFT_PREFIX.length())
                            + " was taken over by another process just now",
                    true);
        }
        if (LIVE_DRAFTS.contains(f) || !silent) {
            throw new DraftInUseException(
                    name.substring(RunFiles.DRAFT_PREFIX.length())
                            + " is still training"
                            + owner.map(o -> " (process " + o.pid() + " on " + o.host() + ")")
                                    .orElse(""),
                    false);
        }
        int cut = owner.isEmpty() ? -1 : ownerSuffix(name, owner.get().pid());
        if (cut < 0) {
            throw new DraftInUseException(
                    name.substring(RunFiles.DRAFT_PREFIX.length())
                            + " is being resumed by another process",
                    true);
        }
        String base = name.substring(0, cut) + "-" + ProcessHandle.current().pid();
        for (int i = 1; ; i++) {
            Path target = root.resolve(i == 1 ? base : base + "-" + i);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                throw new DraftInUseException(
                        name.substring(RunFiles.DRAFT_PREFIX.length())
                                + " was taken over by another process just now",
                        true);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                continue;
            }
            LIVE_DRAFTS.add(target);
            Files.deleteIfExists(target.resolve(DraftOwner.FILE));
            Files.deleteIfExists(target.resolve(DraftOwner.HEARTBEAT_FILE));
            DraftOwner.ofThisProcess().writeTo(target);
            return new RunDraft(target, runName);
        }
    }

    /**
     * Leaves {@code draft} as it is, to be resumed later: this process stops renewing its
     * heartbeat, so that it lists as interrupted once this process has ended.
     */
    public void release(RunDraft draft) {
        LIVE_DRAFTS.remove(draft.folder());
    }

    /** A draft cannot be taken over: its owner is alive, or another process took it over. */
    public static final class DraftInUseException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean takenByAnother;

        DraftInUseException(String message, boolean takenByAnother) {
            super(message);
            this.takenByAnother = takenByAnother;
        }

        /** True when another process resumed it (rather than its first owner still running). */
        public boolean takenByAnother() {
            return takenByAnother;
        }
    }

    /**
     * Where {@code -<pid>} or {@code -<pid>-<n>} begins at the end of a draft's name; -1 when the
     * name does not end so.
     */
    private static int ownerSuffix(String name, long pid) {
        String p = "-" + pid;
        if (name.endsWith(p)) {
            return name.length() - p.length();
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0
                && name.substring(dash + 1).chars().allMatch(Character::isDigit)
                && name.substring(0, dash).endsWith(p)) {
            return dash - p.length();
        }
        return -1;
    }

    /** Deletes the draft and everything in it; nothing when it is already gone. */
    public void discard(RunDraft draft) throws IOException {
        checkDraft(draft);
        try {
            RunFiles.deleteTree(draft.folder());
        } finally {
            LIVE_DRAFTS.remove(draft.folder());
        }
    }

    /**
     * Deletes the drafts left by processes that died before their run began training (and
     * half-deleted runs): every {@code .tmp-*} folder in the root without live events whose owner
     * is provably gone by {@link DraftOwner}'s rules (same host and the process ended, or a
     * heartbeat older than {@link DraftOwner#STALE_AFTER}). Drafts of live processes, on this host
     * or another, are left alone, so any number of processes may train into one root at once and
     * call this whenever they start; interrupted runs (drafts with events) are never removed here,
     * only by {@link #delete}.
     *
     * @return the number of folders deleted
     */
    public int cleanStaleDrafts() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant now = Instant.now();
        String host = DraftOwner.localHostName();
        int removed = 0;
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(root, RunFiles.DRAFT_PREFIX + "*")) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !LIVE_DRAFTS.contains(p)
                        && (isDeleted(p) || !RunEvents.hasEvents(p))
                        && isAbandoned(p, now, host)) {
                    RunFiles.deleteTree(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isAbandoned(Path draft, Instant now, String host) {
        try {
            return DraftOwner.isAbandoned(draft, now, host);
        } catch (IOException e) {
            // NoSuchFileException: published, discarded or cleaned by its owner meanwhile;
            // anything else: cannot tell. Either way keep it.
            return false;
        }
    }

    /** A run folder being deleted (see {@link #delete}): never listed, always cleanable. */
    private static boolean isDeleted(Path folder) {
        return folder.getFileName().toString().startsWith(DELETED_PREFIX);
    }

    /**
     * Every run in the root, newest first (by {@link RunSummary#folderName}), with its summary: the
     * published run folders, complete ({@link RunStatus#OK}) or {@link RunStatus#DAMAGED} (missing
     * or corrupt manifest, unreadable metrics, missing params, with the reason, never thrown), and
     * the drafts that have begun training ({@link RunStatus#RUNNING} while their owner lives,
     * {@link RunStatus#INTERRUPTED} after, by {@link DraftOwner#SILENT_AFTER}), with their figures
     * so far from their live event log. Other hidden folders and plain files are skipped. A run
     * published during the listing may be missing from it (seen neither as a draft nor as a run):
     * list again.
     *
     * @return an empty list when the root does not exist
     * @throws IOException only when the root itself cannot be read
     */
    public List<RunSummary> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RunSummary> out = new ArrayList<>();
        Instant now = Instant.now();
        String host = DraftOwner.localHostName();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p)) {
                    continue;
                }
                if (!name.startsWith(".")) {
                    out.add(RunReader.summarise(p));
                } else if (name.startsWith(RunFiles.DRAFT_PREFIX) && !isDeleted(p)) {
                    RunSummary live = summariseDraft(p, now, host);
                    if (live != null) {
                        out.add(live);
                    }
                }
            }
        }
        out.sort(Comparator.comparing(RunSummary::folderName).reversed());
        return out;
    }

    /** A draft's summary from its log; null when it has none yet, or vanished meanwhile. */
    private static RunSummary summariseDraft(Path draft, Instant now, String host) {
        try {
            RunEvents.Log log = RunEvents.read(draft);
            if (log == null) {
                return null;
            }
            boolean silent = !LIVE_DRAFTS.contains(draft) && DraftOwner.isSilent(draft, now, host);
            return RunSummary.live(draft, silent ? RunStatus.INTERRUPTED : RunStatus.RUNNING, log);
        } catch (IOException | RuntimeException e) {
            // published, discarded or deleted while being read: the next listing shows it
            return null;
        }
    }

    /**
     * The live event log of a running or interrupted run: its curves so far.
     *
     * @param run a run listed by {@link #list} as running or interrupted
     * @return null when the run has no log (any more: it was published or removed meanwhile)
     * @throws IOException when the log cannot be read
     */
    public RunEvents.Log readLive(RunSummary run) throws IOException {
        return RunEvents.read(run.folder());
    }

    /**
     * Reads a run in full: manifest, per-epoch metrics, confusion matrix with class metrics,
     * predictions and first-layer weights. A run whose params file is missing still loads ({@link
     * SavedRun#modelFiles()} is then empty), so its figures can be shown.
     *
     * @throws RunFormatException naming the file when one is missing or corrupt, or when the
     *     manifest was written by a newer version
     */
    public SavedRun load(Path folder) throws IOException {
        return RunReader.load(folder);
    }

    /** Deletes a listed run. */
    public void delete(RunSummary run) throws IOException {
        delete(run.folder());
    }

    /**
     * Deletes the run folder {@code folder}, which must lie directly in the root: a published run,
     * or the draft of an interrupted one (never a running one). It is first renamed to a hidden
     * name in one step, then removed; a crash in between leaves a hidden folder that {@link
     * #cleanStaleDrafts} removes.
     *
     * @throws IllegalArgumentException when {@code folder} is not a run folder of this store
     * @throws IllegalStateException when {@code folder} is a run still training
     */
    public void delete(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        String name = f.getFileName() == null ? "" : f.getFileName().toString();
        boolean draft = name.startsWith(RunFiles.DRAFT_PREFIX) && !isDeleted(f);
        if (!root.equals(f.getParent()) || (name.startsWith(".") && !draft)) {
            throw new IllegalArgumentException(folder + " is not a run folder in " + root);
        }
        if (!Files.isDirectory(f)) {
            return;
        }
        if (draft
                && (LIVE_DRAFTS.contains(f)
                        || !DraftOwner.isSilent(f, Instant.now(), DraftOwner.localHostName()))) {
            throw new IllegalStateException(
                    name.substring(RunFiles.DRAFT_PREFIX.length())
                            + " is still running; stop it before deleting it");
        }
        Path hidden = Files.createTempDirectory(root, DELETED_PREFIX);
        Files.delete(hidden);
        Files.move(f, hidden, StandardCopyOption.ATOMIC_MOVE);
        RunFiles.deleteTree(hidden);
    }

    /**
     * The run name as a folder-name part: accents dropped, ASCII letters, digits, {@code _} and
     * {@code -} kept, any other run of characters becomes one {@code -}; at most {@value
     * #MAX_NAME_LENGTH} characters; "run" when nothing is left.
     */
    public static String sanitiseName(String name) {
        String s = name == null ? "" : name.strip();
        // "Überlauf" keeps its U: strip the accents before dropping what is not ASCII
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > MAX_NAME_LENGTH) {
            s = s.substring(0, MAX_NAME_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "run" : s;
    }

    private Path publish(Path draft, String base) throws IOException {
        synchronized (publishLock) {
            for (int i = 1; ; i++) {
                Path target = root.resolve(i == 1 ? base : base + "-" + i);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE);
                    return target;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another process took the name between the check and the move
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException(
                            "the file system of "
                                    + root
                                    + " cannot rename folders atomically; choose a local folder"
                                    + " for saved models",
                            e);
                }
            }
        }
    }

    private void checkDraft(RunDraft draft) {
        Path f = draft.folder().toAbsolutePath().normalize();
        if (!root.equals(f.getParent())
                || !f.getFileName().toString().startsWith(RunFiles.DRAFT_PREFIX)) {
            throw new IllegalArgumentException(draft.folder() + " is not a draft of " + root);
        }
    }
}
