package org.dnw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    static final Path FILE = Path.of("20260304-050607-tiny", "manifest.json");

    static RunManifest manifest(double bestValidation) {
        return new RunManifest(
                RunManifest.FORMAT_VERSION,
                FakeRun.RUN_NAME,
                FakeRun.spec(),
                FakeRun.hyperparameters(),
                7,
                new DatasetInfo("Toy", FakeRun.CLASS_NAMES, FakeRun.DATASET.fileSha256(), 30, 6, 9),
                FakeRun.started().environment(),
                "CPU (2 threads)",
                199,
                FakeRun.STARTED,
                FakeRun.FINISHED,
                61_000,
                new RunResults(7.0 / 9, 0.61, bestValidation, 2, 3),
                "01Conv2d_weight",
                List.of(FakeRun.PARAMS_FILE));
    }

    @Test
    void writeThenReadGivesAnEqualManifest() throws Exception {
        RunManifest m = manifest(0.8);

        RunManifest back = ManifestJson.read(ManifestJson.write(m), FILE);

        assertThat(back).isEqualTo(m);
        assertThat(back.spec()).isEqualTo(FakeRun.spec());
        assertThat(back.hyperparameters()).isEqualTo(FakeRun.hyperparameters());
    }

    @Test
    void patienceIsWrittenOnlyWhenSetAndAnOldManifestReadsAsNoEarlyStopping() throws Exception {
        String plain = new String(ManifestJson.write(manifest(0.8)), StandardCharsets.UTF_8);
        assertThat(plain).doesNotContain("patience");

        RunManifest m = manifest(0.8);
        RunManifest patient =
                new RunManifest(
                        m.formatVersion(),
                        m.runName(),
                        m.spec(),
                        m.hyperparameters().withPatience(3),
                        m.seed(),
                        m.dataset(),
                        m.environment(),
                        m.device(),
                        m.parameterCount(),
                        m.startedAt(),
                        m.finishedAt(),
                        m.durationMillis(),
                        m.results(),
                        m.firstLayerParameter(),
                        m.modelFiles());
        String json = new String(ManifestJson.write(patient), StandardCharsets.UTF_8);
        assertThat(json).contains("\"patience\" : 3");
        assertThat(ManifestJson.read(json.getBytes(StandardCharsets.UTF_8), FILE))
                .isEqualTo(patient);

        // a manifest written before early stopping existed has no field: patience 0
        RunManifest old = ManifestJson.read(plain.getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(old.hyperparameters().patience()).isZero();
        assertThat(old).isEqualTo(m);
    }

    @Test
    void nanFiguresAreWrittenAsNullAndReadBackAsNan() throws Exception {
        RunManifest m = manifest(Double.NaN);
        String json = new String(ManifestJson.write(m), StandardCharsets.UTF_8);

        assertThat(json).contains("\"bestValidationAccuracy\" : null");
        assertThat(json).doesNotContain("NaN");
        RunManifest back = ManifestJson.read(json.getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(back.results().bestValidationAccuracy()).isNaN();
        assertThat(back).isEqualTo(m);
    }

    @Test
    void jsonCarriesTheVersionTimesAndSortedMaps() {
        String json = new String(ManifestJson.write(manifest(0.8)), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\n  \"formatVersion\" : 1,");
        assertThat(json).contains("\"startedAt\" : \"2026-03-04T05:06:07Z\"");
        assertThat(json).contains("\"type\" : \"conv2d\"");
        assertThat(json.indexOf("\"djl\"")).isLessThan(json.indexOf("\"os\""));
        assertThat(json.indexOf("\"test.idx\"")).isLessThan(json.indexOf("\"train.idx\""));
    }

    @Test
    void newerFormatVersionIsRefusedWithAClearMessage() {
        String json =
                new String(ManifestJson.write(manifest(0.8)), StandardCharsets.UTF_8)
                        .replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");

        assertThatThrownBy(() -> ManifestJson.read(json.getBytes(StandardCharsets.UTF_8), FILE))
                .isInstanceOf(RunFormatException.class)
                .hasMessage(
                        "20260304-050607-tiny/manifest.json: was written by a newer version of the"
                                + " workbench (manifest format 2; this version reads format 1 and"
                                + " older): update the workbench to open this run");
    }

    @Test
    void garbageMissingVersionAndMissingSectionsAreFormatErrors() {
        assertThatThrownBy(() -> read("{\"formatVersion\": 1, \"runName\": "))
                .isInstanceOf(RunFormatException.class)
                .hasMessageStartingWith("20260304-050607-tiny/manifest.json: is not valid JSON");
        assertThatThrownBy(() -> read("{\"runName\": \"x\"}"))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("no \"formatVersion\"");
        assertThatThrownBy(() -> read("[1, 2]"))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"formatVersion\": 1, \"runName\": \"x\"}"))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("no network spec");
        assertThatThrownBy(() -> read("{\"formatVersion\": 1, \"startedAt\": \"yesterday\"}"))
                .isInstanceOf(RunFormatException.class)
                .hasMessageContaining("not a valid run manifest");
    }

    private static RunManifest read(String json) throws RunFormatException {
        return ManifestJson.read(json.getBytes(StandardCharsets.UTF_8), FILE);
    }

    @Test
    void thePathAndLabelColumnOfAUsersDataSetRoundTripAndOldManifestsStillRead() throws Exception {
        RunManifest m = manifest(0.8);
        DatasetInfo d = m.dataset();
        RunManifest withPath =
                new RunManifest(
                        m.formatVersion(),
                        m.runName(),
                        m.spec(),
                        m.hyperparameters(),
                        m.seed(),
                        new DatasetInfo(
                                d.name(),
                                d.classNames(),
                                d.fileSha256(),
                                d.trainSize(),
                                d.validationSize(),
                                d.testSize(),
                                "/data/plants.csv",
                                "species"),
                        m.environment(),
                        m.device(),
                        m.parameterCount(),
                        m.startedAt(),
                        m.finishedAt(),
                        m.durationMillis(),
                        m.results(),
                        m.firstLayerParameter(),
                        m.modelFiles());
        String json = new String(ManifestJson.write(withPath), StandardCharsets.UTF_8);
        assertThat(json).contains("\"path\" : \"/data/plants.csv\"");
        RunManifest back = ManifestJson.read(json.getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(back.dataset().path()).isEqualTo("/data/plants.csv");
        assertThat(back.dataset().labelColumn()).isEqualTo("species");

        // a built-in set writes neither, and a manifest without them reads as before
        String builtIn = new String(ManifestJson.write(m), StandardCharsets.UTF_8);
        assertThat(builtIn).doesNotContain("\"path\"").doesNotContain("labelColumn");
        RunManifest old = ManifestJson.read(builtIn.getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(old.dataset().path()).isNull();
        assertThat(old).isEqualTo(m);
    }
}
