package org.dnw.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a PyTorch export besides the network and its weights: {@code README.md} on how to
 * use them. Stateless.
 */
final class PythonScripts {

    private PythonScripts() {}

    /** File name → text, in the order a reader meets them. */
    static Map<String, String> files(ExportedRun run) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("README.md", readme(run));
        return out;
    }

    private static String readme(ExportedRun run) {
        return "# "
                + run.runName()
                + " as PyTorch\n\n"
                + "Exported by Deep Network Workbench.\n\n"
                + "- `model.py`: the network as an `nn.Module` named `Net`.\n"
                + "- `model.pt`: its trained parameters, a `state_dict`:\n\n"
                + "```python\n"
                + "import torch\n"
                + "from model import Net\n"
                + "model = Net()\n"
                + "model.load_state_dict(torch.load(\"model.pt\"))\n"
                + "model.eval()\n"
                + "```\n";
    }
}
