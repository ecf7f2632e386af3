package dev.gatehouse.hibernate;

import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A resource's columns as a query selects them ({@link #COLUMNS}, on the alias {@code r}): a projection, so that
 * reads never meet resource entities of the persistence context whose orderings a bulk update has made stale.
 */
record ResourceRow(
        long id,
        String name,
        String type,
        @Nullable Long parentId,
        int ordering,
        @Nullable Long ownerUserId,
        @Nullable Long ownerGroupId,
        boolean inherit) {
    /** The select list, in the order of the components. */
    static final String COLUMNS =
            "r.id, r.name, r.type, r.parentId, r.ordering, r.ownerUserId, r.ownerGroupId, r.inherit";

    /** Reads the columns of {@link #COLUMNS} from a tuple, starting at {@code from}. */
    static ResourceRow of(Object[] tuple, int from) {
        return new ResourceRow(
                ((Number) tuple[from]).longValue(),
                (String) tuple[from + 1],
                (String) tuple[from + 2],
                (Long) tuple[from + 3],
                ((Number) tuple[from + 4]).intValue(),
                (Long) tuple[from + 5],
                (Long) tuple[from + 6],
                (Boolean) tuple[from + 7]);
    }

    Optional<ResourceId> parent() {
        return Optional.ofNullable(parentId).map(ResourceId::of);
    }

    boolean isRoot() {
        return parentId == null;
    }

    Resource toResource() {
        return new Resource(ResourceId.of(id), name, type, parent(), ordering,
                Optional.ofNullable(ownerUserId).map(UserId::of), Optional.ofNullable(ownerGroupId).map(GroupId::of),
                inherit);
    }
}
