package io.passerelle.contracts.model;

import io.passerelle.contracts.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The professional whose network Passerelle maps. */
public record OwnerProfile(
        @PlainText @Size(max = 200) String displayName,
        @PlainText @Size(max = 120) String sector,
        @PlainText @Size(max = 200) String role,
        @PlainText @Size(max = 200) String company,
        @Size(max = 50) List<@NotNull @PlainText @Size(max = 200) String> pastCompanies,
        @Size(max = 50) List<@NotNull @PlainText @Size(max = 200) String> schools,
        @Valid Location location,
        @Size(max = 100) List<@NotNull @PlainText @Size(max = 120) String> topics,
        @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        Boolean allowStrongTiesForCommitting) {

    /** The guardrail opt-in; absent means false (API.md). */
    public boolean strongTiesAllowedForCommitting() {
        return Boolean.TRUE.equals(allowStrongTiesForCommitting);
    }
}
