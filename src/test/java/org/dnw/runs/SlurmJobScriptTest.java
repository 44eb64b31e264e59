package org.dnw.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmJobScriptTest {

    @TempDir Path dir;

    private static final Path FOLDER = Path.of("/shared/runs/.sweeps/20260101-120000-lr");

    private static SlurmJobScript script(SlurmOptions options, int... indices) {
        List<SlurmJobScript.Task> tasks = new java.util.ArrayList<>();
        for (int i : indices) {
            tasks.add(
                    new SlurmJobScript.Task(
                            i, List.of("/opt/wb/bin/workbench", "train", "--name", "p" + i)));
        }
        return new SlurmJobScript("dnw-lr", FOLDER, options, tasks);
    }

    @Test
    void theDirectivesAreExactlyTheOptionsAskedFor() {
        String text =
                script(new SlurmOptions("gpu", "01:30:00", 4, "8G", "gpu:1", 2), 0, 1, 2, 3).text();
        assertThat(text.lines().filter(l -> l.startsWith("#SBATCH")).toList())
                .containsExactly(
                        "#SBATCH --job-name=dnw-lr",
                        "#SBATCH --array=0-3%2",
                        "#SBATCH --ntasks=1",
                        "#SBATCH --requeue",
                        "#SBATCH --open-mode=append",
                        "#SBATCH --cpus-per-task=4",
                        "#SBATCH --partition=gpu",
                        "#SBATCH --time=01:30:00",
                        "#SBATCH --mem=8G",
                        "#SBATCH --gres=gpu:1",
                        "#SBATCH --output=/shared/runs/.sweeps/20260101-120000-lr/logs/slurm-%A_%a.out");
        assertThat(text).startsWith("#!/bin/bash\n");
        assertThat(text)
                .contains("export OMP_NUM_THREADS=4 MKL_NUM_THREADS=4\n")
                .contains(
                        "-XX:ActiveProcessorCount=4 -Dai.djl.pytorch.num_threads=4"
                                + " -Dai.djl.pytorch.num_interop_threads=1")
                .contains("  2) exec /opt/wb/bin/workbench train --name p2 ;;\n");
    }

    @Test
    void optionalDirectivesAreLeftOutAndTheArrayUnlimited() {
        String text = script(new SlurmOptions(null, null, 1, null, null, 0), 0, 1).text();
        assertThat(text)
                .contains("#SBATCH --array=0-1\n", "#SBATCH --cpus-per-task=1\n")
                .doesNotContain("--partition", "--time", "--mem", "--gres");
    }

    @Test
    void pointsThatCannotRunAreLeftOutOfTheArray() {
        SlurmOptions o = new SlurmOptions(null, null, 1, null, null, 3);
        assertThat(script(o, 0, 2, 3, 4, 7).arraySpec()).isEqualTo("0,2-4,7%3");
        assertThat(script(o, 5).arraySpec()).isEqualTo("5%3");
        assertThat(script(o, 0, 2, 3, 4, 7).text()).doesNotContain("  1) ");
    }

    @Test
    void optionsOfTheWrongFormAreRefused() {
        assertThatThrownBy(() -> new SlurmOptions(null, null, 0, null, null, 0))
                .hasMessageContaining("--cpus-per-task must be at least 1");
        assertThatThrownBy(() -> new SlurmOptions(null, "an hour", 1, null, null, 0))
                .hasMessageContaining("--time must read like 01:30:00");
        assertThatThrownBy(() -> new SlurmOptions("a b", null, 1, null, null, 0))
                .hasMessageContaining("--partition");
        assertThatThrownBy(
                        () ->
                                new SlurmJobScript(
                                        "x",
                                        FOLDER,
                                        new SlurmOptions(null, null, 1, null, null, 0),
                                        List.of()))
                .hasMessageContaining("no point of the sweep can run");
    }

    @Test
    void shellWordsQuoteSpacesAndQuotes() {
        assertThat(SlurmJobScript.shellWord("/a/b-c_d.json")).isEqualTo("/a/b-c_d.json");
        assertThat(SlurmJobScript.shellWord("/my runs/x")).isEqualTo("'/my runs/x'");
        assertThat(SlurmJobScript.shellWord("it's")).isEqualTo("'it'\\''s'");
        assertThat(SlurmJobScript.shellWord("")).isEqualTo("''");
        assertThat(SlurmJobScript.shellWord("$HOME")).isEqualTo("'$HOME'");
    }

    /**
     * The script run by bash (as Slurm would, with SLURM_ARRAY_TASK_ID set) hands the launcher
     * exactly the words of the point's command, paths with spaces and quotes included.
     */
    @Test
    void bashHandsTheLauncherExactlyThePointsArguments() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: no /bin/bash here");
        Path folder = dir.resolve("my runs/.sweeps/x");
        Path launcher = dir.resolve("launch er.sh");
        Path seen = dir.resolve("seen.txt");
        Files.writeString(
                launcher,
                "#!/bin/bash\nprintf '%s\\n' \"$@\" > \"$SEEN\"\necho \"$OMP_NUM_THREADS\" >> \"$SEEN\"\n");
        launcher.toFile().setExecutable(true);
        List<String> command =
                List.of(
                        launcher.toString(),
                        "train",
                        "--spec",
                        folder.resolve("points/point-1.json").toString(),
                        "--name",
                        "it's $x \"q\"");
        SlurmJobScript script =
                new SlurmJobScript(
                        "n",
                        folder,
                        new SlurmOptions(null, null, 3, null, null, 0),
                        List.of(
                                new SlurmJobScript.Task(0, List.of("/bin/false")),
                                new SlurmJobScript.Task(1, command)));
        assertThat(script.text())
                .contains("#SBATCH --output=\"" + folder + "/logs/slurm-%A_%a.out\"");
        Path file = dir.resolve("job.sbatch");
        Files.writeString(file, script.text());
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", file.toString());
        pb.environment().putAll(Map.of("SLURM_ARRAY_TASK_ID", "1", "SEEN", seen.toString()));
        Process p = pb.redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> expected = new java.util.ArrayList<>(command.subList(1, command.size()));
        expected.add("3");
        assertThat(Files.readAllLines(seen, StandardCharsets.UTF_8)).isEqualTo(expected);

        pb.environment().put("SLURM_ARRAY_TASK_ID", "9");
        Process none = pb.start();
        assertThat(none.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(none.exitValue()).isEqualTo(2);
    }
}
