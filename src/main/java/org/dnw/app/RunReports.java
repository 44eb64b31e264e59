package org.dnw.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dnw.report.CatalogTestImages;
import org.dnw.report.ReportWriter;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.ui.runs.RunsViewModel;
import org.dnw.ui.workbench.WorkbenchTab;
import org.dnw.ui.workbench.WorkbenchView;
import org.dnw.ui.workbench.WorkbenchViewModel;

/** Runs ▸ Write a report: an HTML report of the runs selected on the Runs tab, then opened. */
final class RunReports {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final WorkbenchServices services;
    private final RunsViewModel runs;
    private final WorkbenchView view;
    private final Consumer<String> openDocument;

    /**
     * @param openDocument shows a written report (its URI) in the browser; FX thread
     */
    RunReports(
            WorkbenchServices services,
            RunsViewModel runs,
            WorkbenchView view,
            Consumer<String> openDocument) {
        this.services = services;
        this.runs = runs;
        this.view = view;
        this.openDocument = openDocument;
    }

    /** Writes the report off the FX thread; the status line says where it is. */
    void write() {
        WorkbenchViewModel workbench = view.viewModel();
        List<RunSummary> chosen = runs.selection().stream().filter(RunSummary::isComplete).toList();
        if (chosen.isEmpty()) {
            view.selectTab(WorkbenchTab.RUNS);
            workbench.showStatus(
                    "Select one or more saved runs on the Runs tab, then write the report.");
            return;
        }
        workbench.showStatus(
                "Writing the report of "
                        + chosen.size()
                        + (chosen.size() == 1 ? " run …" : " runs …"));
        services.executors()
                .io()
                .execute(
                        () -> {
                            try {
                                Path written = writeHtml(chosen);
                                services.fx()
                                        .execute(
                                                () -> {
                                                    workbench.showStatus(
                                                            "Report written to " + written + ".");
                                                    try {
                                                        openDocument.accept(
                                                                written.toUri().toString());
                                                    } catch (RuntimeException ignored) {
                                                        // no browser here: the status line says
                                                        // where it is
                                                    }
                                                });
                            } catch (IOException | RuntimeException e) {
                                services.fx()
                                        .execute(
                                                () ->
                                                        workbench.showStatus(
                                                                "The report could not be written: "
                                                                        + e.getMessage()));
                            }
                        });
    }

    private Path writeHtml(List<RunSummary> chosen) throws IOException {
        List<SavedRun> saved = new ArrayList<>();
        for (RunSummary r : chosen) {
            saved.add(services.store().load(r.folder()));
        }
        Path file =
                services.store()
                        .root()
                        .resolve("reports")
                        .resolve("report-" + LocalDateTime.now().format(STAMP) + ".html");
        return new ReportWriter().writeHtml(saved, new CatalogTestImages(services.catalog()), file);
    }
}
