package org.dnw.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsWhitespaceSeparatedRowsWithRunsOfTabsAndSpaces() throws Exception {
        // as in the UCI seeds file: some rows use several tabs or spaces between fields
        Path p =
                file(
                        "seeds.txt",
                        "15.26\t14.84\t1\n14.88  14.57\t\t1\n\n13.84\t13.94   2\n16.14 14.99 3\n");
        TableSamples t = TableReader.read(p);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.featureCount()).isEqualTo(2);
        assertThat(t.values())
                .containsExactly(15.26f, 14.84f, 14.88f, 14.57f, 13.84f, 13.94f, 16.14f, 14.99f);
        assertThat(t.classNames()).containsExactly("1", "2", "3");
        assertThat(t.labels()).containsExactly(0, 0, 1, 2);
        assertThat(t.featureNames()).containsExactly("feature 1", "feature 2");
    }

    @Test
    void readsCsvWithHeaderAndWordLabels() throws Exception {
        Path p =
                file(
                        "iris.csv",
                        "sepal length,sepal width,species\n5.1,3.5,setosa\n7.0,3.2,versicolor\n4.9,\"3.0\",setosa\n");
        TableSamples t = TableReader.read(p);
        assertThat(t.featureNames()).containsExactly("sepal length", "sepal width");
        assertThat(t.classNames()).containsExactly("setosa", "versicolor");
        assertThat(t.labels()).containsExactly(0, 1, 0);
        assertThat(t.values()[5]).isEqualTo(3.0f);
    }

    @Test
    void readsSemicolonsWithDecimalCommasAndALabelColumnElsewhere() throws Exception {
        Path p = file("eu.csv", "klasse;a;b\nx;1,5;2\ny;-0,25;3e2\n");
        TableSamples t = TableReader.read(p, TableReader.Options.DEFAULT.withLabelColumn(0));
        assertThat(t.featureNames()).containsExactly("a", "b");
        assertThat(t.values()).containsExactly(1.5f, 2f, -0.25f, 300f);
        assertThat(t.classNames()).containsExactly("x", "y");
    }

    @Test
    void numericLabelsSortByValueAndEqualValuesAreOneClass() throws Exception {
        Path p = file("n.txt", "0.5 10\n0.1 2\n0.2 1\n0.3 2.0\n0.4 1e1\n");
        TableSamples t = TableReader.read(p);
        assertThat(t.classNames()).containsExactly("1", "2", "10");
        assertThat(t.labels()).containsExactly(2, 1, 0, 1, 2);
    }

    @Test
    void givenNamesReplaceTheLabels() throws Exception {
        Path p = file("w.txt", "1 2 1\n3 4 2\n5 6 3\n");
        TableSamples t =
                TableReader.read(
                        p,
                        TableReader.Options.DEFAULT
                                .withClassNames(List.of("Kama", "Rosa", "Canadian"))
                                .withFeatureNames(List.of("area", "perimeter")));
        assertThat(t.classNames()).containsExactly("Kama", "Rosa", "Canadian");
        assertThat(t.featureNames()).containsExactly("area", "perimeter");
        assertThatThrownBy(
                        () ->
                                TableReader.read(
                                        p,
                                        TableReader.Options.DEFAULT.withClassNames(
                                                List.of("a", "b"))))
                .hasMessage("w.txt: has 3 classes (1, 2, 3) but 2 were expected");
    }

    @Test
    void rowWithOtherFieldCountNamesTheLine() throws Exception {
        Path p = file("ragged.csv", "a,b,c\n1,2,x\n3,4\n");
        assertThatThrownBy(() -> TableReader.read(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("ragged.csv: line 3 has 2 fields, but line 1 has 3");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws Exception {
        Path p = file("bad.txt", "1 2 a\n3 four b\n");
        assertThatThrownBy(() -> TableReader.read(p))
                .hasMessage("bad.txt: line 2, column 2: \"four\" is not a number");
        Path empty = file("hole.csv", "1,2,a\n3,,b\n");
        assertThatThrownBy(() -> TableReader.read(empty))
                .hasMessage("hole.csv: line 2, column 2 is empty; every feature needs a number");
        Path nan = file("nan.csv", "1,2,a\n3,NaN,b\n");
        assertThatThrownBy(() -> TableReader.read(nan))
                .hasMessage("nan.csv: line 2, column 2: \"NaN\" is not a number");
    }

    @Test
    void emptyFileHeaderOnlyAndSingleClassAreReported() throws Exception {
        assertThatThrownBy(() -> TableReader.read(file("empty.csv", "\n  \n")))
                .hasMessage("empty.csv: is empty: it holds no rows of data");
        assertThatThrownBy(() -> TableReader.read(file("head.csv", "x,y,label\n")))
                .hasMessage("head.csv: holds a header but no rows of data");
        assertThatThrownBy(() -> TableReader.read(file("one.txt", "1 2 7\n3 4 7\n")))
                .hasMessageStartingWith(
                        "one.txt: every row has the label \"7\" in column 3; a classifier needs at least two classes");
        assertThatThrownBy(() -> TableReader.read(file("col.txt", "1\n2\n")))
                .hasMessageStartingWith("col.txt: line 1 has a single column");
    }

    @Test
    void binaryFileIsNotATable() throws Exception {
        Path p = dir.resolve("x.bin");
        Files.write(p, new byte[] {1, 0, 2, 10, 3});
        assertThatThrownBy(() -> TableReader.read(p))
                .hasMessage("x.bin: is not a text table (it holds binary data)");
    }

    @Test
    void headerCanBeForcedOff() throws Exception {
        Path p = file("h.txt", "1 2 a\n3 4 b\n");
        TableSamples t = TableReader.read(p, TableReader.Options.DEFAULT.withHeader(false));
        assertThat(t.size()).isEqualTo(2);
        assertThatThrownBy(
                        () ->
                                TableReader.read(
                                        file("forced.txt", "x 2 a\n3 4 b\n"),
                                        TableReader.Options.DEFAULT.withHeader(false)))
                .hasMessage("forced.txt: line 1, column 1: \"x\" is not a number");
    }
}
