package dev.gatehouse.hibernate;

import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.UserId;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;

/**
 * The existence checks every write makes before it writes anything, each failing with the exception and message the
 * in-memory reference uses. The {@code lock…} variants also take a pessimistic write lock on the row, which
 * serialises writers of what hangs off it (a user's security code, a group's members, a principal's grants).
 */
final class Requirements {
    private final Mapping mapping;
    private final String userExists;
    private final String groupExists;
    private final String resourceExists;

    Requirements(Mapping mapping) {
        this.mapping = mapping;
        this.userExists = mapping.hql("select u.id from {User} u where u.id = :id");
        this.groupExists = mapping.hql("select g.id from {Group} g where g.id = :id");
        this.resourceExists = mapping.hql("select r.id from {Resource} r where r.id = :id");
    }

    GatehouseUserBase lockUser(Session session, UserId id) {
        var user = session.find(mapping.userClass(), id.value(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw noSuchUser(id);
        }
        return user;
    }

    GatehouseGroupBase lockGroup(Session session, GroupId id) {
        var group = session.find(mapping.groupClass(), id.value(), LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw noSuchGroup(id);
        }
        return group;
    }

    /** Locks a user's or a group's row; roles and the system principals are not stored, so there is nothing to lock. */
    void lockPrincipal(Session session, Principal principal) {
        switch (principal) {
            case Principal.OfUser user -> lockUser(session, user.id());
            case Principal.OfGroup group -> lockGroup(session, group.id());
            case Principal.OfRole role -> { }
            case Principal.System system -> { }
        }
    }

    /** Users and groups must exist; roles and the system principals are not stored, so any is accepted. */
    void requirePrincipal(SharedSessionContract session, Principal principal) {
        switch (principal) {
            case Principal.OfUser user -> requireUser(session, user.id());
            case Principal.OfGroup group -> requireGroup(session, group.id());
            case Principal.OfRole role -> { }
            case Principal.System system -> { }
        }
    }

    void requireUser(SharedSessionContract session, UserId id) {
        if (!exists(session, userExists, id.value())) {
            throw noSuchUser(id);
        }
    }

    void requireGroup(SharedSessionContract session, GroupId id) {
        if (!exists(session, groupExists, id.value())) {
            throw noSuchGroup(id);
        }
    }

    void requireResource(SharedSessionContract session, ResourceId id) {
        if (!exists(session, resourceExists, id.value())) {
            throw noSuchResource(id);
        }
    }

    private static boolean exists(SharedSessionContract session, String query, long id) {
        return !session.createSelectionQuery(query, Long.class).setParameter("id", id).getResultList().isEmpty();
    }

    static NoSuchUserException noSuchUser(UserId id) {
        return new NoSuchUserException("no user with id " + id);
    }

    static NoSuchGroupException noSuchGroup(GroupId id) {
        return new NoSuchGroupException("no group with id " + id);
    }

    static NoSuchResourceException noSuchResource(ResourceId id) {
        return new NoSuchResourceException("no resource with id " + id);
    }
}
