package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyWriterTest {

    @TempDir Path dir;

    @Test
    void anNpzIsReadBackInItsOrderWithItsNamesShapesAndValues() throws IOException {
        List<ParameterValues> written =
                List.of(
                        new ParameterValues(
                                "01Conv2d_weight",
                                new int[] {2, 1, 2, 2},
                                new float[] {1, 2, 3, 4, 5, 6, 7, 8}),
                        new ParameterValues("01Conv2d_bias", new int[] {2}, new float[] {-1, 1}),
                        new ParameterValues(
                                "03Linear_weight", new int[] {1, 3}, new float[] {0.5f, 0, -0.5f}));
        Path file = dir.resolve("weights.npz");
        try (var out = Files.newOutputStream(file)) {
            NpyWriter.writeNpz(out, written);
        }

        List<ParameterValues> read = NpyReader.readNpz(file);

        assertThat(read).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(read.get(i).name()).isEqualTo(written.get(i).name());
            assertThat(read.get(i).shape()).isEqualTo(written.get(i).shape());
            assertThat(read.get(i).values()).isEqualTo(written.get(i).values());
        }
        Path notZip = dir.resolve("broken.npz");
        Files.writeString(notZip, "not a zip");
        assertThat(NpyReader.readNpz(notZip)).isEmpty();
    }

    @Test
    void headerFollowsTheNpyOnePointZeroLayout() {
        byte[] h = NpyWriter.header(new int[] {2, 3});

        // magic \x93NUMPY, version 1.0, uint16 little-endian header length
        assertThat(Arrays.copyOf(h, 8)).containsExactly(0x93 - 256, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int length = (h[8] & 0xFF) | (h[9] & 0xFF) << 8;
        // numpy.save writes exactly these 128 bytes (header length 118 = 0x76) for (2, 3) float32
        assertThat(h).hasSize(128);
        assertThat(length).isEqualTo(118);
        String text = new String(h, 10, length, StandardCharsets.US_ASCII);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        assertThat(text).startsWith(dict).endsWith("\n");
        assertThat(text.substring(dict.length(), text.length() - 1)).isBlank();
    }

    @Test
    void oneDimensionalAndScalarShapesAreWrittenAsPythonTuples() {
        assertThat(headerText(new int[] {5})).contains("'shape': (5,), }");
        assertThat(headerText(new int[] {})).contains("'shape': (), }");
        assertThat(headerText(new int[] {32, 1, 5, 5})).contains("'shape': (32, 1, 5, 5), }");
    }

    @Test
    void headersOfAnyShapeAreAlignedTo64Bytes() {
        // lengths as numpy.lib.format.write_array_header_1_0 gives them
        assertThat(NpyWriter.header(new int[] {1})).hasSize(128);
        assertThat(NpyWriter.header(new int[] {123456789, 7})).hasSize(128);
        int[] many = new int[24];
        Arrays.setAll(many, i -> i + 1);
        assertThat(NpyWriter.header(many)).hasSize(192);
    }

    @Test
    void dataIsLittleEndianFloat32AfterTheHeader() {
        byte[] b = NpyWriter.toBytes(new int[] {2, 2}, new float[] {1f, -2f, 0.5f, 3e10f});

        assertThat(b).hasSize(128 + 16);
        // 1.0f = 0x3F800000, little-endian
        assertThat(Arrays.copyOfRange(b, 128, 132)).containsExactly(0, 0, 0x80 - 256, 0x3F);
        ByteBuffer data = ByteBuffer.wrap(b, 128, 16).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new float[] {data.getFloat(), data.getFloat(), data.getFloat(), data.getFloat()})
                .containsExactly(1f, -2f, 0.5f, 3e10f);
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        assertThatThrownBy(() -> NpyWriter.toBytes(new int[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 6 values, got 5");
    }

    @Test
    void readerReadsWhatTheWriterWrote() throws IOException {
        float[] values = FakeRun.ramp(36);
        Path file = dir.resolve("w.npy");
        Files.write(file, NpyWriter.toBytes(new int[] {4, 1, 3, 3}, values));

        ParameterValues p = NpyReader.read(file, "w");

        assertThat(p.name()).isEqualTo("w");
        assertThat(p.shape()).containsExactly(4, 1, 3, 3);
        assertThat(p.values()).containsExactly(values);
    }

    @Test
    void readerNamesTheFileOfATruncatedArray() throws IOException {
        byte[] b = NpyWriter.toBytes(new int[] {4}, new float[] {1, 2, 3, 4});
        Path file = dir.resolve("cut.npy");
        Files.write(file, Arrays.copyOf(b, b.length - 3));

        assertThatThrownBy(() -> NpyReader.read(file, "cut"))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("cut.npy")
                .hasMessageContaining("truncated");
    }

    @Test
    void npzHoldsOneStoredNpyEntryPerParameterWithSanitisedUniqueNames() throws IOException {
        List<ParameterValues> params =
                List.of(
                        new ParameterValues("01Conv2d/weight", new int[] {2}, new float[] {1, 2}),
                        new ParameterValues("01Conv2d?weight", new int[] {1}, new float[] {3}),
                        new ParameterValues("bias", new int[] {1}, new float[] {4}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.writeNpz(out, params);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                byte[] content = zip.readAllBytes();
                assertThat(content).hasSize((int) e.getSize());
                int n = (content.length - 128) / 4;
                assertThat(content).startsWith(NpyWriter.header(new int[] {n}));
            }
        }
        assertThat(names)
                .containsExactly("01Conv2d_weight.npy", "01Conv2d_weight_2.npy", "bias.npy");
    }

    @Test
    void numpyLoadsTheNpyAndNpzFiles() throws IOException {
        assumeTrue(PythonNumpy.available(), "python3 with numpy not found: skipping numpy check");
        Files.write(
                dir.resolve("a.npy"),
                NpyWriter.toBytes(new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5.5f}));
        Files.write(dir.resolve("s.npy"), NpyWriter.toBytes(new int[] {3}, new float[] {7, 8, 9}));
        try (var out = Files.newOutputStream(dir.resolve("w.npz"))) {
            NpyWriter.writeNpz(out, FakeRun.parameters());
        }

        PythonNumpy.Result r =
                PythonNumpy.run(
                        String.join(
                                "\n",
                                "import numpy as np",
                                "a = np.load('a.npy')",
                                "s = np.load('s.npy')",
                                "z = np.load('w.npz')",
                                "w = z['01Conv2d_weight']",
                                "print(a.dtype, a.shape, a[1, 2], s.shape, s.sum())",
                                "print(sorted(z.files))",
                                "print(w.shape, w.dtype, w[3, 0, 2, 2], z['04Linear_bias'].tolist())"),
                        dir);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output().lines())
                .containsExactly(
                        "float32 (2, 3) 5.5 (3,) 24.0",
                        "['01Conv2d_bias', '01Conv2d_weight', '04Linear_bias', '04Linear_weight']",
                        "(4, 1, 3, 3) float32 14.5 [-3.0, -2.5, -2.0]");
    }

    @Test
    void readerReadsAnArrayWrittenByNumpy() throws IOException {
        assumeTrue(PythonNumpy.available(), "python3 with numpy not found: skipping numpy check");
        PythonNumpy.Result r =
                PythonNumpy.run(
                        "import numpy as np; np.save('n.npy',"
                                + " np.arange(24, dtype='<f4').reshape(2, 3, 4) / 4)",
                        dir);
        assertThat(r.exitCode()).as(r.output()).isZero();

        ParameterValues p = NpyReader.read(dir.resolve("n.npy"), "n");

        assertThat(p.shape()).containsExactly(2, 3, 4);
        assertThat(p.values()[23]).isEqualTo(5.75f);
    }

    private static String headerText(int[] shape) {
        byte[] h = NpyWriter.header(shape);
        return new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
    }
}
