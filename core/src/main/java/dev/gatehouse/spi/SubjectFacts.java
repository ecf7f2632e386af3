package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import java.util.HashSet;
import java.util.Set;

/**
 * What a store knows about a user that decides the user's principals.
 *
 * @param user the user
 * @param status active or disabled
 * @param groups the groups the user is a member of
 * @param ownRoles the global roles assigned to the user itself
 * @param groupRoles the global roles assigned to any of its groups
 */
public record SubjectFacts(
        UserId user, UserStatus status, Set<GroupId> groups, Set<String> ownRoles, Set<String> groupRoles) {
    public SubjectFacts {
        Checks.notNull(user, "user");
        Checks.notNull(status, "status");
        groups = Set.copyOf(groups);
        ownRoles = Set.copyOf(ownRoles);
        groupRoles = Set.copyOf(groupRoles);
    }

    /** @return the global roles of the user and of each of its groups */
    public Set<String> globalRoles() {
        var all = new HashSet<>(ownRoles);
        all.addAll(groupRoles);
        return Set.copyOf(all);
    }
}
