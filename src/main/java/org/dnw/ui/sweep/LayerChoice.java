package org.dnw.ui.sweep;

/**
 * Where a network setting applies: every layer of its kind, or one layer.
 *
 * @param position 1-based layer position, or 0 for every layer of the kind
 * @param text what the list shows, e.g. "every convolution layer" or "layer 1: Conv2d 32 filters
 *     5×5, stride 1, padding same"
 * @param shortText what the closed choice box shows, e.g. "layer 1: Conv2d"
 */
public record LayerChoice(int position, String text, String shortText) {

    @Override
    public String toString() {
        return text;
    }
}
