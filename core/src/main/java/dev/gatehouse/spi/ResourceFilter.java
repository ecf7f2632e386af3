package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Narrows a listing of resources. Empty sets mean "no restriction".
 *
 * @param types only resources of these types
 * @param ids only these resources
 * @param under only this resource and its descendants
 */
public record ResourceFilter(Set<String> types, Set<ResourceId> ids, Optional<ResourceId> under) {
    /** No restriction. */
    public static final ResourceFilter ANY = new ResourceFilter(Set.of(), Set.of(), Optional.empty());

    public ResourceFilter {
        Checks.notNull(types, "types");
        types.forEach(type -> Checks.identifier(type, "resource type"));
        types = Set.copyOf(types);
        Checks.notNull(ids, "ids");
        ids = Set.copyOf(ids);
        Checks.notNull(under, "under");
    }

    public ResourceFilter ofType(String... newTypes) {
        return new ResourceFilter(Set.copyOf(Arrays.asList(newTypes)), ids, under);
    }

    public ResourceFilter withIds(ResourceId... newIds) {
        return new ResourceFilter(types, Set.copyOf(Arrays.asList(newIds)), under);
    }

    public ResourceFilter under(ResourceId root) {
        return new ResourceFilter(types, ids, Optional.of(root));
    }

    /**
     * @param resource a resource
     * @param lineageIds the ids of the resource and all its ancestors
     * @return whether the filter admits it
     */
    public boolean admits(Resource resource, Set<ResourceId> lineageIds) {
        return (types.isEmpty() || types.contains(resource.type()))
                && (ids.isEmpty() || ids.contains(resource.id()))
                && under.map(lineageIds::contains).orElse(true);
    }

    @Override
    public String toString() {
        return "ResourceFilter[types=" + types + ", ids=" + ids.stream().map(ResourceId::toString)
                .collect(Collectors.joining(",", "{", "}")) + ", under=" + under.map(Object::toString).orElse("-") + "]";
    }
}
