package org.dnw.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The report's template, {@code report.mustache} and its partials next to it on the class path,
 * filled in from a {@link ReportModel.Report}. Text in double braces is escaped by {@link
 * Html#esc}, which also drops the characters XML forbids, so the document stays well-formed XML for
 * the PDF renderer; triple braces (SVG figures, {@code data:} URIs, the style sheet) are inserted
 * as they are. Compiled once; thread-safe.
 */
final class ReportTemplate {

    /** The style sheet browsers get. */
    static final String CSS = loadCss();

    /**
     * The style sheet for the PDF renderer: without the properties only browsers know (which it
     * logs), and without {@code image-rendering}, with which openhtmltopdf 1.1.65 garbles the
     * pixels of embedded PNGs. The PDF does not need it: pictures are enlarged by whole pixels
     * before they are embedded and shown at about their own size, and PDF images are not
     * interpolated by default.
     */
    static final String PDF_CSS =
            CSS.lines()
                    .filter(
                            l ->
                                    !l.contains("print-color-adjust")
                                            && !l.contains("overflow-x")
                                            && !l.contains("image-rendering"))
                    .collect(Collectors.joining("\n", "", "\n"));

    private static final Mustache REPORT = factory().compile("report.mustache");

    private ReportTemplate() {}

    /** The XHTML of {@code report}. */
    static String render(ReportModel.Report report) {
        StringWriter out = new StringWriter(1 << 16);
        REPORT.execute(out, report);
        return out.toString();
    }

    private static MustacheFactory factory() {
        return new DefaultMustacheFactory("org/dnw/report") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(Html.esc(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static String loadCss() {
        try (InputStream in = ReportTemplate.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
