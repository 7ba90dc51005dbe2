package io.passerelle.ingestion.imports;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.RelationContext;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LinkedIn's {@code Connections.csv}: a few "Notes:" lines, then
 * {@code First Name,Last Name,URL,Email Address,Company,Position,Connected On} ({@code URL} is absent
 * from older exports), {@code Email Address} usually empty, dates such as {@code 07 Dec 2025}.
 * Every connection is a contact from LINKEDIN in the NETWORK context, with its company and its position
 * as written (the role, seniority words included). The file does not say how the owner knows them, so
 * the origin is left out: graph-service infers it from the owner's profile (same company, a past
 * company or a school in common, else ONLINE for a contact from a social platform). A date or an
 * e-mail address that cannot be read (a spreadsheet's {@code 7-Feb-22}, {@code jean@}) is left out
 * with a warning; only a row without a name is rejected.
 */
final class LinkedInConnectionsReader implements ImportReader {
    static final String HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    private static final DateTimeFormatter CONNECTED_ON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM uuuu")
            .toFormatter(Locale.ENGLISH);

    private final CsvRecords csv;

    LinkedInConnectionsReader(InputStream file) throws IOException {
        this.csv = CsvRecords.open(TextInput.open(file), ImportFormat.LINKEDIN_CONNECTIONS,
                "the header \"" + HEADER + "\" (URL is absent from older exports)",
                columns -> columns.contains("First Name") && columns.contains("Last Name")
                        && columns.contains("Connected On"));
    }

    @Override
    public ImportedRecord next() throws IOException {
        CsvRecords.Row row = csv.next();
        if (row == null) {
            return null;
        }
        if (row.problem() != null) {
            return RejectedRecord.of(row.line(), "line", row.problem());
        }
        String displayName = Names.join(row.get("First Name"), row.get("Last Name"));
        if (displayName == null) {
            return RejectedRecord.of(row.line(), "First Name", "is empty, and so is Last Name: a connection needs a name");
        }
        // The date and the e-mail address are optional: one that cannot be read is left out, with a warning.
        List<LineError> warnings = new ArrayList<>();
        LocalDate connectedOn = null;
        String connected = row.get("Connected On");
        if (connected != null) {
            try {
                connectedOn = parseDate(connected);
            } catch (DateTimeParseException e) {
                warnings.add(new LineError("Connected On", LineError.quote(connected)
                        + " is not a date such as 07 Dec 2025: the connection is kept without its date"));
            }
        }
        String email = row.get("Email Address");
        if (email != null && !EmailAddresses.isValid(email)) {
            warnings.add(new LineError("Email Address", EmailAddresses.notAnAddress(email, "the connection")));
            email = null;
        }
        String contactId = ContactIds.fromLinkedInProfile(row.get("URL"));
        if (contactId == null) {
            contactId = email != null ? ContactIds.fromEmail(email) : ContactIds.fromName(ImportFormat.LINKEDIN_CONNECTIONS, displayName);
        }
        Contact contact = new Contact(displayName, email == null ? null : List.of(email), row.get("Company"),
                row.get("Position"), null, null, null, null, null, List.of(RelationContext.NETWORK),
                Source.LINKEDIN, connectedOn, null, null, null);
        return new ContactRecord(row.line(), contactId, contact, warnings);
    }

    /** {@code 07 Dec 2025} as LinkedIn writes it, or an ISO date. */
    static LocalDate parseDate(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && text.length() == 10 && text.charAt(4) == '-') {
            return LocalDate.parse(text);
        }
        return LocalDate.parse(text, CONNECTED_ON);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
