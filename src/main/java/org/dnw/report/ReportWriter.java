package org.dnw.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.dnw.store.SavedRun;

/**
 * Writes a self-contained report of one saved run or of several: HTML that opens in any browser
 * without a network, or the same as PDF.
 *
 * <p>One run gives its data set, network table (shapes, parameters, multiply-adds),
 * hyperparameters, environment, per-epoch table, loss and accuracy curves (training against
 * validation, best epoch marked), test confusion matrix (rows = true class, columns = predicted),
 * per-class precision/recall/F1 with macro and weighted averages, first-layer filters and most
 * confident mistakes (as pictures when {@link TestImageSource} supplies the test images). Several
 * runs add, first, a comparison table and their validation curves overlaid.
 *
 * <p>Files are written to a temporary file beside the target and renamed into place, so a reader
 * never sees half a report. Immutable and thread-safe: calls may run concurrently on any thread but
 * the FX thread (they read run folders and write files).
 */
public final class ReportWriter {

    private final Clock clock;

    /** A writer stamping reports with the system clock, in the system's time zone. */
    public ReportWriter() {
        this(Clock.systemDefaultZone());
    }

    /**
     * A writer stamping reports with {@code clock}; dates in the report (when the report was
     * written, when each run started and finished) are shown in the clock's zone.
     */
    public ReportWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The report as an XHTML document (UTF-8 text), without writing it.
     *
     * @param runs the runs, in the order to show them; at least one
     * @param images the test images of each run, to draw its mistakes; {@link
     *     TestImageSource#none()} for none
     * @throws IllegalArgumentException when {@code runs} is empty
     */
    public String html(List<SavedRun> runs, TestImageSource images) {
        return document(runs, images, ReportDocument.Target.HTML);
    }

    /**
     * Writes the HTML report to {@code outFile} (created or replaced; its folder is created).
     *
     * @return {@code outFile}, absolute and normalised
     * @throws IOException naming the file when it cannot be written; an older file there is then
     *     left untouched
     * @throws IllegalArgumentException when {@code runs} is empty
     */
    public Path writeHtml(List<SavedRun> runs, TestImageSource images, Path outFile)
            throws IOException {
        byte[] html = html(runs, images).getBytes(StandardCharsets.UTF_8);
        return AtomicFiles.write(outFile, out -> out.write(html));
    }

    /**
     * Writes the same report as an A4 PDF to {@code outFile}. Takes a few seconds (the first call
     * in a process longer, while the PDF and SVG libraries load).
     *
     * @return {@code outFile}, absolute and normalised
     * @throws IOException naming the file when it cannot be laid out or written; an older file
     *     there is then left untouched
     * @throws IllegalArgumentException when {@code runs} is empty
     */
    public Path writePdf(List<SavedRun> runs, TestImageSource images, Path outFile)
            throws IOException {
        String xhtml = document(runs, images, ReportDocument.Target.PDF);
        return AtomicFiles.write(outFile, out -> PdfReport.render(xhtml, out));
    }

    private String document(
            List<SavedRun> runs, TestImageSource images, ReportDocument.Target target) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        for (SavedRun r : runs) {
            Objects.requireNonNull(r, "a run in the list is null");
            Objects.requireNonNull(r.manifest(), "run " + r.folder() + " has no manifest");
        }
        ZoneId zone = clock.getZone();
        return new ReportDocument(
                        runs,
                        images == null ? TestImageSource.none() : images,
                        clock.instant(),
                        zone,
                        target)
                .build();
    }
}
