package org.dnw.train;

import java.util.Map;
import java.util.Objects;
import org.dnw.data.KFold;
import org.dnw.data.Samples;
import org.dnw.spec.ModelSpec;

/**
 * What one k-fold cross-validation runs. Immutable.
 *
 * @param runName base name; fold {@code i} trains as {@code <runName>-fold-<i>}
 * @param spec the network; adapted to the samples' input shape and class count for every fold
 * @param samples every labelled sample; each lands in exactly one test fold
 * @param datasetName the data set's name, for the fold's events
 * @param fileSha256 checksums of the source files, by name, for provenance; may be empty
 * @param hyperparameters the training settings of every fold; its {@code validationShare} of each
 *     fold's training rows is held out for validation (0 for none), its seed seeds the folds too
 * @param foldCount k, from 2 to the number of samples (usually {@link KFold#DEFAULT_FOLDS})
 * @param stratified whether every fold keeps the class shares of the whole
 * @param standardize for tables: standardise the features with the mean and std of each fold's
 *     training rows (ignored for images, which the engine scales by 1/255)
 * @param engine which engine's loop trains (for the requests' record; the loop is given to {@link
 *     CrossValidation})
 */
public record CrossValidationRequest(
        String runName,
        ModelSpec spec,
        Samples samples,
        String datasetName,
        Map<String, String> fileSha256,
        Hyperparameters hyperparameters,
        int foldCount,
        boolean stratified,
        boolean standardize,
        EngineKind engine) {

    public CrossValidationRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        fileSha256 = fileSha256 == null ? Map.of() : Map.copyOf(fileSha256);
        datasetName = datasetName == null ? "data" : datasetName;
        engine = engine == null ? EngineKind.SCRATCH : engine;
    }

    /** {@link KFold#DEFAULT_FOLDS} stratified folds, standardised, on the from-scratch engine. */
    public static CrossValidationRequest of(
            String runName, ModelSpec spec, Samples samples, Hyperparameters hyperparameters) {
        return new CrossValidationRequest(
                runName,
                spec,
                samples,
                runName,
                Map.of(),
                hyperparameters,
                KFold.DEFAULT_FOLDS,
                true,
                true,
                EngineKind.SCRATCH);
    }

    public CrossValidationRequest withFoldCount(int value) {
        return new CrossValidationRequest(
                runName,
                spec,
                samples,
                datasetName,
                fileSha256,
                hyperparameters,
                value,
                stratified,
                standardize,
                engine);
    }

    public CrossValidationRequest withStratified(boolean value) {
        return new CrossValidationRequest(
                runName,
                spec,
                samples,
                datasetName,
                fileSha256,
                hyperparameters,
                foldCount,
                value,
                standardize,
                engine);
    }

    public CrossValidationRequest withStandardize(boolean value) {
        return new CrossValidationRequest(
                runName,
                spec,
                samples,
                datasetName,
                fileSha256,
                hyperparameters,
                foldCount,
                stratified,
                value,
                engine);
    }

    public CrossValidationRequest withHyperparameters(Hyperparameters value) {
        return new CrossValidationRequest(
                runName,
                spec,
                samples,
                datasetName,
                fileSha256,
                value,
                foldCount,
                stratified,
                standardize,
                engine);
    }
}
