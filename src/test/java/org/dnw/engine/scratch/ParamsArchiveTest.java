package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamsArchiveTest {

    private static final List<ParameterValues> PARAMS =
            List.of(
                    new ParameterValues(
                            "02Linear_weight",
                            new int[] {2, 3},
                            new float[] {1, 2, 3, 4, 5, -6.5f}),
                    new ParameterValues("02Linear_bias", new int[] {2}, new float[] {0.25f, -1}));

    @Test
    void roundTripKeepsNamesShapesValuesAndOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(ParamsArchive.FILE_NAME);
        ParamsArchive.write(file, PARAMS);

        List<ParameterValues> back = ParamsArchive.read(file);

        assertThat(back)
                .extracting(ParameterValues::name)
                .containsExactly("02Linear_weight", "02Linear_bias");
        assertThat(back.get(0).shape()).containsExactly(2, 3);
        assertThat(back.get(0).values()).containsExactly(1, 2, 3, 4, 5, -6.5f);
        assertThat(back.get(1).shape()).containsExactly(2);
        assertThat(back.get(1).values()).containsExactly(0.25f, -1);
        // written through a temporary file, nothing else left behind
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void npyHeaderIsNumpysAndAlignedTo64Bytes() {
        byte[] npy = ParamsArchive.npy(new int[] {2}, new float[] {1, 2});
        String header = new String(npy, 10, npy.length - 10 - 8, StandardCharsets.US_ASCII);

        // 10 bytes of magic, version and length, then the dict padded: data starts at byte 128
        assertThat(npy.length - 8).isEqualTo(128);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
        assertThat(header).endsWith("\n");
    }

    @Test
    void junkAndMissingFilesAreReportedByName(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.params");
        Files.writeString(junk, "this is not a zip");
        assertThatThrownBy(() -> ParamsArchive.read(junk))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("junk.params: ");
        assertThatThrownBy(() -> ParamsArchive.read(dir.resolve("none.params")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("none.params: not found");
    }

    @Test
    void anEntryThatIsNotFloat32IsRefused() {
        byte[] npy = ParamsArchive.npy(new int[] {1}, new float[] {1});
        String text = new String(npy, StandardCharsets.ISO_8859_1).replace("<f4", "<f8");
        byte[] f8 = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ParamsArchive.parse(f8, Path.of("x.params"), "w"))
                .isInstanceOf(IOException.class)
                .hasMessage("x.params: entry w.npy holds '<f8', not float32 ('<f4')");
        byte[] cut = java.util.Arrays.copyOf(npy, npy.length - 2);
        assertThatThrownBy(() -> ParamsArchive.parse(cut, Path.of("x.params"), "w"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data bytes");
    }

    @Test
    void numpyReadsTheArchiveWhenPythonIsThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ParamsArchive.FILE_NAME);
        ParamsArchive.write(file, PARAMS);
        Process p;
        try {
            p =
                    new ProcessBuilder(
                                    "python3",
                                    "-c",
                                    "import numpy as np; z = np.load('"
                                            + file
                                            + "');"
                                            + " print(list(z.keys()), z['02Linear_weight'].shape,"
                                            + " z['02Linear_weight'][1, 2], z['02Linear_bias'].tolist())")
                            .redirectErrorStream(true)
                            .start();
        } catch (IOException e) {
            assumeThat(false).as("python3 is not installed").isTrue();
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeThat(out).as("numpy is not installed").doesNotContain("No module named");
        assertThat(out).isEqualTo("['02Linear_weight', '02Linear_bias'] (2, 3) -6.5 [0.25, -1.0]");
    }
}
