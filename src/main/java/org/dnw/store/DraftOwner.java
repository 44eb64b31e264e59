package org.dnw.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who writes a draft run folder: the host, the process id and that process's start time, and when
 * the draft was begun. Written into every draft as {@value #FILE} next to a {@value
 * #HEARTBEAT_FILE} file whose modification time the owner renews every {@link #HEARTBEAT_INTERVAL},
 * so that any process sharing the runs folder (another window, a command line, a cluster job on
 * another node) can tell a live draft from one whose owner is gone.
 *
 * <p>A draft is provably dead, and may be removed, when
 *
 * <ul>
 *   <li>its owner ran on this host and that process has ended (no process with that id, or one that
 *       started at another time: the id was reused), or
 *   <li>its heartbeat is older than {@link #STALE_AFTER} (the owner ran elsewhere, or its record is
 *       missing or unreadable: a process killed between creating the folder and writing the
 *       record).
 * </ul>
 *
 * Anything else is live and left alone. Immutable and thread-safe.
 *
 * @param host the host name of the owner
 * @param pid the owner's process id
 * @param processStartedAt when the owner process started, or {@code null} when the OS did not say
 * @param draftStartedAt when the draft was begun
 */
public record DraftOwner(String host, long pid, Instant processStartedAt, Instant draftStartedAt) {

    /** The owner record inside a draft. */
    public static final String FILE = "owner.json";

    /** The file whose modification time is the owner's last sign of life. */
    public static final String HEARTBEAT_FILE = "heartbeat";

    /** How often a live owner renews its heartbeat. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    /**
     * How old a heartbeat may become before its draft counts as abandoned when its owner cannot be
     * checked directly (another host). Generous against clock skew between cluster nodes and pauses
     * of a busy file server: a wrongly removed live run is far worse than a draft kept a while.
     */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /**
     * How old a heartbeat may become before a draft of another host shows as interrupted rather
     * than running: four missed heartbeats, so that a dead owner shows within 30 s (with the
     * listing's own refresh) while a live one on a slow file server does not flicker. Showing is
     * not removing: an interrupted draft with events is only ever deleted by the user.
     */
    public static final Duration SILENT_AFTER = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The owner record of this process, for a draft begun now. */
    public static DraftOwner ofThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new DraftOwner(
                localHostName(),
                self.pid(),
                self.info().startInstant().orElse(null),
                Instant.now());
    }

    /** This machine's host name as the OS reports it; "localhost" when it cannot be found. */
    public static String localHostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return "localhost";
        }
    }

    /**
     * Writes this record and a fresh heartbeat into {@code draft} (forced to disk).
     *
     * @throws IOException when a file cannot be written
     */
    public void writeTo(Path draft) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("host", host);
        node.put("pid", pid);
        node.put("processStartedAt", processStartedAt == null ? null : processStartedAt.toString());
        node.put("draftStartedAt", draftStartedAt.toString());
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        RunFiles.write(draft.resolve(FILE), out -> out.write(bytes));
        RunFiles.write(
                draft.resolve(HEARTBEAT_FILE),
                out -> out.write(draftStartedAt.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The owner record of {@code draft}; empty when it is missing or unreadable (never thrown: a
     * record half written by a killed process is as good as none).
     */
    public static Optional<DraftOwner> readFrom(Path draft) {
        try {
            JsonNode node = JSON.readTree(draft.resolve(FILE).toFile());
            if (node == null || !node.hasNonNull("host") || !node.hasNonNull("pid")) {
                return Optional.empty();
            }
            String started = node.path("processStartedAt").asText(null);
            return Optional.of(
                    new DraftOwner(
                            node.get("host").asText(),
                            node.get("pid").asLong(),
                            started == null ? null : Instant.parse(started),
                            Instant.parse(node.path("draftStartedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Renews the heartbeat of {@code draft}; does nothing when the draft is gone (it was just
     * published or discarded: the heartbeat is never recreated).
     */
    static void beat(Path draft, Instant now) {
        try {
            Files.setLastModifiedTime(
                    draft.resolve(HEARTBEAT_FILE), java.nio.file.attribute.FileTime.from(now));
        } catch (IOException e) {
            // gone: published, discarded, or removed; nothing to renew
        }
    }

    /**
     * The last sign of life of {@code draft}: its heartbeat's modification time, else the folder's
     * own (a draft whose owner died before writing the heartbeat).
     */
    static Instant lastSignOfLife(Path draft) throws IOException {
        Path heartbeat = draft.resolve(HEARTBEAT_FILE);
        if (Files.exists(heartbeat)) {
            try {
                return Files.getLastModifiedTime(heartbeat).toInstant();
            } catch (IOException e) {
                // removed between the check and the read: fall back to the folder
            }
        }
        return Files.getLastModifiedTime(draft).toInstant();
    }

    /**
     * Whether the draft {@code draft} is provably abandoned, by the rules in the type's comment.
     *
     * @param now the current time
     * @param thisHost the name of the host asking (compared with the owner's)
     */
    static boolean isAbandoned(Path draft, Instant now, String thisHost) throws IOException {
        return isGone(draft, now, thisHost, STALE_AFTER);
    }

    /**
     * Whether the owner of {@code draft} has stopped: ended, on this host, or silent for longer
     * than {@link #SILENT_AFTER} elsewhere. Decides running against interrupted.
     */
    static boolean isSilent(Path draft, Instant now, String thisHost) throws IOException {
        return isGone(draft, now, thisHost, SILENT_AFTER);
    }

    private static boolean isGone(Path draft, Instant now, String thisHost, Duration silence)
            throws IOException {
        Optional<DraftOwner> owner = readFrom(draft);
        if (owner.isPresent() && owner.get().host().equals(thisHost)) {
            return !owner.get().isAliveHere();
        }
        return lastSignOfLife(draft).plus(silence).isBefore(now);
    }

    /** Whether the owner, a process of this host, is still running (the same process, by start). */
    boolean isAliveHere() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        if (processStartedAt == null) {
            return true;
        }
        return process.get()
                .info()
                .startInstant()
                .map(
                        s ->
                                Duration.between(s, processStartedAt)
                                                .abs()
                                                .compareTo(Duration.ofSeconds(2))
                                        < 0)
                .orElse(true);
    }
}
