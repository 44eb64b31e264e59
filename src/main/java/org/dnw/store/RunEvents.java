package org.dnw.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnw.train.LayerStatistics;
import org.dnw.train.TrainingEvent;
import org.dnw.train.TrainingEvent.BatchCompleted;
import org.dnw.train.TrainingEvent.CheckpointRestored;
import org.dnw.train.TrainingEvent.EpochCompleted;
import org.dnw.train.TrainingEvent.RunCancelled;
import org.dnw.train.TrainingEvent.RunFailed;
import org.dnw.train.TrainingEvent.RunFinished;
import org.dnw.train.TrainingEvent.RunPaused;
import org.dnw.train.TrainingEvent.RunResumed;
import org.dnw.train.TrainingEvent.RunStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's live event log, {@value #FILE}: one JSON object a line, appended while the run trains, so
 * that any process sharing the runs folder can follow it (and tell, with the owner's heartbeat,
 * whether it is still running). Every line has {@code "v"} (the format, {@value #FORMAT_VERSION}),
 * {@code "type"} and {@code "at"} (an ISO-8601 instant):
 *
 * <ul>
 *   <li>{@code started}: run name, data set name, device, parameter count, split sizes, batches per
 *       epoch, the whole {@code spec} and {@code hyperparameters};
 *   <li>{@code progress}: epoch, batch, batches per epoch, loss, running accuracy and samples per
 *       second — at most one a {@link #PROGRESS_EVERY_MILLIS} ms, whatever the batch rate;
 *   <li>{@code epoch}: the figures of {@link EpochMetrics} plus the planned epoch count;
 *   <li>{@code restored}: a resumed run goes on after the checkpoint of {@code epoch} (with the
 *       {@code notices} about damaged checkpoints it skipped); a reader forgets what the log says
 *       of later epochs before this line, so each epoch is shown once;
 *   <li>{@code layers}: after an epoch's line, {@code epoch} and one object per weighted layer with
 *       the figures of {@link LayerStatistics} (read back by {@link #readLayers});
 *   <li>{@code paused}, {@code resumed}; and one of {@code finished}, {@code failed}, {@code
 *       cancelled} at the end.
 * </ul>
 *
 * NaN figures are written as {@code null}. Each line goes to the file in one append-mode write (so
 * a reader sees whole lines, or a torn last one when the writer was killed mid-write); the file is
 * forced to disk at each epoch end, at the end, and at least every {@link #FORCE_EVERY_MILLIS} ms
 * while lines are written (for readers on other nodes of a network file system). The training
 * thread thus writes at most about one small line a second plus one per epoch.
 */
public final class RunEvents {

    /** The log inside a run folder (kept when the run is published). */
    public static final String FILE = "events.jsonl";

    /** The format written; readers skip lines of a newer one. */
    public static final int FORMAT_VERSION = 1;

    /** Least time between two progress lines. */
    public static final long PROGRESS_EVERY_MILLIS = 1_000;

    /** Most time the written lines stay unforced while the run writes. */
    public static final long FORCE_EVERY_MILLIS = 2_000;

    /** One line per object, whatever the shared mapper's indentation. */
    private static final ObjectWriter LINE =
            ManifestJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private RunEvents() {}

    /**
     * Opens (creating or appending to) the log of {@code folder}. Never throws: when the file
     * cannot be opened, the writer returned does nothing and the problem is logged once.
     */
    public static Writer appendTo(Path folder) {
        return new Writer(folder.resolve(FILE));
    }

    /**
     * Appends training events to a log. {@link #accept} and {@link #close} never throw: a log that
     * cannot be written is logged once and then left alone, and training goes on. Confined to one
     * thread (the training thread).
     */
    public static final class Writer implements Closeable {
        private final Path file;
        private FileChannel channel;
        private boolean broken;
        private long lastProgressNanos;
        private long lastForceNanos;
        private boolean unforced;

        private Writer(Path file) {
            this.file = file;
            try {
                channel =
                        FileChannel.open(
                                file,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                broken(e);
            }
            lastForceNanos = System.nanoTime();
        }

        /** Writes the line for {@code event}, if it has one (batch events are thinned). */
        public void accept(TrainingEvent event) {
            if (broken || event == null) {
                return;
            }
            try {
                long now = System.nanoTime();
                if (event instanceof BatchCompleted && thinnedOut(now)) {
                    return; // on the training thread at every batch: decided before any allocation
                }
                ObjectNode line = lineOf(event, now);
                if (line == null) {
                    return;
                }
                byte[] bytes = LINE.writeValueAsBytes(line);
                ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes);
                buffer.put((byte) '\n').flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                unforced = true;
                boolean important = !(event instanceof BatchCompleted);
                if (important
                        || now - lastForceNanos
                                >= TimeUnit.MILLISECONDS.toNanos(FORCE_EVERY_MILLIS)) {
                    channel.force(false);
                    unforced = false;
                    lastForceNanos = now;
                }
            } catch (IOException | RuntimeException e) {
                broken(e);
            }
        }

        /** A batch's progress line is written at most every {@link #PROGRESS_EVERY_MILLIS} ms. */
        private boolean thinnedOut(long nanos) {
            return lastProgressNanos != 0
                    && nanos - lastProgressNanos
                            < TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MILLIS);
        }

        private ObjectNode lineOf(TrainingEvent event, long nanos) {
            ObjectMapper json = ManifestJson.mapper();
            ObjectNode n = json.createObjectNode();
            n.put("v", FORMAT_VERSION);
            if (event instanceof RunStarted s) {
                n.put("type", "started");
                n.put("at", Instant.now().toString());
                n.put("runName", s.runName());
                n.put("datasetName", s.datasetName());
                n.put("device", s.device());
                n.put("parameterCount", s.parameterCount());
                n.put("trainSize", s.trainSize());
                n.put("validationSize", s.validationSize());
                n.put("testSize", s.testSize());
                n.put("batchesPerEpoch", s.batchesPerEpoch());
                n.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
                n.set("spec", json.valueToTree(s.spec()));
                n.set("hyperparameters", json.valueToTree(s.hyperparameters()));
                return n;
            }
            if (event instanceof BatchCompleted b) {
                lastProgressNanos = nanos;
                n.put("type", "progress");
                n.put("at", Instant.now().toString());
                n.put("epoch", b.epoch());
                n.put("batch", b.batch());
                n.put("batchesPerEpoch", b.batchesPerEpoch());
                putFigure(n, "loss", b.loss());
                putFigure(n, "accuracy", b.runningAccuracy());
                putFigure(n, "samplesPerSecond", b.samplesPerSecond());
                return n;
            }
            n.put("at", Instant.now().toString());
            if (event instanceof EpochCompleted e) {
                n.put("type", "epoch");
                n.put("epoch", e.epoch());
                n.put("epochCount", e.epochCount());
                putFigure(n, "trainLoss", e.trainLoss());
                putFigure(n, "trainAccuracy", e.trainAccuracy());
                putFigure(n, "validationLoss", e.validationLoss());
                putFigure(n, "validationAccuracy", e.validationAccuracy());
                putFigure(n, "learningRate", e.learningRate());
                n.put("durationMillis", e.durationMillis());
            } else if (event instanceof TrainingEvent.LayersMeasured m) {
                n.put("type", "layers");
                n.put("epoch", m.epoch());
                com.fasterxml.jackson.databind.node.ArrayNode layers = n.putArray("layers");
                for (LayerStatistics l : m.layers()) {
                    ObjectNode o = layers.addObject();
                    o.put("position", l.position());
                    o.put("kind", l.kind());
                    putFigure(o, "weightMean", l.weightMean());
                    putFigure(o, "weightStd", l.weightStd());
                    putFigure(o, "gradientMean", l.gradientMean());
                    putFigure(o, "gradientStd", l.gradientStd());
                    putFigure(o, "updateRatio", l.updateRatio());
                    putFigure(o, "deadShare", l.deadShare());
                    o.put("reluUnits", l.reluUnits());
                    o.put("images", l.images());
                }
            } else if (event instanceof RunPaused p) {
                n.put("type", "paused");
                n.put("epoch", p.epoch());
                n.put("batch", p.batch());
            } else if (event instanceof RunResumed r) {
                n.put("type", "resumed");
                n.put("epoch", r.epoch());
                n.put("batch", r.batch());
            } else if (event instanceof CheckpointRestored c) {
                n.put("type", "restored");
                n.put("epoch", c.epoch());
                n.set("notices", json.valueToTree(c.notices()));
            } else if (event instanceof RunFinished f) {
                n.put("type", "finished");
                n.put("epochsCompleted", f.epochsCompleted());
                n.put("durationMillis", f.durationMillis());
                if (f.test() != null) {
                    putFigure(n, "testAccuracy", f.test().accuracy());
                    putFigure(n, "testLoss", f.test().loss());
                }
            } else if (event instanceof RunFailed f) {
                n.put("type", "failed");
                n.put("reason", f.reason());
                n.put("epoch", f.epoch());
                n.put("batch", f.batch());
            } else if (event instanceof RunCancelled c) {
                n.put("type", "cancelled");
                n.put("epochsCompleted", c.epochsCompleted());
            } else {
                return null; // weights: too large for a log line, and not needed to follow a run
            }
            return n;
        }

        private static void putFigure(ObjectNode n, String name, double value) {
            if (Double.isFinite(value)) {
                n.put(name, value);
            } else {
                n.putNull(name);
            }
        }

        private void broken(Exception e) {
            if (!broken) {
                LOG.warn(
                        "the live event log {} cannot be written ({}); the run trains on and is"
                                + " still saved when it ends",
                        file,
                        e.toString());
            }
            broken = true;
            closeQuietly();
        }

        private void closeQuietly() {
            FileChannel c = channel;
            channel = null;
            if (c == null) {
                return;
            }
            try {
                if (unforced) {
                    c.force(false);
                }
                c.close();
            } catch (IOException | RuntimeException e) {
                // a log that cannot be closed has nothing more to lose
            }
        }

        /** Forces what was written and closes the file. */
        @Override
        public void close() {
            closeQuietly();
            broken = true;
        }
    }

    /**
     * What a log says so far. Figures the log does not give are NaN, 0 or null.
     *
     * @param runName the run's name
     * @param datasetName the data set's name
     * @param specName the network's name
     * @param parameterCount trainable parameters
     * @param device where it trains
     * @param trainSize training samples per epoch
     * @param epochCount the planned number of epochs
     * @param startedAt when training began
     * @param epochs the figures of every completed epoch, in order
     * @param progress the last progress line; null when none yet
     * @param end "finished", "failed" or "cancelled"; null while the run goes on
     * @param lastEventAt the time of the last line
     */
    public record Log(
            String runName,
            String datasetName,
            String specName,
            long parameterCount,
            String device,
            int trainSize,
            int epochCount,
            Instant startedAt,
            List<EpochMetrics> epochs,
            Progress progress,
            String end,
            Instant lastEventAt) {

        public Log {
            epochs = List.copyOf(epochs);
        }

        /** The best validation accuracy of the epochs so far; NaN when none. */
        public double bestValidationAccuracy() {
            return epochs.stream()
                    .mapToDouble(EpochMetrics::validationAccuracy)
                    .filter(Double::isFinite)
                    .max()
                    .orElse(Double.NaN);
        }
    }

    /**
     * A progress line.
     *
     * @param epoch 1-based epoch in progress
     * @param batch 1-based batch done
     * @param batchesPerEpoch batches in an epoch
     * @param loss the batch's loss
     * @param samplesPerSecond throughput over the epoch so far
     */
    public record Progress(
            int epoch, int batch, int batchesPerEpoch, double loss, double samplesPerSecond) {}

    /**
     * The layer statistics of {@code folder}'s log ({@code layers} lines), epoch by epoch in order;
     * an epoch reported again after a resume replaces its earlier report. Torn or unknown lines are
     * skipped.
     *
     * @return empty when the folder has no log or the run reported no layer statistics
     * @throws IOException when the file exists but cannot be read
     */
    public static List<LayerStatistics> readLayers(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        ObjectMapper json = ManifestJson.mapper();
        List<LayerStatistics> out = new ArrayList<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!text.contains("\"layers\"")) {
                continue; // most lines: skipped before parsing
            }
            JsonNode n;
            try {
                n = json.readTree(text);
            } catch (IOException e) {
                continue;
            }
            if (n == null
                    || n.path("v").asInt(0) > FORMAT_VERSION
                    || !"layers".equals(n.path("type").asText())) {
                continue;
            }
            int epoch = n.path("epoch").asInt();
            out.removeIf(l -> l.epoch() >= epoch);
            for (JsonNode o : n.path("layers")) {
                out.add(
                        new LayerStatistics(
                                o.path("position").asInt(),
                                o.path("kind").asText(""),
                                epoch,
                                figure(o, "weightMean"),
                                figure(o, "weightStd"),
                                figure(o, "gradientMean"),
                                figure(o, "gradientStd"),
                                figure(o, "updateRatio"),
                                figure(o, "deadShare"),
                                o.path("reluUnits").asInt(),
                                o.path("images").asInt()));
            }
        }
        return out;
    }

    /**
     * Reads the log of {@code folder}. Lines that are not whole JSON objects (a torn last line of a
     * killed writer) or of a newer format are skipped.
     *
     * @return null when the folder has no log, or the log has no {@code started} line
     * @throws IOException when the file exists but cannot be read
     */
    public static Log read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        ObjectMapper json = ManifestJson.mapper();
        JsonNode started = null;
        List<EpochMetrics> epochs = new ArrayList<>();
        Progress progress = null;
        String end = null;
        Instant last = null;
        int epochCount = 0;
        for (String text : lines) {
            JsonNode n;
            try {
                n = json.readTree(text);
            } catch (IOException e) {
                continue; // a torn line
            }
            if (n == null || !n.isObject() || n.path("v").asInt(0) > FORMAT_VERSION) {
                continue;
            }
            last = instant(n.path("at").asText(null), last);
            switch (n.path("type").asText("")) {
                case "started" -> {
                    started = n;
                    epochCount = n.path("hyperparameters").path("epochCount").asInt(0);
                }
                case "epoch" -> {
                    // an epoch trained again after a resume replaces its first, unsaved, report
                    int number = n.path("epoch").asInt();
                    epochs.removeIf(e -> e.epoch() >= number);
                    epochs.add(
                            new EpochMetrics(
                                    n.path("epoch").asInt(),
                                    figure(n, "trainLoss"),
                                    figure(n, "trainAccuracy"),
                                    figure(n, "validationLoss"),
                                    figure(n, "validationAccuracy"),
                                    figure(n, "learningRate"),
                                    n.path("durationMillis").asLong() / 1000.0));
                    epochCount = Math.max(epochCount, n.path("epochCount").asInt(0));
                }
                case "progress" ->
                        progress =
                                new Progress(
                                        n.path("epoch").asInt(),
                                        n.path("batch").asInt(),
                                        n.path("batchesPerEpoch").asInt(),
                                        figure(n, "loss"),
                                        figure(n, "samplesPerSecond"));
                case "restored" -> {
                    // resumed from the checkpoint of this epoch: later reports were not kept
                    int number = n.path("epoch").asInt();
                    epochs.removeIf(e -> e.epoch() > number);
                    progress = null;
                    end = null;
                }
                case "finished", "failed", "cancelled" -> end = n.path("type").asText();
                default -> {
                    // paused, resumed, and types of later versions: nothing to summarise
                }
            }
        }
        if (started == null) {
            return null;
        }
        return new Log(
                started.path("runName").asText(null),
                started.path("datasetName").asText(null),
                started.path("spec").path("name").asText(null),
                started.path("parameterCount").asLong(0),
                started.path("device").asText(null),
                started.path("trainSize").asInt(0),
                epochCount,
                instant(started.path("startedAt").asText(null), null),
                epochs,
                progress,
                end,
                last);
    }

    /** Whether {@code folder} has a log with at least one line (the run began training). */
    static boolean hasEvents(Path folder) {
        try {
            return Files.size(folder.resolve(FILE)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static double figure(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static Instant instant(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
