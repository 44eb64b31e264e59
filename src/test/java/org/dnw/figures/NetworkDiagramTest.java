package org.dnw.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnw.spec.DenseSpec;
import org.dnw.spec.ModelSpec;
import org.dnw.spec.OutputSpec;
import org.dnw.spec.Pool2dSpec;
import org.dnw.spec.Presets;
import org.dnw.spec.Shape;
import org.junit.jupiter.api.Test;

class NetworkDiagramTest {

    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            texts.add(m.group(1).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"));
        }
        return texts;
    }

    @Test
    void seedCnnNamesEachLayerWithItsOutputShapeInOrder() {
        String svg = NetworkDiagram.of(Presets.load("seed-cnn")).toSvg();

        // hand-checked against presets/seed-cnn.json: 5×5 same convolutions keep 28 and 14,
        // each 2×2 /2 pool halves them, flatten gives 64·7·7 = 3136
        List<String> expected =
                List.of(
                        "input",
                        "1×28×28",
                        "conv 5×5 /1, 32",
                        "32×28×28",
                        "ReLU",
                        "max pool 2×2 /2",
                        "32×14×14",
                        "conv 5×5 /1, 64",
                        "64×14×14",
                        "ReLU",
                        "max pool 2×2 /2",
                        "64×7×7",
                        "flatten",
                        "3136",
                        "dense 1024",
                        "1024",
                        "ReLU",
                        "output 10, softmax",
                        "10");
        List<String> texts = texts(svg);
        assertThat(texts).containsSubsequence(expected);
        assertThat(texts.get(0)).isEqualTo("seed-cnn: 10 layers, 3,274,634 trainable parameters");
    }

    @Test
    void thePngIsTheSvgsSizeAndNotBlank() {
        NetworkDiagram diagram = NetworkDiagram.of(Presets.load("seed-cnn"));
        BufferedImage image = diagram.toImage();

        assertThat(diagram.toSvg())
                .contains("width=\"" + diagram.width() + "\"")
                .contains("height=\"" + diagram.height() + "\"");
        assertThat(image.getWidth()).isEqualTo(diagram.width()).isGreaterThan(600);
        assertThat(image.getHeight()).isEqualTo(diagram.height()).isGreaterThan(200);
        // the first conv box is orange: some pixel of that colour exists, and many are not white
        int coloured = 0;
        boolean orange = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    coloured++;
                }
                orange |= rgb == 0xf6b26b;
            }
        }
        assertThat(coloured).isGreaterThan(image.getWidth() * image.getHeight() / 20);
        assertThat(orange).isTrue();
    }

    @Test
    void boxesGrowWithTheLogOfTheirShape() {
        NetworkDiagram small =
                NetworkDiagram.of(
                        new ModelSpec(
                                "a",
                                Shape.flat(10),
                                List.of(DenseSpec.of(10), OutputSpec.softmax(2))));
        NetworkDiagram big =
                NetworkDiagram.of(
                        new ModelSpec(
                                "a",
                                Shape.flat(10),
                                List.of(DenseSpec.of(1024), OutputSpec.softmax(2))));
        // a 1024-unit bar is taller than a 10-unit one, but by the log, not 100 times
        assertThat(big.height()).isGreaterThan(small.height()).isLessThan(small.height() * 2);
    }

    @Test
    void aNetworkThatCannotWorkIsRefusedWithItsProblem() {
        ModelSpec impossible =
                new ModelSpec("bad", Shape.image(1, 4, 4), List.of(Pool2dSpec.max(8, 8)));
        assertThatThrownBy(() -> NetworkDiagram.of(impossible))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be drawn")
                .hasMessageContaining("layer 1");
    }
}
