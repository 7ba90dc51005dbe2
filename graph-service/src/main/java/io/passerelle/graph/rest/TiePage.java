package io.passerelle.graph.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.contracts.model.Tie;
import java.util.List;

/** A page of ties (API.md): {@code nextCursor} is null on the last page, and always present. */
public record TiePage(List<Tie> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
