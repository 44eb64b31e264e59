package org.dnw.export;

import java.util.List;
import java.util.stream.Collectors;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.Shape;

/**
 * Writes {@code model.py}: the network as a PyTorch {@code nn.Module} named {@code Net}, one
 * attribute per layer (named by {@link TorchNetwork}), each commented with the shapes the editor
 * shows, a {@code forward} that returns the logits and a {@code probabilities} that turns them into
 * what the workbench reports. Stateless.
 */
public final class ModelPy {

    private ModelPy() {}

    /**
     * The source of {@code model.py}.
     *
     * @param network the network, mapped
     * @param runName the run's folder name, for the docstring
     * @param classNames the class names, index = label
     */
    public static String source(TorchNetwork network, String runName, List<String> classNames) {
        Shape input = network.spec().input();
        boolean sigmoid = network.outputActivation() == OutputActivation.SIGMOID;
        Python py = new Python();
        py.line(
                "\"\"\"The network "
                        + Python.text(network.spec().name())
                        + " as a PyTorch module.");
        py.blank();
        py.line("Trained by Deep Network Workbench in the run " + Python.text(runName) + ".");
        py.line("It computes what the workbench computed:");
        py.line(
                input.isImage()
                        ? "input: images of "
                                + input
                                + " (channels × height × width), pixels scaled to [0, 1] (value / 255);"
                        : "input: rows of " + input.size() + " numbers, as in the table;");
        py.line(
                sigmoid
                        ? "output: one logit; sigmoid gives the probability of class 1 ("
                                + quoteless(classNames, 1)
                                + ")."
                        : "output: "
                                + classNames.size()
                                + " logits, one per class; softmax gives the probabilities.");
        py.blank();
        py.line("    import torch");
        py.line("    from model import Net");
        py.line("    model = Net()");
        py.line("    model.load_state_dict(torch.load(\"model.pt\"))");
        py.line("    model.eval()  # dropout off, batch norm uses its running statistics");
        py.line("\"\"\"");
        py.blank();
        py.line("import torch");
        py.line("from torch import nn");
        py.blank();
        py.line("# the class names, index = label");
        py.line("CLASSES = " + Python.list(classNames));
        py.line(
                "# one sample's shape: "
                        + (input.isImage() ? "channels, height, width" : "features"));
        py.line(
                "INPUT_SHAPE = ("
                        + input.dims().stream()
                                .map(String::valueOf)
                                .collect(Collectors.joining(", "))
                        + (input.dims().size() == 1 ? ",)" : ")"));
        py.blank();
        py.blank();
        py.line("class Net(nn.Module):");
        py.line("    def __init__(self):");
        py.line("        super().__init__()");
        for (TorchNetwork.Layer layer : network.layers()) {
            py.line(
                    "        self."
                            + layer.attribute()
                            + " = "
                            + layer.module()
                            + "  # "
                            + layer.shape().input()
                            + " → "
                            + layer.shape().output());
        }
        py.blank();
        py.line("    def forward(self, x):");
        py.line("        \"\"\"The logits of a batch x of shape (N, " + dims(input) + ").\"\"\"");
        List<TorchNetwork.Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            TorchNetwork.Layer layer = layers.get(i);
            String call = "self." + layer.attribute() + "(x)";
            String comment = "  # " + layer.shape().output();
            py.line(
                    i == layers.size() - 1
                            ? "        return " + call + comment
                            : "        x = " + call + comment);
        }
        py.blank();
        py.line("    def probabilities(self, x):");
        if (sigmoid) {
            py.line("        \"\"\"[1 - p, p] per sample, p = sigmoid of the one logit.\"\"\"");
            py.line("        p = torch.sigmoid(self.forward(x))");
            py.line("        return torch.cat([1 - p, p], dim=1)");
        } else {
            py.line("        \"\"\"The class probabilities: softmax of the logits.\"\"\"");
            py.line("        return torch.softmax(self.forward(x), dim=1)");
        }
        return py.toString();
    }

    private static String dims(Shape shape) {
        return shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String quoteless(List<String> names, int index) {
        return index < names.size() ? names.get(index) : String.valueOf(index);
    }
}
