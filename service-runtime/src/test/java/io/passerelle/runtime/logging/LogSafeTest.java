package io.passerelle.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {
    @Test
    void quotedValuesAreBlankedAndTheRestKept() {
        assertThat(LogSafe.withoutQuotedValues("bad JSON for TieUpdated: Cannot deserialize value of type `TieClass` from String \"SECRET\": "
                + "not one of the values accepted"))
                .doesNotContain("SECRET", "TieClass")
                .contains("bad JSON for TieUpdated: Cannot deserialize value of type", "not one of the values accepted");
        assertThat(LogSafe.withoutQuotedValues("Unrecognized token 'SECRET': was expecting JSON")).doesNotContain("SECRET");
        assertThat(LogSafe.withoutQuotedValues("invalid payload: data.tie is required")).isEqualTo("invalid payload: data.tie is required");
        assertThat(LogSafe.withoutQuotedValues(null)).isNull();
    }
}
