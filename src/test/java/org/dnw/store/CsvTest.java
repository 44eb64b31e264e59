package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(Csv.field("bird")).isEqualTo("bird");
        assertThat(Csv.field("T-shirt/top")).isEqualTo("T-shirt/top");
        assertThat(Csv.field("cat, the first")).isEqualTo("\"cat, the first\"");
        assertThat(Csv.field("dog \"2\"")).isEqualTo("\"dog \"\"2\"\"\"");
        assertThat(Csv.field(" padded")).isEqualTo("\" padded\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("two lines");
    }

    @Test
    void parseReadsBackWhatLineWrote() {
        List<String> fields = List.of("a", "", "cat, the first", "dog \"2\"", " x ", "1.5E-4");

        String line = Csv.line(fields);

        assertThat(line).endsWith("\n");
        assertThat(Csv.parse(line.substring(0, line.length() - 1))).isEqualTo(fields);
    }

    @Test
    void parseKeepsEmptyFieldsAtBothEnds() {
        assertThat(Csv.parse(",macro avg,")).containsExactly("", "macro avg", "");
        assertThat(Csv.parse("")).containsExactly("");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.parse("1,\"open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}
