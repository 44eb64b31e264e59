package org.dnw.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A {@link Canvas} that paints on a {@link BufferedImage} with {@code java.awt}, antialiased; needs
 * no display. Call {@link #dispose()} when done.
 */
final class ImageCanvas implements Canvas {

    private final Graphics2D g;

    /** Paints on {@code image}. */
    ImageCanvas(BufferedImage image) {
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** Releases the graphics context. */
    void dispose() {
        g.dispose();
    }

    @Override
    public void rect(
            double x,
            double y,
            double width,
            double height,
            String fill,
            double fillOpacity,
            String stroke) {
        Color c = Color.decode(fill);
        g.setColor(
                new Color(
                        c.getRed(),
                        c.getGreen(),
                        c.getBlue(),
                        (int) Math.round(255 * Math.max(0, Math.min(1, fillOpacity)))));
        Rectangle2D.Double r = new Rectangle2D.Double(x, y, width, height);
        g.fill(r);
        if (stroke != null) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    @Override
    public void line(
            double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        g.setColor(Color.decode(colour));
        g.setStroke(stroke(width, dash, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(
            String id, List<double[]> points, String colour, double width, String dash) {
        if (points.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i)[0], points.get(i)[1]);
        }
        g.setColor(Color.decode(colour));
        g.setStroke(stroke(width, dash, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    @Override
    public void polygon(List<double[]> points, String fill, String stroke) {
        if (points.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i)[0], points.get(i)[1]);
        }
        path.closePath();
        g.setColor(Color.decode(fill));
        g.fill(path);
        if (stroke != null) {
            g.setColor(Color.decode(stroke));
            g.setStroke(new BasicStroke(1f));
            g.draw(path);
        }
    }

    @Override
    public void dot(double cx, double cy, double radius, String colour) {
        g.setColor(Color.decode(colour));
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void ring(double cx, double cy, double radius, String colour, double width) {
        g.setColor(Color.decode(colour));
        g.setStroke(new BasicStroke((float) width));
        g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    @Override
    public void text(
            double x,
            double y,
            String text,
            double size,
            boolean bold,
            String anchor,
            String colour) {
        g.setFont(font(size, bold));
        double w = g.getFontMetrics().stringWidth(text);
        double left = "middle".equals(anchor) ? x - w / 2 : "end".equals(anchor) ? x - w : x;
        g.setColor(Color.decode(colour));
        g.drawString(text, (float) left, (float) y);
    }

    @Override
    public void verticalText(double cx, double cy, String text, double size, String colour) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        text(0, 0, text, size, false, "middle", colour);
        g.setTransform(saved);
    }

    @Override
    public double textWidth(String text, double size) {
        FontMetrics fm = g.getFontMetrics(font(size, false));
        return fm.stringWidth(text);
    }

    private static Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size));
    }

    private static BasicStroke stroke(double width, String dash, int cap, int join) {
        if (dash.isEmpty()) {
            return new BasicStroke((float) width, cap, join);
        }
        String[] parts = dash.split(",");
        float[] pattern = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pattern[i] = Float.parseFloat(parts[i].trim());
        }
        return new BasicStroke((float) width, cap, join, 10f, pattern, 0f);
    }
}
