package org.dnw.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;

/**
 * Lays out the report's XHTML as a PDF with openhtmltopdf (PDFBox underneath, Batik for the SVG
 * charts). Nothing is fetched: every external resource but {@code data:} URIs is refused. Each call
 * builds its own renderer, so calls on different threads do not interfere.
 *
 * <p>The PDF embeds a system font with wide Unicode coverage when one is found (DejaVu Sans or
 * Liberation Sans on Linux, Arial on Windows and macOS); otherwise the renderer's built-in
 * Helvetica is used, which lacks some symbols (they print as "#").
 */
final class PdfReport {

    /** Regular and bold files of fonts to embed, the first pair found is used. */
    private static final List<String[]> FONT_CANDIDATES =
            List.of(
                    new String[] {
                        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                    },
                    new String[] {
                        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"
                    },
                    new String[] {
                        "/usr/share/fonts/TTF/DejaVuSans.ttf",
                        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"
                    },
                    new String[] {
                        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
                    },
                    new String[] {
                        "C:\\Windows\\Fonts\\arial.ttf", "C:\\Windows\\Fonts\\arialbd.ttf"
                    },
                    new String[] {
                        "/System/Library/Fonts/Supplemental/Arial.ttf",
                        "/System/Library/Fonts/Supplemental/Arial Bold.ttf"
                    },
                    new String[] {"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"});

    static {
        // openhtmltopdf prints every layout step to the console through its own process-wide
        // logger. A silent one keeps the application's console clean; the messages still reach
        // the diagnostic consumer of each render (set per call, on the calling thread).
        XRLog.setLoggerImpl(new SilentLogger());
    }

    private PdfReport() {}

    /**
     * Renders {@code xhtml} (well-formed XML) to {@code out}.
     *
     * @return the renderer's warnings (e.g. unsupported CSS), for diagnosis; never thrown
     * @throws IOException when the document cannot be laid out or written
     */
    static List<String> render(String xhtml, OutputStream out) throws IOException {
        List<String> warnings = new ArrayList<>();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Deep Network Workbench");
        // Keeps the renderer's messages out of the application's log; they are returned instead.
        builder.withDiagnosticConsumer(
                (Diagnostic d) -> {
                    if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                        warnings.add(d.getFormattedMessage());
                    }
                });
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useSVGDrawer(
                new BatikSVGDrawer(
                        BatikSVGDrawer.SvgScriptMode.SECURE,
                        BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        String[] font = font();
        if (font != null) {
            EnumSet<FSFontUseCase> uses =
                    EnumSet.of(
                            FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE);
            builder.useFont(
                    new File(font[0]),
                    ReportDocument.PDF_FONT_FAMILY,
                    400,
                    FontStyle.NORMAL,
                    true,
                    uses);
            builder.useFont(
                    new File(font[1]),
                    ReportDocument.PDF_FONT_FAMILY,
                    700,
                    FontStyle.NORMAL,
                    true,
                    uses);
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(
                    "the report could not be laid out as a PDF ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage())
                            + ")",
                    e);
        }
        return warnings;
    }

    /** Drops openhtmltopdf's log lines: they are taken per call through the diagnostic consumer. */
    private static final class SilentLogger implements XRLogger {
        @Override
        public void log(String where, Level level, String message) {}

        @Override
        public void log(String where, Level level, String message, Throwable th) {}

        @Override
        public void setLevel(String logger, Level level) {}

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return false;
        }
    }

    /** The regular and bold files of the first candidate font present, or null. */
    static String[] font() {
        for (String[] pair : FONT_CANDIDATES) {
            if (Files.isRegularFile(Path.of(pair[0])) && Files.isRegularFile(Path.of(pair[1]))) {
                return pair;
            }
        }
        return null;
    }
}
