package org.dnw.ui.hyperparams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogScaleTest {

    private final LogScale learningRates = new LogScale(1e-5, 1);

    @Test
    void positionsAreEvenlySpacedInLog10FromMinToMax() {
        assertThat(learningRates.toPosition(1e-5)).isEqualTo(0.0);
        assertThat(learningRates.toPosition(1)).isEqualTo(1.0);
        assertThat(learningRates.toPosition(1e-3)).isCloseTo(0.4, within(1e-12));
        assertThat(learningRates.toPosition(1e-4)).isCloseTo(0.2, within(1e-12));
        assertThat(learningRates.fromPosition(0)).isCloseTo(1e-5, within(1e-18));
        assertThat(learningRates.fromPosition(1)).isEqualTo(1.0);
        assertThat(learningRates.fromPosition(0.5)).isCloseTo(Math.pow(10, -2.5), within(1e-12));
        assertThat(learningRates.fromPosition(0.6)).isCloseTo(0.01, within(1e-12));
        assertThat(learningRates.fromPosition(0.8)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void positionsAndValuesRoundTripAndClamp() {
        for (double p = 0; p <= 1.0; p += 0.05) {
            assertThat(learningRates.toPosition(learningRates.fromPosition(p)))
                    .isCloseTo(p, within(1e-9));
        }
        assertThat(learningRates.toPosition(5)).isEqualTo(1.0);
        assertThat(learningRates.toPosition(1e-9)).isEqualTo(0.0);
        assertThat(learningRates.fromPosition(-3)).isCloseTo(1e-5, within(1e-18));
        assertThat(learningRates.clamp(Double.NaN)).isEqualTo(1e-5);
    }

    @Test
    void theStopsAreOneTwoThreeFivePerDecade() {
        double[] stops = learningRates.stops();
        assertThat(stops).hasSize(21);
        assertThat(stops[0]).isEqualTo(1e-5);
        assertThat(stops[1]).isEqualTo(2e-5);
        assertThat(stops[6]).isEqualTo(3e-4);
        assertThat(stops[8]).isEqualTo(1e-3);
        assertThat(stops[20]).isEqualTo(1.0);
        assertThat(new LogScale(1e-6, 1e-1).stops()).startsWith(1e-6).endsWith(0.1);
    }

    @Test
    void draggingSnapsToTheNearestRoundValueInLog10() {
        assertThat(learningRates.snap(0.00042)).isEqualTo(5e-4);
        assertThat(learningRates.snap(0.00035)).isEqualTo(3e-4);
        assertThat(learningRates.snap(0.0011)).isEqualTo(1e-3);
        assertThat(learningRates.snap(0.8)).isEqualTo(1.0);
        assertThat(learningRates.snap(learningRates.fromPosition(0.4))).isEqualTo(1e-3);
    }

    @Test
    void stepsGoToTheNeighbouringRoundValue() {
        assertThat(learningRates.step(1e-3, 1)).isEqualTo(2e-3);
        assertThat(learningRates.step(1e-3, -1)).isEqualTo(5e-4);
        // 7e-4 lies between 5e-4 and 1e-3: one step either way lands on those.
        assertThat(learningRates.step(7e-4, 1)).isEqualTo(1e-3);
        assertThat(learningRates.step(7e-4, -1)).isEqualTo(5e-4);
        assertThat(learningRates.step(1, 1)).isEqualTo(1.0);
        assertThat(learningRates.step(1e-5, -1)).isEqualTo(1e-5);
    }

    @Test
    void formatsAsAStudentWritesIt() {
        assertThat(LogScale.format(0.001)).isEqualTo("0.001");
        assertThat(LogScale.format(3e-4)).isEqualTo("3e-4");
        assertThat(LogScale.format(1e-5)).isEqualTo("1e-5");
        assertThat(LogScale.format(2.5e-5)).isEqualTo("2.5e-5");
        assertThat(LogScale.format(0.0015)).isEqualTo("0.0015");
        assertThat(LogScale.format(0.25)).isEqualTo("0.25");
        assertThat(LogScale.format(0.1)).isEqualTo("0.1");
        assertThat(LogScale.format(1)).isEqualTo("1");
        assertThat(LogScale.format(0.0031623)).isEqualTo("0.00316");
        assertThat(LogScale.format(9.996e-5)).isEqualTo("1e-4");
        assertThat(LogScale.format(0)).isEqualTo("0");
    }

    @Test
    void parsesWhatAStudentTypes() {
        assertThat(LogScale.parse("3e-4")).hasValue(3e-4);
        assertThat(LogScale.parse(" 3E-4 ")).hasValue(3e-4);
        assertThat(LogScale.parse("0.001")).hasValue(0.001);
        assertThat(LogScale.parse("0,001")).hasValue(0.001);
        assertThat(LogScale.parse(".5")).hasValue(0.5);
        assertThat(LogScale.parse("1")).hasValue(1.0);
        assertThat(LogScale.parse("abc")).isEmpty();
        assertThat(LogScale.parse("")).isEmpty();
        assertThat(LogScale.parse(null)).isEmpty();
        assertThat(LogScale.parse("1e999")).isEmpty();
        assertThat(LogScale.parse("NaN")).isEmpty();
        assertThat(LogScale.parse("0x10")).isEmpty();
    }

    @Test
    void formattedValuesParseBackToTheSameOrAVeryCloseValue() {
        for (double stop : learningRates.stops()) {
            assertThat(LogScale.parse(LogScale.format(stop))).hasValue(stop);
        }
        Random random = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            double v = learningRates.fromPosition(random.nextDouble());
            double back = LogScale.parse(LogScale.format(v)).orElseThrow();
            assertThat(back).isCloseTo(v, within(v * 5e-3));
        }
    }

    @Test
    void aScaleNeedsZeroBelowMinBelowMax() {
        assertThatThrownBy(() -> new LogScale(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogScale(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
