package io.passerelle.ingestion.imports;

import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Google Contacts CSV export, in either header style: the current one ({@code First Name,Middle Name,
 * Last Name,...,Organization Name,Organization Title,...,Labels,E-mail 1 - Value,...,Address 1 - City})
 * and the older one ({@code Name,Given Name,Additional Name,Family Name,...,Group Membership,
 * E-mail 1 - Value,...,Organization 1 - Name,Organization 1 - Title}). Cells holding several values
 * separate them with {@code " ::: "}. Labels that name a relation set the origin (see
 * {@link OriginLabels}); the others become tags; Google's system groups ({@code * myContacts}) are dropped.
 * A value that is not an e-mail address is left out with a warning. Columns this service has no field for
 * (birthday, notes, phones, events) are not read, so nothing in them can reject a contact.
 */
final class GoogleContactsReader implements ImportReader {
    static final String HEADER = "First Name,Middle Name,Last Name,...,Organization Name,Organization Title,...,"
            + "E-mail 1 - Value,...,Labels (or the older Name,Given Name,...,Group Membership,...)";
    private static final String SEPARATOR = " ::: ";
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 60;

    private final CsvRecords csv;
    private final List<String> emailColumns = new ArrayList<>();

    GoogleContactsReader(InputStream file) throws IOException {
        this.csv = CsvRecords.open(TextInput.open(file), ImportFormat.GOOGLE_CONTACTS, "a header such as \"" + HEADER + "\"",
                columns -> !columns.contains("Connected On") && !columns.contains("CONVERSATION ID")
                        && (columns.contains("E-mail 1 - Value")
                        || columns.contains("First Name") && (columns.contains("Labels") || columns.contains("Organization Name"))
                        || columns.contains("Given Name") && columns.contains("Family Name")));
        for (int n = 1; csv.hasColumn("E-mail " + n + " - Value"); n++) {
            emailColumns.add("E-mail " + n + " - Value");
        }
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
        List<String> emails = new ArrayList<>();
        List<LineError> warnings = new ArrayList<>();
        for (String column : emailColumns) {
            String cell = row.get(column);
            if (cell == null) {
                continue;
            }
            for (String value : cell.split(SEPARATOR)) {
                String email = value.strip();
                if (email.isEmpty() || emails.contains(email)) {
                    continue;
                }
                if (EmailAddresses.isValid(email)) {
                    emails.add(email);
                } else {
                    warnings.add(new LineError(column, EmailAddresses.notAnAddress(email, "the contact")));
                }
            }
        }
        String company = Names.first(row.get("Organization Name"), row.get("Organization 1 - Name"));
        String displayName = Names.first(
                row.get("Name"),
                Names.join(row.get("First Name"), row.get("Middle Name"), row.get("Last Name")),
                Names.join(row.get("Given Name"), row.get("Additional Name"), row.get("Family Name")),
                row.get("Nickname"), row.get("File As"), company, emails.isEmpty() ? null : emails.get(0));
        if (displayName == null) {
            return RejectedRecord.of(row.line(), "First Name",
                    "is empty, and so are the other name columns, the organisation and the e-mails: a contact needs a name");
        }
        String labels = Names.first(row.get("Labels"), row.get("Group Membership"));
        Set<Origin> origins = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        if (labels != null) {
            for (String label : labels.split(SEPARATOR)) {
                String name = label.strip();
                if (name.isEmpty()) {
                    continue;
                }
                OriginLabels.ofLabel(name).ifPresentOrElse(origins::add, () -> {
                    if (!name.startsWith("*") && tags.size() < MAX_TAGS && !tags.contains(name)) {
                        tags.add(name.length() <= MAX_TAG_LENGTH ? name : name.substring(0, MAX_TAG_LENGTH));
                    }
                });
            }
        }
        String contactId = emails.isEmpty()
                ? ContactIds.fromName(ImportFormat.GOOGLE_CONTACTS, displayName)
                : ContactIds.fromEmail(emails.get(0));
        Contact contact = new Contact(displayName, emails.isEmpty() ? null : emails,
                company, Names.first(row.get("Organization Title"), row.get("Organization 1 - Title")),
                null, null, null, location(row), OriginLabels.closest(origins), null, Source.GOOGLE, null, null, null,
                tags.isEmpty() ? null : tags);
        return new ContactRecord(row.line(), contactId, contact, warnings);
    }

    private static Location location(CsvRecords.Row row) {
        String city = row.get("Address 1 - City");
        String postalCode = row.get("Address 1 - Postal Code");
        String region = row.get("Address 1 - Region");
        String country = CountryCodes.of(row.get("Address 1 - Country"));
        if (city == null && postalCode == null && region == null && country == null) {
            return null;
        }
        return new Location(city, postalCode, null, region, country, null, null);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
