package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchStateDictTest {

    @TempDir Path dir;

    private static LinkedHashMap<String, ParameterValues> twoTensors() {
        LinkedHashMap<String, ParameterValues> m = new LinkedHashMap<>();
        m.put(
                "conv1.weight",
                new ParameterValues(
                        "01Conv2d_weight",
                        new int[] {2, 1, 1, 3},
                        new float[] {1, 2, 3, 4, 5, -0.5f}));
        m.put(
                "conv1.bias",
                new ParameterValues("01Conv2d_bias", new int[] {2}, new float[] {0.25f, -1}));
        return m;
    }

    @Test
    void theArchiveHoldsThePickleEachStorageByteorderAndVersionUnderTheFilesStem()
            throws IOException {
        Path file = dir.resolve("model.pt");
        TorchStateDict.write(file, twoTensors());

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(e -> names.add(e.getName()));
            assertThat(names)
                    .containsExactly(
                            "model/data.pkl",
                            "model/data/0",
                            "model/data/1",
                            "model/byteorder",
                            "model/version");
            zip.stream().forEach(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
            assertThat(read(zip, "model/version"))
                    .isEqualTo("3\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(zip, "model/byteorder"))
                    .isEqualTo("little".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(zip, "model/data/0")).isEqualTo(le(1, 2, 3, 4, 5, -0.5f));
            assertThat(read(zip, "model/data/1")).isEqualTo(le(0.25f, -1));
            byte[] pkl = read(zip, "model/data.pkl");
            assertThat(pkl).startsWith(0x80, 2).endsWith('.');
            String text = new String(pkl, StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .contains("ccollections\nOrderedDict\n")
                    .contains("ctorch._utils\n_rebuild_tensor_v2\n")
                    .contains("ctorch\nFloatStorage\n");
            assertThat(text.indexOf("conv1.weight")).isLessThan(text.indexOf("conv1.bias"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void oneTensorPicklesToTheExactOpcodesTorchLoadReads() {
        Map<String, ParameterValues> m = new LinkedHashMap<>();
        m.put("w", new ParameterValues("w", new int[] {2, 3}, new float[6]));
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.writeBytes(new byte[] {(byte) 0x80, 2});
        ascii(want, "ccollections\nOrderedDict\n)R(");
        want.writeBytes(unicode("w"));
        ascii(want, "ctorch._utils\n_rebuild_tensor_v2\n((");
        want.writeBytes(unicode("storage"));
        ascii(want, "ctorch\nFloatStorage\n");
        want.writeBytes(unicode("0"));
        want.writeBytes(unicode("cpu"));
        want.writeBytes(binint(6));
        ascii(want, "tQ");
        want.writeBytes(binint(0));
        ascii(want, "(");
        want.writeBytes(binint(2));
        want.writeBytes(binint(3));
        ascii(want, "t(");
        want.writeBytes(binint(3));
        want.writeBytes(binint(1));
        ascii(want, "t");
        want.write(0x89);
        ascii(want, "ccollections\nOrderedDict\n)RtRu.");

        assertThat(TorchStateDict.pickle(m)).isEqualTo(want.toByteArray());
    }

    @Test
    void stridesAreRowMajorInElements() {
        assertThat(TorchStateDict.contiguousStrides(new int[] {32, 1, 5, 5}))
                .containsExactly(25, 25, 5, 1);
        assertThat(TorchStateDict.contiguousStrides(new int[] {})).isEmpty();
        assertThat(TorchStateDict.contiguousStrides(new int[] {0, 3})).containsExactly(3, 1);
    }

    @Test
    void anEmptyStateDictIsAnEmptyOrderedDict() throws IOException {
        Path file = dir.resolve("empty.pt");
        TorchStateDict.write(file, new LinkedHashMap<>());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(new String(read(zip, "empty/data.pkl"), StandardCharsets.ISO_8859_1))
                    .isEqualTo("\u0080\u0002ccollections\nOrderedDict\n)R.");
        }
    }

    @Test
    void aShapeThatDisagreesWithItsValuesIsRefusedAndNothingIsWritten() {
        Map<String, ParameterValues> m = new LinkedHashMap<>();
        m.put("fc.weight", new ParameterValues("x", new int[] {2, 2}, new float[3]));
        Path file = dir.resolve("bad.pt");
        assertThatThrownBy(() -> TorchStateDict.write(file, m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fc.weight");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theArchiveFolderIsTheFileNameWithoutItsExtension() {
        assertThat(TorchStateDict.archiveName(Path.of("/x/model.pt"))).isEqualTo("model");
        assertThat(TorchStateDict.archiveName(Path.of("weights"))).isEqualTo("weights");
        assertThat(TorchStateDict.archiveName(Path.of("a.b.pth"))).isEqualTo("a.b");
        assertThat(TorchStateDict.archiveName(Path.of(".pt"))).isEqualTo(".pt");
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertThat(e).as(name).isNotNull();
        try (var in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static byte[] le(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] binint(int v) {
        return ByteBuffer.allocate(5)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'J')
                .putInt(v)
                .array();
    }

    private static byte[] unicode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + utf8.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'X')
                .putInt(utf8.length)
                .put(utf8)
                .array();
    }
}
