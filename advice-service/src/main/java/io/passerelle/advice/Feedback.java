package io.passerelle.advice;

import io.passerelle.contracts.model.Outcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/recommendations/{recommendationId}/feedback} (API.md). */
public record Feedback(@NotNull Outcome outcome, @Size(max = 2000) String note) {
}
