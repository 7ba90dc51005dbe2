package io.passerelle.runtime.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A JSON object written to a stream as its parts become known, with the same mapping as the
 * service's other answers: how an export of any size is written without being built in memory.
 * Values are not flushed one by one (the response's buffer decides when a chunk leaves).
 */
public final class StreamedJsonObject {
    private final JsonGenerator generator;
    private final ObjectWriter writer;

    private StreamedJsonObject(JsonGenerator generator, ObjectWriter writer) {
        this.generator = generator;
        this.writer = writer;
    }

    /** Starts the object on {@code out}, which {@link #finish()} closes. */
    public static StreamedJsonObject start(ObjectMapper mapper, OutputStream out) {
        try {
            JsonGenerator generator = mapper.getFactory().createGenerator(out);
            generator.writeStartObject();
            return new StreamedJsonObject(generator, mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code name: value}, {@code null} included. */
    public StreamedJsonObject field(String name, Object value) {
        try {
            generator.writeFieldName(name);
            writer.writeValue(generator, value);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code name: [...]}, the elements being whatever {@code elements} passes to the consumer it is given. */
    public StreamedJsonObject array(String name, Consumer<Consumer<Object>> elements) {
        try {
            generator.writeArrayFieldStart(name);
            elements.accept(element -> {
                try {
                    writer.writeValue(generator, element);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the object and closes the stream. Deliberately not {@link AutoCloseable}: when reading
     * fails halfway, the object must stay unterminated, so that the client sees a broken response
     * rather than a well-formed but incomplete export.
     */
    public void finish() {
        try {
            generator.writeEndObject();
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
