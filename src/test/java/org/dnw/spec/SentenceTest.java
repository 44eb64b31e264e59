package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SentenceTest {

    @Test
    void aPlainWordIsCapitalisedAndAFullStopAdded() {
        assertThat(Sentence.of("  layer 3: too small ")).isEqualTo("Layer 3: too small.");
        assertThat(Sentence.of("done!")).isEqualTo("Done!");
        assertThat(Sentence.of("Is it?")).isEqualTo("Is it?");
        assertThat(Sentence.of("first\nsecond")).isEqualTo("First; second.");
    }

    @Test
    void fileNamesAndSymbolsKeepTheirFirstCharacter() {
        assertThat(Sentence.of("seeds.txt: line 2 is empty"))
                .isEqualTo("seeds.txt: line 2 is empty.");
        assertThat(Sentence.of("t10k-labels: truncated")).isEqualTo("t10k-labels: truncated.");
        assertThat(Sentence.of("'x' is unknown.")).isEqualTo("'x' is unknown.");
        assertThat(Sentence.of("notes: is not a data set")).isEqualTo("notes: is not a data set.");
    }

    @Test
    void blankMessagesGiveTheFallback() {
        assertThat(Sentence.of((String) null)).isEmpty();
        assertThat(Sentence.of(" ", "Cancelled.")).isEqualTo("Cancelled.");
    }

    @Test
    void exceptionsAreUnwrappedAndNeverShowAClassName() {
        assertThat(Sentence.of(new CompletionException(new IOException("disk full"))))
                .isEqualTo("Disk full.");
        assertThat(Sentence.of(new IllegalStateException()))
                .isEqualTo("Something went wrong (IllegalStateException).");
        assertThat(Sentence.of(new NullPointerException(), "the list could not be read"))
                .isEqualTo("The list could not be read (NullPointerException).");
    }
}
