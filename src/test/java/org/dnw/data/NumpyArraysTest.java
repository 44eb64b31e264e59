package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class NumpyArraysTest {

    @Test
    void parseReadsWhatToBytesWrote() throws IOException {
        float[] values = {1, -2, 0.5f, 3e10f, 0, 7};
        NumpyArrays.Entry e = NumpyArrays.parse(NumpyArrays.toBytes(new int[] {3, 2}, values), "w");

        assertThat(e.name()).isEqualTo("w");
        assertThat(e.shape()).containsExactly(3, 2);
        assertThat(e.values()).containsExactly(values);
    }

    @Test
    void parseReadsAVersionTwoHeader() throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
        String text = dict + " ".repeat(64 - (12 + dict.length() + 1) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(12 + text.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII)).putFloat(4).putFloat(5);

        NumpyArrays.Entry e = NumpyArrays.parse(b.array(), "v2");

        assertThat(e.shape()).containsExactly(2);
        assertThat(e.values()).containsExactly(4, 5);
    }

    @Test
    void parseSaysWhatIsWrongAsAPredicate() {
        byte[] npy = NumpyArrays.toBytes(new int[] {2}, new float[] {1, 2});
        byte[] f8 = replace(npy, "<f4", "<f8");
        byte[] fortran = replace(npy, "False", "True ");
        byte[] cut = Arrays.copyOf(npy, npy.length - 1);
        byte[] junk = "not numpy at all".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> NumpyArrays.parse(f8, "a"))
                .isInstanceOf(NumpyArrays.FormatException.class)
                .hasMessage("holds '<f8', not float32 ('<f4')");
        assertThatThrownBy(() -> NumpyArrays.parse(fortran, "a"))
                .hasMessageStartingWith("is in Fortran order");
        assertThatThrownBy(() -> NumpyArrays.parse(cut, "a"))
                .hasMessage(
                        "holds 7 data bytes, expected 8 for its shape (the file looks truncated)");
        assertThatThrownBy(() -> NumpyArrays.parse(junk, "a"))
                .hasMessageStartingWith("is not a NumPy .npy array");
    }

    @Test
    void npzKeepsNamesAndOrderAsGivenInStoredEntriesWithoutTimes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NumpyArrays.writeNpz(
                out,
                List.of(
                        new NumpyArrays.Entry("b", new int[] {1}, new float[] {1}),
                        new NumpyArrays.Entry("a", new int[] {2}, new float[] {2, 3})));

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                byte[] content = zip.readAllBytes();
                assertThat(NumpyArrays.parse(content, e.getName()).values()).isNotEmpty();
            }
        }
        assertThat(names).containsExactly("b.npy", "a.npy");
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace(from, to);
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void float64ArraysRoundTripExactlyThroughAnNpz() throws IOException {
        double[] values = {0.1, -1e-300, Math.PI, Double.MIN_VALUE, 1.0 / 3};
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("w", NumpyArrays.toBytes(new int[] {5}, values));
        files.put("f", NumpyArrays.toBytes(new int[] {1, 2}, new float[] {1.5f, -2f}));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        NumpyArrays.writeNpzFiles(out, files);

        java.util.Map<String, byte[]> read =
                NumpyArrays.readNpzFiles(new java.io.ByteArrayInputStream(out.toByteArray()));

        assertThat(read.keySet()).containsExactly("w", "f");
        NumpyArrays.DoubleEntry w = NumpyArrays.parseDoubles(read.get("w"), "w");
        assertThat(w.shape()).containsExactly(5);
        assertThat(w.values()).containsExactly(values);
        assertThat(new String(read.get("w"), 0, 64, java.nio.charset.StandardCharsets.US_ASCII))
                .contains("'descr': '<f8'");
        assertThat(NumpyArrays.parse(read.get("f"), "f").values()).containsExactly(1.5f, -2f);
        // each reader names the other type
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NumpyArrays.parse(read.get("w"), "w"))
                .hasMessage("holds '<f8', not float32 ('<f4')");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> NumpyArrays.parseDoubles(read.get("f"), "f"))
                .hasMessage("holds '<f4', not float64 ('<f8')");
    }
}
