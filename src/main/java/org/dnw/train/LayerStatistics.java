package org.dnw.train;

/**
 * How one weighted layer (a convolution, a dense or the output layer) stood at the end of one
 * epoch: the spread of its weights, of the gradient of the epoch's last training batch, the size of
 * that batch's update next to the weights, and the share of its ReLU units that never fired on (at
 * most {@value #MAX_IMAGES}) validation images. Immutable; figures a run could not measure are NaN.
 *
 * @param position 1-based position of the weighted layer in the spec
 * @param kind the layer's kind, {@link org.dnw.spec.LayerSpec#kindName()} (e.g. "Conv2d")
 * @param epoch 1-based epoch at whose end it was measured
 * @param weightMean mean of the layer's weights (the bias left out)
 * @param weightStd population standard deviation of the weights
 * @param gradientMean mean of the loss's gradient with respect to the weights, on the epoch's last
 *     training batch
 * @param gradientStd its population standard deviation
 * @param updateRatio ‖w after − w before‖ / ‖w after‖ (Euclidean norms over the layer's weights) of
 *     the epoch's last optimiser step; about 1e-3 is healthy
 * @param deadShare share in [0, 1] of the ReLU units right after this layer (a convolution's
 *     channel, a dense layer's unit) whose output was 0 for every validation image measured; NaN
 *     when no ReLU follows the layer or there was no validation image
 * @param reluUnits the units {@code deadShare} counts (0 when NaN)
 * @param images validation images the dead share was measured on
 */
public record LayerStatistics(
        int position,
        String kind,
        int epoch,
        double weightMean,
        double weightStd,
        double gradientMean,
        double gradientStd,
        double updateRatio,
        double deadShare,
        int reluUnits,
        int images) {

    /** At most this many validation images are passed forward to find units that never fire. */
    public static final int MAX_IMAGES = 1024;

    /** A name for labels, e.g. "layer 3 (Conv2d)". */
    public String label() {
        return "layer " + position + " (" + kind + ")";
    }

    /**
     * Mean and population standard deviation of {@code values}, summed in double; NaN for none.
     *
     * @return {mean, standard deviation}
     */
    public static double[] moments(float[] values) {
        if (values == null || values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            double d = v - mean;
            squares += d * d;
        }
        return new double[] {mean, Math.sqrt(squares / values.length)};
    }

    /**
     * ‖after − before‖ / ‖after‖; 0 when nothing moved, infinite when the weights are all 0 but
     * moved, NaN when the lengths differ or a value is not finite.
     */
    public static double updateRatio(float[] before, float[] after) {
        if (before == null || after == null || before.length != after.length) {
            return Double.NaN;
        }
        double step = 0;
        double weights = 0;
        for (int i = 0; i < after.length; i++) {
            double d = (double) after[i] - before[i];
            step += d * d;
            weights += (double) after[i] * after[i];
        }
        if (step == 0) {
            return 0;
        }
        return Math.sqrt(step) / Math.sqrt(weights);
    }

    /** Share of {@code false} in {@code fired}; NaN for none. */
    public static double deadShare(boolean[] fired) {
        if (fired == null || fired.length == 0) {
            return Double.NaN;
        }
        int dead = 0;
        for (boolean f : fired) {
            if (!f) {
                dead++;
            }
        }
        return dead / (double) fired.length;
    }

    /** True for the layers that have weights: convolutions, dense and output layers. */
    public static boolean isWeighted(org.dnw.spec.LayerSpec layer) {
        return layer instanceof org.dnw.spec.Conv2dSpec
                || layer instanceof org.dnw.spec.DenseSpec
                || layer instanceof org.dnw.spec.OutputSpec;
    }

    /**
     * The statistics of every weighted layer of {@code layers} (a spec's, in order) at the end of
     * {@code epoch}. A layer's ReLU units are those of the first ReLU layer after it, before the
     * next weighted layer.
     *
     * @param step the epoch's last step, by 1-based position
     * @param after each weighted layer's weights now (after that step), by position
     * @param firing {@link TrainingEngine#reluFiring}'s flags, by the ReLU layer's position
     * @param images samples {@code firing} was measured on
     */
    public static java.util.List<LayerStatistics> measure(
            java.util.List<org.dnw.spec.LayerSpec> layers,
            int epoch,
            TrainingEngine.WatchedStep step,
            java.util.Map<Integer, float[]> after,
            java.util.Map<Integer, boolean[]> firing,
            int images) {
        java.util.List<LayerStatistics> out = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            org.dnw.spec.LayerSpec layer = layers.get(i);
            if (!isWeighted(layer)) {
                continue;
            }
            int position = i + 1;
            float[] weights = after.get(position);
            if (weights == null) {
                continue;
            }
            boolean[] fired = null;
            for (int j = i + 1; j < layers.size() && !isWeighted(layers.get(j)); j++) {
                if (layers.get(j) instanceof org.dnw.spec.ActivationSpec a
                        && a.function() == org.dnw.spec.ActivationType.RELU) {
                    fired = firing.get(j + 1);
                    break;
                }
            }
            double[] w = moments(weights);
            double[] g = moments(step.gradients().get(position));
            double dead = images > 0 ? deadShare(fired) : Double.NaN;
            out.add(
                    new LayerStatistics(
                            position,
                            layer.kindName(),
                            epoch,
                            w[0],
                            w[1],
                            g[0],
                            g[1],
                            updateRatio(step.before().get(position), weights),
                            dead,
                            Double.isNaN(dead) ? 0 : fired.length,
                            images));
        }
        return out;
    }
}
