/**
 * Export of saved runs to other frameworks: {@link org.dnw.export.TorchNetwork} maps a network and
 * its trained parameters to PyTorch's modules and {@code state_dict} names (the one mapping);
 * {@link org.dnw.export.PyTorchExport} writes {@code model.py}, {@code model.pt} ({@link
 * org.dnw.export.TorchStateDict}, torch.save's zip format written from Java) and the scripts;
 * {@link org.dnw.export.OnnxExport} writes an ONNX model. Reads runs through {@code store}; starts
 * no engine.
 */
package org.dnw.export;
