package dev.gatehouse.jdbi.internal;

import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The existence checks writes make before they change anything, with the reference store's messages. The
 * {@code …Locked} forms also lock the row ({@code FOR UPDATE}) until the transaction ends, which serialises the
 * writes that depend on it.
 */
final class Required {
    private Required() {}

    static void user(Handle handle, UserId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_users WHERE id = :id", id.value())) {
            throw new NoSuchUserException("no user with id " + id);
        }
    }

    static void userLocked(Handle handle, UserId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_users WHERE id = :id FOR UPDATE", id.value())) {
            throw new NoSuchUserException("no user with id " + id);
        }
    }

    static void group(Handle handle, GroupId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_groups WHERE id = :id", id.value())) {
            throw new NoSuchGroupException("no group with id " + id);
        }
    }

    static void groupLocked(Handle handle, GroupId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_groups WHERE id = :id FOR UPDATE", id.value())) {
            throw new NoSuchGroupException("no group with id " + id);
        }
    }

    static void resource(Handle handle, ResourceId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_resources WHERE id = :id", id.value())) {
            throw new NoSuchResourceException("no resource with id " + id);
        }
    }

    static void resourceLocked(Handle handle, ResourceId id) {
        if (!exists(handle, "SELECT id FROM gatehouse_resources WHERE id = :id FOR UPDATE", id.value())) {
            throw new NoSuchResourceException("no resource with id " + id);
        }
    }

    static void owners(Handle handle, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        ownerUser.ifPresent(user -> user(handle, user));
        ownerGroup.ifPresent(group -> group(handle, group));
    }

    /** Users and groups must exist; roles and the system principals are not stored, so any is accepted. */
    static void principal(Handle handle, Principal principal) {
        switch (principal) {
            case Principal.OfUser user -> user(handle, user.id());
            case Principal.OfGroup group -> group(handle, group.id());
            case Principal.OfRole role -> { }
            case Principal.System system -> { }
        }
    }

    private static boolean exists(Handle handle, String sql, long id) {
        return handle.createQuery(sql).bind("id", id).mapTo(Long.class).findOne().isPresent();
    }
}
