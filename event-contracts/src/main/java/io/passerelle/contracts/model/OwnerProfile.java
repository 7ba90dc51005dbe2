package io.passerelle.contracts.model;

import io.passerelle.contracts.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The professional whose network Passerelle maps.
 *
 * @param pitch optional: one line, in the owner's own words, on who they are and what they look for;
 *              the suggested messages use it when present. Events written before it existed have none.
 */
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
        Boolean allowStrongTiesForCommitting,
        @Schema(description = "Optional: one line, in the owner's own words, on who they are and what they look for; the "
                + "suggested messages use it when present", example = "Product designer moving into fintech, looking for teams "
                + "building payments for small shops")
        @PlainText @Size(max = PITCH_MAX_LENGTH) String pitch) {

    /** The longest pitch accepted: one line. */
    public static final int PITCH_MAX_LENGTH = 280;

    /** A profile without a pitch (the field is optional, and every profile before it had none). */
    public OwnerProfile(String displayName, String sector, String role, String company, List<String> pastCompanies,
                        List<String> schools, Location location, List<String> topics, String language,
                        Boolean allowStrongTiesForCommitting) {
        this(displayName, sector, role, company, pastCompanies, schools, location, topics, language, allowStrongTiesForCommitting, null);
    }

    /** The guardrail opt-in; absent means false (API.md). */
    public boolean strongTiesAllowedForCommitting() {
        return Boolean.TRUE.equals(allowStrongTiesForCommitting);
    }

    /** The same profile with another pitch. */
    public OwnerProfile withPitch(String newPitch) {
        return new OwnerProfile(displayName, sector, role, company, pastCompanies, schools, location, topics, language,
                allowStrongTiesForCommitting, newPitch);
    }
}
