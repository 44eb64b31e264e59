package org.dnw.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.dnw.spec.SpecJson;
import org.dnw.train.Hyperparameters;

/**
 * {@code manifest.json} as JSON: {@link SpecJson}'s mapper (so the spec reads as a spec file does)
 * plus ISO-8601 instants and NaN figures as {@code null}, which plain JSON cannot hold.
 */
final class ManifestJson {

    static final String FILE = "manifest.json";

    private static final ObjectMapper MAPPER = SpecJson.mapper().copy().registerModule(module());

    private ManifestJson() {}

    /** The mapper, shared with {@link RunEvents} so events read as the manifest does. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    static byte[] write(RunManifest manifest) {
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write the manifest of " + manifest.runName(), e);
        }
    }

    /**
     * Parses {@code bytes}, the content of {@code file}.
     *
     * @throws RunFormatException naming the file when it is not a manifest, or when a newer version
     *     of the workbench wrote it
     */
    static RunManifest read(byte[] bytes, Path file) throws RunFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new RunFormatException(file, "is not valid JSON (" + shortMessage(e) + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new RunFormatException(file, "is empty or not a JSON object");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new RunFormatException(file, "has no \"formatVersion\": not a run manifest");
        }
        int v = version.asInt();
        if (v > RunManifest.FORMAT_VERSION) {
            throw new RunFormatException(
                    file,
                    "was written by a newer version of the workbench (manifest format "
                            + v
                            + "; this version reads format "
                            + RunManifest.FORMAT_VERSION
                            + " and older): update the workbench to open this run");
        }
        if (v < 1) {
            throw new RunFormatException(file, "has an invalid format version " + v);
        }
        RunManifest m;
        try {
            m = MAPPER.treeToValue(tree, RunManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFormatException(
                    file, "is not a valid run manifest (" + shortMessage(e) + ")", e);
        }
        if (m.spec() == null || m.spec().input() == null) {
            throw new RunFormatException(file, "has no network spec with an input shape");
        }
        if (m.dataset() == null || m.results() == null) {
            throw new RunFormatException(file, "lacks its \"dataset\" or \"results\" section");
        }
        return m;
    }

    static RunManifest read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RunFormatException(file, "is missing", e);
        }
        return read(bytes, file);
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = m.indexOf("\n at [Source");
        return (cut > 0 ? m.substring(0, cut) : m).strip().replace('\n', ' ');
    }

    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("run-manifest");
        m.addSerializer(Instant.class, new InstantSerializer());
        m.addDeserializer(Instant.class, new InstantDeserializer());
        NanAsNullSerializer nan = new NanAsNullSerializer();
        m.addSerializer(Double.class, nan);
        m.addSerializer(Double.TYPE, nan);
        m.addDeserializer(Double.class, new NullAsNanDeserializer());
        m.addDeserializer(Double.TYPE, new NullAsNanDeserializer());
        m.setMixInAnnotation(Hyperparameters.class, HyperparametersMixIn.class);
        return m;
    }

    /**
     * Early stopping's {@code patience} is written only when set, so a run without it writes the
     * manifest and events it always did; a manifest without the field reads as 0 (off).
     */
    private abstract static class HyperparametersMixIn {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract int patience();
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant)
                        ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }

    private static final class NanAsNullSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            if (value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class NullAsNanDeserializer extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
                    || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (text.equals("NaN")) {
                    return Double.NaN;
                }
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return (Double) ctxt.handleWeirdStringValue(Double.class, text, "not a number");
                }
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
