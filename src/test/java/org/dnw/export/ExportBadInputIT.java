package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dnw.cli.ExitCodes;
import org.dnw.cli.WorkbenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench export} on bad input, through the real command line and a real trained run (the
 * mlp of {@link ExportFixtures}): a damaged run, a folder that holds files, a file in the way, a
 * place that cannot be written — each one sentence and its exit code, and nothing written or left
 * behind (no half export, no hidden temporary folder).
 */
class ExportBadInputIT {

    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result export(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("export"), Stream.of(args)).toArray(String[]::new);
        int code =
                WorkbenchCommand.execute(
                        all, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.println(String.join(" ", all) + " → " + code + ": " + out + err);
        return new Result(code, out.toString(), err.toString().strip());
    }

    private Path copyOfTheRun() throws IOException {
        Path source = ExportFixtures.run("mlp");
        Path copy = Files.createDirectories(dir.resolve("runs").resolve(source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".export"))
                    .toList();
        }
    }

    @Test
    void aRunWithoutItsWeightsIsOneSentenceAndWritesNothing() throws Exception {
        Path run = copyOfTheRun();
        Files.delete(run.resolve("weights.npz"));
        Path target = dir.resolve("out");

        Result r = export(run.toString(), "--pytorch", target.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(r.err())
                .startsWith("Saved run problem: ")
                .contains("weights.npz: not found")
                .doesNotContain("Exception")
                .hasLineCount(1);
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDamagedWeightsFileIsOneSentenceAndWritesNothing() throws Exception {
        Path run = copyOfTheRun();
        byte[] bytes = Files.readAllBytes(run.resolve("weights.npz"));
        Files.write(run.resolve("weights.npz"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path target = dir.resolve("out");

        Result r = export(run.toString(), "--pytorch", target.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.DATA_NOT_FOUND);
        assertThat(r.err())
                .startsWith("Saved run problem: ")
                .contains("weights.npz")
                .hasLineCount(1);
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFolderThatHoldsFilesIsKeptUnlessReplaceIsSaid() throws Exception {
        Path run = ExportFixtures.run("mlp");
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("notes.txt"), "mine");

        Result refused = export(run.toString(), "--pytorch", target.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(refused.err()).contains("already holds files").contains("--replace");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }

        Result replaced = export(run.toString(), "--pytorch", target.toString(), "--replace");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(target.resolve("notes.txt")).doesNotExist();
        assertThat(target.resolve("model.pt")).isNotEmptyFile();
        assertThat(target.resolve("model.py")).isNotEmptyFile();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEmptyFolderIsFilledAndAFileInTheWayIsRefused() throws Exception {
        Path run = ExportFixtures.run("mlp");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result r = export(run.toString(), "--pytorch", empty.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(empty.resolve("model.pt")).isNotEmptyFile();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result onFile = export(run.toString(), "--pytorch", file.toString());
        assertThat(onFile.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(onFile.err()).contains("is a file");
        Result under = export(run.toString(), "--pytorch", file.resolve("sub").toString());
        assertThat(under.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(under.err()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aPlaceThatCannotBeWrittenIsOneSentence() throws Exception {
        // the tests run as root in CI, so file permissions stop nothing: /proc takes no new files
        Path run = ExportFixtures.run("mlp");
        Result r = export(run.toString(), "--pytorch", "/proc/dnw-export-test");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err())
                .startsWith("File problem: cannot write into /proc (")
                .endsWith("choose another folder")
                .hasLineCount(1);
        assertThat(Path.of("/proc/dnw-export-test")).doesNotExist();
    }
}
