package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class LineChartTest {

    static LineChart.Series series(String id, double[] y, double ring) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = i + 1;
        }
        return new LineChart.Series(id, id + " label", x, y, "#123456", "", ring);
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(LineChart.niceStep(0.013))
                .isEqualTo(0.02, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(LineChart.niceStep(3.1)).isEqualTo(5);
        assertThat(LineChart.niceStep(7)).isEqualTo(10);
        assertThat(LineChart.niceStep(20)).isEqualTo(20);
        assertThat(LineChart.niceStep(0)).isEqualTo(1);
    }

    @Test
    void nonFinitePointsAreLeftOutAndEveryOtherIsDrawnInsideThePlot() throws Exception {
        String svg =
                new LineChart(
                                "Loss <&>",
                                "epoch",
                                "loss",
                                false,
                                List.of(
                                        series("a", new double[] {2, Double.NaN, 1, 0.5}, 3),
                                        series(
                                                "b",
                                                new double[] {3, 2.5, Double.POSITIVE_INFINITY, 1},
                                                Double.NaN)),
                                3,
                                "best: epoch 3")
                        .toSvg();

        List<double[]> a = points(svg, "a");
        List<double[]> b = points(svg, "b");
        assertThat(a).hasSize(3);
        assertThat(b).hasSize(3);
        // a higher value is drawn higher up (smaller y); x grows with the epoch
        assertThat(a.get(0)[1]).isLessThan(a.get(1)[1]);
        assertThat(a.get(0)[0]).isLessThan(a.get(1)[0]);
        for (double[] p : a) {
            assertThat(p[0]).isBetween(0.0, (double) LineChart.WIDTH);
        }
        assertThat(svg).contains("best: epoch 3").contains("Loss &lt;&amp;&gt;");
        assertThat(svg).contains("r=\"6\""); // the ring at epoch 3 of series a
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    @Test
    void percentAxisStaysWithinZeroToHundred() {
        String svg =
                new LineChart(
                                "Accuracy",
                                "epoch",
                                "accuracy (%)",
                                true,
                                List.of(series("acc", new double[] {0.91, 0.97, 1.0}, Double.NaN)),
                                Double.NaN,
                                null)
                        .toSvg();

        List<Double> ticks = new ArrayList<>();
        Matcher m =
                Pattern.compile("text-anchor=\"end\" fill=\"#333333\">([0-9.]+)</text>")
                        .matcher(svg);
        while (m.find()) {
            ticks.add(Double.parseDouble(m.group(1)));
        }
        assertThat(ticks).isNotEmpty().allMatch(t -> t >= 0 && t <= 100);
        assertThat(ticks.get(ticks.size() - 1)).isEqualTo(100);
        assertThat(ticks.get(0)).isLessThanOrEqualTo(91);
    }

    @Test
    void anEmptyChartSaysSo() {
        String svg =
                new LineChart("Empty", "epoch", "loss", false, List.of(), Double.NaN, null).toSvg();

        assertThat(svg).contains("no figures recorded").startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void theSameChartDrawsOnAnImageWhereTheSvgPutsIt() {
        System.setProperty("java.awt.headless", "true");
        LineChart chart =
                new LineChart(
                        "Loss",
                        "epoch",
                        "loss",
                        false,
                        List.of(series("a", new double[] {2, 1, 0.5}, Double.NaN)),
                        2,
                        "best: epoch 2");

        BufferedImage img = chart.toImage();

        assertThat(img.getWidth()).isEqualTo(LineChart.WIDTH);
        Matcher height = Pattern.compile("height=\"([0-9]+)\"").matcher(chart.toSvg());
        assertThat(height.find()).isTrue();
        assertThat(img.getHeight()).isEqualTo(Integer.parseInt(height.group(1)));
        for (double[] p : points(chart.toSvg(), "a")) {
            int rgb = img.getRGB((int) Math.round(p[0]), (int) Math.round(p[1])) & 0xFFFFFF;
            assertThat(rgb).isEqualTo(0x123456);
        }
    }

    static List<double[]> points(String svg, String id) {
        Matcher m = Pattern.compile("data-series=\"" + id + "\" points=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        List<double[]> out = new ArrayList<>();
        for (String p : m.group(1).trim().split(" ")) {
            String[] xy = p.split(",");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }
}
