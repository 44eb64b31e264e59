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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report RUN...}: a self-contained HTML (and optionally PDF) report of runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Write a self-contained HTML report of one run or a comparison of several (and a PDF with --pdf).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "RUN",
            arity = "1..*",
            description = "run folders, names under saved-models/, or their starts")
    List<String> runs;

    @Option(
            names = {"-o", "--out"},
            description = "the HTML file (default: saved-models/reports/report-<time>.html)")
    Path out;

    @Option(names = "--pdf", description = "also write a PDF next to the HTML")
    boolean pdf;

    @Option(
            names = "--runs-dir",
            defaultValue = "saved-models",
            description = "where runs are saved (default: ${DEFAULT-VALUE})")
    Path runsDir;

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
        RunStore store = Runs.store(runsDir);
        List<SavedRun> saved = new ArrayList<>();
        for (String r : runs) {
            saved.add(store.load(Runs.resolve(r, store)));
        }
        CatalogTestImages images = new CatalogTestImages(DataSets.catalog());
        Path html =
                out != null
                        ? out
                        : runsDir.resolve("reports")
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
