package io.passerelle.ingestion.imports;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.model.Channel;
import io.passerelle.contracts.model.Direction;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.contracts.model.Source;
import io.passerelle.ingestion.imports.ImportedRecord.InteractionRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;

/**
 * LinkedIn's {@code messages.csv}
 * ({@code CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER}):
 * each message becomes PRIVATE_MESSAGE interactions from LINKEDIN. A message the owner sent is
 * OUTBOUND, one interaction per recipient; a message the owner received is INBOUND from its sender.
 * The contacts are named by their profile URL, as in {@code Connections.csv}. The content of the
 * messages is never read into an event. Drafts are skipped.
 */
final class LinkedInMessagesReader implements ImportReader {
    static final String HEADER =
            "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final CsvRecords csv;
    private final String owner;
    private final Queue<ImportedRecord> pending = new ArrayDeque<>();

    LinkedInMessagesReader(InputStream file, ImportOptions options) throws IOException {
        this.owner = Objects.requireNonNull(ContactIds.fromLinkedInProfile(options.ownerProfileUrl()),
                "the owner's profile URL is needed to tell sent messages from received ones");
        this.csv = CsvRecords.open(TextInput.open(file), ImportFormat.LINKEDIN_MESSAGES, "the header \"" + HEADER + "\"",
                columns -> columns.containsAll(Set.of("CONVERSATION ID", "FROM", "SENDER PROFILE URL",
                        "RECIPIENT PROFILE URLS", "DATE")));
    }

    @Override
    public ImportedRecord next() throws IOException {
        while (pending.isEmpty()) {
            CsvRecords.Row row = csv.next();
            if (row == null) {
                return null;
            }
            read(row);
        }
        return pending.poll();
    }

    private void read(CsvRecords.Row row) {
        if (row.problem() != null) {
            pending.add(RejectedRecord.of(row.line(), "line", row.problem()));
            return;
        }
        if (isDraft(row)) {
            return;
        }
        List<LineError> errors = new ArrayList<>();
        String conversation = row.get("CONVERSATION ID");
        if (conversation == null) {
            errors.add(new LineError("CONVERSATION ID", "is empty"));
        }
        String sender = ContactIds.fromLinkedInProfile(row.get("SENDER PROFILE URL"));
        if (sender == null) {
            errors.add(new LineError("SENDER PROFILE URL", "is empty: the sender cannot be matched to a contact"));
        }
        List<String> recipients = recipients(row.get("RECIPIENT PROFILE URLS"));
        String date = row.get("DATE");
        Instant occurredAt = null;
        if (date == null) {
            errors.add(new LineError("DATE", "is empty"));
        } else {
            try {
                occurredAt = parseDate(date);
            } catch (DateTimeParseException e) {
                errors.add(new LineError("DATE", "\"" + date + "\" is not a date such as 2025-03-04 10:00:00 UTC"));
            }
        }
        if (errors.isEmpty() && !owner.equals(sender) && !recipients.contains(owner)) {
            errors.add(new LineError("SENDER PROFILE URL",
                    "neither the sender nor a recipient is the owner (ownerProfileUrl): this message is not the owner's"));
        }
        if (errors.isEmpty() && owner.equals(sender) && recipients.stream().allMatch(owner::equals)) {
            errors.add(new LineError("RECIPIENT PROFILE URLS", "names no recipient other than the owner"));
        }
        if (!errors.isEmpty()) {
            pending.add(new RejectedRecord(row.line(), errors));
            return;
        }
        if (owner.equals(sender)) {
            for (String recipient : recipients.stream().filter(r -> !r.equals(owner)).distinct().toList()) {
                pending.add(interaction(row.line(), conversation, date, sender, recipient, recipient, Direction.OUTBOUND, occurredAt));
            }
        } else {
            pending.add(interaction(row.line(), conversation, date, sender, owner, sender, Direction.INBOUND, occurredAt));
        }
    }

    private static InteractionRecord interaction(int line, String conversation, String date, String sender, String recipient,
                                                 String contactId, Direction direction, Instant occurredAt) {
        String interactionId = "linkedin-message:" + Identifiers.stableId(conversation, date, sender, recipient);
        return new InteractionRecord(line, new Interaction(interactionId, contactId, occurredAt, Channel.PRIVATE_MESSAGE,
                direction, null, Source.LINKEDIN));
    }

    private static boolean isDraft(CsvRecords.Row row) {
        String folder = row.get("FOLDER");
        String draft = row.get("IS MESSAGE DRAFT");
        return folder != null && folder.toUpperCase(Locale.ROOT).startsWith("DRAFT")
                || draft != null && (draft.equalsIgnoreCase("yes") || draft.equalsIgnoreCase("true"));
    }

    /** Several recipients (group conversations) are separated by commas or semicolons. */
    private static List<String> recipients(String urls) {
        if (urls == null) {
            return List.of();
        }
        return Arrays.stream(urls.split("[,;\\s]+"))
                .filter(url -> !url.isBlank())
                .map(ContactIds::fromLinkedInProfile)
                .toList();
    }

    /** {@code 2025-03-04 10:00:00 UTC} as LinkedIn writes it, or an ISO instant. */
    static Instant parseDate(String text) {
        String value = text.strip();
        if (value.endsWith("UTC")) {
            return LocalDateTime.parse(value.substring(0, value.length() - 3).strip(), DATE).toInstant(ZoneOffset.UTC);
        }
        if (value.indexOf('T') > 0) {
            return Instant.parse(value);
        }
        return LocalDateTime.parse(value, DATE).toInstant(ZoneOffset.UTC);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
