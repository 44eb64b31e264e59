package org.dnw.ui.tryit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnw.data.DigitPreprocessor;
import org.dnw.spec.Shape;

/**
 * Prints what one Try-it prediction costs before the network runs: drawing the pad's strokes into a
 * picture and preparing it, and preparing a large photo. No assertions: figures to read.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.dnw.ui.tryit.TryItBenchmark
 * </pre>
 */
public final class TryItBenchmark {

    private TryItBenchmark() {}

    public static void main(String[] args) {
        Shape mnist = Shape.image(1, 28, 28);
        for (int points : new int[] {50, 200, 800}) {
            List<Stroke> strokes = new ArrayList<>();
            Stroke s = Stroke.at(40, 40);
            for (int i = 1; i < points; i++) {
                double t = (double) i / points;
                s = s.to(140 + 100 * Math.cos(6 * t), 140 + 100 * Math.sin(9 * t));
            }
            strokes.add(s);
            Runnable once =
                    () ->
                            DigitPreprocessor.prepareGrey(
                                    StrokeRaster.render(
                                            strokes,
                                            TryItViewModel.PAD_SIZE,
                                            TryItViewModel.RASTER,
                                            TryItViewModel.PEN_WIDTH),
                                    TryItViewModel.RASTER,
                                    TryItViewModel.RASTER,
                                    mnist,
                                    DigitPreprocessor.Mode.CENTRE_DIGIT);
            report("pad with " + points + " points: draw + prepare", once);
        }
        int w = 1024;
        int h = 768;
        int[] photo = new int[w * h];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < photo.length; i++) {
            int v = 200 + random.nextInt(20);
            photo[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        for (int y = 200; y < 600; y++) {
            for (int x = 450; x < 520; x++) {
                photo[y * w + x] = 0xFF202020;
            }
        }
        report(
                "photo 1024×768: prepare as an MNIST digit",
                () ->
                        DigitPreprocessor.prepare(
                                photo, w, h, mnist, DigitPreprocessor.Mode.CENTRE_DIGIT));
        report(
                "photo 1024×768: resize to 3 × 32 × 32",
                () ->
                        DigitPreprocessor.prepare(
                                photo,
                                w,
                                h,
                                Shape.image(3, 32, 32),
                                DigitPreprocessor.Mode.RESIZE));
    }

    private static void report(String what, Runnable task) {
        for (int i = 0; i < 20; i++) {
            task.run();
        }
        int n = 100;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            task.run();
        }
        double ms = (System.nanoTime() - start) / 1e6 / n;
        System.out.println(String.format(Locale.ROOT, "%-48s %7.2f ms", what, ms));
    }
}
