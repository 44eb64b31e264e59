package org.dnw.ui.tryit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dnw.spec.Shape;

/**
 * A fake network whose answer depends on the drawing: "wide" for ink wider than tall, "tall" for
 * the opposite, "round" in between, so a test proves the strokes reached it. Thread-safe.
 */
public class InkShapeClassifier implements Classifier {

    public static final List<String> CLASSES = List.of("wide", "tall", "round");

    private final Shape input;
    private final String dataset;
    private final List<byte[]> inputs = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    public InkShapeClassifier() {
        this(Shape.image(1, 28, 28), "MNIST");
    }

    public InkShapeClassifier(Shape input, String dataset) {
        this.input = input;
        this.dataset = dataset;
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public String datasetName() {
        return dataset;
    }

    @Override
    public String description() {
        return "ink-shape test network on " + dataset;
    }

    @Override
    public float[] probabilities(byte[] image) {
        if (closed) {
            throw new IllegalStateException("used after close");
        }
        inputs.add(image.clone());
        int h = input.height();
        int w = input.width();
        int x0 = w;
        int x1 = -1;
        int y0 = h;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (image[y * w + x] != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        double width = x1 - x0 + 1;
        double height = y1 - y0 + 1;
        double ratio = width / height;
        if (ratio > 1.5) {
            return new float[] {0.8f, 0.05f, 0.15f};
        }
        if (ratio < 1 / 1.5) {
            return new float[] {0.1f, 0.7f, 0.2f};
        }
        return new float[] {0.2f, 0.2f, 0.6f};
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Every input it was asked about, in order. */
    public List<byte[]> inputs() {
        synchronized (inputs) {
            return List.copyOf(inputs);
        }
    }
}
