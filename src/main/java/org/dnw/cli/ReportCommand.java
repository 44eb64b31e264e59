package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dnw.report.CatalogTestImages;
import org.dnw.report.ReportWriter;
import org.dnw.store.RunStore;
import org.dnw.store.SavedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report RUN...}: a self-contained HTML (and optionally PDF) report of runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Write a self-contained HTML report of one run or a comparison of several (and a PDF with --pdf).")
final class ReportCommand implements Callable<Integer> {

    @Mixin RunsArgument runs = new RunsArgument();

    @Option(
            names = {"-o", "--out"},
            description = "the HTML file (default: saved-models/reports/report-<time>.html)")
    Path out;

    @Option(names = "--pdf", description = "also write a PDF next to the HTML")
    boolean pdf;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (out != null && Files.isDirectory(out)) {
            throw new IllegalArgumentException(
                    "--out "
                            + out
                            + " is a folder — name the HTML file to write, e.g. report.html");
        }
        if (out != null) {
            CliPaths.requireCreatable("--out", out);
        }
        RunStore store = runsDir.store();
        List<SavedRun> saved = new ArrayList<>();
        for (Path folder : runs.folders(store)) {
            saved.add(store.load(folder));
        }
        CatalogTestImages images = new CatalogTestImages(DataSets.catalog());
        Path html =
                out != null
                        ? out
                        : runsDir.path()
                                .resolve("reports")
                                .resolve(
                                        "report-"
                                                + LocalDateTime.now()
                                                        .format(
                                                                DateTimeFormatter.ofPattern(
                                                                        "yyyyMMdd-HHmmss"))
                                                + ".html");
        ReportWriter writer = new ReportWriter();
        Path written = writer.writeHtml(saved, images, html);
        console.println("Report written to " + written);
        if (pdf) {
            String name = written.getFileName().toString().replaceFirst("\\.html?$", "") + ".pdf";
            Path pdfFile = writer.writePdf(saved, images, written.resolveSibling(name));
            console.println("PDF written to " + pdfFile);
        }
        return ExitCodes.OK;
    }
}
