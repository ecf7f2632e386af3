package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.decision.Source;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of explicit ACLs, Pyramid style: at each node, nearest first, the first entry that names one of
 * the subject's principals and covers the permission decides. On one node the explicit ACL is read before the owner,
 * the grants and the roles, so a Deny there beats them; a nearer node decides before a farther one. Runs only on
 * stores that declare {@link Capability#EXPLICIT_ACLS}; the other side is the capabilities area's.
 */
public abstract class AclKit extends AreaKit {

    protected AclKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void storeSupportsExplicitAcls() {
        assumeTrue(fixture.supports(Capability.EXPLICIT_ACLS), "the store declares EXPLICIT_ACLS");
    }

    private void setAcl(Resource resource, Ace... entries) {
        gatehouse.permissions().setAcl(resource.id(), Acl.of(entries));
    }

    @Nested
    @DisplayName("Reading one node's ACL")
    class OneNode {
        @Test
        @DisplayName("An Allow entry allows, and the explanation names EXPLICIT_ACL, the entry and the node")
        void allowEntryAllows() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");
            var entry = Ace.allow(alice.principal(), PUBLISH);

            setAcl(resource, entry);

            assertThat(may(alice, PUBLISH, resource)).isTrue();
            assertThat(may(bob, PUBLISH, resource)).isFalse();
            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), PUBLISH, resource.id());
            assertThat(explanation.source()).isEqualTo(Source.EXPLICIT_ACL);
            assertThat(explanation.ace()).contains(entry);
            assertThat(explanation.node()).contains(resource.id());
        }

        @Test
        @DisplayName("The first matching entry wins: Deny then Allow denies, Allow then Deny allows")
        void firstMatchWins() {
            var alice = fixture.user("alice");
            var denyFirst = fixture.root("deny-first");
            var allowFirst = fixture.root("allow-first");

            setAcl(denyFirst, Ace.deny(alice.principal(), EDIT), Ace.allow(alice.principal(), EDIT));
            setAcl(allowFirst, Ace.allow(alice.principal(), EDIT), Ace.deny(alice.principal(), EDIT));

            assertThat(may(alice, EDIT, denyFirst)).isFalse();
            assertThat(may(alice, EDIT, allowFirst)).isTrue();
            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, denyFirst.id());
            assertThat(explanation.source()).isEqualTo(Source.EXPLICIT_ACL);
            assertThat(explanation.ace()).contains(Ace.deny(alice.principal(), EDIT));
        }

        @Test
        @DisplayName("Entries that do not cover the permission or name another principal are skipped")
        void nonMatchingEntriesAreSkipped() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");

            setAcl(resource, Ace.deny(bob.principal(), EDIT), Ace.deny(alice.principal(), DELETE),
                    Ace.allow(alice.principal(), EDIT));

            assertThat(may(alice, EDIT, resource)).isTrue();
            assertThat(may(alice, DELETE, resource)).isFalse();
            assertThat(may(bob, EDIT, resource)).isFalse();
        }

        @Test
        @DisplayName("A Deny for a user's group placed before an Allow for the user denies the user")
        void groupDenyBeforeUserAllow() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var banned = fixture.group("banned", alice);
            var resource = fixture.root("root");

            setAcl(resource, Ace.deny(banned.principal(), EDIT), Ace.allow(alice.principal(), EDIT),
                    Ace.allow(bob.principal(), EDIT));

            assertThat(may(alice, EDIT, resource)).isFalse();
            assertThat(may(bob, EDIT, resource)).isTrue();
        }

        @Test
        @DisplayName("A Deny in a node's ACL beats a grant, an owner and a principal role on the same node")
        void denyBeatsSameNodeFacts() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var granted = fixture.root("granted");
            var owned = gatehouse.resources().create(NewResource.of("owned", "folder").ownedBy(bob.id()));
            var shared = fixture.root("shared");
            gatehouse.permissions().grant(Grant.on(granted.id(), alice.principal(), EDIT));
            gatehouse.permissions().assignRole(RoleAssignment.on(shared.id(), carol.principal(), "editor"));

            setAcl(granted, Ace.deny(alice.principal(), EDIT));
            setAcl(owned, Ace.deny(bob.principal(), DELETE));
            setAcl(shared, Ace.deny(carol.principal(), EDIT));

            assertThat(may(alice, EDIT, granted)).isFalse();
            assertThat(may(bob, DELETE, owned)).isFalse();
            assertThat(may(bob, EDIT, owned)).as("the Deny names delete only").isTrue();
            assertThat(may(carol, EDIT, shared)).isFalse();
            assertThat(may(carol, Permission.of("list"), shared)).isTrue();
            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, granted.id());
            assertThat(explanation.source()).isEqualTo(Source.EXPLICIT_ACL);
            assertThat(explanation.ace()).map(Ace::action).contains(Action.DENY);
        }

        @Test
        @DisplayName("A Deny of ALL denies every permission, the signed-in users' view included")
        void denyAll() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), Permission.ALL));

            setAcl(resource, Ace.deny(alice.principal(), Permission.ALL));

            for (var permission : new Permission[] {VIEW, EDIT, DELETE, PUBLISH, Permission.ALL}) {
                assertThat(may(alice, permission, resource)).as("%s", permission).isFalse();
            }
            assertThat(may(bob, VIEW, resource)).isTrue();
        }

        @Test
        @DisplayName("An Allow of ALL allows every permission")
        void allowAll() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");

            setAcl(resource, Ace.allow(alice.principal(), Permission.ALL));

            for (var permission : new Permission[] {VIEW, EDIT, DELETE, PUBLISH, Permission.of("manage")}) {
                assertThat(may(alice, permission, resource)).as("%s", permission).isTrue();
            }
        }

        @Test
        @DisplayName("Everyone entries apply to anonymous visitors and users; Authenticated entries to users only")
        void everyoneAndAuthenticated() {
            var alice = fixture.user("alice");
            var open = fixture.root("open");
            var members = fixture.root("members");
            var closed = fixture.root("closed");

            setAcl(open, Ace.allow(Principal.EVERYONE, PUBLISH));
            setAcl(members, Ace.allow(Principal.AUTHENTICATED, PUBLISH));
            setAcl(closed, Ace.deny(Principal.EVERYONE, VIEW));

            var anonymous = Subject.anonymous();
            assertThat(gatehouse.permissions().check(anonymous, PUBLISH, open.id())).isTrue();
            assertThat(may(alice, PUBLISH, open)).isTrue();
            assertThat(gatehouse.permissions().check(anonymous, PUBLISH, members.id())).isFalse();
            assertThat(may(alice, PUBLISH, members)).isTrue();
            assertThat(may(alice, VIEW, closed)).as("beats the default ACL's view for signed-in users").isFalse();
            assertThat(may(alice, VIEW, open)).isTrue();
        }

        @Test
        @DisplayName("An entry for a role principal applies to the users holding that role globally")
        void rolePrincipalEntry() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");
            gatehouse.permissions().assignRole(RoleAssignment.global(alice.principal(), "editor"));

            setAcl(resource, Ace.allow(Principal.role("editor"), PUBLISH), Ace.deny(Principal.role("editor"), EDIT));

            assertThat(may(alice, PUBLISH, resource)).isTrue();
            assertThat(may(alice, EDIT, resource)).as("beats the global role").isFalse();
            assertThat(may(bob, PUBLISH, resource)).isFalse();
        }
    }

    @Nested
    @DisplayName("Along the lineage")
    class Lineage {
        @Test
        @DisplayName("A Deny on a parent does not beat a grant on the child: the nearer node decides first")
        void nearerGrantBeatsParentDeny() {
            var alice = fixture.user("alice");
            var parent = fixture.root("parent");
            var child = fixture.child(parent, "child");
            var sibling = fixture.child(parent, "sibling");
            gatehouse.permissions().grant(Grant.on(child.id(), alice.principal(), EDIT));

            setAcl(parent, Ace.deny(alice.principal(), EDIT));

            assertThat(may(alice, EDIT, child)).isTrue();
            assertThat(gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, child.id()).source())
                    .isEqualTo(Source.GRANT);
            assertThat(may(alice, EDIT, parent)).isFalse();
            assertThat(may(alice, EDIT, sibling)).isFalse();
        }

        @Test
        @DisplayName("A Deny on an ancestor beats a grant further up the lineage")
        void nearerDenyBeatsFartherGrant() {
            var alice = fixture.user("alice");
            var chain = fixture.chain(4);
            gatehouse.permissions().grant(Grant.on(chain.get(0).id(), alice.principal(), EDIT));

            setAcl(chain.get(1), Ace.deny(alice.principal(), EDIT));

            assertThat(may(alice, EDIT, chain.get(0))).isTrue();
            assertThat(may(alice, EDIT, chain.get(1))).isFalse();
            assertThat(may(alice, EDIT, chain.get(3))).isFalse();
            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, chain.get(3).id());
            assertThat(explanation.source()).isEqualTo(Source.EXPLICIT_ACL);
            assertThat(explanation.node()).contains(chain.get(1).id());
            assertThat(explanation.inherited()).isTrue();
        }

        @Test
        @DisplayName("A Deny on a resource beats a global grant there, and nowhere else")
        void denyBeatsGlobalGrant() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var denied = fixture.root("denied");
            var below = fixture.child(denied, "below");
            var open = fixture.root("open");
            gatehouse.permissions().grant(Grant.global(team.principal(), PUBLISH));

            setAcl(denied, Ace.deny(alice.principal(), PUBLISH));

            assertThat(may(alice, PUBLISH, denied)).isFalse();
            assertThat(may(alice, PUBLISH, below)).isFalse();
            assertThat(may(alice, PUBLISH, open)).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH)).isTrue();
        }
    }

    @Nested
    @DisplayName("Storing ACLs")
    class Storage {
        @Test
        @DisplayName("acl returns the entries in their stored order")
        void storedOrderIsKept() {
            var alice = fixture.user("alice");
            var team = fixture.group("team");
            var resource = fixture.root("root");
            var acl = Acl.of(
                    Ace.deny(team.principal(), EDIT),
                    Ace.allow(Principal.AUTHENTICATED, PUBLISH),
                    Ace.allow(alice.principal(), EDIT, DELETE),
                    Ace.deny(Principal.EVERYONE, Permission.ALL),
                    Ace.allow(Principal.role("viewer"), VIEW));

            gatehouse.permissions().setAcl(resource.id(), acl);

            assertThat(gatehouse.permissions().acl(resource.id())).isEqualTo(acl);
            assertThat(gatehouse.permissions().acl(resource.id()).entries()).containsExactlyElementsOf(acl.entries());
            assertThat(gatehouse.permissions().acl(fixture.root("bare").id())).isEqualTo(Acl.EMPTY);
        }

        @Test
        @DisplayName("setAcl replaces the whole ACL: the earlier entries lose their effect")
        void setAclReplaces() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            setAcl(resource, Ace.allow(alice.principal(), PUBLISH), Ace.deny(alice.principal(), VIEW));

            setAcl(resource, Ace.allow(alice.principal(), EDIT));

            assertThat(gatehouse.permissions().acl(resource.id()))
                    .isEqualTo(Acl.of(Ace.allow(alice.principal(), EDIT)));
            assertThat(may(alice, EDIT, resource)).isTrue();
            assertThat(may(alice, PUBLISH, resource)).isFalse();
            assertThat(may(alice, VIEW, resource)).isTrue();
        }

        @Test
        @DisplayName("An empty ACL removes the explicit ACL and its Deny")
        void emptyAclRemoves() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            setAcl(resource, Ace.deny(alice.principal(), VIEW));
            assertThat(may(alice, VIEW, resource)).isFalse();

            gatehouse.permissions().setAcl(resource.id(), Acl.EMPTY);

            assertThat(gatehouse.permissions().acl(resource.id()).isEmpty()).isTrue();
            assertThat(may(alice, VIEW, resource)).isTrue();
        }

        @Test
        @DisplayName("Deleting a user takes its entries out of every ACL and keeps the others in order")
        void deletingUserRemovesItsEntries() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");
            setAcl(resource, Ace.allow(bob.principal(), EDIT), Ace.deny(alice.principal(), EDIT),
                    Ace.deny(bob.principal(), DELETE));

            gatehouse.users().delete(alice.id());

            assertThat(gatehouse.permissions().acl(resource.id()))
                    .isEqualTo(Acl.of(Ace.allow(bob.principal(), EDIT), Ace.deny(bob.principal(), DELETE)));
        }

        @Test
        @DisplayName("setAcl on a missing resource or naming a missing user raises NoSuch…Exception, changing nothing")
        void setAclOnMissingTargets() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var before = Acl.of(Ace.allow(alice.principal(), EDIT));
            gatehouse.permissions().setAcl(resource.id(), before);

            assertThatThrownBy(() -> gatehouse.permissions().setAcl(ResourceId.of(987_654), before))
                    .isInstanceOf(NoSuchResourceException.class);
            assertThatThrownBy(() -> gatehouse.permissions().setAcl(resource.id(),
                    Acl.of(Ace.deny(alice.principal(), EDIT), Ace.allow(Principal.user(UserId.of(987_654)), EDIT))))
                    .isInstanceOf(NoSuchUserException.class);

            assertThat(gatehouse.permissions().acl(resource.id())).isEqualTo(before);
        }
    }
}
