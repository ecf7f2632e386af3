package dev.gatehouse.property;

import dev.gatehouse.model.Action;
import dev.gatehouse.model.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random world described as plain data, independent of Gatehouse's model: indexes instead of ids, strings
 * instead of principals. {@link NaiveOracle} decides over it; the property test loads it into a store.
 */
final class World {
    static final List<String> PERMISSIONS = List.of("view", "edit", "delete", "list", "ALL");
    static final List<String> ROLES = List.of("viewer", "editor", "admin");
    static final List<String> TYPES = List.of("folder", "doc");

    record UserSpec(boolean active, List<String> globalRoles) {}

    record GroupSpec(List<Integer> members, List<String> globalRoles) {}

    /** parent is -1 for a root; parents always come earlier in the list. */
    record ResourceSpec(int parent, String type, boolean inherit, int ownerUser, int ownerGroup) {}

    /** kind is "user" or "group"; resource -1 means global. */
    record GrantSpec(String kind, int who, String permission, int resource) {}

    record RoleSpec(String kind, int who, String role, int resource) {}

    /** kind is "user", "group", "everyone" or "authenticated". */
    record AceSpec(int resource, Action action, String kind, int who, List<String> permissions) {}

    final long seed;
    final List<UserSpec> users = new ArrayList<>();
    final List<GroupSpec> groups = new ArrayList<>();
    final List<ResourceSpec> resources = new ArrayList<>();
    final List<GrantSpec> grants = new ArrayList<>();
    final List<RoleSpec> roles = new ArrayList<>();
    final List<AceSpec> aces = new ArrayList<>();

    private World(long seed) {
        this.seed = seed;
    }

    static World random(long seed) {
        var random = new Random(seed);
        var world = new World(seed);
        int userCount = 1 + random.nextInt(5);
        int groupCount = random.nextInt(4);
        int resourceCount = 1 + random.nextInt(12);
        for (int i = 0; i < userCount; i++) {
            world.users.add(new UserSpec(random.nextInt(6) != 0, pickRoles(random, 8)));
        }
        for (int g = 0; g < groupCount; g++) {
            var members = new ArrayList<Integer>();
            for (int u = 0; u < userCount; u++) {
                if (random.nextInt(3) == 0) {
                    members.add(u);
                }
            }
            world.groups.add(new GroupSpec(members, pickRoles(random, 6)));
        }
        for (int r = 0; r < resourceCount; r++) {
            int parent = r == 0 || random.nextInt(5) == 0 ? -1 : random.nextInt(r);
            int ownerUser = random.nextInt(5) == 0 ? random.nextInt(userCount) : -1;
            int ownerGroup = groupCount > 0 && random.nextInt(6) == 0 ? random.nextInt(groupCount) : -1;
            world.resources.add(new ResourceSpec(parent, TYPES.get(random.nextInt(TYPES.size())),
                    random.nextInt(5) != 0, ownerUser, ownerGroup));
        }
        int grantCount = random.nextInt(14);
        for (int i = 0; i < grantCount; i++) {
            boolean toGroup = groupCount > 0 && random.nextBoolean();
            var grant = new GrantSpec(toGroup ? "group" : "user",
                    random.nextInt(toGroup ? groupCount : userCount),
                    PERMISSIONS.get(random.nextInt(PERMISSIONS.size())),
                    random.nextInt(4) == 0 ? -1 : random.nextInt(resourceCount));
            if (!world.grants.contains(grant)) {
                world.grants.add(grant);
            }
        }
        int roleCount = random.nextInt(6);
        for (int i = 0; i < roleCount; i++) {
            boolean toGroup = groupCount > 0 && random.nextBoolean();
            var role = new RoleSpec(toGroup ? "group" : "user", random.nextInt(toGroup ? groupCount : userCount),
                    ROLES.get(random.nextInt(ROLES.size())), random.nextInt(resourceCount));
            if (!world.roles.contains(role)) {
                world.roles.add(role);
            }
        }
        int aceCount = random.nextInt(7);
        for (int i = 0; i < aceCount; i++) {
            String kind = switch (random.nextInt(4)) {
                case 0 -> "everyone";
                case 1 -> "authenticated";
                case 2 -> groupCount > 0 ? "group" : "user";
                default -> "user";
            };
            int who = switch (kind) {
                case "user" -> random.nextInt(userCount);
                case "group" -> random.nextInt(groupCount);
                default -> -1;
            };
            var permissions = new ArrayList<String>();
            permissions.add(PERMISSIONS.get(random.nextInt(PERMISSIONS.size())));
            if (random.nextBoolean()) {
                var second = PERMISSIONS.get(random.nextInt(PERMISSIONS.size()));
                if (!permissions.contains(second)) {
                    permissions.add(second);
                }
            }
            world.aces.add(new AceSpec(random.nextInt(resourceCount),
                    random.nextInt(3) == 0 ? Action.ALLOW : Action.DENY, kind, who, permissions));
        }
        return world;
    }

    private static List<String> pickRoles(Random random, int oneIn) {
        return random.nextInt(oneIn) == 0 ? List.of(ROLES.get(random.nextInt(ROLES.size()))) : List.of();
    }

    static List<Permission> askedPermissions() {
        return PERMISSIONS.stream().map(Permission::of).toList();
    }

    @Override
    public String toString() {
        return "World[seed=" + seed + ", users=" + users + ", groups=" + groups + ", resources=" + resources
                + ", grants=" + grants + ", roles=" + roles + ", aces=" + aces + "]";
    }
}
