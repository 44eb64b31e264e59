package org.dnw.engine.scratch;

import java.util.ArrayList;
import java.util.List;
import org.dnw.data.DataSplits;
import org.dnw.data.Samples;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Problem;
import org.dnw.train.EngineKind;
import org.dnw.train.Hyperparameters;
import org.dnw.train.OptimizerKind;
import org.dnw.train.TrainingRequest;

/**
 * What the from-scratch engine cannot train, said before anything is built: layers it lacks
 * (convolution, pooling, dropout, batch normalisation, activations other than ReLU, sigmoid and
 * tanh), optimisers other than plain SGD, augmentation, and data that does not fit the network.
 * {@link ScratchEngine#check} refuses a request with these sentences; the setup screen asks {@link
 * #of(ModelSpec, Hyperparameters)} whether to offer the engine. Stateless and thread-safe.
 */
public final class ScratchProblems {

    /** The other engine, quoted as the sentences name it. */
    static final String DJL = "'" + EngineKind.DJL.label() + "'";

    private ScratchProblems() {}

    /**
     * What the from-scratch engine cannot do with this network and these settings, in sentences a
     * student understands (a layer's sentence starts with "layer N:"); empty when it can train
     * them. The spec's own errors ({@link ModelSpec#analyse()}) are included.
     *
     * @param hyperparameters may be null to check the network alone
     */
    public static List<String> of(ModelSpec spec, Hyperparameters hyperparameters) {
        List<String> out = new ArrayList<>();
        if (spec == null) {
            out.add("there is no network to train");
            return out;
        }
        for (Problem p : spec.analyse().errors()) {
            out.add(p.message());
        }
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            String at = "layer " + (i + 1) + ": the from-scratch engine has no ";
            LayerSpec layer = layers.get(i);
            if (layer instanceof Conv2dSpec) {
                out.add(at + "convolutions — choose " + DJL + " or use dense layers only");
            } else if (layer instanceof Pool2dSpec) {
                out.add(at + "pooling — choose " + DJL + " or remove the pooling layer");
            } else if (layer instanceof DropoutSpec) {
                out.add(at + "dropout — remove the dropout layer or choose " + DJL);
            } else if (layer instanceof BatchNormSpec) {
                out.add(at + "batch normalisation — remove the BatchNorm layer or choose " + DJL);
            } else if (layer instanceof ActivationSpec a
                    && switch (a.function()) {
                        case RELU, SIGMOID, TANH -> false;
                        default -> true;
                    }) {
                out.add(
                        at
                                + a.function().label()
                                + " activation — use ReLU, sigmoid or tanh, or choose "
                                + DJL);
            }
        }
        if (hyperparameters != null) {
            out.addAll(hyperparameters.problems());
            if (hyperparameters.optimizer() != OptimizerKind.SGD) {
                out.add(
                        "the from-scratch engine trains with plain SGD only — choose SGD as the"
                                + " optimiser, or "
                                + DJL);
            }
            if (hyperparameters.loss() == null) {
                out.add("choose a loss: cross-entropy or squared error");
            }
            if (hyperparameters.schedule() == null) {
                out.add("choose a learning-rate schedule");
            }
        }
        return out;
    }

    /**
     * {@link #of(ModelSpec, Hyperparameters)} plus what does not fit the data: the input shape, the
     * class count, an empty training split, augmentation (which this engine lacks); empty when it
     * can train it.
     */
    public static List<String> of(TrainingRequest request) {
        List<String> out = of(request.spec(), request.hyperparameters());
        if (request.augmentation().isActive()) {
            out.add(
                    "the from-scratch engine does not augment images — turn augmentation off or"
                            + " choose "
                            + DJL);
        }
        DataSplits splits = request.splits();
        if (splits.train() == null || splits.validation() == null || splits.test() == null) {
            out.add("the data set has no train, validation or test split");
            return out;
        }
        if (splits.train().size() == 0) {
            out.add("the training split is empty — choose a data set with samples");
        }
        ModelSpec spec = request.spec();
        for (Samples s : List.of(splits.train(), splits.validation(), splits.test())) {
            if (spec.input() != null && !spec.input().equals(s.inputShape())) {
                out.add(
                        "the network expects inputs of "
                                + spec.input()
                                + " but the data set's samples are "
                                + s.inputShape()
                                + " — adapt the network to the data set");
                break;
            }
        }
        OutputSpec output = spec.output();
        int classes = splits.train().classCount();
        if (output != null) {
            if (output.activation() == OutputActivation.SIGMOID && classes != 2) {
                out.add(
                        "a single sigmoid output unit separates exactly 2 classes, but the data"
                                + " set has "
                                + classes
                                + " — use a softmax output");
            } else if (output.activation() == OutputActivation.SOFTMAX
                    && output.classes() != classes) {
                out.add(
                        "the output layer has "
                                + output.classes()
                                + " classes but the data set has "
                                + classes
                                + " — adapt the network to the data set");
            }
        }
        return out;
    }
}
