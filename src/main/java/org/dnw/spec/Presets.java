package org.dnw.spec;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The built-in networks, each a JSON resource under {@code /presets/}. Their input shape and class
 * count are those of MNIST; {@link ModelSpec#adaptTo} fits them to another data set.
 */
public final class Presets {

    /** Preset names, in the order a user sees them. */
    public static final List<String> NAMES =
            List.of("seed-cnn", "fcnet", "mlp", "mlp-15", "simple-cnn", "cifar-cnn", "cifar-fast");

    private Presets() {}

    /**
     * Loads a preset by name.
     *
     * @throws IllegalArgumentException when no preset has that name (the message lists them)
     */
    public static ModelSpec load(String name) {
        String resource = "/presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException(
                        "no preset named '"
                                + name
                                + "' — choose one of "
                                + String.join(", ", NAMES));
            }
            return SpecJson.read(in, resource);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (SpecFormatException e) {
            throw new IllegalStateException("built-in preset is broken: " + e.getMessage(), e);
        }
    }
}
