package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import java.util.Set;

/**
 * What a store knows about a user that decides the user's principals.
 *
 * @param user the user
 * @param status active or disabled
 * @param groups the groups the user is a member of
 * @param globalRoles the global roles of the user and of each of its groups
 */
public record SubjectFacts(UserId user, UserStatus status, Set<GroupId> groups, Set<String> globalRoles) {
    public SubjectFacts {
        Checks.notNull(user, "user");
        Checks.notNull(status, "status");
        groups = Set.copyOf(groups);
        globalRoles = Set.copyOf(globalRoles);
    }
}
