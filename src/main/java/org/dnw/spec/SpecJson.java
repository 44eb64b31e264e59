package org.dnw.spec;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link ModelSpec} as JSON. Thread-safe.
 *
 * <p>Reading is strict about types (a number where a number belongs, no {@code null}, no fractions
 * for whole numbers, nothing after the spec) but forgiving about spelling: enum values are read
 * case-insensitively ({@code "relu"}, {@code "same"}) and a UTF-8 byte-order mark is skipped. It
 * fails with {@link SpecFormatException} naming the source, the line and column, the field (e.g.
 * {@code layer 2 → "filters"}) and what is wrong in a sentence, never with a Jackson or Java
 * message. A field left out takes its record's default (0, false, no padding), as before; the shape
 * inference then names what is missing (e.g. "a convolution needs at least 1 filter"). {@code
 * "padding"} may also be written {@code "same"}, {@code "valid"} or a number.
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The spec reader: strict types, lenient enum spelling (see the class comment). */
    private static final ObjectMapper STRICT = strict();

    private SpecJson() {}

    /** The shared, configured mapper (also used for manifests). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @SuppressWarnings("deprecation") // configure(MapperFeature) is the copy-and-adjust form in 2.x
    private static ObjectMapper strict() {
        ObjectMapper m =
                MAPPER.copy()
                        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                        .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A missing field takes the record's default (a missing "layers", "input" or "dims" is
        // reported by the record or by read below); an explicit null is refused by rejectNulls.
        m.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /**
     * {@code value} (a record of plain fields) as JSON bytes with the shared mapper, for the small
     * records other packages keep beside runs without importing Jackson themselves.
     */
    public static byte[] writeValue(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a {@code type} written by {@link #writeValue} from {@code file}.
     *
     * @throws IllegalArgumentException with a sentence naming the file when it does not hold one
     */
    public static <T> T readValue(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + " is damaged: " + e.getOriginalMessage());
        }
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

    /**
     * Parses a spec; {@code source} names where it came from in error messages.
     *
     * @throws SpecFormatException with a sentence such as {@code net.json: line 4, column 20: layer
     *     1 → "filters" must be a whole number, not the text "many"}
     */
    public static ModelSpec read(String json, String source) throws SpecFormatException {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw new SpecFormatException(
                    source + ": the file is empty — it should hold a network");
        }
        ModelSpec spec;
        try {
            rejectNulls(text);
            spec = STRICT.readValue(text, ModelSpec.class);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(source + ": " + describe(e), e);
        }
        if (spec == null) {
            throw new SpecFormatException(
                    source
                            + ": line 1: the file holds null, not a network — it should be an"
                            + " object {\"name\": …, \"input\": …, \"layers\": […]}");
        }
        if (spec.input() == null) {
            throw new SpecFormatException(source + ": the spec has no \"input\" shape");
        }
        return spec;
    }

    /**
     * Reads a spec file (UTF-8, with or without a byte-order mark).
     *
     * @throws SpecFormatException when the file is missing, unreadable, not UTF-8 text or not a
     *     valid spec; the message names the file and says which
     */
    public static ModelSpec read(Path file) throws SpecFormatException {
        if (Files.isDirectory(file)) {
            throw new SpecFormatException(
                    file + ": is a folder, not a network file (a .json file)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecFormatException(file + ": does not exist", e);
        } catch (AccessDeniedException e) {
            throw new SpecFormatException(file + ": cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new SpecFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return read(decode(bytes, file.toString()), file.toString());
    }

    static ModelSpec read(InputStream in, String source) throws SpecFormatException {
        try {
            return read(decode(in.readAllBytes(), source), source);
        } catch (IOException e) {
            throw new SpecFormatException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String decode(byte[] bytes, String source) throws SpecFormatException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SpecFormatException(
                    source + ": is not UTF-8 text — a network file is JSON saved as UTF-8", e);
        }
    }

    /**
     * Fails at the first {@code null} below the top level: Jackson would quietly turn it into 0 or
     * false (a missing field may do that; an explicit null is a mistake). Also checks the syntax.
     */
    private static void rejectNulls(String text) throws JsonProcessingException {
        try (JsonParser p = STRICT.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.VALUE_NULL && p.getParsingContext().getParent() != null) {
                    throw new NullValueException(
                            p, field(p) + " must be " + nullFieldType(p) + ", not null");
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static String nullFieldType(JsonParser p) {
        JsonStreamContext at = p.getParsingContext();
        if (at.inArray()) {
            String list = at.getParent() == null ? null : at.getParent().getCurrentName();
            return "layers".equals(list)
                    ? expected(LayerSpec.class)
                    : "dims".equals(list) ? expected(int.class) : "a value";
        }
        String name = at.getCurrentName();
        return name == null ? "a value" : FIELD_TYPES.getOrDefault(name, "a value");
    }

    /** An explicit null, with its sentence and the location where it starts. */
    private static final class NullValueException extends JsonParseException {
        private static final long serialVersionUID = 1L;

        NullValueException(JsonParser p, String sentence) {
            super(p, sentence, p.currentTokenLocation());
        }
    }

    /** What each field of a spec holds, for the null message. */
    private static final Map<String, String> FIELD_TYPES = fieldTypes();

    private static Map<String, String> fieldTypes() {
        Map<String, String> m = new HashMap<>();
        for (String f :
                List.of(
                        "filters",
                        "kernelHeight",
                        "kernelWidth",
                        "stride",
                        "kernel",
                        "units",
                        "classes",
                        "amount")) {
            m.put(f, expected(int.class));
        }
        m.put("rate", expected(double.class));
        m.put("bias", expected(boolean.class));
        m.put("name", expected(String.class));
        m.put("type", "a layer type such as \"dense\"");
        m.put("function", expected(ActivationType.class));
        m.put("activation", expected(OutputActivation.class));
        m.put("poolType", expected(PoolType.class));
        m.put("mode", expected(Padding.Mode.class));
        m.put("padding", "\"same\", \"valid\", a number of zeros or {\"mode\": …}");
        m.put("input", expected(Shape.class));
        m.put("dims", expected(List.class));
        m.put("layers", expected(List.class));
        return Map.copyOf(m);
    }

    // ---- error sentences -------------------------------------------------------------------

    /** "line L, column C: FIELD PROBLEM" for any Jackson failure. */
    static String describe(JsonProcessingException e) {
        return where(e.getLocation()) + what(e);
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return at.getColumnNr() < 1
                ? "line " + at.getLineNr() + ": "
                : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    private static String what(JsonProcessingException e) {
        if (e instanceof JsonMappingException m
                && m.getCause() instanceof StreamReadException cause) {
            // a parse failure met while mapping: the mapper knows the field, the parser the reason
            return syntax(cause, field(m.getPath()));
        }
        if (e instanceof StreamReadException r) {
            return r instanceof NullValueException
                    ? r.getOriginalMessage()
                    : syntax(r, field(r.getProcessor()));
        }
        if (e instanceof InvalidTypeIdException t) {
            String field = field(t.getPath());
            String known = "conv2d, pool2d, flatten, dense, activation, dropout, batchNorm, output";
            JsonToken token = currentToken(t.getProcessor());
            if (t.getTypeId() == null && token != null && token.isScalarValue()) {
                return field
                        + " must be "
                        + expected(LayerSpec.class)
                        + ", not "
                        + found(t.getProcessor(), token);
            }
            return t.getTypeId() == null
                    ? field + " has no \"type\" — give one of " + known
                    : field
                            + " → \"type\" '"
                            + t.getTypeId()
                            + "' is not a layer type — use one of "
                            + known;
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            String reason =
                    cause != null && cause.getMessage() != null
                            ? cause.getMessage()
                            : "the values do not make a valid "
                                    + expected(
                                            v.getType() == null ? null : v.getType().getRawClass());
            return v.getPath().isEmpty() ? reason : field(v.getPath()) + ": " + reason;
        }
        if (e instanceof InvalidNullException n) {
            return field(n.getPath()) + " must be " + expected(n.getTargetType()) + ", not null";
        }
        if (e instanceof InvalidFormatException f) {
            return field(f.getPath())
                    + " must be "
                    + expected(f.getTargetType())
                    + ", not "
                    + shown(f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            JsonToken token = currentToken(m.getProcessor());
            if (token == null && m.getPath().isEmpty()) {
                return "the file ends before the network does — a closing } or ] is missing";
            }
            return field(m.getPath())
                    + " must be "
                    + expected(m.getTargetType())
                    + ", not "
                    + found(m.getProcessor(), token);
        }
        if (e instanceof JsonMappingException m) {
            return field(m.getPath()) + ": " + firstLine(m.getOriginalMessage());
        }
        return "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")";
    }

    private static String syntax(StreamReadException e, String field) {
        if (e instanceof InputCoercionException c) {
            String target =
                    c.getTargetType() == Integer.TYPE || c.getTargetType() == Integer.class
                            ? "a whole number from -2,147,483,648 to 2,147,483,647"
                            : "a number this program can hold";
            return field + " must be " + target + ", not " + text(c.getProcessor());
        }
        if (e instanceof JsonEOFException) {
            return "the file ends before the network does — a closing } or ] is missing";
        }
        String detail = firstLine(e.getOriginalMessage());
        int source = detail.indexOf(" (for ");
        if (source < 0) {
            source = detail.indexOf(" at [Source");
        }
        detail =
                (source > 0 ? detail.substring(0, source) : detail)
                        .replaceAll(" \\(code \\d+\\)", "");
        return "not valid JSON (" + detail + ")";
    }

    /** A field path as a student reads it: {@code layer 2 → "padding" → "mode"}. */
    static String field(List<JsonMappingException.Reference> path) {
        List<String> parts = new ArrayList<>();
        String previous = null;
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                parts.add("\"" + ref.getFieldName() + "\"");
                previous = ref.getFieldName();
            } else if (ref.getIndex() >= 0) {
                if ("layers".equals(previous)) {
                    parts.set(parts.size() - 1, "layer " + (ref.getIndex() + 1));
                } else {
                    parts.add("value " + (ref.getIndex() + 1));
                }
                previous = null;
            }
        }
        return parts.isEmpty() ? "the spec" : String.join(" → ", parts);
    }

    private static String field(Object processor) {
        if (!(processor instanceof JsonParser p)) {
            return "a value";
        }
        JsonPointer pointer = p.getParsingContext().pathAsPointer();
        List<JsonMappingException.Reference> refs = new ArrayList<>();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            refs.add(
                    at.mayMatchElement()
                            ? new JsonMappingException.Reference(null, at.getMatchingIndex())
                            : new JsonMappingException.Reference(null, at.getMatchingProperty()));
        }
        return field(refs);
    }

    /** What a Java type must look like in JSON. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == int.class
                || type == Integer.class
                || type == long.class
                || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in quotes";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> "\"" + ((Enum<?>) c).name().toLowerCase(Locale.ROOT) + "\"")
                            .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        if (type == LayerSpec.class) {
            return "a layer {\"type\": …}";
        }
        if (type == ModelSpec.class) {
            return "an object {\"name\": …, \"input\": …, \"layers\": […]}";
        }
        if (type == Shape.class) {
            return "an object {\"dims\": [channels, height, width]} or {\"dims\": [features]}";
        }
        return "an object { … }";
    }

    private static JsonToken currentToken(Object processor) {
        return processor instanceof JsonParser p ? p.currentToken() : null;
    }

    private static String found(Object processor, JsonToken token) {
        if (token == null) {
            return "nothing (the file ends there)";
        }
        return switch (token) {
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> token.asString();
            case VALUE_STRING -> text(processor).isEmpty() ? "text" : "the text " + text(processor);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    text(processor).isEmpty() ? "a number" : "the number " + text(processor);
            case START_OBJECT, FIELD_NAME -> "an object { … }";
            case START_ARRAY -> "a list [ … ]";
            default -> "'" + token.asString() + "'";
        };
    }

    private static String text(Object processor) {
        try {
            if (processor instanceof JsonParser p) {
                String t = p.getText();
                if (t == null || t.isEmpty()) {
                    return "";
                }
                return p.currentToken() == JsonToken.VALUE_STRING ? "\"" + t + "\"" : t;
            }
        } catch (IOException ignored) {
            // fall through: the value is not available any more
        }
        return "this value";
    }

    private static String shown(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int cut = message.indexOf('\n');
        return (cut > 0 ? message.substring(0, cut) : message).strip();
    }
}
