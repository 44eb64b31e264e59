package org.dnw.ui.filters;

import java.util.List;

/**
 * The first layer's kernels as images, from one weight capture.
 *
 * @param kernels the kernels drawn, in layer order (possibly only the first of many)
 * @param totalCount kernels (or units) in the layer
 * @param caption what the grid shows, e.g. "32 filters, 5×5, 1 channel"
 * @param dense true when the layer is dense (each image is one unit's input weights)
 */
public record FilterGrid(List<KernelImage> kernels, int totalCount, String caption, boolean dense) {

    public FilterGrid {
        kernels = List.copyOf(kernels);
    }
}
