package org.dnw.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dnw.data.AugmentationSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.TrainingRequest;

/**
 * Everything needed to build a run's {@link TrainingRequest} again, written into its draft as
 * {@value #FILE} before training starts, so that an interrupted run can be resumed by another
 * process ({@code workbench train --resume}): where the data comes from (a catalog name or a path,
 * the label column, the train subset), the network as trained (already adapted to the data), the
 * hyperparameters (which hold the validation share and the split seed), the augmentation, the
 * engine and how often weights are captured. Written by {@code RunLauncher} alone, read by {@link
 * #readFrom}. Immutable.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param runName the run's name as the user gave it
 * @param data where the samples come from
 */
public record RunRecipe(
        int formatVersion,
        String runName,
        DataReference data,
        ModelSpec spec,
        Hyperparameters hyperparameters,
        AugmentationSpec augmentation,
        EngineKind engine,
        int weightsEveryBatches) {

    /** The file inside a draft (and, after it completes, the run folder). */
    public static final String FILE = "recipe.json";

    /** The format written. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Where a run's samples come from, as the command line or window named them.
     *
     * @param dataset a catalog name ("mnist-sample") or a path to a folder, archive or table
     * @param labelColumn a table's label column (name or number), or null
     * @param trainSubset train on the first this many training samples only, or null for all
     */
    public record DataReference(String dataset, String labelColumn, Integer trainSubset) {}

    /** The recipe of {@code request}, whose samples came from {@code data}. */
    public static RunRecipe of(TrainingRequest request, DataReference data) {
        return new RunRecipe(
                FORMAT_VERSION,
                request.runName(),
                data,
                request.spec(),
                request.hyperparameters(),
                request.augmentation(),
                request.engine(),
                request.weightsEveryBatches());
    }

    /** Writes {@value #FILE} into {@code folder}, atomically. */
    public void writeTo(Path folder) throws IOException {
        byte[] bytes =
                ManifestJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        RunFiles.write(folder.resolve(FILE), bytes);
    }

    /**
     * The recipe in {@code folder}; empty when there is none (a run begun by an older version).
     *
     * @throws RunFormatException naming the file when it cannot be read or was written by a newer
     *     version
     */
    public static Optional<RunRecipe> readFrom(Path folder) throws RunFormatException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunRecipe recipe;
        try {
            JsonNode tree = ManifestJson.mapper().readTree(file.toFile());
            recipe = ManifestJson.mapper().treeToValue(withFlipField(tree), RunRecipe.class);
        } catch (IOException | RuntimeException e) {
            throw new RunFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (recipe.formatVersion() > FORMAT_VERSION) {
            throw new RunFormatException(
                    file, "was written by a newer version of the workbench: update it to resume");
        }
        if (recipe.spec() == null || recipe.hyperparameters() == null || recipe.data() == null) {
            throw new RunFormatException(
                    file, "lacks the network, the hyperparameters or the data");
        }
        return Optional.of(recipe);
    }

    /**
     * A recipe written before the flip existed has no {@code flipProbability}: it means no flip
     * (0), not the NaN that the run mapper reads a missing number as.
     */
    private static JsonNode withFlipField(JsonNode tree) {
        if (tree != null
                && tree.get("augmentation") instanceof ObjectNode augmentation
                && !augmentation.has("flipProbability")) {
            augmentation.put("flipProbability", 0.0);
        }
        return tree;
    }
}
