package org.dnw.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void settingsPrintAsTypedEvenAfterBinaryRounding() {
        assertThat(Format.plain(0.001)).isEqualTo("0.001");
        assertThat(Format.plain(0.001 * 0.1)).isEqualTo("0.0001");
        assertThat(Format.plain(0.001 * 0.1 * 0.1)).isEqualTo("0.00001");
        assertThat(Format.plain(64)).isEqualTo("64");
        assertThat(Format.plain(Double.NaN)).isEqualTo(Format.NONE);
    }

    @Test
    void figuresUseEnglishNotationWithAFixedSpaceBeforeTheUnit() {
        assertThat(Format.percent(0.97125)).isEqualTo("97.13\u00a0%");
        assertThat(Format.percent(Double.NaN)).isEqualTo("—");
        assertThat(Format.count(1234567)).isEqualTo("1,234,567");
        assertThat(Format.metric(2.0 / 3)).isEqualTo("0.667");
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(Format.duration(850)).isEqualTo("850\u00a0ms");
        assertThat(Format.duration(42_000)).isEqualTo("42\u00a0s");
        assertThat(Format.duration(185_000)).isEqualTo("3\u00a0min 05\u00a0s");
        assertThat(Format.duration(3_720_000)).isEqualTo("1\u00a0h 02\u00a0min");
    }

    @Test
    void datesNameTheirZone() {
        Instant t = Instant.parse("2026-03-04T05:06:07Z");
        assertThat(Format.dateTime(t, ZoneOffset.UTC)).isEqualTo("2026-03-04 05:06:07 (UTC)");
        assertThat(Format.dateTime(t, ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-03-04 06:06:07 (Europe/Berlin)");
        assertThat(Format.dateTime(null, ZoneOffset.UTC)).isEqualTo(Format.NONE);
    }

    @Test
    void escapingKeepsTheDocumentWellFormed() {
        assertThat(Html.esc("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.esc("bell\u0007 tab\t é 😀 lone\ud800")).isEqualTo("bell tab\t é 😀 lone");
        assertThat(Html.esc(null)).isEmpty();
    }
}
