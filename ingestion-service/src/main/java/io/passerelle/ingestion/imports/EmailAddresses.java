package io.passerelle.ingestion.imports;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * Tells an e-mail address from what an address book or an export lets people type in its place
 * ({@code jean@}, {@code n/a}, {@code jean.martin@gmail}). An address read here is also one the
 * contract's {@code @Email} accepts: the local part is dot-separated atoms (no quoted forms), the
 * domain dot-separated labels with at least one dot, possibly internationalised (no IP literal), and
 * the whole at most 254 characters. That is stricter than the contract on purpose: an import drops an
 * address it cannot trust, with a warning, rather than reject the person.
 */
final class EmailAddresses {
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_DOMAIN_LENGTH = 255;
    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u00a0-\\uffff-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*", Pattern.CASE_INSENSITIVE);
    private static final String LABEL = "[a-z0-9\\u00a0-\\uffff]+(?:-+[a-z0-9\\u00a0-\\uffff]+)*";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+", Pattern.CASE_INSENSITIVE);

    private EmailAddresses() {
    }

    /** Whether this stripped, non-blank value is an e-mail address an import keeps. */
    static boolean isValid(String address) {
        if (address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART_LENGTH || at == address.length() - 1) {
            return false;
        }
        String domain = address.substring(at + 1);
        if (!LOCAL_PART.matcher(address.substring(0, at)).matches() || !DOMAIN.matcher(domain).matches()) {
            return false;
        }
        try {
            return IDN.toASCII(domain).length() <= MAX_DOMAIN_LENGTH;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The warning message for a value that is not an address; {@code kept} says what stays ("the connection"). */
    static String notAnAddress(String value, String kept) {
        return LineError.quote(value) + " is not an e-mail address: " + kept + " is kept without it";
    }
}
