package io.passerelle.contracts.model;

import io.passerelle.contracts.validation.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A place; {@code country} is ISO 3166-1 alpha-2. */
public record Location(
        @PlainText @Size(max = 120) String city,
        @PlainText @Size(max = 20) String postalCode,
        @PlainText @Size(max = 120) String department,
        @PlainText @Size(max = 120) String region,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FR") String country,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
