package io.passerelle.ingestion.imports;

import java.util.Locale;
import java.util.Set;

/** Says what a file looks like from its first meaningful line, to tell the caller which format to declare. */
final class FormatSniffer {
    private FormatSniffer() {
    }

    /** The format a file whose first meaningful line (header or BEGIN line) is this seems to be. */
    static ImportFormat recognise(String firstLine, Set<String> columns) {
        if (firstLine == null) {
            return null;
        }
        if (firstLine.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD")) {
            return ImportFormat.VCARD;
        }
        if (columns.contains("CONVERSATION ID") && columns.contains("SENDER PROFILE URL")) {
            return ImportFormat.LINKEDIN_MESSAGES;
        }
        if (columns.contains("First Name") && columns.contains("Last Name") && columns.contains("Connected On")) {
            return ImportFormat.LINKEDIN_CONNECTIONS;
        }
        if (columns.contains("E-mail 1 - Value") || columns.contains("Given Name") || columns.contains("Labels")
                || columns.contains("Group Membership") || columns.contains("Organization Name")) {
            return ImportFormat.GOOGLE_CONTACTS;
        }
        return null;
    }

    /** "it is a vCard file (use format=vcard)", "the file is empty", or the line's beginning. */
    static String describe(String firstLine, Set<String> columns) {
        if (firstLine == null) {
            return "the file is empty";
        }
        ImportFormat recognised = recognise(firstLine, columns);
        if (recognised != null) {
            return "it is " + recognised.description() + " (use format=" + recognised.formatName() + ")";
        }
        return "it starts with \"" + TextInput.excerpt(firstLine) + "\"";
    }
}
