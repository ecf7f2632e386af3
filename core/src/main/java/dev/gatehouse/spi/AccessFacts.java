package dev.gatehouse.spi;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * The facts a batch of checks needs, fetched in one round trip on SQL stores.
 *
 * @param globalGrants the global grants of the principals asked about
 * @param lineages for each existing resource asked about, its lineage nearest first: the resource itself, its
 *     parent, …, its root (a store may stop after the first node whose {@code inherit} is false). Resources that do
 *     not exist are absent.
 */
public record AccessFacts(List<Grant> globalGrants, Map<ResourceId, List<NodeFacts>> lineages) {
    public AccessFacts {
        globalGrants = List.copyOf(globalGrants);
        lineages = Map.copyOf(lineages);
        lineages.values().forEach(lineage -> {
            if (lineage.isEmpty()) {
                throw new IllegalArgumentException("a lineage starts with the resource itself and is never empty");
            }
        });
    }
}
