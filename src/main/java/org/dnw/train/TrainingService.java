package org.dnw.train;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.Problem;
import org.dnw.spec.Shape;
import org.dnw.spec.TrainingMemory;

/**
 * Runs one training at a time, each on its own named thread ({@code training-<run>}), through the
 * {@link TrainingLoop} of the engine the request names. {@link #start} checks the request and
 * returns at once; the events go to the listener on the training thread. Thread-safe.
 */
public final class TrainingService implements AutoCloseable {

    private final Map<EngineKind, TrainingLoop> loops;
    private final ToLongFunction<EngineKind> availableMemoryBytes;
    private final Object lock = new Object();
    private ActiveRun active;

    /**
     * @param loops the loop of each engine this service offers
     */
    public TrainingService(Map<EngineKind, TrainingLoop> loops) {
        this(loops, MachineMemory::availableBytes);
    }

    /**
     * @param loops the loop of each engine this service offers
     * @param availableMemoryBytes the memory a run of each engine may use, in bytes (≤ 0: unknown,
     *     not checked); {@link MachineMemory#availableBytes} by default
     */
    public TrainingService(
            Map<EngineKind, TrainingLoop> loops, ToLongFunction<EngineKind> availableMemoryBytes) {
        this.loops = new EnumMap<>(EngineKind.class);
        this.loops.putAll(loops);
        this.availableMemoryBytes = Objects.requireNonNull(availableMemoryBytes);
    }

    /**
     * Sentences saying why {@code request} cannot run: hyperparameters out of range, network errors
     * (with layer positions), a network that does not fit the data, a training step too large for
     * the memory available ({@link TrainingMemory}), an engine that cannot train it. Empty when it
     * can run.
     */
    public List<String> problems(TrainingRequest request) {
        List<String> out = new ArrayList<>(request.hyperparameters().problems());
        out.addAll(request.augmentation().problems());
        NetworkAnalysis analysis = request.spec().analyse();
        for (Problem p : analysis.errors()) {
            out.add(p.message());
        }
        if (analysis.isValid()) {
            TrainingMemory.check(
                            analysis,
                            request.hyperparameters().batchSize(),
                            availableMemoryBytes.applyAsLong(request.engine()))
                    .ifPresent(p -> out.add(p.message()));
        }
        Shape dataShape = request.splits().train().inputShape();
        if (!request.spec().input().equals(dataShape)) {
            out.add(
                    "the network expects inputs of "
                            + request.spec().input()
                            + " but the data set has "
                            + dataShape
                            + " — adapt the network to the data set");
        }
        if (request.spec().output() != null
                && request.spec().output().classes() != request.splits().train().classCount()) {
            out.add(
                    "the output layer has "
                            + request.spec().output().classes()
                            + " classes but the data set has "
                            + request.splits().train().classCount());
        }
        if (request.splits().train().size() == 0) {
            out.add("the training split is empty");
        }
        if (request.splits().test().size() == 0) {
            out.add("the test split is empty");
        }
        TrainingLoop loop = loops.get(request.engine());
        if (loop == null) {
            out.add("the engine '" + request.engine().label() + "' is not available here");
        } else {
            out.addAll(loop.problems(request));
        }
        return out;
    }

    /**
     * Starts {@code request} on a new thread and returns at once.
     *
     * @param listener receives every event in order on the training thread; must not block
     * @throws IllegalArgumentException when the request cannot run; the message lists {@link
     *     #problems}, one per line
     * @throws IllegalStateException when another run is still active
     */
    public TrainingRun start(TrainingRequest request, Consumer<TrainingEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        TrainingLoop loop = loops.get(request.engine());
        synchronized (lock) {
            if (active != null && !active.isDone()) {
                throw new IllegalStateException(
                        "another run ("
                                + active.runName()
                                + ") is still training — stop it or wait for it to finish");
            }
            ActiveRun run = new ActiveRun(request.runName());
            Consumer<TrainingEvent> safe = SafeListener.wrap(listener);
            Thread thread =
                    new Thread(
                            () -> {
                                TrainingEvent[] last = {null};
                                try {
                                    loop.run(
                                            request,
                                            run.control,
                                            event -> {
                                                safe.accept(event);
                                                if (event.isTerminal()) {
                                                    last[0] = event;
                                                }
                                            });
                                } catch (RuntimeException | Error e) {
                                    if (last[0] == null) {
                                        last[0] =
                                                new TrainingEvent.RunFailed(
                                                        request.runName(),
                                                        "the run stopped unexpectedly (" + e + ")",
                                                        "",
                                                        0,
                                                        0);
                                        safe.accept(last[0]);
                                    }
                                } finally {
                                    if (last[0] == null) {
                                        last[0] =
                                                new TrainingEvent.RunFailed(
                                                        request.runName(),
                                                        "the run ended without a result",
                                                        "",
                                                        0,
                                                        0);
                                        safe.accept(last[0]);
                                    }
                                    run.terminal.complete(last[0]);
                                }
                            },
                            "training-" + request.runName());
            thread.setDaemon(true);
            active = run;
            thread.start();
            return run;
        }
    }

    /** True while a run is active. */
    public boolean isBusy() {
        synchronized (lock) {
            return active != null && !active.isDone();
        }
    }

    /** The active run, or null. */
    public TrainingRun activeRun() {
        synchronized (lock) {
            return active != null && !active.isDone() ? active : null;
        }
    }

    /**
     * Cancels the active run, if any, and waits up to 10 s for it to end (its terminal event
     * delivered, its native memory freed).
     */
    @Override
    public void close() {
        TrainingRun run = activeRun();
        if (run != null) {
            run.cancel();
            try {
                run.await(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class ActiveRun implements TrainingRun {
        private final String runName;
        private final RunControl control = new RunControl();
        private final CompletableFuture<TrainingEvent> terminal = new CompletableFuture<>();

        ActiveRun(String runName) {
            this.runName = runName;
        }

        @Override
        public String runName() {
            return runName;
        }

        @Override
        public void pause() {
            control.requestPause();
        }

        @Override
        public void resume() {
            control.requestResume();
        }

        @Override
        public void cancel() {
            control.requestCancel();
        }

        @Override
        public boolean isPaused() {
            return control.isPaused();
        }

        @Override
        public void setProbe(float[] input) {
            control.setProbe(input);
        }

        @Override
        public void watchLayer(int position) {
            control.watchLayer(position);
        }

        @Override
        public CompletableFuture<TrainingEvent> terminal() {
            return terminal;
        }
    }
}
