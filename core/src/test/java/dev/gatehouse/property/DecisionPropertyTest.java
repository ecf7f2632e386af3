package dev.gatehouse.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.memory.InMemoryStore;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * Compares the library, over the in-memory store, with {@link NaiveOracle} on random worlds of trees, grants,
 * denies, roles, owners and {@code inherit} flags: {@code check}, the listing of accessible resources, who may
 * access a resource, and a subject's permissions on a resource must all agree with the oracle.
 */
@Label("Decisions agree with a naive reading of the rules on random worlds")
class DecisionPropertyTest {

    /** A world loaded into a Gatehouse, with the oracle's indexes mapped to store ids. */
    private static final class Loaded {
        final World world;
        final NaiveOracle oracle;
        final Gatehouse gatehouse = Gatehouse.builder(InMemoryStore.create())
                .passwordPolicy(PasswordPolicy.forTests())
                .build();
        final List<UserId> users = new ArrayList<>();
        final List<GroupId> groups = new ArrayList<>();
        final List<ResourceId> resources = new ArrayList<>();

        Loaded(World world) {
            this.world = world;
            this.oracle = new NaiveOracle(world);
            for (int u = 0; u < world.users.size(); u++) {
                var user = gatehouse.users().create(NewUser.named("user" + u)).id();
                users.add(user);
                if (!world.users.get(u).active()) {
                    gatehouse.users().disable(user);
                }
                for (var role : world.users.get(u).globalRoles()) {
                    gatehouse.permissions().assignRole(RoleAssignment.global(Principal.user(user), role));
                }
            }
            for (int g = 0; g < world.groups.size(); g++) {
                var group = gatehouse.groups().create(NewGroup.named("group" + g)).id();
                groups.add(group);
                for (int member : world.groups.get(g).members()) {
                    gatehouse.groups().addMember(group, users.get(member));
                }
                for (var role : world.groups.get(g).globalRoles()) {
                    gatehouse.permissions().assignRole(RoleAssignment.global(Principal.group(group), role));
                }
            }
            for (var spec : world.resources) {
                var resource = NewResource.of("r" + resources.size(), spec.type());
                if (spec.parent() >= 0) {
                    resource = resource.under(resources.get(spec.parent()));
                }
                if (spec.ownerUser() >= 0) {
                    resource = resource.ownedBy(users.get(spec.ownerUser()));
                }
                if (spec.ownerGroup() >= 0) {
                    resource = resource.ownedByGroup(groups.get(spec.ownerGroup()));
                }
                if (!spec.inherit()) {
                    resource = resource.notInheriting();
                }
                resources.add(gatehouse.resources().create(resource).id());
            }
            for (var grant : world.grants) {
                var who = principal(grant.kind(), grant.who());
                var permission = Permission.of(grant.permission());
                gatehouse.permissions().grant(grant.resource() < 0
                        ? Grant.global(who, permission)
                        : Grant.on(resources.get(grant.resource()), who, permission));
            }
            for (var role : world.roles) {
                gatehouse.permissions().assignRole(
                        RoleAssignment.on(resources.get(role.resource()), principal(role.kind(), role.who()),
                                role.role()));
            }
            Map<Integer, List<Ace>> acls = new HashMap<>();
            for (var ace : world.aces) {
                var permissions = ace.permissions().stream().map(Permission::of).collect(Collectors.toSet());
                acls.computeIfAbsent(ace.resource(), r -> new ArrayList<>())
                        .add(new Ace(ace.action(), principal(ace.kind(), ace.who()), permissions));
            }
            acls.forEach((resource, entries) ->
                    gatehouse.permissions().setAcl(resources.get(resource), new Acl(entries)));
        }

        Principal principal(String kind, int index) {
            return switch (kind) {
                case "user" -> Principal.user(users.get(index));
                case "group" -> Principal.group(groups.get(index));
                case "everyone" -> Principal.EVERYONE;
                case "authenticated" -> Principal.AUTHENTICATED;
                default -> throw new IllegalArgumentException(kind);
            };
        }

        /** Index -1 is the anonymous subject. */
        Subject subject(int user) {
            return user < 0 ? Subject.anonymous() : Subject.user(users.get(user));
        }

        boolean expected(int user, Permission permission, int resource) {
            return oracle.check(oracle.principalsOf(user), permission.name(), resource);
        }
    }

    @Property(tries = 1000)
    @Label("check, checkAll and permissionsOn equal the oracle for every subject, permission and resource")
    void checksAgree(@ForAll long seed) {
        var loaded = new Loaded(World.random(seed));
        var ids = loaded.resources;
        for (int user = -1; user < loaded.users.size(); user++) {
            var subject = loaded.subject(user);
            for (var permission : World.askedPermissions()) {
                var all = loaded.gatehouse.permissions().checkAll(subject, permission, ids);
                for (int r = 0; r < ids.size(); r++) {
                    boolean expected = loaded.expected(user, permission, r);
                    assertThat(loaded.gatehouse.permissions().check(subject, permission, ids.get(r)))
                            .as("check(%s, %s, r%d) in %s", subject, permission, r, loaded.world)
                            .isEqualTo(expected);
                    assertThat(all.get(ids.get(r))).as("checkAll agrees with check").isEqualTo(expected);
                }
            }
            for (int r = 0; r < ids.size(); r++) {
                var listed = loaded.gatehouse.permissions().permissionsOn(subject, ids.get(r)).stream()
                        .map(Explanation::permission).collect(Collectors.toSet());
                for (var permission : World.askedPermissions()) {
                    assertThat(listed.contains(permission))
                            .as("permissionsOn(%s, r%d) lists %s in %s", subject, r, permission, loaded.world)
                            .isEqualTo(loaded.expected(user, permission, r));
                }
            }
        }
    }

    @Property(tries = 1000)
    @Label("paged listings of accessible resources equal filtering every resource by the oracle")
    void listingsAgree(@ForAll long seed) {
        var loaded = new Loaded(World.random(seed));
        var random = new java.util.Random(seed);
        int under = random.nextInt(loaded.resources.size());
        var subtree = new HashSet<Integer>();
        for (int r = 0; r < loaded.resources.size(); r++) {
            for (int node = r; node >= 0; node = loaded.world.resources.get(node).parent()) {
                if (node == under) {
                    subtree.add(r);
                }
            }
        }
        for (int user = -1; user < loaded.users.size(); user++) {
            for (var permission : World.askedPermissions()) {
                var expectedAll = new ArrayList<ResourceId>();
                var expectedDocs = new ArrayList<ResourceId>();
                var expectedUnder = new ArrayList<ResourceId>();
                for (int r = 0; r < loaded.resources.size(); r++) {
                    if (loaded.expected(user, permission, r)) {
                        expectedAll.add(loaded.resources.get(r));
                        if (loaded.world.resources.get(r).type().equals("doc")) {
                            expectedDocs.add(loaded.resources.get(r));
                        }
                        if (subtree.contains(r)) {
                            expectedUnder.add(loaded.resources.get(r));
                        }
                    }
                }
                var subject = loaded.subject(user);
                int pageSize = 1 + random.nextInt(4);
                assertThat(listAll(loaded, subject, permission, ResourceFilter.ANY, pageSize))
                        .as("accessible(%s, %s) in %s", subject, permission, loaded.world)
                        .isEqualTo(expectedAll);
                assertThat(listAll(loaded, subject, permission, ResourceFilter.ANY.ofType("doc"), pageSize))
                        .as("accessible docs").isEqualTo(expectedDocs);
                assertThat(listAll(loaded, subject, permission,
                        ResourceFilter.ANY.under(loaded.resources.get(under)), pageSize))
                        .as("accessible under r%d", under).isEqualTo(expectedUnder);
                assertThat(loaded.gatehouse.permissions().countAccessible(subject, permission, ResourceFilter.ANY))
                        .as("count").isEqualTo(expectedAll.size());
            }
        }
    }

    @Property(tries = 1000)
    @Label("who may access a resource equals the users the oracle allows")
    void whoCanAgrees(@ForAll long seed) {
        var loaded = new Loaded(World.random(seed));
        for (int r = 0; r < loaded.resources.size(); r++) {
            for (var permission : World.askedPermissions()) {
                var expected = new HashSet<Principal>();
                for (int user = 0; user < loaded.users.size(); user++) {
                    if (loaded.expected(user, permission, r)) {
                        expected.add(Principal.user(loaded.users.get(user)));
                    }
                }
                var actual = loaded.gatehouse.permissions()
                        .whoCan(loaded.resources.get(r), permission, WhoOptions.USERS).stream()
                        .map(dev.gatehouse.Access::principal).collect(Collectors.toSet());
                assertThat(actual).as("whoCan(r%d, %s) in %s", r, permission, loaded.world).isEqualTo(expected);
            }
        }
    }

    private static List<ResourceId> listAll(Loaded loaded, Subject subject, Permission permission,
            ResourceFilter filter, int pageSize) {
        var all = new ArrayList<ResourceId>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = loaded.gatehouse.permissions()
                    .accessible(subject, permission, filter, new PageRequest(cursor, pageSize));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }
}
