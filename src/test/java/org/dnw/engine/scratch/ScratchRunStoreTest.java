package org.dnw.engine.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnw.data.DataSplits;
import org.dnw.runs.RunRecorder;
import org.dnw.runs.RunSaveOutcome;
import org.dnw.spec.ModelSpec;
import org.dnw.store.DatasetInfo;
import org.dnw.store.RunDraft;
import org.dnw.store.RunStore;
import org.dnw.store.RunSummary;
import org.dnw.store.SavedRun;
import org.dnw.train.EngineKind;
import org.dnw.train.RunControl;
import org.dnw.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A from-scratch run recorded by the store, listed as whole, and reloaded to predict. */
class ScratchRunStoreTest {

    @Test
    void aSavedScratchRunIsListedAndItsParamsPredictAsTheRunDid(@TempDir Path root)
            throws Exception {
        RunStore store = new RunStore(root);
        DataSplits splits = ScratchFixtures.imageSplits(3);
        ModelSpec spec = ScratchFixtures.imageNet(3);
        RunDraft draft = store.begin("scratch-bands");
        RunRecorder recorder = new RunRecorder(store, draft, DatasetInfo.of(splits));
        TrainingRequest request =
                new TrainingRequest(
                                "scratch-bands",
                                spec,
                                splits,
                                ScratchFixtures.sgd(0.5, 32, 2),
                                draft.folder(),
                                0)
                        .withEngine(EngineKind.SCRATCH);

        ScratchEngine.loop(1).run(request, new RunControl(), recorder);

        RunSaveOutcome outcome = recorder.outcome().get(10, TimeUnit.SECONDS);
        assertThat(outcome.isSaved()).as(outcome.message()).isTrue();
        List<RunSummary> runs = store.list();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).isDamaged()).as(runs.get(0).problem()).isFalse();
        SavedRun saved = store.load(runs.get(0).folder());
        assertThat(saved.manifest().modelFiles()).containsExactly(ParamsArchive.FILE_NAME);
        assertThat(saved.manifest().environment().get("engine"))
                .isEqualTo(ScratchEngine.ENGINE_NAME);
        assertThat(saved.firstLayer().name()).isEqualTo("02Linear_weight");
        try (ScratchNetwork net =
                ScratchNetwork.load(
                        saved.manifest().spec(), saved.folder().resolve(ParamsArchive.FILE_NAME))) {
            float[] p = net.predict(splits.test());
            float[] recorded = saved.test().probabilities();
            assertThat(p).hasSameSizeAs(recorded);
            for (int i = 0; i < p.length; i++) {
                // predictions.csv keeps a few digits
                assertThat(p[i]).isCloseTo(recorded[i], org.assertj.core.data.Offset.offset(1e-3f));
            }
        }
    }
}
