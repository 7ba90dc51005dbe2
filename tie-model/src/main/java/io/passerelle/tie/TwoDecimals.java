package io.passerelle.tie;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers written with two decimals in a locale, exactly as {@code String.format(locale, "%.2f", value)}
 * writes them, without building a {@link java.util.Formatter} and its locale's symbols for each number:
 * an explanation says one or two such numbers for each tie of a listing page. Like the formatter, it
 * rounds half up from the shortest decimal form of the value ({@link BigDecimal#valueOf(double)}); what
 * is not a finite non-negative number is left to the formatter.
 */
final class TwoDecimals {
    private final Locale locale;
    private final char separator;

    TwoDecimals(Locale locale) {
        this.locale = locale;
        this.separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
    }

    String format(double value) {
        if (!Double.isFinite(value) || Math.copySign(1.0, value) < 0) {
            return String.format(locale, "%.2f", value);
        }
        String text = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return separator == '.' ? text : text.replace('.', separator);
    }
}
