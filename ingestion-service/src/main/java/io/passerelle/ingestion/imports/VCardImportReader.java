package io.passerelle.ingestion.imports;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.RelatedType;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Related;
import ezvcard.property.StructuredName;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Location;
import io.passerelle.contracts.model.Origin;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A vCard file (RFC 6350 version 4.0, RFC 2426 version 3.0, and 2.1), read card by card by ez-vcard,
 * which unfolds continuation lines and decodes escapes and quoted-printable values. Each card maps
 * FN (or N), EMAIL, ORG, TITLE (or ROLE), the first ADR, CATEGORIES (tags, and origin when a category
 * names a relation) and UID (the contactId); {@code RELATED;TYPE=} values set the origin
 * (see {@link OriginLabels}). Contacts from an address book have source PHONE. Line breaks typed in a
 * value (an escaped {@code \n}) are folded into a space, as in the CSV formats; a value that is not an
 * e-mail address is left out with a warning. Properties this service has no field for (BDAY,
 * ANNIVERSARY, TEL, NOTE, ...) are not read, so a malformed one never rejects a card.
 */
final class VCardImportReader implements ImportReader {
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 60;

    private final LineCountingReader lines;
    private final VCardReader cards;

    VCardImportReader(InputStream file) throws IOException {
        BufferedReader text = TextInput.open(file);
        text.mark(64 * 1024);
        String first;
        do {
            first = text.readLine();
        } while (first != null && first.isBlank());
        if (first == null || !first.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD")) {
            Set<String> cells = first == null ? Set.of()
                    : new HashSet<>(Arrays.stream(first.split(",")).map(cell -> cell.replace("\"", "").strip()).toList());
            throw new NotTheDeclaredFormatException(ImportFormat.VCARD, "a first line BEGIN:VCARD",
                    FormatSniffer.describe(first, cells));
        }
        text.reset();
        this.lines = new LineCountingReader(text);
        this.cards = new VCardReader(lines);
        this.cards.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
    }

    @Override
    public ImportedRecord next() throws IOException {
        VCard card = cards.readNext();
        if (card == null) {
            return null;
        }
        int line = lines.lineOfLastBegin();
        List<String> emails = new ArrayList<>();
        List<LineError> warnings = new ArrayList<>();
        for (Email property : card.getEmails()) {
            String email = Names.singleLine(property.getValue());
            if (email == null || emails.contains(email)) {
                continue;
            }
            if (EmailAddresses.isValid(email)) {
                emails.add(email);
            } else {
                warnings.add(new LineError("EMAIL", EmailAddresses.notAnAddress(email, "the contact")));
            }
        }
        String company = card.getOrganization() == null ? null
                : card.getOrganization().getValues().stream().map(Names::singleLine).filter(Objects::nonNull)
                .findFirst().orElse(null);
        String displayName = Names.first(
                card.getFormattedName() == null ? null : Names.singleLine(card.getFormattedName().getValue()),
                structuredName(card.getStructuredName()),
                company, emails.isEmpty() ? null : emails.get(0));
        if (displayName == null) {
            return RejectedRecord.of(line, "FN", "is missing, and so are N, ORG and EMAIL: a card needs a name");
        }
        Set<Origin> origins = new LinkedHashSet<>();
        for (Related related : card.getRelations()) {
            for (RelatedType type : related.getTypes()) {
                OriginLabels.ofRelatedType(type.getValue()).ifPresent(origins::add);
            }
        }
        List<String> tags = new ArrayList<>();
        for (Categories categories : card.getCategoriesList()) {
            for (String category : categories.getValues()) {
                String name = Names.singleLine(category);
                if (name != null) {
                    OriginLabels.ofLabel(name).ifPresent(origins::add);
                    if (tags.size() < MAX_TAGS && !tags.contains(name)) {
                        tags.add(name.length() <= MAX_TAG_LENGTH ? name : name.substring(0, MAX_TAG_LENGTH));
                    }
                }
            }
        }
        String role = Names.singleLine(Names.first(
                card.getTitles().isEmpty() ? null : card.getTitles().get(0).getValue(),
                card.getRoles().isEmpty() ? null : card.getRoles().get(0).getValue()));
        String uid = card.getUid() == null ? null : card.getUid().getValue();
        String contactId = uid != null && !uid.isBlank() ? ContactIds.fromVCardUid(uid)
                : !emails.isEmpty() ? ContactIds.fromEmail(emails.get(0))
                : ContactIds.fromName(ImportFormat.VCARD, displayName);
        Contact contact = new Contact(displayName, emails.isEmpty() ? null : emails, company, role, null, null, null,
                location(card.getAddresses()), OriginLabels.closest(origins), null, Source.PHONE, null, null, null,
                tags.isEmpty() ? null : tags);
        return new ContactRecord(line, contactId, contact, warnings);
    }

    private static String structuredName(StructuredName name) {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(name.getPrefixes());
        parts.add(name.getGiven());
        parts.addAll(name.getAdditionalNames());
        parts.add(name.getFamily());
        return Names.singleLine(Names.join(parts.toArray(String[]::new)));
    }

    private static Location location(List<Address> addresses) {
        for (Address address : addresses) {
            String city = Names.singleLine(address.getLocality());
            String postalCode = Names.singleLine(address.getPostalCode());
            String region = Names.singleLine(address.getRegion());
            String country = CountryCodes.of(address.getCountry());
            if (city != null || postalCode != null || region != null || country != null) {
                return new Location(city, postalCode, null, region, country, null, null);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        cards.close();
    }

    /**
     * Counts the lines the vCard parser has consumed (it reads one character at a time), and remembers
     * the line of the last {@code BEGIN:VCARD}, so that a card that cannot be imported is reported
     * with the line it starts on.
     */
    static final class LineCountingReader extends FilterReader {
        private static final String BEGIN = "BEGIN:VCARD";
        private int line = 1;
        private int lineOfLastBegin = 1;
        private final StringBuilder lineStart = new StringBuilder(BEGIN.length());

        LineCountingReader(Reader in) {
            super(in);
        }

        int lineOfLastBegin() {
            return lineOfLastBegin;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                seen((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                seen(buffer[offset + i]);
            }
            return n;
        }

        private void seen(char c) {
            if (c == '\n') {
                line++;
                lineStart.setLength(0);
                return;
            }
            if (lineStart.length() < BEGIN.length()) {
                lineStart.append(Character.toUpperCase(c));
                if (lineStart.length() == BEGIN.length() && BEGIN.contentEquals(lineStart)) {
                    lineOfLastBegin = line;
                }
            }
        }
    }
}
