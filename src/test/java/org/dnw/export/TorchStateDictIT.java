package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a file written by {@link TorchStateDict} with the real PyTorch ({@code torch.load} and
 * {@code load_state_dict}) in a child python3, and compares names, shapes and values exactly. CI
 * installs Debian's python3-torch (1.13); without it the test skips and says so.
 */
class TorchStateDictIT {

    private static final String LOAD_SCRIPT =
            """
            import sys, warnings
            warnings.filterwarnings("ignore")
            import torch
            d = torch.load(sys.argv[1])
            net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten(), torch.nn.Linear(8, 3))
            net.load_state_dict(d)
            print("torch", torch.__version__, type(d).__name__)
            for k, v in d.items():
                assert v.dtype == torch.float32 and v.is_contiguous() and not v.requires_grad, k
                print(k, ",".join(str(s) for s in v.shape), " ".join(repr(x) for x in v.flatten().tolist()))
            """;

    @TempDir Path dir;

    @Test
    void torchLoadGivesTheSameTensorsAndLoadStateDictAcceptsThem() throws Exception {
        String python = PythonProcess.require("torch");

        Random random = new Random(12);
        Map<String, ParameterValues> written = new LinkedHashMap<>();
        put(written, random, "0.weight", 2, 1, 3, 3);
        put(written, random, "0.bias", 2);
        put(written, random, "2.weight", 3, 8);
        put(written, random, "2.bias", 3);
        Path file = dir.resolve("model.pt");
        TorchStateDict.write(file, written);

        PythonProcess.Result r =
                PythonProcess.run(null, 120, python, "-c", LOAD_SCRIPT, file.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = new ArrayList<>(r.output().lines().toList());
        assertThat(lines.remove(0)).startsWith("torch ").endsWith(" OrderedDict");
        assertThat(lines).hasSize(written.size());
        int i = 0;
        for (Map.Entry<String, ParameterValues> e : written.entrySet()) {
            String[] parts = lines.get(i++).split(" ", 3);
            assertThat(parts[0]).isEqualTo(e.getKey());
            assertThat(parts[1])
                    .as(e.getKey())
                    .isEqualTo(
                            String.join(
                                    ",",
                                    Arrays.stream(e.getValue().shape())
                                            .mapToObj(Integer::toString)
                                            .toList()));
            String[] values = parts[2].split(" ");
            float[] read = new float[values.length];
            for (int j = 0; j < values.length; j++) {
                read[j] = (float) Double.parseDouble(values[j]);
            }
            assertThat(read).as(e.getKey()).containsExactly(e.getValue().values());
        }
    }

    private static void put(
            Map<String, ParameterValues> m, Random random, String name, int... shape) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        m.put(name, new ParameterValues(name, shape, values));
    }
}
