package org.dnw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dnw.runs.RunRecorder;
import org.dnw.store.FakeRun;
import org.dnw.store.RunStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diagram}: a preset, a spec file or a saved run drawn as SVG or PNG; bad input is 2. */
class DiagramCommandTest {

    @TempDir Path dir;

    @Test
    void aPresetAsSvgAndPng() throws Exception {
        Path svg = dir.resolve("new/seed.svg");
        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run(
                        "diagram", "--preset", "seed-cnn", "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Diagram of seed-cnn (10 layers");
        assertThat(Files.readString(svg)).startsWith("<svg").contains("64×7×7");

        Path png = dir.resolve("seed.PNG");
        r = WorkbenchCommandTest.run("diagram", "--preset", "cifar-cnn", "-o", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(1000);
    }

    @Test
    void aSpecFileAndASavedRun() throws Exception {
        Path spec = dir.resolve("net.json");
        Files.writeString(
                spec,
                "{\"name\": \"tiny\", \"input\": {\"dims\": [4]},"
                        + " \"layers\": [{\"type\": \"dense\", \"units\": 7},"
                        + " {\"type\": \"output\", \"classes\": 3}]}");
        Path out = dir.resolve("tiny.svg");
        WorkbenchCommandTest.Result r =
                WorkbenchCommandTest.run(
                        "diagram", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).contains(">dense 7<").contains(">output 3, softmax<");

        RunStore store = new RunStore(dir.resolve("runs"));
        FakeRun.playFinished(new RunRecorder(store, store.begin("done"), FakeRun.DATASET));
        Path fromRun = dir.resolve("run.svg");
        r =
                WorkbenchCommandTest.run(
                        "diagram",
                        store.list().get(0).folderName(),
                        "--runs-dir",
                        store.root().toString(),
                        "--out",
                        fromRun.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(fromRun)).contains(FakeRun.spec().name());
    }

    @Test
    void badInputIsOneSentenceAndCodeTwo() throws Exception {
        String out = dir.resolve("a.svg").toString();
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                2, "diagram", "--preset", "nope", "--out", out))
                .contains("no preset named 'nope'");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                2,
                                "diagram",
                                "--spec",
                                dir.resolve("none.json").toString(),
                                "--out",
                                out))
                .contains("does not exist");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                2,
                                "diagram",
                                "no-such-run",
                                "--runs-dir",
                                dir.resolve("runs").toString(),
                                "--out",
                                out))
                .contains("no saved run 'no-such-run'");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                2,
                                "diagram",
                                "--preset",
                                "mlp",
                                "--out",
                                dir.resolve("a.jpg").toString()))
                .contains("must end in .svg or .png");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(
                        WorkbenchCommandExitCodesTest.fails(
                                2,
                                "diagram",
                                "--preset",
                                "mlp",
                                "--out",
                                file.resolve("a.svg").toString()))
                .contains("is a file, not a folder");
        WorkbenchCommandExitCodesTest.fails(2, "diagram", "--out", out);
        WorkbenchCommandExitCodesTest.fails(
                2, "diagram", "--preset", "mlp", "--spec", "x.json", "--out", out);
        assertThat(Files.exists(Path.of(out))).isFalse();
    }
}
