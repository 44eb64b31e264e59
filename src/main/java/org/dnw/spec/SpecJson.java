package org.dnw.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link ModelSpec} as JSON. Thread-safe.
 *
 * <p>Reading fails with {@link SpecFormatException} naming the source and what is wrong, never with
 * a Jackson stack trace.
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SpecJson() {}

    /** The shared, configured mapper (also used for manifests). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + spec.name(), e);
        }
    }

    public static void write(ModelSpec spec, Path file) throws IOException {
        Files.writeString(file, write(spec));
    }

    /** Parses a spec; {@code source} names where it came from in error messages. */
    public static ModelSpec read(String json, String source) throws SpecFormatException {
        try {
            ModelSpec spec = MAPPER.readValue(json, ModelSpec.class);
            if (spec.input() == null) {
                throw new SpecFormatException(source + ": the spec has no \"input\" shape");
            }
            return spec;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = detail.indexOf("\n at [Source");
            throw new SpecFormatException(
                    source
                            + ": not a valid network spec ("
                            + (cut > 0 ? detail.substring(0, cut) : detail).strip()
                            + ")",
                    e);
        }
    }

    public static ModelSpec read(Path file) throws SpecFormatException {
        try {
            return read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new SpecFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static ModelSpec read(InputStream in, String source) throws SpecFormatException {
        try {
            return read(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new SpecFormatException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
