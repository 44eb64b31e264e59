package org.dnw.ui.sweep;

import java.nio.file.Path;
import java.util.Optional;
import org.dnw.runs.SlurmCluster;
import org.dnw.runs.SlurmSubmitter;
import org.dnw.runs.SlurmSweep;

/**
 * What the Sweep panel asks of a Slurm cluster: the {@code runs} classes the command line uses too
 * ({@link SlurmSubmitter}, {@link SlurmSweep}, {@link SlurmCluster}), behind one small boundary so
 * that the view-model can be tested without a cluster. Every method but {@link #available} runs
 * Slurm's commands or reads the disk: call them off the FX thread.
 */
public interface SlurmService {

    /** True when {@code sbatch} is on the PATH. */
    boolean available();

    /** Writes and submits the sweep ({@link SlurmSubmitter#submit}). */
    SlurmSubmitter.Submitted submit(SlurmSubmitter.Request request) throws Exception;

    /** The sweep in {@code folder} now ({@link SlurmSweep#status(Path, Optional)}). */
    SlurmSweep.Status status(Path folder) throws Exception;

    /** Cancels the array {@code jobId} with {@code scancel}. */
    void cancel(String jobId) throws Exception;

    /** The cluster whose {@code sbatch} is on this process's PATH. */
    static SlurmService onThePath() {
        return new SlurmService() {
            private Optional<SlurmCluster> cluster() {
                return SlurmCluster.find(System.getenv("PATH"));
            }

            @Override
            public boolean available() {
                return cluster().isPresent();
            }

            @Override
            public SlurmSubmitter.Submitted submit(SlurmSubmitter.Request request)
                    throws Exception {
                return SlurmSubmitter.submit(
                        cluster().orElseThrow(() -> new IllegalStateException("no sbatch")),
                        request);
            }

            @Override
            public SlurmSweep.Status status(Path folder) throws Exception {
                return SlurmSweep.status(folder, cluster());
            }

            @Override
            public void cancel(String jobId) throws Exception {
                cluster()
                        .orElseThrow(() -> new IllegalStateException("no scancel here"))
                        .cancel(jobId);
            }
        };
    }
}
