package dev.gatehouse.property;

import dev.gatehouse.model.Action;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive second reading of DESIGN §4, written only for the property test: it walks the plain world
 * data directly and shares no code with {@link dev.gatehouse.decision.Authorizer} or any store. Roles are
 * hard-coded from cone.app's defaults.
 */
final class NaiveOracle {
    private static final Map<String, Set<String>> ROLE_PERMISSIONS = Map.of(
            "viewer", Set.of("view", "list"),
            "editor", Set.of("view", "list", "add", "edit", "change_order"),
            "admin", Set.of("view", "list", "add", "edit", "change_order", "delete", "cut", "copy", "paste",
                    "manage_permissions", "change_state"));
    private static final Set<String> OWNER_PERMISSIONS = ROLE_PERMISSIONS.get("admin");

    private final World world;

    NaiveOracle(World world) {
        this.world = world;
    }

    /** An entry of an effective ACL, in the oracle's own terms. */
    private record Entry(boolean allow, String principal, Set<String> permissions) {
        boolean matches(Set<String> principals, String permission) {
            return principals.contains(principal)
                    && (permissions.contains(permission) || permissions.contains("ALL"));
        }
    }

    /** @param user an index into world.users, or -1 for anonymous */
    Set<String> principalsOf(int user) {
        var principals = new HashSet<String>();
        principals.add("everyone");
        if (user < 0 || !world.users.get(user).active()) {
            return principals;
        }
        principals.add("authenticated");
        principals.add("user" + user);
        world.users.get(user).globalRoles().forEach(role -> principals.add("role" + role));
        for (int g = 0; g < world.groups.size(); g++) {
            if (world.groups.get(g).members().contains(user)) {
                principals.add("group" + g);
                world.groups.get(g).globalRoles().forEach(role -> principals.add("role" + role));
            }
        }
        return principals;
    }

    boolean check(Set<String> principals, String permission, int resource) {
        int node = resource;
        while (true) {
            for (var entry : effectiveAcl(node)) {
                if (entry.matches(principals, permission)) {
                    return entry.allow();
                }
            }
            var spec = world.resources.get(node);
            if (!spec.inherit() || spec.parent() < 0) {
                break;
            }
            node = spec.parent();
        }
        for (var grant : world.grants) {
            if (grant.resource() < 0 && principals.contains(grant.kind() + grant.who())
                    && (grant.permission().equals(permission) || grant.permission().equals("ALL"))) {
                return true;
            }
        }
        for (var entry : defaultAcl()) {
            if (entry.matches(principals, permission)) {
                return entry.allow();
            }
        }
        return false;
    }

    private List<Entry> effectiveAcl(int node) {
        var entries = new ArrayList<Entry>();
        for (var ace : world.aces) {
            if (ace.resource() == node) {
                var principal = switch (ace.kind()) {
                    case "user", "group" -> ace.kind() + ace.who();
                    default -> ace.kind();
                };
                entries.add(new Entry(ace.action() == Action.ALLOW, principal, Set.copyOf(ace.permissions())));
            }
        }
        var spec = world.resources.get(node);
        if (spec.ownerUser() >= 0) {
            entries.add(new Entry(true, "user" + spec.ownerUser(), OWNER_PERMISSIONS));
        }
        if (spec.ownerGroup() >= 0) {
            entries.add(new Entry(true, "group" + spec.ownerGroup(), OWNER_PERMISSIONS));
        }
        for (var grant : world.grants) {
            if (grant.resource() == node) {
                entries.add(new Entry(true, grant.kind() + grant.who(), Set.of(grant.permission())));
            }
        }
        for (var role : world.roles) {
            if (role.resource() == node) {
                entries.add(new Entry(true, role.kind() + role.who(), ROLE_PERMISSIONS.get(role.role())));
            }
        }
        return entries;
    }

    private static List<Entry> defaultAcl() {
        return List.of(
                new Entry(true, "authenticated", Set.of("view")),
                new Entry(true, "roleviewer", ROLE_PERMISSIONS.get("viewer")),
                new Entry(true, "roleeditor", ROLE_PERMISSIONS.get("editor")),
                new Entry(true, "roleadmin", ROLE_PERMISSIONS.get("admin")),
                new Entry(true, "everyone", Set.of("login")),
                new Entry(false, "everyone", Set.of("ALL")));
    }
}
