package org.dnw.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir Path dir;

    private Path write(int epoch) throws Exception {
        return Checkpoints.write(
                dir,
                epoch,
                f -> {
                    Files.writeString(f.resolve("a.bin"), "epoch " + epoch);
                    Files.writeString(f.resolve("b.json"), "{}");
                });
    }

    private String[] names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theNewestTwoAreKeptEachWithAManifestOfChecksums() throws Exception {
        // a writer killed mid-checkpoint left its temporary folder
        Files.createDirectories(dir.resolve(".tmp-epoch-0002-1"));
        for (int e = 1; e <= 4; e++) {
            write(e);
        }

        assertThat(names()).containsExactly("epoch-0003", "epoch-0004");
        assertThat(Files.readString(dir.resolve("epoch-0004").resolve(Checkpoints.MANIFEST)))
                .contains("\"epoch\" : 4", "\"a.bin\"", "\"b.json\"");
        Checkpoints.Found found = Checkpoints.newest(dir);
        assertThat(found.checkpoint().orElseThrow().epoch()).isEqualTo(4);
        assertThat(found.notices()).isEmpty();
    }

    @Test
    void eachKindOfDamageFallsBackToThePreviousCheckpointWithASentence() throws Exception {
        write(1);
        Path two = write(2);

        Files.delete(two.resolve("b.json"));
        assertThat(Checkpoints.newest(dir).notices())
                .containsExactly(
                        "the checkpoint of epoch 2 is damaged (b.json is missing); resuming from"
                                + " epoch 1");

        write(2);
        Files.writeString(two.resolve(Checkpoints.MANIFEST), "{\"format\": 1, \"epo");
        Checkpoints.Found found = Checkpoints.newest(dir);
        assertThat(found.checkpoint().orElseThrow().epoch()).isEqualTo(1);
        assertThat(found.notices().get(0))
                .startsWith("the checkpoint of epoch 2 is damaged (checkpoint.json cannot be read");

        write(2);
        Files.delete(two.resolve(Checkpoints.MANIFEST));
        assertThat(Checkpoints.newest(dir).notices().get(0))
                .isEqualTo(
                        "the checkpoint of epoch 2 is damaged (checkpoint.json is missing);"
                                + " resuming from epoch 1");

        Files.writeString(dir.resolve("epoch-0001").resolve("a.bin"), "changed");
        Checkpoints.Found none = Checkpoints.newest(dir);
        assertThat(none.checkpoint()).isEmpty();
        assertThat(none.notices())
                .containsExactly(
                        "the checkpoint of epoch 2 is damaged (checkpoint.json is missing); there"
                                + " is no earlier one",
                        "the checkpoint of epoch 1 is damaged (a.bin does not match its"
                                + " checksum); there is no earlier one");
    }

    @Test
    void anAbsentFolderHasNoCheckpoint() throws Exception {
        Checkpoints.Found found = Checkpoints.newest(dir.resolve("none"));
        assertThat(found.checkpoint()).isEmpty();
        assertThat(found.notices()).isEmpty();
    }
}
