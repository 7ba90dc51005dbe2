package io.passerelle.runtime.logging;

import java.util.regex.Pattern;

/**
 * Text fit for a log line when it may quote what a client or a producer sent: a parser's message
 * quotes the offending value ({@code from String "…"}, {@code Unrecognized token '…'}), and values
 * in a body are personal data. The quoted parts are blanked; the rest (what was wrong, where) stays.
 */
public final class LogSafe {
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`");

    private LogSafe() {
    }

    /** {@code text} with every quoted value replaced by {@code "…"}; null stays null. */
    public static String withoutQuotedValues(String text) {
        return text == null ? null : QUOTED.matcher(text).replaceAll("\"…\"");
    }
}
