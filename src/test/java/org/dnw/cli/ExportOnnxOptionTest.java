package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnw.cli.WorkbenchCommandExitCodesTest.fails;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export RUN --onnx FILE.onnx}: a wrong FILE is refused with one sentence and exit code 2
 * before the run is even read, and nothing is written. (The export itself: OnnxExportIT.)
 */
class ExportOnnxOptionTest {

    @TempDir Path dir;

    @Test
    void sayingNeitherWhatNorWhereIsAUsageError() {
        assertThat(
                        fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "export",
                                "no-such-run",
                                "--runs-dir",
                                dir.toString()))
                .contains("--pytorch DIR, --onnx FILE.onnx, or both");
    }

    @Test
    void aFileNotEndingInOnnxOrAFolderOrAnExistingFileIsRefused() throws Exception {
        String runs = dir.resolve("runs").toString();
        assertThat(
                        fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "export",
                                "no-such-run",
                                "--onnx",
                                "m.pt",
                                "--runs-dir",
                                runs))
                .contains("must end in .onnx");
        Path folder = Files.createDirectories(dir.resolve("f.onnx"));
        assertThat(
                        fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "export",
                                "no-such-run",
                                "--onnx",
                                folder.toString(),
                                "--runs-dir",
                                runs))
                .contains("is a folder");
        Path existing = Files.writeString(dir.resolve("old.onnx"), "keep");
        assertThat(
                        fails(
                                ExitCodes.BAD_ARGUMENTS,
                                "export",
                                "no-such-run",
                                "--pytorch",
                                dir.resolve("py").toString(),
                                "--onnx",
                                existing.toString(),
                                "--runs-dir",
                                runs))
                .contains("already exists")
                .contains("--replace");
        assertThat(Files.readString(existing)).isEqualTo("keep");
        assertThat(dir.resolve("py")).doesNotExist();
    }
}
