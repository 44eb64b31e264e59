package org.dnw.train;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that never lets an exception thrown by the consumer it wraps reach the training loop:
 * a broken view must not leave a batch's native memory unreleased or stop a run. The first failure
 * is logged once, as a warning with its stack trace; later events still go to the consumer.
 */
final class SafeListener implements Consumer<TrainingEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final Consumer<TrainingEvent> target;
    private boolean reported;

    private SafeListener(Consumer<TrainingEvent> target) {
        this.target = target;
    }

    static Consumer<TrainingEvent> wrap(Consumer<TrainingEvent> target) {
        return target instanceof SafeListener ? target : new SafeListener(target);
    }

    @Override
    public void accept(TrainingEvent event) {
        try {
            target.accept(event);
        } catch (RuntimeException e) {
            if (!reported) {
                reported = true;
                LOG.warn(
                        "A training listener failed on {} and was skipped",
                        event.getClass().getSimpleName(),
                        e);
            }
        }
    }
}
