package org.dnw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec files with wrong JSON types, nulls, overflowing numbers, byte-order marks and lower-case
 * enum values: each mistake is one sentence naming the field and where it is, never a Java or
 * Jackson message.
 */
class SpecJsonStrictTest {

    /** A valid spec with one layer put in where {@code %s} stands. */
    private static String withLayer(String layer) {
        return "{\"name\": \"t\", \"input\": {\"dims\": [1, 28, 28]}, \"layers\": [" + layer + "]}";
    }

    private static String message(String json) {
        try {
            SpecJson.read(json, "t.json");
        } catch (SpecFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("read without a problem: " + json);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // wrong JSON types for every kind of field
                "{\"type\": \"conv2d\", \"filters\": \"many\"}"
                        + "|layer 1 → \"filters\" must be a whole number, not the text \"many\"",
                "{\"type\": \"conv2d\", \"filters\": 3.5}"
                        + "|layer 1 → \"filters\" must be a whole number, not 3.5",
                "{\"type\": \"conv2d\", \"filters\": [3]}"
                        + "|layer 1 → \"filters\" must be a whole number, not a list",
                "{\"type\": \"dense\", \"units\": 10, \"bias\": 1}"
                        + "|layer 1 → \"bias\" must be true or false, not 1",
                "{\"type\": \"dense\", \"units\": 10, \"bias\": \"yes\"}"
                        + "|layer 1 → \"bias\" must be true or false, not the text \"yes\"",
                "{\"type\": \"dropout\", \"rate\": \"half\"}"
                        + "|layer 1 → \"rate\" must be a number, not the text \"half\"",
                "{\"type\": \"activation\", \"function\": \"swish\"}"
                        + "|layer 1 → \"function\" must be one of \"relu\", \"sigmoid\", \"tanh\","
                        + " \"leaky_relu\", \"elu\", \"gelu\", not \"swish\"",
                "{\"type\": \"activation\", \"function\": 2}"
                        + "|layer 1 → \"function\" must be one of \"relu\"",
                "{\"type\": \"pool2d\", \"poolType\": {}, \"kernel\": 2, \"stride\": 2}"
                        + "|layer 1 → \"poolType\" must be one of \"max\", \"average\", not an"
                        + " object",
                "{\"type\": \"conv2d\", \"filters\": 4, \"padding\": true}"
                        + "|layer 1 → \"padding\" must be an object { … }, not true",
                "{\"type\": \"conv2d\", \"filters\": 4, \"padding\": \"huge\"}"
                        + "|layer 1 → \"padding\": padding must be \"same\", \"valid\" or a number",
                "{\"type\": \"warp\"}|layer 1 → \"type\" 'warp' is not a layer type",
                "{\"units\": 3}|layer 1 has no \"type\" — give one of conv2d",
                "5|layer 1 must be a layer {\"type\": …}, not a number",
                // explicit nulls
                "null|layer 1 must be a layer {\"type\": …}, not null",
                "{\"type\": \"conv2d\", \"filters\": null}"
                        + "|layer 1 → \"filters\" must be a whole number, not null",
                "{\"type\": \"dense\", \"units\": 3, \"bias\": null}"
                        + "|layer 1 → \"bias\" must be true or false, not null",
                // numbers beyond an int
                "{\"type\": \"conv2d\", \"filters\": 2147483648}"
                        + "|layer 1 → \"filters\" must be a whole number from -2,147,483,648 to"
                        + " 2,147,483,647, not 2147483648",
                "{\"type\": \"dense\", \"units\": 1e40}"
                        + "|layer 1 → \"units\" must be a whole number",
            })
    void aWrongValueInALayerNamesTheLayerTheFieldAndThePosition(String layer, String expected) {
        String m = message(withLayer(layer));
        assertThat(m).startsWith("t.json: line 1, column ").contains(expected);
        assertThat(m).doesNotContain("Exception", "Cannot ", "java.", "org.dnw", "`");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "null|t.json: line 1: the file holds null, not a network",
                "[]|t.json: line 1, column 1: the spec must be an object {\"name\": …",
                "\"net\"|t.json: line 1, column 1: the spec must be an object",
                "{\"input\": {\"dims\": [1, 28, 28]}, \"layers\": null}"
                        + "|t.json: line 1, column 44: \"layers\" must be a list [ … ], not null",
                "{\"input\": {\"dims\": [1, 28, 28]}, \"layers\": {}}"
                        + "|\"layers\" must be a list [ … ], not an object",
                "{\"input\": {\"dims\": [1, 28, 28]}}"
                        + "|\"layers\" is missing — a network needs a list of layers",
                "{\"input\": null, \"layers\": []}"
                        + "|t.json: line 1, column 11: \"input\" must be an object {\"dims\"",
                "{\"input\": 784, \"layers\": []}|\"input\" must be an object {\"dims\"",
                "{\"input\": {\"dims\": null}, \"layers\": []}"
                        + "|\"input\" → \"dims\" must be a list [ … ], not null",
                "{\"input\": {}, \"layers\": []}|\"input\": a shape needs \"dims\"",
                "{\"input\": {\"dims\": [1, \"a\", 3]}, \"layers\": []}"
                        + "|\"input\" → \"dims\" → value 2 must be a whole number, not the text"
                        + " \"a\"",
                "{\"input\": {\"dims\": [1, 99999999999, 3]}, \"layers\": []}"
                        + "|\"input\" → \"dims\" → value 2 must be a whole number from",
                "{\"input\": {\"dims\": [1, 2]}, \"layers\": []}"
                        + "|\"input\": a shape has 1 or 3 dimensions, got [1, 2]",
                "{\"name\": null, \"input\": {\"dims\": [4]}, \"layers\": []}"
                        + "|\"name\" must be text in quotes, not null",
                "{\"input\": {\"dims\": [4]}, \"layers\": []} extra|not valid JSON",
                "{\"input\": {\"dims\": [4]}, \"layers\": [|the file ends before the network does",
                "{'input': 1}|t.json: line 1, column 2: not valid JSON",
                "`   `|t.json: the file is empty",
            })
    void aWrongDocumentOrTopLevelFieldIsOneSentence(String json, String expected) {
        String m = message(json);
        assertThat(m).contains(expected);
        assertThat(m).doesNotContain("Exception", "Cannot ", "java.", "org.dnw", "`", "REDACTED");
    }

    @Test
    void theLineAndColumnPointAtTheMistakeInAFileOfManyLines() {
        String json =
                """
                {
                  "name": "lines",
                  "input": {"dims": [1, 28, 28]},
                  "layers": [
                    {"type": "flatten"},
                    {"type": "dense", "units": "ten", "bias": true}
                  ]
                }
                """;
        assertThat(message(json))
                .isEqualTo(
                        "t.json: line 6, column 32: layer 2 → \"units\" must be a whole number,"
                                + " not the text \"ten\"");
    }

    @Test
    void enumValuesAndPaddingAreReadWhateverTheirCase() throws Exception {
        ModelSpec spec =
                SpecJson.read(
                        withLayer(
                                "{\"type\": \"conv2d\", \"filters\": 4, \"kernelHeight\": 3,"
                                        + " \"kernelWidth\": 3, \"stride\": 1,"
                                        + " \"padding\": {\"mode\": \"same\"}, \"bias\": true},"
                                        + "{\"type\": \"activation\", \"function\": \"relu\"},"
                                        + "{\"type\": \"activation\", \"function\": \"Leaky_ReLU\"},"
                                        + "{\"type\": \"pool2d\", \"poolType\": \"average\","
                                        + " \"kernel\": 2, \"stride\": 2},"
                                        + "{\"type\": \"flatten\"},"
                                        + "{\"type\": \"output\", \"classes\": 10,"
                                        + " \"activation\": \"softmax\", \"bias\": true}"),
                        "t.json");
        assertThat(spec.layers())
                .containsExactly(
                        new Conv2dSpec(4, 3, 3, 1, Padding.SAME, true),
                        ActivationSpec.relu(),
                        ActivationSpec.of(ActivationType.LEAKY_RELU),
                        Pool2dSpec.average(2, 2),
                        new FlattenSpec(),
                        OutputSpec.softmax(10));
    }

    @Test
    void paddingMayBeWrittenAsAWordOrANumber() throws Exception {
        String conv =
                "{\"type\": \"conv2d\", \"filters\": 4, \"kernelHeight\": 3, \"kernelWidth\": 3,"
                        + " \"stride\": 1, \"bias\": true, \"padding\": %s}";
        assertThat(padding(String.format(conv, "\"Same\""))).isEqualTo(Padding.SAME);
        assertThat(padding(String.format(conv, "\"valid\""))).isEqualTo(Padding.VALID);
        assertThat(padding(String.format(conv, "2"))).isEqualTo(Padding.explicit(2));
        assertThat(padding(String.format(conv, "{\"mode\": \"EXPLICIT\", \"amount\": 1}")))
                .isEqualTo(Padding.explicit(1));
    }

    private static Padding padding(String layer) throws SpecFormatException {
        return ((Conv2dSpec) SpecJson.read(withLayer(layer), "t.json").layers().get(0)).padding();
    }

    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
        ModelSpec seed = Presets.load("seed-cnn");
        byte[] json = SpecJson.write(seed).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Path file = dir.resolve("bom.json");
        Files.write(file, withBom);

        assertThat(SpecJson.read(file)).isEqualTo(seed);
        assertThat(SpecJson.read("\uFEFF" + SpecJson.write(seed), "s")).isEqualTo(seed);
    }

    @Test
    void aFileThatIsNotUtf8OrIsAFolderSaysSo(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', (byte) 0xE9, '"', '}'});
        assertThatThrownBy(() -> SpecJson.read(latin1))
                .isInstanceOf(SpecFormatException.class)
                .hasMessage(latin1 + ": is not UTF-8 text — a network file is JSON saved as UTF-8");
        assertThatThrownBy(() -> SpecJson.read(dir))
                .hasMessage(dir + ": is a folder, not a network file (a .json file)");
    }

    @Test
    void aSavedSpecStillReadsAsWrittenAndMissingFieldsKeepTheirDefaults() throws Exception {
        for (String name : Presets.NAMES) {
            ModelSpec preset = Presets.load(name);
            assertThat(SpecJson.read(SpecJson.write(preset), name)).isEqualTo(preset);
        }
        ModelSpec sparse =
                SpecJson.read(
                        "{\"input\": {\"dims\": [4]}, \"layers\": [{\"type\": \"output\","
                                + " \"classes\": 3}]}",
                        "s");
        assertThat(sparse.name()).isEqualTo("network");
        assertThat(sparse.layers())
                .containsExactly(new OutputSpec(3, OutputActivation.SOFTMAX, false));
    }
}
