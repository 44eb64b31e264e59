package org.dnw.data;

/**
 * Hears how far a long read or download has come. Readers call it on the thread that does the
 * reading (never the FX thread's business: a UI wraps it to hop threads itself), a few hundred
 * times at most per file, so an implementation may do light work.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Hears nothing. */
    ProgressListener NONE = (stage, done, total) -> {};

    /**
     * Reports progress.
     *
     * @param stage a sentence for a person, e.g. "Reading cifar10-jpg.tar.gz"
     * @param done units done so far (bytes or images, as {@code total}), 0 ≤ done ≤ total when
     *     total is known
     * @param total units in all, or -1 when unknown
     */
    void progress(String stage, long done, long total);
}
