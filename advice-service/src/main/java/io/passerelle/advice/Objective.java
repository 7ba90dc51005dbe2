package io.passerelle.advice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.ObjectiveType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A professional objective of an owner (API.md, advice-service): what the owner wants from their
 * network, and the targets against which ties are ranked. {@code objectiveId}, {@code ownerId} and
 * the timestamps are set by the service; a client's values for them are ignored.
 */
public record Objective(
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String objectiveId,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String ownerId,
        @NotNull ObjectiveType type,
        @Valid Targets targets,
        @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant createdAt,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) Instant updatedAt) {

    /** Objective ids follow the owner id rule of API.md. */
    public static final String OBJECTIVE_ID_REGEX = "[A-Za-z0-9._-]{1,64}";

    public Objective {
        targets = targets == null ? Targets.NONE : targets;
    }

    /** What the objective aims at; every list is optional, absent means "no preference". */
    public record Targets(
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> sectors,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> roles,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> companies,
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> locations,
            @Size(max = 8) List<@NotNull GeographicScale> scales,
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> topics,
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> needs) {

        public static final Targets NONE = new Targets(null, null, null, null, null, null, null);

        public Targets {
            sectors = orEmpty(sectors);
            roles = orEmpty(roles);
            companies = orEmpty(companies);
            locations = orEmpty(locations);
            scales = orEmpty(scales);
            topics = orEmpty(topics);
            needs = orEmpty(needs);
        }

        /** For the service only: not a field of the JSON (nor of the OpenAPI document, where clients would take it for one). */
        @JsonIgnore
        public boolean isEmpty() {
            return sectors.isEmpty() && roles.isEmpty() && companies.isEmpty() && locations.isEmpty()
                    && scales.isEmpty() && topics.isEmpty() && needs.isEmpty();
        }

        // Lists keep their nulls so that validation can name a null element instead of failing here.
        private static <T> List<T> orEmpty(List<T> values) {
            return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** The same objective as stored for an owner, at the given times. */
    public Objective identified(String ownerId, String objectiveId, Instant createdAt, Instant updatedAt) {
        return new Objective(objectiveId, ownerId, type, targets, language, createdAt, updatedAt);
    }
}
