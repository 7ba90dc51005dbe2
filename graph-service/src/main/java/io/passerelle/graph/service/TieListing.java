package io.passerelle.graph.service;

import io.passerelle.contracts.model.Tie;
import java.util.List;

/** One page of ties, strongest first, and where the next page starts (null on the last page). */
public record TieListing(List<Tie> items, TieCursor next) {
}
