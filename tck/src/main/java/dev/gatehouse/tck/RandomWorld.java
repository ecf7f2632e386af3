package dev.gatehouse.tck;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small random world of users, groups, resource trees, grants, roles, owners, {@code inherit} stops and explicit
 * ACLs, described as plain data with indexes instead of ids, so the same world can be loaded into several stores
 * and their answers compared. The same seed always gives the same world.
 *
 * <pre>{@code
 * var world = RandomWorld.generate(seed, store.capabilities().contains(Capability.EXPLICIT_ACLS));
 * var loaded = world.loadInto(gatehouse);
 * boolean allowed = gatehouse.permissions().check(loaded.subject(0), Permission.of("edit"), loaded.resource(3));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link Loaded} is immutable too.
 */
public final class RandomWorld {
    /** The permissions a differential test asks about: the ones the world grants, and {@code ALL}. */
    public static final List<Permission> PERMISSIONS = List.of(Permission.of("view"), Permission.of("edit"),
            Permission.of("delete"), Permission.of("list"), Permission.ALL);

    /** The roles the world assigns, from the default catalog. */
    public static final List<String> ROLES = List.of("viewer", "editor", "admin");

    /** The resource types the world uses. */
    public static final List<String> TYPES = List.of("folder", "doc");

    /** Who a grant, role or ACE names; {@code who} indexes users or groups for USER and GROUP. */
    public enum Kind {
        USER,
        GROUP,
        EVERYONE,
        AUTHENTICATED
    }

    /** A user, possibly disabled, with its global roles. */
    public record UserSpec(String name, boolean active, List<String> globalRoles) {}

    /** A group with the indexes of its members and its global roles. */
    public record GroupSpec(String name, List<Integer> members, List<String> globalRoles) {}

    /**
     * A resource; its parent (or -1 for a root) always comes earlier in the list; position 0 appends, otherwise
     * 1..n+1 among the siblings present when it is created; owners are indexes or -1.
     */
    public record ResourceSpec(String name, int parent, int position, String type, boolean inherit, int ownerUser,
            int ownerGroup) {}

    /** A grant to a user or group; resource -1 means global. */
    public record GrantSpec(Kind kind, int who, Permission permission, int resource) {}

    /** A role assigned on a resource to a user or group. */
    public record RoleSpec(Kind kind, int who, String role, int resource) {}

    /** One entry of a resource's explicit ACL; entries of one resource keep the list's order. */
    public record AceSpec(int resource, Action action, Kind kind, int who, Set<Permission> permissions) {}

    private final long seed;
    private final List<UserSpec> users;
    private final List<GroupSpec> groups;
    private final List<ResourceSpec> resources;
    private final List<GrantSpec> grants;
    private final List<RoleSpec> roles;
    private final List<AceSpec> aces;

    private RandomWorld(long seed, List<UserSpec> users, List<GroupSpec> groups, List<ResourceSpec> resources,
            List<GrantSpec> grants, List<RoleSpec> roles, List<AceSpec> aces) {
        this.seed = seed;
        this.users = List.copyOf(users);
        this.groups = List.copyOf(groups);
        this.resources = List.copyOf(resources);
        this.grants = List.copyOf(grants);
        this.roles = List.copyOf(roles);
        this.aces = List.copyOf(aces);
    }

    /**
     * @param seed the seed of the {@link Random} the world is drawn from
     * @param withAcls whether to put explicit ACLs (Allow and Deny) on resources; only for stores that declare
     *     {@link dev.gatehouse.spi.Capability#EXPLICIT_ACLS}
     * @return up to 6 users, 3 groups and 15 resources in a few trees, with grants, roles, owners, {@code inherit}
     *     stops and, if asked, explicit ACLs
     */
    public static RandomWorld generate(long seed, boolean withAcls) {
        var random = new Random(seed);
        int userCount = 1 + random.nextInt(6);
        int groupCount = random.nextInt(4);
        int resourceCount = 1 + random.nextInt(15);

        var users = new ArrayList<UserSpec>();
        for (int u = 0; u < userCount; u++) {
            users.add(new UserSpec("user" + u, random.nextInt(7) != 0, pickRoles(random, 6)));
        }
        var groups = new ArrayList<GroupSpec>();
        for (int g = 0; g < groupCount; g++) {
            var members = new ArrayList<Integer>();
            for (int u = 0; u < userCount; u++) {
                if (random.nextInt(5) < 2) {
                    members.add(u);
                }
            }
            groups.add(new GroupSpec("group" + g, members, pickRoles(random, 5)));
        }

        var resources = new ArrayList<ResourceSpec>();
        var childCounts = new HashMap<Integer, Integer>();
        for (int r = 0; r < resourceCount; r++) {
            int parent = r == 0 || random.nextInt(5) == 0 ? -1 : random.nextInt(r);
            int siblings = childCounts.getOrDefault(parent, 0);
            int position = random.nextInt(3) == 0 ? 1 + random.nextInt(siblings + 1) : 0;
            childCounts.put(parent, siblings + 1);
            int ownerUser = random.nextInt(5) == 0 ? random.nextInt(userCount) : -1;
            int ownerGroup = groupCount > 0 && random.nextInt(6) == 0 ? random.nextInt(groupCount) : -1;
            resources.add(new ResourceSpec("r" + r, parent, position, TYPES.get(random.nextInt(TYPES.size())),
                    random.nextInt(5) != 0, ownerUser, ownerGroup));
        }

        var grants = new LinkedHashSet<GrantSpec>();
        int grantCount = random.nextInt(16);
        for (int i = 0; i < grantCount; i++) {
            boolean toGroup = groupCount > 0 && random.nextBoolean();
            grants.add(new GrantSpec(toGroup ? Kind.GROUP : Kind.USER,
                    random.nextInt(toGroup ? groupCount : userCount),
                    PERMISSIONS.get(random.nextInt(PERMISSIONS.size())),
                    random.nextInt(4) == 0 ? -1 : random.nextInt(resourceCount)));
        }

        var roles = new LinkedHashSet<RoleSpec>();
        int roleCount = random.nextInt(6);
        for (int i = 0; i < roleCount; i++) {
            boolean toGroup = groupCount > 0 && random.nextBoolean();
            roles.add(new RoleSpec(toGroup ? Kind.GROUP : Kind.USER, random.nextInt(toGroup ? groupCount : userCount),
                    ROLES.get(random.nextInt(ROLES.size())), random.nextInt(resourceCount)));
        }

        var aces = new ArrayList<AceSpec>();
        int aceCount = withAcls ? random.nextInt(8) : 0;
        for (int i = 0; i < aceCount; i++) {
            var kind = switch (random.nextInt(4)) {
                case 0 -> Kind.EVERYONE;
                case 1 -> Kind.AUTHENTICATED;
                case 2 -> groupCount > 0 ? Kind.GROUP : Kind.USER;
                default -> Kind.USER;
            };
            int who = switch (kind) {
                case USER -> random.nextInt(userCount);
                case GROUP -> random.nextInt(groupCount);
                case EVERYONE, AUTHENTICATED -> -1;
            };
            var permissions = new LinkedHashSet<Permission>();
            permissions.add(PERMISSIONS.get(random.nextInt(PERMISSIONS.size())));
            if (random.nextBoolean()) {
                permissions.add(PERMISSIONS.get(random.nextInt(PERMISSIONS.size())));
            }
            aces.add(new AceSpec(random.nextInt(resourceCount), random.nextInt(5) < 2 ? Action.ALLOW : Action.DENY,
                    kind, who, permissions));
        }
        return new RandomWorld(seed, users, groups, resources, new ArrayList<>(grants), new ArrayList<>(roles), aces);
    }

    private static List<String> pickRoles(Random random, int oneIn) {
        return random.nextInt(oneIn) == 0 ? List.of(ROLES.get(random.nextInt(ROLES.size()))) : List.of();
    }

    /** @return the seed the world was drawn from */
    public long seed() {
        return seed;
    }

    /** @return the users, by index */
    public List<UserSpec> users() {
        return users;
    }

    /** @return the groups, by index */
    public List<GroupSpec> groups() {
        return groups;
    }

    /** @return the resources, by index, parents first */
    public List<ResourceSpec> resources() {
        return resources;
    }

    /** @return the grants, without duplicates */
    public List<GrantSpec> grants() {
        return grants;
    }

    /** @return the role assignments on resources, without duplicates */
    public List<RoleSpec> roles() {
        return roles;
    }

    /** @return the explicit ACL entries, in order; empty for a world without ACLs */
    public List<AceSpec> aces() {
        return aces;
    }

    /**
     * Creates the world through {@code gatehouse}'s façade: users (disabling the inactive ones), groups and their
     * members, global roles, resources in list order, grants, resource roles, then one explicit ACL per resource.
     *
     * @param gatehouse a Gatehouse over an empty store
     * @return the ids the store gave, by index
     */
    public Loaded loadInto(Gatehouse gatehouse) {
        var userIds = new ArrayList<UserId>();
        for (var spec : users) {
            var id = gatehouse.users().create(NewUser.named(spec.name())).id();
            userIds.add(id);
            if (!spec.active()) {
                gatehouse.users().disable(id);
            }
            spec.globalRoles().forEach(role ->
                    gatehouse.permissions().assignRole(RoleAssignment.global(Principal.user(id), role)));
        }
        var groupIds = new ArrayList<GroupId>();
        for (var spec : groups) {
            var id = gatehouse.groups().create(NewGroup.named(spec.name())).id();
            groupIds.add(id);
            spec.members().forEach(member -> gatehouse.groups().addMember(id, userIds.get(member)));
            spec.globalRoles().forEach(role ->
                    gatehouse.permissions().assignRole(RoleAssignment.global(Principal.group(id), role)));
        }
        var resourceIds = new ArrayList<ResourceId>();
        for (var spec : resources) {
            var resource = NewResource.of(spec.name(), spec.type());
            if (spec.parent() >= 0) {
                resource = resource.under(resourceIds.get(spec.parent()));
            }
            if (spec.position() > 0) {
                resource = resource.at(spec.position());
            }
            if (spec.ownerUser() >= 0) {
                resource = resource.ownedBy(userIds.get(spec.ownerUser()));
            }
            if (spec.ownerGroup() >= 0) {
                resource = resource.ownedByGroup(groupIds.get(spec.ownerGroup()));
            }
            if (!spec.inherit()) {
                resource = resource.notInheriting();
            }
            resourceIds.add(gatehouse.resources().create(resource).id());
        }
        var loaded = new Loaded(this, userIds, groupIds, resourceIds);
        for (var spec : grants) {
            var who = loaded.principal(spec.kind(), spec.who());
            gatehouse.permissions().grant(spec.resource() < 0
                    ? Grant.global(who, spec.permission())
                    : Grant.on(loaded.resource(spec.resource()), who, spec.permission()));
        }
        for (var spec : roles) {
            gatehouse.permissions().assignRole(RoleAssignment.on(loaded.resource(spec.resource()),
                    loaded.principal(spec.kind(), spec.who()), spec.role()));
        }
        var acls = new TreeMap<Integer, List<Ace>>();
        for (var spec : aces) {
            acls.computeIfAbsent(spec.resource(), r -> new ArrayList<>()).add(
                    new Ace(spec.action(), loaded.principal(spec.kind(), spec.who()), spec.permissions()));
        }
        acls.forEach((resource, entries) ->
                gatehouse.permissions().setAcl(loaded.resource(resource), new Acl(entries)));
        return loaded;
    }

    @Override
    public String toString() {
        return "RandomWorld[seed=" + seed + ", users=" + users + ", groups=" + groups + ", resources=" + resources
                + ", grants=" + grants + ", roles=" + roles + ", aces=" + aces + "]";
    }

    /**
     * A world loaded into one store: the ids the store assigned, by the world's indexes.
     *
     * @param world the world
     * @param users user ids by index
     * @param groups group ids by index
     * @param resources resource ids by index
     */
    public record Loaded(RandomWorld world, List<UserId> users, List<GroupId> groups, List<ResourceId> resources) {
        public Loaded {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
            resources = List.copyOf(resources);
        }

        /** @return the id of the resource with this index */
        public ResourceId resource(int index) {
            return resources.get(index);
        }

        /** @return the subject for a user index, or the anonymous subject for -1 */
        public Subject subject(int user) {
            return user < 0 ? Subject.anonymous() : Subject.user(users.get(user));
        }

        /** @return the principal a grant, role or ACE of the world names */
        public Principal principal(Kind kind, int who) {
            return switch (kind) {
                case USER -> Principal.user(users.get(who));
                case GROUP -> Principal.group(groups.get(who));
                case EVERYONE -> Principal.EVERYONE;
                case AUTHENTICATED -> Principal.AUTHENTICATED;
            };
        }

        /** @return the index of a resource id of this store, for comparing answers across stores */
        public int indexOf(ResourceId id) {
            int index = resources.indexOf(id);
            if (index < 0) {
                throw new IllegalArgumentException("resource " + id + " is not part of this world");
            }
            return index;
        }

        /** @return the index of a user id of this store */
        public int indexOf(UserId id) {
            int index = users.indexOf(id);
            if (index < 0) {
                throw new IllegalArgumentException("user " + id + " is not part of this world");
            }
            return index;
        }
    }
}
