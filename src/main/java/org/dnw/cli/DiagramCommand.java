package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.figures.NetworkDiagram;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.SpecJson;
import org.dnw.store.RunStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diagram (RUN | --preset P | --spec F) --out FILE}: the network as a picture. */
@Command(
        name = "diagram",
        mixinStandardHelpOptions = true,
        description =
                "Draw a network as boxes, one per layer, sized by its output shape: an SVG or PNG.")
final class DiagramCommand implements Callable<Integer> {

    /** Exactly one source of the network. */
    static final class Source {
        @Parameters(
                paramLabel = "RUN",
                description = "a saved run: its folder, its name under saved-models/, or its start")
        String run;

        @Option(
                names = "--preset",
                description =
                        "a built-in network: seed-cnn, fcnet, mlp, mlp-15, simple-cnn, cifar-cnn, cifar-fast")
        String preset;

        @Option(names = "--spec", paramLabel = "FILE", description = "a network saved as JSON")
        Path specFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = {"-o", "--out"},
            required = true,
            paramLabel = "FILE",
            description = "the picture to write: FILE.svg or FILE.png")
    Path out;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException(
                    "--out " + out + " is a folder — name the picture to write, e.g. network.svg");
        }
        if (!lower.endsWith(".svg") && !lower.endsWith(".png")) {
            throw new IllegalArgumentException(
                    "--out " + out + " must end in .svg or .png — the ending chooses the format");
        }
        CliPaths.requireCreatable("--out", out);
        ModelSpec network = network();
        CliFailure.requireWorkable(network, "");
        NetworkDiagram diagram = NetworkDiagram.of(network);
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        diagram.write(out);
        console.printf(
                Locale.ROOT,
                "Diagram of %s (%d layers, %d × %d px) written to %s%n",
                network.name(),
                network.layers().size(),
                diagram.width(),
                diagram.height(),
                out);
        return ExitCodes.OK;
    }

    private ModelSpec network() throws Exception {
        if (source.specFile != null) {
            return SpecJson.read(source.specFile);
        }
        if (source.preset != null) {
            return Presets.load(source.preset);
        }
        RunStore store = runsDir.store();
        return store.load(Runs.resolve(source.run, store)).manifest().spec();
    }
}
