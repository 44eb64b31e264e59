package org.dnw.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnw.spec.ActivationSpec;
import org.dnw.spec.BatchNormSpec;
import org.dnw.spec.Conv2dSpec;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.DropoutSpec;
import org.dnw.spec.FlattenSpec;
import org.dnw.spec.LayerShape;
import org.dnw.spec.LayerSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.NetworkAnalysis;
import org.dnw.spec.OutputActivation;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.PoolType;
import org.dnw.spec.Problem;
import org.dnw.spec.Shape;

/**
 * A network drawn in the classic style: the input and each layer's output a box, left to right. An
 * image output (C × H × W) is a block whose height grows with the log of H, whose depth with the
 * log of W and whose thickness with the log of C, so that 1 × 28 × 28 and 128 × 4 × 4 fit on one
 * picture; a vector output is a flat bar whose height grows with the log of its units. Activation,
 * dropout and batch-norm layers, which keep the shape, are thin slices. Below each box: the layer
 * ({@code conv 5×5 /1, 32}: kernel, stride, filters) and its output shape ({@code 32×28×28}). Drawn
 * once through a {@link Canvas}, as SVG ({@link #toSvg()}) or PNG ({@link #toImage()}). Immutable
 * and thread-safe.
 */
public final class NetworkDiagram {

    private static final double MARGIN = 16;
    private static final double TITLE_SIZE = 14;
    private static final double LABEL_SIZE = 11;
    private static final double NOTE_SIZE = 10;
    private static final double LINE = 15;
    private static final double GAP = 16;
    private static final double THIN = 6;
    private static final double VECTOR_THICKNESS = 12;
    private static final String BACKGROUND = "#ffffff";
    private static final String EDGE = "#555555";
    private static final String ARROW = "#888888";
    private static final String TEXT = "#222222";
    private static final String SHAPE_TEXT = "#1f4e79";
    private static final String NOTE = "#666666";
    private static final String[] NOTE_LINES = {
        "Each box is what a layer outputs: height grows with its rows (or units), depth with its"
                + " columns, thickness with its channels (log scale).",
        "Below each box: the layer (kernel, /stride, filters) and its output shape,"
                + " channels×rows×columns. Thin slices keep the shape."
    };

    private final String title;
    private final List<Block> blocks;
    private final double width;
    private final double height;
    private final double axisY;
    private final double labelTop;

    /**
     * One column of the picture.
     *
     * @param name the layer as text, e.g. "conv 5×5 /1, 32"
     * @param shape its output shape as text, e.g. "32×28×28"; "" for a thin slice
     * @param thin a slice that keeps the shape (activation, dropout, batch norm)
     * @param thickness x extent of the front face, px
     * @param faceHeight height of the front face, px
     * @param depth oblique offset of the back face (up and right), px; 0 for a vector
     * @param colour fill of the front face
     * @param x left of the front face, px
     * @param columnWidth width the column takes, px
     */
    record Block(
            String name,
            String shape,
            boolean thin,
            double thickness,
            double faceHeight,
            double depth,
            String colour,
            double x,
            double columnWidth) {

        double centre() {
            return x + (thickness + depth) / 2;
        }
    }

    private NetworkDiagram(String title, List<Block> unplaced) {
        this.title = title;
        double up = 0;
        double down = 0;
        double labelBand = 2 * LINE;
        for (Block b : unplaced) {
            up = Math.max(up, b.faceHeight / 2 + b.depth);
            down = Math.max(down, b.faceHeight / 2);
            if (b.thin) {
                labelBand = Math.max(labelBand, textWidth(b.name, NOTE_SIZE) + 4);
            }
        }
        List<Block> placed = new ArrayList<>();
        double x = MARGIN;
        for (Block b : unplaced) {
            double column =
                    b.thin
                            ? 2 * NOTE_SIZE + 4
                            : Math.max(
                                    b.thickness + b.depth,
                                    Math.max(
                                            textWidth(b.name, LABEL_SIZE),
                                            textWidth(b.shape, LABEL_SIZE)));
            double left = x + (column - b.thickness - b.depth) / 2;
            placed.add(
                    new Block(
                            b.name,
                            b.shape,
                            b.thin,
                            b.thickness,
                            b.faceHeight,
                            b.depth,
                            b.colour,
                            left,
                            column));
            x += column + GAP;
        }
        this.blocks = List.copyOf(placed);
        double noteWidth = 0;
        for (String line : NOTE_LINES) {
            noteWidth = Math.max(noteWidth, textWidth(line, NOTE_SIZE));
        }
        this.width =
                Math.ceil(
                        Math.max(
                                x - GAP + MARGIN,
                                Math.max(noteWidth, textWidth(title, TITLE_SIZE) * 1.1)
                                        + 2 * MARGIN));
        this.axisY = MARGIN + TITLE_SIZE + 14 + up;
        this.labelTop = axisY + down + 8;
        this.height = Math.ceil(labelTop + labelBand + 10 + NOTE_LINES.length * LINE + MARGIN);
    }

    /**
     * The diagram of {@code spec}.
     *
     * @throws IllegalArgumentException when the network cannot work (its shapes cannot be
     *     inferred); the message lists the problems
     */
    public static NetworkDiagram of(ModelSpec spec) {
        NetworkAnalysis analysis = spec.analyse();
        if (!analysis.isValid() || analysis.layers().size() != spec.layers().size()) {
            throw new IllegalArgumentException(
                    "the network cannot be drawn: "
                            + analysis.errors().stream()
                                    .map(Problem::message)
                                    .collect(Collectors.joining("; ")));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(box("input", spec.input(), "#d9d9d9"));
        for (LayerShape layer : analysis.layers()) {
            blocks.add(block(layer.layer(), layer.output()));
        }
        long parameters = analysis.totalParameters();
        String title =
                spec.name()
                        + ": "
                        + spec.layers().size()
                        + (spec.layers().size() == 1 ? " layer, " : " layers, ")
                        + String.format(Locale.ROOT, "%,d", parameters)
                        + " trainable parameters";
        return new NetworkDiagram(title, blocks);
    }

    /** The label of each column, left to right: the input first, then every layer. */
    public List<String> names() {
        return blocks.stream().map(Block::name).toList();
    }

    /** The output shape of each column as labelled ("" for thin slices), as {@link #names()}. */
    public List<String> shapes() {
        return blocks.stream().map(Block::shape).toList();
    }

    /** Width of the picture, px. */
    public int width() {
        return (int) width;
    }

    /** Height of the picture, px. */
    public int height() {
        return (int) height;
    }

    /** The diagram as an {@code <svg>} element. */
    public String toSvg() {
        SvgCanvas svg = new SvgCanvas(width, height, title);
        draw(svg);
        return svg.finish();
    }

    /** The diagram drawn as {@link #toSvg()} draws it, on an image {@link #width()} wide. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        ImageCanvas canvas = new ImageCanvas(image);
        try {
            draw(canvas);
        } finally {
            canvas.dispose();
        }
        return image;
    }

    /**
     * Writes the diagram to {@code file}: SVG when its name ends in {@code .svg}, PNG when in
     * {@code .png} (any case); replaces the file in one rename.
     *
     * @throws IllegalArgumentException for any other ending
     */
    public void write(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            byte[] bytes = toSvg().getBytes(StandardCharsets.UTF_8);
            Png.replace(file, out -> out.write(bytes));
        } else if (name.endsWith(".png")) {
            Png.write(toImage(), file);
        } else {
            throw new IllegalArgumentException(
                    file + " must end in .svg or .png — the ending chooses the format");
        }
    }

    private void draw(Canvas c) {
        c.rect(0, 0, width, height, BACKGROUND, 1, null);
        c.text(MARGIN, MARGIN + TITLE_SIZE, title, TITLE_SIZE, true, "start", TEXT);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i > 0) {
                Block prev = blocks.get(i - 1);
                arrow(c, prev.x + prev.thickness + prev.depth, b.x);
            }
            drawBlock(c, b);
            if (b.thin) {
                double len = textWidth(b.name, NOTE_SIZE);
                c.verticalText(
                        b.x + b.thickness / 2 + 3, labelTop + len / 2, b.name, NOTE_SIZE, TEXT);
            } else {
                c.text(
                        b.centre(),
                        labelTop + LABEL_SIZE,
                        b.name,
                        LABEL_SIZE,
                        false,
                        "middle",
                        TEXT);
                c.text(
                        b.centre(),
                        labelTop + LABEL_SIZE + LINE,
                        b.shape,
                        LABEL_SIZE,
                        true,
                        "middle",
                        SHAPE_TEXT);
            }
        }
        double y = height - MARGIN - (NOTE_LINES.length - 1) * LINE;
        for (String line : NOTE_LINES) {
            c.text(MARGIN, y, line, NOTE_SIZE, false, "start", NOTE);
            y += LINE;
        }
    }

    private void drawBlock(Canvas c, Block b) {
        double top = axisY - b.faceHeight / 2;
        double left = b.x;
        double right = b.x + b.thickness;
        double bottom = top + b.faceHeight;
        double d = b.depth;
        if (d > 0) {
            c.polygon(
                    List.of(
                            new double[] {left, top},
                            new double[] {left + d, top - d},
                            new double[] {right + d, top - d},
                            new double[] {right, top}),
                    shade(b.colour, 1.15),
                    EDGE);
            c.polygon(
                    List.of(
                            new double[] {right, top},
                            new double[] {right + d, top - d},
                            new double[] {right + d, bottom - d},
                            new double[] {right, bottom}),
                    shade(b.colour, 0.8),
                    EDGE);
        }
        c.rect(left, top, b.thickness, b.faceHeight, b.colour, 1, EDGE);
    }

    private void arrow(Canvas c, double from, double to) {
        if (to - from < 6) {
            return;
        }
        c.line(from + 1, axisY, to - 2, axisY, ARROW, 1.2, "");
        c.polyline(
                "arrow",
                List.of(
                        new double[] {to - 6, axisY - 3},
                        new double[] {to - 2, axisY},
                        new double[] {to - 6, axisY + 3}),
                ARROW,
                1.2,
                "");
    }

    private static Block block(LayerSpec layer, Shape out) {
        if (layer instanceof Conv2dSpec conv) {
            String kernel = conv.kernelHeight() + "×" + conv.kernelWidth();
            return box(
                    "conv " + kernel + " /" + conv.stride() + ", " + conv.filters(),
                    out,
                    "#f6b26b");
        }
        if (layer instanceof Pool2dSpec pool) {
            String kind = pool.poolType() == PoolType.MAX ? "max" : "avg";
            return box(
                    kind + " pool " + pool.kernel() + "×" + pool.kernel() + " /" + pool.stride(),
                    out,
                    "#6fa8dc");
        }
        if (layer instanceof FlattenSpec) {
            return box("flatten", out, "#b4a7d6");
        }
        if (layer instanceof DenseSpec dense) {
            return box("dense " + dense.units(), out, "#93c47d");
        }
        if (layer instanceof OutputSpec output) {
            String function =
                    output.activation() == OutputActivation.SIGMOID ? ", sigmoid" : ", softmax";
            return box("output " + output.units() + function, out, "#ffd966");
        }
        if (layer instanceof ActivationSpec activation) {
            return slice(activation.function().label(), out, "#e06666");
        }
        if (layer instanceof DropoutSpec dropout) {
            return slice("dropout " + trim(dropout.rate()), out, "#bbbbbb");
        }
        if (layer instanceof BatchNormSpec) {
            return slice("batch norm", out, "#8e7cc3");
        }
        throw new IllegalArgumentException("no picture for a " + layer.kindName() + " layer");
    }

    private static Block box(String name, Shape shape, String colour) {
        String dims = shape.dims().stream().map(String::valueOf).collect(Collectors.joining("×"));
        if (shape.isImage()) {
            return new Block(
                    name,
                    dims,
                    false,
                    4 + 4 * log2(shape.channels()),
                    12 + 14 * log2(shape.height()),
                    0.35 * (12 + 14 * log2(shape.width())),
                    colour,
                    0,
                    0);
        }
        return new Block(
                name,
                dims,
                false,
                VECTOR_THICKNESS,
                12 + 14 * log2(shape.width()),
                0,
                colour,
                0,
                0);
    }

    private static Block slice(String name, Shape shape, String colour) {
        Block full = box(name, shape, colour);
        return new Block(name, "", true, THIN, full.faceHeight, 0, colour, 0, 0);
    }

    private static double log2(int n) {
        return Math.log(Math.max(1, n)) / Math.log(2);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }

    /** The layout's estimate of a text's width: the SVG one, so both outputs share one layout. */
    private static double textWidth(String text, double size) {
        return text.length() * SvgCanvas.CHAR_WIDTH * (size / SvgCanvas.DEFAULT_SIZE);
    }

    /** {@code colour} (#rrggbb) with each channel times {@code factor}, clipped to 255. */
    private static String shade(String colour, double factor) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int r = Math.min(255, (int) Math.round(((rgb >> 16) & 0xff) * factor));
        int g = Math.min(255, (int) Math.round(((rgb >> 8) & 0xff) * factor));
        int b = Math.min(255, (int) Math.round((rgb & 0xff) * factor));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
