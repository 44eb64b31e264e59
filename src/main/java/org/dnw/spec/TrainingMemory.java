package org.dnw.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether one training step of a network fits in the memory a machine has, decided from the
 * inferred shapes alone, before anything is allocated. Pure and thread-safe; the caller says how
 * much memory is available (the training service measures it, tests pass a number).
 *
 * <p>The need is {@link NetworkAnalysis#estimatedTrainingBytes}: 16 bytes per parameter (FP32
 * weights, gradients and two Adam moments) plus 8 bytes per activation value per sample of the
 * batch (forward values and their gradients). A network is refused when that exceeds {@value
 * #USABLE_PERCENT} % of the available memory: the rest is left for the data set, the JVM, PyTorch's
 * working buffers and the rest of the machine. The estimate leaves out those buffers, so a network
 * just under the limit may still be tight; one over it cannot train.
 */
public final class TrainingMemory {

    /** Share of the available memory a training step may plan to use, in percent. */
    public static final int USABLE_PERCENT = 90;

    private TrainingMemory() {}

    /**
     * The problem of training {@code analysis} with {@code batchSize} samples per step when {@code
     * availableBytes} of memory are free, or empty when it fits (or the network is invalid, whose
     * errors say more).
     *
     * @param batchSize samples per step, ≥ 1 (smaller values count as 1)
     * @param availableBytes memory available to training, in bytes; ≤ 0 means unknown: no check
     */
    public static Optional<Problem> check(
            NetworkAnalysis analysis, int batchSize, long availableBytes) {
        if (!analysis.isValid() || availableBytes <= 0) {
            return Optional.empty();
        }
        long needed = analysis.estimatedTrainingBytes(batchSize);
        long usable = availableBytes / 100 * USABLE_PERCENT;
        if (needed <= usable) {
            return Optional.empty();
        }
        return Optional.of(
                Problem.error(
                        0,
                        "training needs about "
                                + bytes(needed)
                                + " of memory with batch "
                                + Math.max(1, batchSize)
                                + " ("
                                + bytes(analysis.estimatedParameterBytes())
                                + " for "
                                + ShapeInference.count(analysis.totalParameters())
                                + " parameters with their gradients and Adam state, "
                                + bytes(analysis.estimatedActivationBytes(batchSize))
                                + " for the activations), but only "
                                + bytes(availableBytes)
                                + " is available (at most "
                                + USABLE_PERCENT
                                + " % of it is used) — use a smaller batch, fewer units or"
                                + " filters, or pool earlier"));
    }

    /** A size in bytes as a student reads it: "812 MB", "3.4 GB", "1,024.0 TB". */
    public static String bytes(long n) {
        if (n == Long.MAX_VALUE) {
            return "more than 9 exabytes";
        }
        double mb = n / 1e6;
        if (mb < 1000) {
            return String.format(Locale.ROOT, "%,.0f MB", Math.max(mb, n > 0 ? 1 : 0));
        }
        double gb = mb / 1000;
        return gb < 1000
                ? String.format(Locale.ROOT, "%,.1f GB", gb)
                : String.format(Locale.ROOT, "%,.1f TB", gb / 1000);
    }
}
