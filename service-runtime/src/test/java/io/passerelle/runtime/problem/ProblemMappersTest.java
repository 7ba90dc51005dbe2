package io.passerelle.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.passerelle.contracts.json.EventJson;
import io.passerelle.contracts.model.Contact;
import io.passerelle.contracts.model.Interaction;
import org.junit.jupiter.api.Test;

/** Unreadable bodies become problems that name the field as the client wrote it, with no Java type names. */
class ProblemMappersTest {

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAcceptedValues() {
        Problem problem = problemFor("{\"contactId\":\"c1\",\"channel\":\"CARRIER_PIGEON\"}", Interaction.class);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("channel");
            assertThat(error.message()).contains("MEETING", "REACTION").doesNotContain("io.passerelle");
        });
    }

    @Test
    void aNestedFieldIsNamedWithItsPath() {
        Problem problem = problemFor("{\"displayName\":\"A\",\"location\":{\"latitude\":\"north\"}}", Contact.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("location.latitude");
            assertThat(error.message()).isEqualTo("must be a number");
        });
    }

    @Test
    void anArrayElementIsNamedWithItsIndex() {
        Problem problem = problemFor("{\"displayName\":\"A\",\"relationContexts\":[\"NETWORK\",\"GOSSIP\"]}", Contact.class);
        assertThat(problem.errors()).singleElement().extracting(Problem.FieldError::field).isEqualTo("relationContexts[1]");
    }

    @Test
    void aBadInstantSaysWhatFormatIsExpected() {
        Problem problem = problemFor("{\"contactId\":\"c1\",\"occurredAt\":\"yesterday\"}", Interaction.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("occurredAt");
            assertThat(error.message()).contains("ISO-8601");
        });
    }

    @Test
    void malformedJsonGivesItsPosition() {
        Problem problem = problemFor("{\"displayName\": \"A\",,}", Contact.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).startsWith("malformed JSON at line 1");
        });
    }

    private static Problem problemFor(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> EventJson.read(json, type));
        assertThat(e).as("the JSON must fail to read").isNotNull();
        return ProblemMappers.unreadableBody(e);
    }
}
