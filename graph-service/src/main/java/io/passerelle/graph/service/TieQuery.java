package io.passerelle.graph.service;

import io.passerelle.contracts.model.GeographicScale;
import io.passerelle.contracts.model.TieClass;
import java.util.Set;

/**
 * A listing request: empty sets mean any class or scale; {@code cursor} is null for the first page.
 */
public record TieQuery(Set<TieClass> classes, Set<GeographicScale> scales, double minStrength, int limit, TieCursor cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
