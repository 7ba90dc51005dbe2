package io.passerelle.tie;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A strength written with two decimals, as {@code String.format("%.2f")} writes it (the shortest
 * decimal form of the double, rounded half up) without parsing a format string for every number:
 * explanations write several numbers for every tie they describe.
 */
final class TwoDecimals {
    private TwoDecimals() {
    }

    /** {@code value} with two decimals and the given decimal separator; "NaN" and infinities as {@link Double#toString}. */
    static String of(double value, char separator) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String plain = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        if (value < 0 && plain.charAt(0) != '-') {
            plain = "-" + plain; // a small negative number rounds to "-0.00", as the formatter writes it
        }
        return separator == '.' ? plain : plain.replace('.', separator);
    }
}
