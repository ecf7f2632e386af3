package dev.gatehouse.decision;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.NoSuchRoleException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles an application knows, each expanded through its included roles. Immutable and thread-safe; the
 * {@code with…} methods return new catalogs.
 *
 * <p>The defaults are cone.app's: {@code authenticated} {view}; {@code viewer} ⊇ authenticated + {list};
 * {@code editor} ⊇ viewer + {add, edit, change_order}; {@code admin} ⊇ editor + {delete, cut, copy, paste,
 * manage_permissions, change_state}; {@code manager} ⊇ admin + {manage}; {@code owner} = admin;
 * {@code everyone} {login}.
 */
public final class RoleCatalog {
    private final Map<String, Role> roles;
    private final Map<String, Set<Permission>> expanded;

    private RoleCatalog(Map<String, Role> roles) {
        this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        var expansions = new LinkedHashMap<String, Set<Permission>>();
        for (var name : roles.keySet()) {
            expansions.put(name, Set.copyOf(expand(name, new ArrayList<>())));
        }
        this.expanded = Collections.unmodifiableMap(expansions);
    }

    /** @return cone.app's default catalog */
    public static RoleCatalog defaults() {
        return of(
                Role.of("authenticated", "view"),
                Role.of("viewer", "list").including("authenticated"),
                Role.of("editor", "add", "edit", "change_order").including("viewer"),
                Role.of("admin", "delete", "cut", "copy", "paste", "manage_permissions", "change_state")
                        .including("editor"),
                Role.of("manager", "manage").including("admin"),
                Role.of("owner").including("admin"),
                Role.of("everyone", "login"));
    }

    /**
     * @param roles the roles, in the order the default ACL lists them
     * @return a catalog of exactly these roles
     * @throws InvalidInputException on a duplicate name, an include of an unknown role, or a cycle of includes
     */
    public static RoleCatalog of(Role... roles) {
        var byName = new LinkedHashMap<String, Role>();
        for (var role : roles) {
            Checks.notNull(role, "role");
            if (byName.put(role.name(), role) != null) {
                throw new InvalidInputException("role '" + role.name() + "' is defined twice");
            }
        }
        return new RoleCatalog(byName);
    }

    /** @return a catalog with {@code role} added, or replacing the role of the same name */
    public RoleCatalog with(Role role) {
        Checks.notNull(role, "role");
        var copy = new LinkedHashMap<>(roles);
        copy.put(role.name(), role);
        return new RoleCatalog(copy);
    }

    /** @return a catalog without the named role; fails if another role includes it */
    public RoleCatalog without(String name) {
        require(name);
        var copy = new LinkedHashMap<>(roles);
        copy.remove(name);
        return new RoleCatalog(copy);
    }

    /** @return the roles in catalog order */
    public List<Role> roles() {
        return List.copyOf(roles.values());
    }

    public Optional<Role> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    public boolean contains(String name) {
        return roles.containsKey(name);
    }

    /** @throws NoSuchRoleException if the catalog has no such role */
    public Role require(String name) {
        var role = roles.get(name);
        if (role == null) {
            throw new NoSuchRoleException("no role '" + name + "' in the role catalog; known roles: " + roles.keySet());
        }
        return role;
    }

    /** @return the role's permissions including every included role's; empty for an unknown role */
    public Set<Permission> permissionsOf(String name) {
        return expanded.getOrDefault(name, Set.of());
    }

    /** @return whether the role (expanded) contains {@code permission} */
    public boolean grants(String role, Permission permission) {
        return permissionsOf(role).stream().anyMatch(held -> held.contains(permission));
    }

    /** @return the names of every role whose expansion contains {@code permission} */
    public Set<String> rolesGranting(Permission permission) {
        var names = new HashSet<String>();
        expanded.forEach((name, permissions) -> {
            if (permissions.stream().anyMatch(held -> held.contains(permission))) {
                names.add(name);
            }
        });
        return Set.copyOf(names);
    }

    private Set<Permission> expand(String name, List<String> path) {
        if (path.contains(name)) {
            path.add(name);
            throw new InvalidInputException("roles include each other in a cycle: " + String.join(" -> ", path));
        }
        var role = roles.get(name);
        if (role == null) {
            throw new InvalidInputException("role '" + path.get(path.size() - 1) + "' includes unknown role '" + name + "'");
        }
        path.add(name);
        var all = new HashSet<>(role.permissions());
        for (var included : role.includes()) {
            all.addAll(expand(included, path));
        }
        path.remove(path.size() - 1);
        return all;
    }

    @Override
    public String toString() {
        return "RoleCatalog" + roles.keySet();
    }
}
