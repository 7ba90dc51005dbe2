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
            assertThat(error.message()).isEqualTo("malformed JSON at line 1, column 21");
        });
        assertThat(problem.detail()).startsWith("The body is not valid JSON at line 1, column 21: Unexpected character (',' (code 44))");
    }

    @Test
    void aSyntaxErrorInsideAValueNamesTheFieldAndThePosition() {
        Problem problem = problemFor("{\"displayName\": \"Jean\tMartin\"}", Contact.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("displayName");
            assertThat(error.message()).startsWith("malformed JSON at line 1, column");
        });
        assertThat(problem.detail()).contains("CTRL-CHAR, code 9");
    }

    @Test
    void aFractionWhereAWholeNumberIsExpectedIsRefusedNotTruncated() {
        Problem problem = problemFor("{\"displayName\":\"A\",\"declaredCloseness\":2.5}", Contact.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("declaredCloseness");
            assertThat(error.message()).isEqualTo("must be a whole number");
        });
    }

    @Test
    void aNumberOutOfRangeSaysTheRange() {
        Problem problem = problemFor("{\"contactId\":\"c1\",\"durationMinutes\":99999999999999}", Interaction.class);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("durationMinutes");
            assertThat(error.message()).isEqualTo("is out of range: must be a whole number between -2147483648 and 2147483647");
        });
    }

    @Test
    void aWrongContentTypeNamesTheOneReceivedAndTheOneExpected() {
        Problem problem = ProblemMappers.unsupportedMediaType("text/plain; charset=UTF-8", "application/json");
        assertThat(problem.status()).isEqualTo(415);
        assertThat(problem.detail()).isEqualTo("Content-Type text/plain; charset=UTF-8 is not accepted here; send application/json.");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("Content-Type", "must be application/json"));
        assertThat(ProblemMappers.unsupportedMediaType(null, "application/json").detail()).startsWith("No Content-Type is not accepted");
        assertThat(ProblemMappers.unsupportedMediaType("x/" + "y".repeat(500), "application/json").detail()).hasSizeLessThan(300);
    }

    @Test
    void anAcceptHeaderWithoutJsonNamesTheTypeAnswered() {
        Problem problem = ProblemMappers.notAcceptable("text/csv", "application/json");
        assertThat(problem.status()).isEqualTo(406);
        assertThat(problem.detail()).contains("text/csv", "application/json");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("Accept", "must include application/json"));
    }

    private static Problem problemFor(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> EventJson.read(json, type));
        assertThat(e).as("the JSON must fail to read").isNotNull();
        return ProblemMappers.unreadableBody(e);
    }
}
