package dev.gatehouse.decision;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Permission;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A named permission set that may include other roles (cascade).
 *
 * @param name a lowercase identifier
 * @param permissions the permissions the role adds itself
 * @param includes the names of the roles whose permissions it also carries
 */
public record Role(String name, Set<Permission> permissions, Set<String> includes) {
    public Role {
        Checks.identifier(name, "role name");
        Checks.notNull(permissions, "permissions");
        permissions = Set.copyOf(permissions);
        Checks.notNull(includes, "includes");
        includes.forEach(included -> Checks.identifier(included, "included role name"));
        includes = Set.copyOf(includes);
    }

    /** @return a role with these permissions and no included roles */
    public static Role of(String name, String... permissions) {
        return new Role(name, Arrays.stream(permissions).map(Permission::of).collect(Collectors.toSet()), Set.of());
    }

    /** @return a copy that also includes {@code role}'s permissions */
    public Role including(String role) {
        var more = new HashSet<>(includes);
        more.add(role);
        return new Role(name, permissions, more);
    }
}
