package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @TempDir Path dir;

    @Test
    void sha256OfAKnownTextIsTheStandardDigest() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        assertThat(Checksums.sha256(abc))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(Checksums.sha256(abc, empty))
                .containsEntry(
                        "abc.txt",
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .containsEntry(
                        "empty",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> Checksums.sha256(dir.resolve("gone")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("gone: not found");
    }
}
