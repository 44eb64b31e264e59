package org.dnw.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.Shape;
import org.dnw.train.InputSaliency;

/**
 * Input gradients and Grad-CAM for one sample through a loaded block, with PyTorch autograd. The
 * caller holds the network's lock; all native memory lives in a sub-manager closed before return.
 *
 * <p>Why not {@code ai.djl.training.GradientCollector}: DJL's PyTorch collector keeps one flag for
 * the whole process and throws when a second is opened, so a saliency map asked for in the window
 * while a run trains there would make that run's next batch fail (or fail itself). Autograd's grad
 * mode is per thread in PyTorch, so this pass turns it on for its own thread only, runs {@code
 * backward} on the score directly, and restores the mode.
 */
final class SaliencyPass {

    private SaliencyPass() {}

    static InputSaliency run(
            List<Block> children, NDManager parent, ModelSpec spec, float[] input, int classIndex) {
        List<LayerShape> layers = spec.analyse().layers();
        int lastConv = -1;
        for (int i = 0; i < spec.layers().size(); i++) {
            if (spec.layers().get(i) instanceof Conv2dSpec) {
                lastConv = i;
            }
        }
        // Grad-CAM's feature maps are the last convolution's rectified maps (as in Selvaraju et
        // al., whose conv5_3 maps come after ReLU): past a batch norm or activation that follows
        // it directly.
        while (lastConv >= 0
                && lastConv + 1 < spec.layers().size()
                && (spec.layers().get(lastConv + 1) instanceof ActivationSpec
                        || spec.layers().get(lastConv + 1) instanceof BatchNormSpec)) {
            lastConv++;
        }
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager scope = parent.newSubManager()) {
            ParameterStore parameters = new ParameterStore(scope, false);
            NDArray x = scope.create(input, BlockFactory.batchShape(spec.input(), 1));
            x.setRequiresGradient(true);
            NDArray score = score(forward(children, parameters, x, 0), spec, classIndex);
            backward(score);
            float[] gradient = x.getGradient().toFloatArray();
            if (lastConv < 0) {
                return new InputSaliency(
                        classIndex, spec.input(), gradient, null, 0, InputSaliency.NO_CONVOLUTION);
            }
            // Grad-CAM: the layers up to the last convolution without a graph, then its output
            // A as a leaf that wants its gradient, and the rest with the graph.
            JniUtils.setGradMode(false);
            NDArray plain = scope.create(input, BlockFactory.batchShape(spec.input(), 1));
            NDArray a = plain;
            for (int i = 0; i <= lastConv; i++) {
                a = children.get(i).forward(parameters, new NDList(a), false).singletonOrThrow();
            }
            JniUtils.setGradMode(true);
            a.setRequiresGradient(true);
            backward(score(forward(children, parameters, a, lastConv + 1), spec, classIndex));
            Shape mapShape = layers.get(lastConv).output();
            float[] cam = gradCam(a.toFloatArray(), a.getGradient().toFloatArray(), mapShape);
            return new InputSaliency(
                    classIndex,
                    spec.input(),
                    gradient,
                    upsample(
                            cam,
                            mapShape.height(),
                            mapShape.width(),
                            spec.input().height(),
                            spec.input().width()),
                    lastConv + 1,
                    null);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static NDArray forward(
            List<Block> children, ParameterStore parameters, NDArray x, int from) {
        NDList out = new NDList(x);
        for (int i = from; i < children.size(); i++) {
            out = children.get(i).forward(parameters, out, false);
        }
        return out.singletonOrThrow();
    }

    /** The class's logit; for one sigmoid unit, z for class 1 and −z for class 0. */
    private static NDArray score(NDArray logits, ModelSpec spec, int classIndex) {
        if (Logits.isSigmoid(spec)) {
            NDArray z = logits.get(0, 0);
            return classIndex == 1 ? z : z.neg();
        }
        return logits.get(0, classIndex);
    }

    private static void backward(NDArray score) {
        try (NDArray seed = score.onesLike()) {
            JniUtils.backward((PtNDArray) score, (PtNDArray) seed, false, false);
        }
    }

    /**
     * ReLU(Σ_k w_k A_k) with w_k the spatial mean of d score / d A_k.
     *
     * @param a the layer's output (K, h, w) row-major
     * @param grad d score / d A, same layout
     */
    static float[] gradCam(float[] a, float[] grad, Shape shape) {
        int k = shape.channels();
        int plane = shape.height() * shape.width();
        float[] cam = new float[plane];
        for (int c = 0; c < k; c++) {
            double w = 0;
            for (int i = 0; i < plane; i++) {
                w += grad[c * plane + i];
            }
            w /= plane;
            for (int i = 0; i < plane; i++) {
                cam[i] += (float) (w * a[c * plane + i]);
            }
        }
        for (int i = 0; i < plane; i++) {
            cam[i] = Math.max(0f, cam[i]);
        }
        return cam;
    }

    /** Bilinear resize of an h × w map to height × width, pixel centres aligned; keeps ≥ 0. */
    static float[] upsample(float[] map, int h, int w, int height, int width) {
        if (h == height && w == width) {
            return map;
        }
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) * h / height - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) * w / width - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
                double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }
}
