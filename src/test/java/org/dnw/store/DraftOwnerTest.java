package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which drafts in a shared runs folder {@link RunStore#cleanStaleDrafts} may remove. */
class DraftOwnerTest {

    @TempDir Path root;
    RunStore store;
    String host;

    @BeforeEach
    void setUp() {
        store = new RunStore(root, ZoneOffset.UTC);
        host = DraftOwner.localHostName();
    }

    /** A draft written by some other owner, as another process would leave it. */
    Path draftOf(DraftOwner owner, Instant lastHeartbeat) throws IOException {
        Path draft = Files.createTempDirectory(root, ".tmp-");
        Files.writeString(draft.resolve("model-0000.params"), "params of a run in progress");
        owner.writeTo(draft);
        Files.setLastModifiedTime(
                draft.resolve(DraftOwner.HEARTBEAT_FILE), FileTime.from(lastHeartbeat));
        return draft;
    }

    static ProcessHandle endedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        ProcessHandle handle = p.toHandle();
        p.waitFor();
        return handle;
    }

    @Test
    void aDraftOfAnotherLiveProcessOnThisHostIsKeptHoweverOldItsHeartbeat() throws Exception {
        // this JVM stands in for the other process: it is alive and did not begin the draft here
        ProcessHandle self = ProcessHandle.current();
        Path draft =
                draftOf(
                        new DraftOwner(
                                host,
                                self.pid(),
                                self.info().startInstant().orElse(null),
                                Instant.now()),
                        Instant.now().minus(Duration.ofHours(3)));

        assertThat(store.cleanStaleDrafts()).isZero();
        assertThat(draft).isDirectory();
    }

    @Test
    void aDraftWhoseOwnerOnThisHostEndedIsRemovedAtOnce() throws Exception {
        ProcessHandle ended = endedProcess();
        Path draft =
                draftOf(
                        new DraftOwner(
                                host, ended.pid(), Instant.now().minusSeconds(1), Instant.now()),
                        Instant.now());

        assertThat(store.cleanStaleDrafts()).isEqualTo(1);
        assertThat(draft).doesNotExist();
    }

    @Test
    void aReusedProcessIdDoesNotKeepADeadOwnersDraft() throws Exception {
        // the id is alive, but the process behind it started a day after the recorded owner
        ProcessHandle self = ProcessHandle.current();
        Instant ownerStart = self.info().startInstant().orElseThrow().minus(Duration.ofDays(1));
        Path draft =
                draftOf(new DraftOwner(host, self.pid(), ownerStart, ownerStart), Instant.now());

        assertThat(store.cleanStaleDrafts()).isEqualTo(1);
        assertThat(draft).doesNotExist();
    }

    @Test
    void aDraftOfAnotherHostIsKeptWhileItsHeartbeatIsFreshAndRemovedWhenStale() throws Exception {
        DraftOwner remote = new DraftOwner("node-17.cluster", 4242, Instant.now(), Instant.now());
        Path fresh = draftOf(remote, Instant.now().minusSeconds(30));
        Path stale = draftOf(remote, Instant.now().minus(DraftOwner.STALE_AFTER).minusSeconds(30));

        assertThat(store.cleanStaleDrafts()).isEqualTo(1);
        assertThat(fresh).isDirectory();
        assertThat(stale).doesNotExist();
    }

    @Test
    void aDraftWithoutAReadableOwnerGoesByTheFolderAge() throws Exception {
        Path young = Files.createTempDirectory(root, ".tmp-");
        Path old = Files.createTempDirectory(root, ".tmp-");
        Files.writeString(old.resolve(DraftOwner.FILE), "{\"host\": \"half writ");
        Files.setLastModifiedTime(
                old, FileTime.from(Instant.now().minus(DraftOwner.STALE_AFTER).minusSeconds(1)));

        assertThat(store.cleanStaleDrafts()).isEqualTo(1);
        assertThat(young).isDirectory();
        assertThat(old).doesNotExist();
    }

    @Test
    void theOwnerRenewsTheHeartbeatOfItsOpenDrafts() throws Exception {
        RunDraft draft = store.begin("beating");
        Path heartbeat = draft.folder().resolve(DraftOwner.HEARTBEAT_FILE);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        Files.setLastModifiedTime(heartbeat, FileTime.from(longAgo));

        long deadline = System.nanoTime() + 3 * DraftOwner.HEARTBEAT_INTERVAL.toNanos();
        while (Files.getLastModifiedTime(heartbeat).toInstant().equals(longAgo)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertThat(Files.getLastModifiedTime(heartbeat).toInstant())
                .isAfter(Instant.now().minus(DraftOwner.HEARTBEAT_INTERVAL.multipliedBy(2)));
        store.discard(draft);
        DraftOwner.beat(draft.folder(), Instant.now());
        assertThat(draft.folder()).doesNotExist(); // a beat never recreates a finished draft
    }
}
