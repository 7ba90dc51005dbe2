package io.passerelle.ingestion.imports;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import io.passerelle.ingestion.imports.ImportedRecord.ContactRecord;
import io.passerelle.ingestion.imports.ImportedRecord.InteractionRecord;
import io.passerelle.ingestion.imports.ImportedRecord.RejectedRecord;
import io.passerelle.runtime.problem.Problem;
import io.passerelle.runtime.problem.ProblemMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The lines of {@code POST /v1/owners/{ownerId}/batch} ({@code application/x-ndjson}), one JSON
 * object per line: {@code {"kind":"contact","contactId":"c-1", ...the fields of Contact}} or
 * {@code {"kind":"interaction", ...the fields of Interaction}}. Blank lines are skipped. An
 * interaction without {@code interactionId} is given one derived from its content, so that sending
 * the same batch again records it once.
 */
public final class NdjsonBatchReader implements ImportReader {
    private static final ObjectMapper JSON = EventJson.mapper();

    private final BufferedReader lines;
    private int line;

    public NdjsonBatchReader(InputStream body) throws IOException {
        this.lines = TextInput.open(body);
    }

    @Override
    public ImportedRecord next() throws IOException {
        String text;
        do {
            text = lines.readLine();
            line++;
        } while (text != null && text.isBlank());
        return text == null ? null : read(line, text);
    }

    static ImportedRecord read(int line, String text) {
        // One pass of the tokenizer finds the line's kind and contactId (and any syntax error); the line is
        // then bound straight to its record. Binding from the text costs a third of what building a tree
        // and binding the tree did, which was a fifth of a batch's work. Unknown fields, "kind" and
        // "contactId" included, are ignored by the binding, as everywhere.
        String kind = null;
        String contactId = null;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return RejectedRecord.of(line, "line", "must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("kind".equals(name)) {
                    kind = value.isScalarValue() ? parser.getText() : null;
                } else if ("contactId".equals(name)) {
                    contactId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            return RejectedRecord.of(line, "line", "is not valid JSON" + where(e));
        } catch (IOException e) {
            throw new UncheckedIOException("A line held in memory could not be read", e);
        }
        try {
            if ("contact".equals(kind)) {
                if (contactId == null || !Identifiers.CONTACT_ID.matcher(contactId).matches()) {
                    return RejectedRecord.of(line, "contactId", "is required and must match " + Identifiers.CONTACT_ID_REGEX);
                }
                return new ContactRecord(line, contactId, JSON.readValue(text, Contact.class));
            }
            if ("interaction".equals(kind)) {
                Interaction interaction = JSON.readValue(text, Interaction.class);
                if (interaction.interactionId() == null) {
                    interaction = interaction.withInteractionId("batch:" + Identifiers.stableId(EventJson.write(interaction)));
                }
                return new InteractionRecord(line, interaction);
            }
        } catch (JsonProcessingException e) {
            return unreadable(line, e);
        }
        return RejectedRecord.of(line, "kind", "must be \"contact\" or \"interaction\"");
    }

    private static RejectedRecord unreadable(int line, JsonProcessingException e) {
        Problem.FieldError error = ProblemMappers.fieldErrorOf(e, "line");
        return RejectedRecord.of(line, error.field(), error.message());
    }

    private static String where(JsonProcessingException e) {
        return e instanceof JsonParseException && e.getLocation() != null ? " (column " + e.getLocation().getColumnNr() + ")" : "";
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
