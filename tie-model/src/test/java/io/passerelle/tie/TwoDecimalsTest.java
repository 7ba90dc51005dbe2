package io.passerelle.tie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two decimals as String.format writes them, for the numbers explanations write. */
class TwoDecimalsTest {

    @Test
    void writesWhatTheFormatterWritesForStrengthsAndThresholds() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextInt(10_000) / 1000.0; // three decimals: many exact halves of the last place kept
                case 2 -> (random.nextInt(2_000) + 0.5) / 100.0 - 5; // halves, negatives included
                default -> (random.nextDouble() - 0.5) * 200;
            };
            assertThat(TwoDecimals.of(value, '.')).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
            assertThat(TwoDecimals.of(value, ',')).as("%s", value).isEqualTo(String.format(Locale.FRANCE, "%.2f", value));
        }
    }

    @Test
    void roundsHalvesUpFromTheShortestDecimalForm() {
        assertThat(TwoDecimals.of(0.125, '.')).isEqualTo("0.13");
        assertThat(TwoDecimals.of(0.005, ',')).isEqualTo("0,01");
        assertThat(TwoDecimals.of(1.0, ',')).isEqualTo("1,00");
        assertThat(TwoDecimals.of(0.0, '.')).isEqualTo("0.00");
        assertThat(TwoDecimals.of(-0.001, '.')).isEqualTo(String.format(Locale.ROOT, "%.2f", -0.001));
        assertThat(TwoDecimals.of(Double.NaN, '.')).isEqualTo(String.format(Locale.ROOT, "%.2f", Double.NaN));
    }
}
