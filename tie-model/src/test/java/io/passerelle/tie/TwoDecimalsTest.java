package io.passerelle.tie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoDecimalsTest {
    private static final Locale[] LOCALES = {Locale.FRANCE, Locale.ROOT, Locale.ENGLISH};

    private static void assertWrittenAsTheFormatterWrites(double value) {
        for (Locale locale : LOCALES) {
            assertThat(new TwoDecimals(locale).format(value)).as("%s in %s", value, locale)
                    .isEqualTo(String.format(locale, "%.2f", value));
        }
    }

    @Test
    void writesAsTheFormatterDoes() {
        assertThat(new TwoDecimals(Locale.FRANCE).format(0.456)).isEqualTo("0,46");
        assertThat(new TwoDecimals(Locale.ROOT).format(0.456)).isEqualTo("0.46");
        assertThat(new TwoDecimals(Locale.ROOT).format(0.7)).isEqualTo("0.70");
    }

    @Test
    void roundsHalfwayNumbersAsTheFormatterDoes() {
        // 0.145 is 0.14499999999999999 in binary: the formatter rounds its shortest decimal form, 0.145, up.
        for (double value : new double[] {0.005, 0.015, 0.125, 0.145, 0.285, 0.335, 0.995, 1.005, 2.675, 1e-9, 0.0, 1.0, 1e7, 123456789.125,
                Double.MIN_VALUE, Double.MAX_VALUE}) {
            assertWrittenAsTheFormatterWrites(value);
        }
        for (int thousandths = 0; thousandths <= 2_000; thousandths++) {
            double value = thousandths / 1000.0;
            assertWrittenAsTheFormatterWrites(value);
            assertWrittenAsTheFormatterWrites(Math.nextUp(value));
            assertWrittenAsTheFormatterWrites(Math.nextDown(value));
        }
    }

    @Test
    void writesRandomNumbersAsTheFormatterDoes() {
        Random random = new Random(20261202L);
        for (int i = 0; i < 100_000; i++) {
            assertWrittenAsTheFormatterWrites(random.nextDouble());
            assertWrittenAsTheFormatterWrites(random.nextDouble() * 1_000);
        }
    }

    @Test
    void leavesWhatIsNotAFiniteNonNegativeNumberToTheFormatter() {
        for (double value : new double[] {-0.0, -0.001, -0.456, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertWrittenAsTheFormatterWrites(value);
        }
    }
}
