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

    /** 30 rows: class 1–3 first, then three fractional measurements (15 distinct values last). */
    private static String labelFirst(boolean header) {
        StringBuilder b = new StringBuilder(header ? "class,area,width,groove\n" : "");
        for (int r = 0; r < 30; r++) {
            b.append(1 + r % 3)
                    .append(',')
                    .append(10 + r * 0.5)
                    .append(',')
                    .append(3 + r * 0.1)
                    .append(',')
                    .append(5 + (r % 15) * 0.25)
                    .append('\n');
        }
        return b.toString();
    }

    @Test
    void aHeaderNamedClassIsTheLabelWhereverItStands() throws Exception {
        TableReader.ReadTable t =
                TableReader.readTable(
                        file("first.csv", labelFirst(true)), TableReader.Options.DEFAULT);
        assertThat(t.samples().classNames()).containsExactly("1", "2", "3");
        assertThat(t.samples().featureNames()).containsExactly("area", "width", "groove");
        assertThat(t.layout().labelColumn()).isZero();
        assertThat(t.layout().guessed()).isTrue();
        assertThat(t.layout().reason()).isEqualTo("guessed: the header names it \"class\"");
        assertThat(t.layout().labelName()).isEqualTo("class (column 1)");
        for (String other : List.of("Species", "TARGET", "y", "label", "type")) {
            Path p = file(other + ".csv", "a," + other + "\n1,x\n2,z\n");
            assertThat(TableReader.readTable(p, TableReader.Options.DEFAULT).layout().labelColumn())
                    .as(other)
                    .isEqualTo(1);
        }
    }

    @Test
    void aGuessedLabelColumnOfMeasurementsIsRefusedAndTheLikelyOneNamed() throws Exception {
        Path p = file("nohead.csv", labelFirst(false));
        assertThatThrownBy(() -> TableReader.read(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(
                        "nohead.csv: the label column was guessed: the last column (column 4),"
                                + " but it holds fractional numbers such as 5.25, a measurement"
                                + " rather than a class.")
                .hasMessageContaining(
                        "Column 1 holds 3 distinct whole numbers or words and may be the label.")
                .hasMessageContaining("--label-column");
        TableReader.ReadTable chosen =
                TableReader.readTable(p, TableReader.Options.DEFAULT.withLabelColumn("1"));
        assertThat(chosen.samples().classNames()).containsExactly("1", "2", "3");
        assertThat(chosen.layout().guessed()).isFalse();
        assertThat(chosen.layout().labelColumnOption()).isEqualTo("1");
    }

    @Test
    void tooManyDistinctWholeNumbersAreRefusedWhenGuessed() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 40; r++) {
            b.append(r % 2).append(' ').append(r * 0.5).append(' ').append(r).append('\n');
        }
        Path p = file("ids.txt", b.toString());
        assertThatThrownBy(() -> TableReader.read(p))
                .hasMessageContaining(
                        "holds 40 distinct values in 40 rows, fewer than two rows per class")
                .hasMessageContaining("Column 1 holds 2 distinct");
        // chosen by the user, the same column is taken as asked
        assertThat(
                        TableReader.read(p, TableReader.Options.DEFAULT.withLabelColumn("last"))
                                .classCount())
                .isEqualTo(40);
    }

    @Test
    void theLabelColumnIsChosenByNameOrNumber() throws Exception {
        Path p = file("named.csv", "Kind,x,y,z\nb,1,2,3\na,4,5,6\nb,7,8,9\n");
        // "y" is a label name, but the user's choice wins
        TableReader.ReadTable byName =
                TableReader.readTable(p, TableReader.Options.DEFAULT.withLabelColumn("kind"));
        assertThat(byName.samples().classNames()).containsExactly("a", "b");
        assertThat(byName.layout().labelColumnOption()).isEqualTo("Kind");
        assertThat(byName.layout().reason()).isEqualTo("chosen");
        Path numbers = file("numbers.csv", "k,x,y,z\n1,1,2,3\n0,4,5,6\n1,7,8,9\n");
        assertThat(TableReader.readTable(numbers, TableReader.Options.DEFAULT).layout().labelName())
                .isEqualTo("y (column 3)");
        assertThat(
                        TableReader.read(numbers, TableReader.Options.DEFAULT.withLabelColumn("-1"))
                                .featureNames())
                .containsExactly("k", "x", "y");
        assertThatThrownBy(
                        () -> TableReader.read(p, TableReader.Options.DEFAULT.withLabelColumn("w")))
                .hasMessage(
                        "named.csv: has no column named \"w\"; its columns are Kind, x, y, z (or"
                                + " give the label column's number, 1 to 4)");
        assertThatThrownBy(
                        () -> TableReader.read(p, TableReader.Options.DEFAULT.withLabelColumn("9")))
                .hasMessageContaining("there is no label column 9 (give 1 to 4");
    }

    @Test
    void theWheatLayoutStaysLabelLast() throws Exception {
        Path p =
                file("seeds.txt", "15.26\t14.84\t1\n14.88 14.57 1\n13.84 13.94 2\n16.14 14.99 3\n");
        TableReader.ReadTable t = TableReader.readTable(p, TableReader.Options.DEFAULT);
        assertThat(t.layout().header()).isFalse();
        assertThat(t.layout().labelColumn()).isEqualTo(2);
        assertThat(t.layout().reason()).isEqualTo("guessed: the last column");
        assertThat(t.layout().columnNames()).containsExactly("column 1", "column 2", "column 3");
    }
}
