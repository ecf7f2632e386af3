package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.Access;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.decision.Source;
import dev.gatehouse.decision.Via;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.User;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of the reverse queries: a subject's permissions on a resource, the resources a subject may access
 * (filtered and keyset-paginated), many checks in one call, and who may access a resource. Every answer must agree
 * with {@code check} exactly.
 */
public abstract class ReverseQueriesKit extends AreaKit {
    /** Every permission the worlds below mention, ALL included. */
    private static final List<Permission> MENTIONED = List.of(Permission.ALL, VIEW, LIST, EDIT, DELETE, PUBLISH,
            LOGIN, Permission.of("add"), Permission.of("change_order"), Permission.of("manage"),
            Permission.of("manage_permissions"));

    protected ReverseQueriesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    // ---- worlds ----

    /**
     * alice may edit: a (grant) with a-doc, a-sub and a-sub-doc below it, and b-doc (grant) under b; not b, not c.
     */
    private record Listing(User alice, Resource a, Resource aDoc, Resource aSub, Resource aSubDoc, Resource b,
            Resource bDoc, Resource c) {}

    private Listing listing() {
        var alice = fixture.user("alice");
        var a = fixture.root("a");
        var aDoc = fixture.child(a, "a-doc", "document");
        var aSub = fixture.child(a, "a-sub");
        var aSubDoc = fixture.child(aSub, "a-sub-doc", "document");
        var b = fixture.root("b");
        var bDoc = fixture.child(b, "b-doc", "document");
        var c = gatehouse.resources().create(NewResource.of("c", "document"));
        gatehouse.permissions().grant(Grant.on(a.id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(bDoc.id(), alice.principal(), EDIT));
        return new Listing(alice, a, aDoc, aSub, aSubDoc, b, bDoc, c);
    }

    /** Several users, groups, owners, grants, roles, a stop, and (where supported) Allow and Deny entries. */
    private record Mixed(List<Subject> subjects) {}

    private Mixed mixed() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var carol = fixture.user("carol");
        var dave = fixture.user("dave");
        var erin = fixture.user("erin");
        var team = fixture.group("team", bob, erin);
        var editors = fixture.group("editors", dave);
        gatehouse.users().disable(erin.id());
        gatehouse.permissions().assignRole(RoleAssignment.global(editors.principal(), "editor"));

        var projects = gatehouse.resources().create(NewResource.of("projects", "folder").ownedBy(carol.id()));
        var plan = fixture.child(projects, "plan", "document");
        var secret = gatehouse.resources().create(NewResource.of("secret", "folder").under(projects.id())
                .notInheriting());
        var keys = fixture.child(secret, "keys", "document");
        var notes = fixture.child(projects, "notes", "document");
        var shared = fixture.root("shared");
        var readme = fixture.child(shared, "readme", "document");
        var drafts = fixture.child(shared, "drafts");
        var draft = fixture.child(drafts, "draft", "document");
        var loose = gatehouse.resources().create(NewResource.of("loose", "document"));

        var permissions = gatehouse.permissions();
        permissions.grant(Grant.on(projects.id(), alice.principal(), EDIT));
        permissions.grant(Grant.on(drafts.id(), alice.principal(), EDIT));
        permissions.grant(Grant.on(shared.id(), team.principal(), EDIT));
        permissions.grant(Grant.on(keys.id(), alice.principal(), PUBLISH));
        permissions.grant(Grant.on(draft.id(), bob.principal(), Permission.ALL));
        permissions.grant(Grant.on(plan.id(), team.principal(), DELETE));
        permissions.grant(Grant.global(carol.principal(), PUBLISH));
        permissions.assignRole(RoleAssignment.on(secret.id(), alice.principal(), "admin"));
        permissions.assignRole(RoleAssignment.on(loose.id(), bob.principal(), "viewer"));
        if (fixture.supports(Capability.EXPLICIT_ACLS)) {
            permissions.setAcl(notes.id(), Acl.of(Ace.deny(alice.principal(), EDIT)));
            permissions.setAcl(drafts.id(), Acl.of(Ace.deny(team.principal(), EDIT)));
            permissions.setAcl(readme.id(), Acl.of(Ace.allow(Principal.EVERYONE, PUBLISH)));
            permissions.setAcl(shared.id(), Acl.of(Ace.deny(carol.principal(), Permission.ALL)));
        }
        return new Mixed(List.of(Subject.user(alice.id()), Subject.user(bob.id()), Subject.user(carol.id()),
                Subject.user(dave.id()), Subject.user(erin.id()), Subject.anonymous()));
    }

    // ---- helpers ----

    /** @return every resource, in id order */
    private List<ResourceId> allResources() {
        var all = new ArrayList<ResourceId>();
        for (var root : gatehouse.resources().children(Optional.empty())) {
            gatehouse.resources().subtree(root.id(), 10_000).stream()
                    .map(TreeNode::resource)
                    .map(Resource::id)
                    .forEach(all::add);
        }
        return all.stream().sorted().toList();
    }

    private List<ResourceId> byCheck(Subject subject, Permission permission, List<ResourceId> among) {
        return among.stream()
                .filter(id -> gatehouse.permissions().check(subject, permission, id))
                .sorted()
                .toList();
    }

    private List<ResourceId> accessible(Subject subject, Permission permission, ResourceFilter filter) {
        var page = gatehouse.permissions().accessible(subject, permission, filter,
                PageRequest.first(PageRequest.MAX_LIMIT));
        assertThat(page.hasNext()).as("one page holds everything").isFalse();
        return page.items();
    }

    private List<ResourceId> accessible(User user, Permission permission, ResourceFilter filter) {
        return accessible(Subject.user(user.id()), permission, filter);
    }

    /** Walks every page of {@code limit} items through the cursors, checking each page's size. */
    private List<ResourceId> walk(Subject subject, Permission permission, ResourceFilter filter, int limit) {
        var collected = new ArrayList<ResourceId>();
        Page<ResourceId> page = gatehouse.permissions().accessible(subject, permission, filter,
                PageRequest.first(limit));
        for (int pages = 1; ; pages++) {
            assertThat(pages).as("pages of %d walked for %s %s (a cursor that never ends?)", limit, subject,
                    permission).isLessThan(1_000);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            collected.addAll(page.items());
            if (page.next().isEmpty()) {
                return collected;
            }
            assertThat(page.items()).as("a page with a next cursor is full").hasSize(limit);
            page = gatehouse.permissions().accessible(subject, permission, filter,
                    PageRequest.after(page.next().get(), limit));
        }
    }

    private static List<Principal> principals(List<Access> accesses) {
        return accesses.stream().map(Access::principal).toList();
    }

    // ---- tests ----

    @Nested
    @DisplayName("permissionsOn: what a subject holds on a resource, and why")
    class PermissionsOn {
        @Test
        @DisplayName("permissionsOn lists each allowed permission in name order, each with its explanation")
        void listsAllowedPermissions() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), PUBLISH));

            var held = gatehouse.permissions().permissionsOn(Subject.user(alice.id()), resource.id());

            assertThat(held).extracting(explanation -> explanation.permission().name())
                    .containsExactly("login", "publish", "view");
            for (var explanation : held) {
                assertThat(explanation).isEqualTo(gatehouse.permissions().explain(Subject.user(alice.id()),
                        explanation.permission(), resource.id()));
            }
            assertThat(held.get(1).source()).isEqualTo(Source.GRANT);
            assertThat(held.get(2).source()).isEqualTo(Source.BASE_ACL);
            assertThat(held.get(2).via()).isEqualTo(Via.SYSTEM);
        }

        @Test
        @DisplayName("permissionsOn lists ALL when the subject holds every permission")
        void listsAllWhenHeld() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var below = fixture.child(resource, "below");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), Permission.ALL));

            var held = gatehouse.permissions().permissionsOn(Subject.user(alice.id()), below.id());

            assertThat(held).extracting(Explanation::permission)
                    .contains(Permission.ALL, DELETE, Permission.of("manage"));
            var all = held.stream().filter(explanation -> explanation.permission().isAll()).findFirst().orElseThrow();
            assertThat(all.source()).isEqualTo(Source.GRANT);
            assertThat(all.node()).contains(resource.id());
            assertThat(all.target()).contains(below.id());
        }

        @Test
        @DisplayName("permissionsOn leaves out what a Deny entry takes away")
        void leavesOutDenied() {
            assumeTrue(fixture.supports(Capability.EXPLICIT_ACLS), "the store declares EXPLICIT_ACLS");
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), PUBLISH));
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().setAcl(resource.id(), Acl.of(Ace.deny(alice.principal(), VIEW, EDIT)));

            var held = gatehouse.permissions().permissionsOn(Subject.user(alice.id()), resource.id());

            assertThat(held).extracting(explanation -> explanation.permission().name())
                    .containsExactly("login", "publish");
            assertThat(held).allMatch(Explanation::allowed);
        }

        @Test
        @DisplayName("permissionsOn agrees with check for every subject, resource and permission of a mixed world")
        void agreesWithCheck() {
            var world = mixed();
            for (var subject : world.subjects()) {
                for (var resource : allResources()) {
                    var held = gatehouse.permissions().permissionsOn(subject, resource);
                    var listed = held.stream().map(Explanation::permission).toList();
                    assertThat(held).as("%s on %s", subject, resource).allMatch(Explanation::allowed);
                    for (var permission : MENTIONED) {
                        boolean allowed = gatehouse.permissions().check(subject, permission, resource);
                        if (allowed) {
                            assertThat(listed).as("%s may %s on %s", subject, permission, resource)
                                    .containsAnyOf(permission, Permission.ALL);
                        } else {
                            assertThat(listed).as("%s may not %s on %s", subject, permission, resource)
                                    .doesNotContain(permission);
                        }
                    }
                }
            }
        }

        @Test
        @DisplayName("An anonymous visitor holds only what everyone holds: login")
        void anonymousHoldsLogin() {
            var resource = fixture.root("root");

            var held = gatehouse.permissions().permissionsOn(Subject.anonymous(), resource.id());

            assertThat(held).extracting(Explanation::permission).containsExactly(LOGIN);
            assertThat(held.get(0).via()).isEqualTo(Via.SYSTEM);
        }

        @Test
        @DisplayName("permissionsOn a missing resource raises NoSuchResourceException")
        void missingResource() {
            var alice = fixture.user("alice");

            assertThatThrownBy(() -> gatehouse.permissions().permissionsOn(Subject.user(alice.id()),
                    ResourceId.of(987_654)))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("987654");
        }
    }

    @Nested
    @DisplayName("accessible and countAccessible: the resources a subject may access")
    class Accessible {
        @Test
        @DisplayName("Without a filter, accessible lists every resource the grants reach, in id order")
        void all() {
            var world = listing();

            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY)).containsExactly(world.a().id(),
                    world.aDoc().id(), world.aSub().id(), world.aSubDoc().id(), world.bDoc().id());
        }

        @Test
        @DisplayName("A type filter keeps the resources of those types")
        void byType() {
            var world = listing();

            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.ofType("document")))
                    .containsExactly(world.aDoc().id(), world.aSubDoc().id(), world.bDoc().id());
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.ofType("folder")))
                    .containsExactly(world.a().id(), world.aSub().id());
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.ofType("folder", "document")))
                    .isEqualTo(accessible(world.alice(), EDIT, ResourceFilter.ANY));
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.ofType("image"))).isEmpty();
        }

        @Test
        @DisplayName("An id filter keeps the named resources the subject may access")
        void byIds() {
            var world = listing();

            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.withIds(world.aDoc().id(), world.b().id(),
                    world.bDoc().id(), world.c().id())))
                    .containsExactly(world.aDoc().id(), world.bDoc().id());
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.withIds(world.c().id()))).isEmpty();
        }

        @Test
        @DisplayName("An under filter keeps the subtree's root and descendants, combined with the other filters")
        void underSubtree() {
            var world = listing();

            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.under(world.aSub().id())))
                    .containsExactly(world.aSub().id(), world.aSubDoc().id());
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.under(world.b().id())))
                    .containsExactly(world.bDoc().id());
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.under(world.c().id()))).isEmpty();
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY.under(world.a().id()).ofType("document")))
                    .containsExactly(world.aDoc().id(), world.aSubDoc().id());
        }

        @Test
        @DisplayName("countAccessible counts exactly what accessible lists")
        void countAccessible() {
            var world = listing();
            var subject = Subject.user(world.alice().id());

            assertThat(gatehouse.permissions().countAccessible(subject, EDIT, ResourceFilter.ANY)).isEqualTo(5);
            assertThat(gatehouse.permissions().countAccessible(subject, EDIT, ResourceFilter.ANY.ofType("document")))
                    .isEqualTo(3);
            assertThat(gatehouse.permissions().countAccessible(subject, DELETE, ResourceFilter.ANY)).isZero();
            assertThat(gatehouse.permissions().countAccessible(subject, VIEW, ResourceFilter.ANY)).isEqualTo(7);
        }

        @Test
        @DisplayName("Resources cut off by a Deny entry are left out of listings and counts")
        void denyIsExcluded() {
            assumeTrue(fixture.supports(Capability.EXPLICIT_ACLS), "the store declares EXPLICIT_ACLS");
            var world = listing();
            var subject = Subject.user(world.alice().id());
            gatehouse.permissions().setAcl(world.aSub().id(), Acl.of(Ace.deny(world.alice().principal(), EDIT)));

            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY))
                    .containsExactly(world.a().id(), world.aDoc().id(), world.bDoc().id());
            assertThat(gatehouse.permissions().countAccessible(subject, EDIT, ResourceFilter.ANY)).isEqualTo(3);

            gatehouse.permissions().grant(Grant.on(world.aSubDoc().id(), world.alice().principal(), EDIT));
            assertThat(accessible(world.alice(), EDIT, ResourceFilter.ANY))
                    .as("a grant nearer than the Deny")
                    .contains(world.aSubDoc().id())
                    .doesNotContain(world.aSub().id());
        }

        @Test
        @DisplayName("An anonymous visitor may view nothing and log in everywhere")
        void anonymous() {
            listing();
            var total = allResources().size();

            assertThat(accessible(Subject.anonymous(), VIEW, ResourceFilter.ANY)).isEmpty();
            assertThat(accessible(Subject.anonymous(), LOGIN, ResourceFilter.ANY)).isEqualTo(allResources());
            assertThat(gatehouse.permissions().countAccessible(Subject.anonymous(), LOGIN, ResourceFilter.ANY))
                    .isEqualTo(total);
            assertThat(gatehouse.permissions().countAccessible(Subject.anonymous(), EDIT, ResourceFilter.ANY)).isZero();
        }

        @Test
        @DisplayName("A signed-in user may view everything through the default ACL, and a global grant reaches all")
        void defaultAclAndGlobalGrant() {
            var world = listing();
            var bob = fixture.user("bob");

            assertThat(accessible(bob, VIEW, ResourceFilter.ANY)).isEqualTo(allResources());
            assertThat(accessible(bob, PUBLISH, ResourceFilter.ANY)).isEmpty();
            gatehouse.permissions().grant(Grant.global(bob.principal(), PUBLISH));
            assertThat(accessible(bob, PUBLISH, ResourceFilter.ANY)).isEqualTo(allResources());
            assertThat(accessible(bob, PUBLISH, ResourceFilter.ANY.under(world.a().id())))
                    .containsExactly(world.a().id(), world.aDoc().id(), world.aSub().id(), world.aSubDoc().id());
        }

        @Test
        @DisplayName("accessible equals filtering every resource by check, for every subject and permission")
        void equalsFilteringByCheck() {
            var world = mixed();
            var all = allResources();
            int nonTrivial = 0;
            for (var subject : world.subjects()) {
                for (var permission : MENTIONED) {
                    var expected = byCheck(subject, permission, all);
                    assertThat(accessible(subject, permission, ResourceFilter.ANY))
                            .as("%s may %s", subject, permission).isEqualTo(expected);
                    assertThat(gatehouse.permissions().countAccessible(subject, permission, ResourceFilter.ANY))
                            .as("count of %s may %s", subject, permission).isEqualTo(expected.size());
                    if (!expected.isEmpty() && expected.size() < all.size()) {
                        nonTrivial++;
                    }
                }
            }
            assertThat(nonTrivial).as("cases where some but not all resources are allowed").isGreaterThan(5);
        }

        @Test
        @DisplayName("Pages of 1, 2 and 3 walked to the end through their cursors equal the full list")
        void pagesWalkToTheFullList() {
            var world = mixed();
            var all = allResources();
            var filters = List.of(ResourceFilter.ANY, ResourceFilter.ANY.ofType("document"),
                    ResourceFilter.ANY.under(all.get(0)));
            for (var subject : world.subjects()) {
                for (var permission : List.of(VIEW, EDIT, DELETE, PUBLISH, Permission.ALL)) {
                    for (var filter : filters) {
                        var full = accessible(subject, permission, filter);
                        for (int limit = 1; limit <= 3; limit++) {
                            assertThat(walk(subject, permission, filter, limit))
                                    .as("%s may %s, %s, pages of %d", subject, permission, filter, limit)
                                    .isEqualTo(full);
                        }
                    }
                }
            }
        }

        @Test
        @DisplayName("A page ends exactly at its limit, with a cursor only when more follow")
        void pageBoundaries() {
            var world = listing();
            var subject = Subject.user(world.alice().id());

            var first = gatehouse.permissions().accessible(subject, EDIT, ResourceFilter.ANY, PageRequest.first(2));
            assertThat(first.items()).containsExactly(world.a().id(), world.aDoc().id());
            assertThat(first.next()).isPresent();
            var second = gatehouse.permissions().accessible(subject, EDIT, ResourceFilter.ANY,
                    PageRequest.after(first.next().orElseThrow(), 2));
            assertThat(second.items()).containsExactly(world.aSub().id(), world.aSubDoc().id());
            var third = gatehouse.permissions().accessible(subject, EDIT, ResourceFilter.ANY,
                    PageRequest.after(second.next().orElseThrow(), 2));
            assertThat(third.items()).containsExactly(world.bDoc().id());
            assertThat(third.next()).isEmpty();
            var exact = gatehouse.permissions().accessible(subject, EDIT, ResourceFilter.ANY, PageRequest.first(5));
            assertThat(exact.items()).hasSize(5);
            assertThat(exact.next()).as("no cursor when nothing follows").isEmpty();
        }
    }

    @Nested
    @DisplayName("checkAll: many checks in one call")
    class CheckAll {
        @Test
        @DisplayName("checkAll answers in the given order, each answer equal to check")
        void inGivenOrderEqualToCheck() {
            var world = listing();
            var subject = Subject.user(world.alice().id());
            var asked = List.of(world.c().id(), world.bDoc().id(), world.a().id(), world.b().id(),
                    world.aSubDoc().id());

            Map<ResourceId, Boolean> answers = gatehouse.permissions().checkAll(subject, EDIT, asked);

            assertThat(answers.keySet()).containsExactlyElementsOf(asked);
            assertThat(answers.values()).containsExactly(false, true, true, false, true);
            asked.forEach(id -> assertThat(answers.get(id)).as("resource %s", id)
                    .isEqualTo(gatehouse.permissions().check(subject, EDIT, id)));
        }

        @Test
        @DisplayName("checkAll agrees with check for every subject, permission and resource of a mixed world")
        void agreesWithCheckInMixedWorld() {
            var world = mixed();
            var all = allResources();
            var reversed = new ArrayList<>(all);
            Collections.reverse(reversed);
            for (var subject : world.subjects()) {
                for (var permission : MENTIONED) {
                    var answers = gatehouse.permissions().checkAll(subject, permission, reversed);
                    assertThat(answers.keySet()).containsExactlyElementsOf(reversed);
                    reversed.forEach(id -> assertThat(answers.get(id)).as("%s may %s on %s", subject, permission, id)
                            .isEqualTo(gatehouse.permissions().check(subject, permission, id)));
                }
            }
        }

        @Test
        @DisplayName("checkAll with missing resources raises NoSuchResourceException naming each of them")
        void missingResources() {
            var world = listing();
            var subject = Subject.user(world.alice().id());

            assertThatThrownBy(() -> gatehouse.permissions().checkAll(subject, EDIT,
                    List.of(world.a().id(), ResourceId.of(987_651), ResourceId.of(987_652))))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("987651")
                    .hasMessageContaining("987652");
            assertThatThrownBy(() -> gatehouse.permissions().checkAll(subject, EDIT, List.of(ResourceId.of(987_653))))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("987653");
        }

        @Test
        @DisplayName("checkAll of no resources answers with an empty map")
        void noResources() {
            var alice = fixture.user("alice");

            assertThat(gatehouse.permissions().checkAll(Subject.user(alice.id()), EDIT, List.of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("whoCan: who may access a resource")
    class WhoCan {
        @Test
        @DisplayName("With USERS, users allowed directly, via groups and via group roles are listed in id order")
        void usersExpandGroups() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var dave = fixture.user("dave");
            var erin = fixture.user("erin");
            var team = fixture.group("team", bob, dave);
            var editors = fixture.group("editors", erin);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().assignRole(RoleAssignment.global(editors.principal(), "editor"));
            gatehouse.users().disable(dave.id());

            var who = gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS);

            assertThat(principals(who)).containsExactly(alice.principal(), bob.principal(), erin.principal())
                    .doesNotContain(carol.principal(), dave.principal(), team.principal());
            for (var access : who) {
                var user = ((Principal.OfUser) access.principal()).id();
                assertThat(access.explanation()).isEqualTo(
                        gatehouse.permissions().explain(Subject.user(user), EDIT, resource.id()));
            }
        }

        @Test
        @DisplayName("With USERS, whoCan view lists every active user (the default ACL) and no disabled one")
        void usersViewThroughDefaultAcl() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var resource = fixture.root("root");
            gatehouse.users().disable(bob.id());

            var who = gatehouse.permissions().whoCan(resource.id(), VIEW, WhoOptions.USERS);

            assertThat(principals(who)).containsExactly(alice.principal(), carol.principal());
            assertThat(who).allSatisfy(access -> assertThat(access.explanation().source()).isEqualTo(Source.BASE_ACL));
        }

        @Test
        @DisplayName("With USERS, whoCan agrees with check for every user of a mixed world")
        void usersAgreeWithCheck() {
            var world = mixed();
            var users = world.subjects().stream().filter(Subject.OfUser.class::isInstance)
                    .map(Subject.OfUser.class::cast).toList();
            for (var resource : allResources()) {
                for (var permission : List.of(EDIT, DELETE, PUBLISH, LIST)) {
                    var expected = users.stream()
                            .filter(user -> gatehouse.permissions().check(user, permission, resource))
                            .map(user -> Principal.user(user.id()))
                            .toList();
                    assertThat(principals(gatehouse.permissions().whoCan(resource, permission, WhoOptions.USERS)))
                            .as("who may %s on %s", permission, resource).isEqualTo(expected);
                }
            }
        }

        @Test
        @DisplayName("With USERS_AND_GROUPS, groups holding the permission are listed as groups, users by their own")
        void usersAndGroups() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var team = fixture.group("team", bob, alice);
            var editors = fixture.group("editors");
            var idle = fixture.group("idle", carol);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().assignRole(RoleAssignment.global(editors.principal(), "editor"));

            var who = gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS_AND_GROUPS);

            assertThat(principals(who)).containsExactly(alice.principal(), team.principal(), editors.principal())
                    .doesNotContain(bob.principal(), carol.principal(), idle.principal());
            var teamAccess = who.get(1);
            assertThat(teamAccess.explanation().source()).isEqualTo(Source.GRANT);
            assertThat(teamAccess.explanation().via()).isEqualTo(Via.GROUP);
            assertThat(who.get(0).explanation().via()).isEqualTo(Via.DIRECT);
        }

        @Test
        @DisplayName("With USERS_WITHOUT_GROUPS, only users allowed through their own principals are listed")
        void usersWithoutGroups() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var team = fixture.group("team", bob, carol);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().assignRole(RoleAssignment.on(resource.id(), carol.principal(), "editor"));

            var who = gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS_WITHOUT_GROUPS);

            assertThat(principals(who)).containsExactly(alice.principal(), carol.principal())
                    .doesNotContain(bob.principal(), team.principal());
            assertThat(who.get(1).explanation().source()).isEqualTo(Source.RESOURCE_ROLE);
        }

        @Test
        @DisplayName("Without group expansion, a global role a user holds only through a group stays the group's")
        void groupRoleIsNotTheUsersOwn() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var editors = fixture.group("editors", alice);
            var resource = fixture.root("root");
            gatehouse.permissions().assignRole(RoleAssignment.global(editors.principal(), "editor"));
            gatehouse.permissions().assignRole(RoleAssignment.global(bob.principal(), "editor"));

            assertThat(principals(gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS)))
                    .containsExactly(alice.principal(), bob.principal());
            assertThat(principals(gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS_AND_GROUPS)))
                    .containsExactly(bob.principal(), editors.principal());
            assertThat(principals(gatehouse.permissions().whoCan(resource.id(), EDIT,
                    WhoOptions.USERS_WITHOUT_GROUPS)))
                    .containsExactly(bob.principal());
        }

        @Test
        @DisplayName("whoCan leaves out a user whom a Deny entry stops, even with a grant")
        void denyIsExcluded() {
            assumeTrue(fixture.supports(Capability.EXPLICIT_ACLS), "the store declares EXPLICIT_ACLS");
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice, bob);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().setAcl(resource.id(), Acl.of(Ace.deny(alice.principal(), EDIT)));

            assertThat(principals(gatehouse.permissions().whoCan(resource.id(), EDIT, WhoOptions.USERS)))
                    .containsExactly(bob.principal());
        }

        @Test
        @DisplayName("whoCan on a missing resource raises NoSuchResourceException, whatever the options")
        void missingResource() {
            fixture.user("alice");
            var missing = ResourceId.of(987_654);

            for (var options : List.of(WhoOptions.USERS, WhoOptions.USERS_AND_GROUPS,
                    WhoOptions.USERS_WITHOUT_GROUPS)) {
                assertThatThrownBy(() -> gatehouse.permissions().whoCan(missing, EDIT, options))
                        .as("%s", options)
                        .isInstanceOf(NoSuchResourceException.class)
                        .hasMessageContaining("987654");
            }
        }
    }
}
