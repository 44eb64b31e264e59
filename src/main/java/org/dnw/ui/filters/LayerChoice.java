package org.dnw.ui.filters;

import java.util.ArrayList;
import java.util.List;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Shape;
import org.dnw.train.LayerStatistics;

/**
 * One weighted layer the filter view can show.
 *
 * @param position 1-based position in the spec
 * @param kind e.g. "Conv2d"
 * @param rows filters (a convolution) or units (dense)
 * @param weightShape (outC, inC, kH, kW) or (units, inputs)
 * @param image the shape one row's weights are drawn as: a convolution's (inC, kH, kW); for a dense
 *     layer the image flattened before it (or the network's input), null when its input is no image
 * @param label e.g. "layer 4 · Conv2d · 64 filters 5×5 · weights 64×32×5×5"
 */
public record LayerChoice(
        int position, String kind, int rows, int[] weightShape, Shape image, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** True for a convolution. */
    public boolean isConvolution() {
        return weightShape.length == 4;
    }

    /** Every weighted layer of {@code spec}, in order; empty when its shapes cannot be inferred. */
    public static List<LayerChoice> of(ModelSpec spec) {
        List<LayerChoice> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        List<LayerShape> shapes;
        try {
            shapes = spec.analyse().layers();
        } catch (RuntimeException e) {
            return out;
        }
        Shape image = spec.input().isImage() ? spec.input() : null;
        for (LayerShape s : shapes) {
            LayerSpec layer = s.layer();
            if (layer instanceof FlattenSpec && s.input() != null && s.input().isImage()) {
                image = s.input();
            }
            if (!LayerStatistics.isWeighted(layer) || s.input() == null) {
                continue;
            }
            if (layer instanceof Conv2dSpec c) {
                int in = s.input().channels();
                out.add(
                        new LayerChoice(
                                s.position(),
                                layer.kindName(),
                                c.filters(),
                                new int[] {c.filters(), in, c.kernelHeight(), c.kernelWidth()},
                                Shape.image(in, c.kernelHeight(), c.kernelWidth()),
                                String.format(
                                        "layer %d · Conv2d · %d filters %d×%d · weights %d×%d×%d×%d",
                                        s.position(),
                                        c.filters(),
                                        c.kernelHeight(),
                                        c.kernelWidth(),
                                        c.filters(),
                                        in,
                                        c.kernelHeight(),
                                        c.kernelWidth())));
            } else {
                int units = layer instanceof DenseSpec d ? d.units() : ((OutputSpec) layer).units();
                int inputs = (int) s.input().size();
                Shape drawn = image != null && image.size() == inputs ? image : null;
                out.add(
                        new LayerChoice(
                                s.position(),
                                layer.kindName(),
                                units,
                                new int[] {units, inputs},
                                drawn,
                                String.format(
                                        "layer %d · %s · %d units · weights %d×%d",
                                        s.position(), layer.kindName(), units, units, inputs)));
            }
            // a dense layer after a dense layer has no image input
            image = null;
        }
        return out;
    }
}
