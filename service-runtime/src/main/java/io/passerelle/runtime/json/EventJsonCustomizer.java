package io.passerelle.runtime.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.contracts.json.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The REST layer speaks the same JSON as the events: ISO instants, nulls omitted, unknown fields ignored. */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
