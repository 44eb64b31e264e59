package org.dnw.store;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnw.spec.ModelSpec;
import org.dnw.train.Hyperparameters;

/**
 * The provenance and results of a saved run, stored as {@code manifest.json}. Immutable.
 *
 * <p>The JSON form is versioned by {@code formatVersion}; this version writes {@value
 * #FORMAT_VERSION} and refuses newer versions with a message saying so. Times are ISO-8601 UTC
 * strings; a NaN figure is written as {@code null}.
 *
 * @param formatVersion version of the manifest format, {@value #FORMAT_VERSION} for this version
 * @param runName the run's name
 * @param spec the network as trained (its input shape is the data set's sample shape)
 * @param hyperparameters the training settings
 * @param seed the seed of every random choice (also in {@code hyperparameters})
 * @param dataset data set name, class names, file checksums and split sizes
 * @param environment library and platform versions, keys "djl", "pytorch", "java", "os"; sorted
 * @param device where the run trained, e.g. "CPU (2 threads)"
 * @param parameterCount trainable parameters of the network
 * @param startedAt when training began
 * @param finishedAt when the test evaluation was done
 * @param durationMillis training time as reported by the run
 * @param results final figures
 * @param firstLayerParameter name of the parameter in {@code first-layer.npy}; null when the run
 *     reported no parameters
 * @param modelFiles names of the engine's model files in the run folder (DJL {@code .params})
 */
public record RunManifest(
        int formatVersion,
        String runName,
        ModelSpec spec,
        Hyperparameters hyperparameters,
        long seed,
        DatasetInfo dataset,
        Map<String, String> environment,
        String device,
        long parameterCount,
        Instant startedAt,
        Instant finishedAt,
        long durationMillis,
        RunResults results,
        String firstLayerParameter,
        List<String> modelFiles) {

    /** The manifest format this version writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    public RunManifest {
        environment =
                environment == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(environment));
        modelFiles = modelFiles == null ? List.of() : List.copyOf(modelFiles);
    }

    /** A copy listing {@code files} as the run's model files. */
    public RunManifest withModelFiles(List<String> files) {
        return new RunManifest(
                formatVersion,
                runName,
                spec,
                hyperparameters,
                seed,
                dataset,
                environment,
                device,
                parameterCount,
                startedAt,
                finishedAt,
                durationMillis,
                results,
                firstLayerParameter,
                files);
    }
}
