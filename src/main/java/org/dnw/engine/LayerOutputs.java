package org.dnw.engine;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.train.LayerActivation;

/**
 * Every layer's output for one sample, read from a block built by {@link BlockFactory}: its
 * children run one after another in inference mode and each output is copied to a {@code float[]}.
 * The one way both a loaded network ({@link LoadedNetwork}) and a network in training ({@code
 * DjlEngine}) show their layers. Call it on the thread that owns the block.
 */
public final class LayerOutputs {

    private LayerOutputs() {}

    /**
     * @param block the sequential block of {@code spec}, initialised
     * @param parent the manager under which a sub-manager holds the temporaries; all are freed
     *     before returning
     * @param input {@code C·H·W} values in the engine's layout (see {@link BatchFiller})
     * @return one entry per layer of the spec, in order; the last holds the logits
     * @throws IllegalArgumentException when {@code input} is not one sample's size
     */
    public static List<LayerActivation> of(
            Block block, NDManager parent, ModelSpec spec, float[] input) {
        long sampleSize = spec.input().size();
        if (input.length != sampleSize) {
            throw new IllegalArgumentException(
                    "one sample has " + sampleSize + " values, not " + input.length);
        }
        List<LayerShape> shapes = spec.analyse().layers();
        List<LayerActivation> out = new ArrayList<>(shapes.size());
        try (NDManager scope = parent.newSubManager()) {
            ParameterStore parameters = new ParameterStore(scope, false);
            NDList x = new NDList(scope.create(input, BlockFactory.batchShape(spec.input(), 1)));
            List<Block> children = block.getChildren().values();
            for (int i = 0; i < children.size(); i++) {
                x = children.get(i).forward(parameters, x, false);
                LayerShape layer = shapes.get(i);
                out.add(
                        new LayerActivation(
                                layer.position(),
                                layer.layer(),
                                layer.output(),
                                x.singletonOrThrow().toFloatArray()));
            }
        }
        return out;
    }
}
