package io.passerelle.contracts.model;

import io.passerelle.contracts.Identifiers;
import io.passerelle.contracts.validation.PlainText;
import io.passerelle.contracts.validation.PlausiblePast;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A person in an owner's network, as the platform knows them. */
public record Contact(
        @NotBlank @PlainText @Size(max = 200) String displayName,
        @Size(max = 20) List<@NotNull @Email @PlainText @Size(max = 254) String> emails,
        @PlainText @Size(max = 200) String company,
        @PlainText @Size(max = 200) String role,
        @PlainText @Size(max = 120) String sector,
        @Size(max = 50) List<@NotNull @PlainText @Size(max = 200) String> pastCompanies,
        @Size(max = 50) List<@NotNull @PlainText @Size(max = 200) String> schools,
        @Valid Location location,
        Origin origin,
        @Size(max = 4) List<@NotNull RelationContext> relationContexts,
        Source source,
        @PlausiblePast LocalDate connectedOn,
        @Min(0) @Max(5) Integer declaredCloseness,
        @Size(max = 5000) List<@NotNull @Pattern(regexp = Identifiers.CONTACT_ID_REGEX) String> mutualContactIds,
        @Size(max = 50) List<@NotNull @PlainText @Size(max = 60) String> tags) {
}
