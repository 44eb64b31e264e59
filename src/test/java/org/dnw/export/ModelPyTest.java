package org.dnw.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Presets;
import org.dnw.train.ParameterValues;
import org.junit.jupiter.api.Test;

/** model.py as a learner reads it: one attribute per layer with its shapes, forward in order. */
class ModelPyTest {

    @Test
    void theSeedCnnReadsLayerByLayerWithItsShapes() {
        ModelSpec spec = Presets.load("seed-cnn");
        String py =
                ModelPy.source(
                        TorchNetwork.of(spec, zeros(spec)),
                        "20261206-061236-seed-cnn-mnist",
                        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

        assertThat(py)
                .startsWith("\"\"\"The network seed-cnn as a PyTorch module.\n")
                .contains("run 20261206-061236-seed-cnn-mnist.")
                .contains("pixels scaled to [0, 1] (value / 255)")
                .contains("model.load_state_dict(torch.load(\"model.pt\"))")
                .contains(
                        "CLASSES = [\"0\", \"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\"]")
                .contains("INPUT_SHAPE = (1, 28, 28)")
                .contains(
                        "        self.conv1 = nn.Conv2d(1, 32, kernel_size=5, padding=2)"
                                + "  # 1 × 28 × 28 → 32 × 28 × 28\n")
                .contains("        self.flatten = nn.Flatten()  # 64 × 7 × 7 → 3136\n")
                .contains("        self.out = nn.Linear(1024, 10)  # 1024 → 10\n")
                .contains("        x = self.conv1(x)  # 32 × 28 × 28\n")
                .contains("        return self.out(x)  # 10\n")
                .contains("return torch.softmax(self.forward(x), dim=1)");
        // forward calls every attribute once, in the order they are declared
        int at = py.indexOf("def forward");
        for (TorchNetwork.Layer layer : TorchNetwork.of(spec, zeros(spec)).layers()) {
            int next = py.indexOf("self." + layer.attribute() + "(x)", at);
            assertThat(next).as(layer.attribute()).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void aNameWithQuotesCannotEndTheDocstringAndATableIsDescribedAsRows() {
        ModelSpec spec =
                new ModelSpec(
                        "my \"\"\"net\\",
                        org.dnw.spec.Shape.flat(7),
                        List.of(new DenseSpec(4, true), OutputSpec.softmax(3)));
        String py =
                ModelPy.source(
                        TorchNetwork.of(spec, zeros(spec)),
                        "run",
                        List.of("Kama", "Rosa", "Canadian \"C\""));
        assertThat(py).startsWith("\"\"\"The network my \\\"\\\"\\\"net\\\\ as a PyTorch module.");
        assertThat(py.split("\"\"\"", -1)).as("the three docstrings' six quotes only").hasSize(7);
        assertThat(py)
                .contains("input: rows of 7 numbers")
                .contains("INPUT_SHAPE = (7,)")
                .contains("CLASSES = [\"Kama\", \"Rosa\", \"Canadian \\\"C\\\"\"]");
    }

    /** Zero parameters of the right shapes for the dense and convolution layers of a spec. */
    static List<ParameterValues> zeros(ModelSpec spec) {
        List<ParameterValues> out = new ArrayList<>();
        for (LayerShape s : spec.analyse().layers()) {
            String p = String.format("%02d", s.position());
            if (s.layer() instanceof org.dnw.spec.Conv2dSpec c) {
                int in = s.input().channels();
                out.add(
                        zero(
                                p + "Conv2d_weight",
                                c.filters(),
                                in,
                                c.kernelHeight(),
                                c.kernelWidth()));
                out.add(zero(p + "Conv2d_bias", c.filters()));
            } else if (s.layer() instanceof DenseSpec || s.layer() instanceof OutputSpec) {
                int units = (int) s.output().size();
                out.add(zero(p + "Linear_weight", units, (int) s.input().size()));
                out.add(zero(p + "Linear_bias", units));
            }
        }
        return out;
    }

    private static ParameterValues zero(String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return new ParameterValues(name, shape, new float[n]);
    }
}
