package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.decision.Source;
import dev.gatehouse.decision.Via;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of global grants and resource grants, for users and groups.
 *
 * <p>The permissions used here ({@code edit}, {@code publish}, …) are ones the default ACL does not give to every
 * signed-in user, so an allowed check can only come from the grant under test.
 */
public abstract class GrantsKit extends AreaKit {

    protected GrantsKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @Nested
    @DisplayName("Global grants")
    class GlobalGrants {
        @Test
        @DisplayName("A global grant to a user allows the permission on every resource and in a global check")
        void globalGrantToUser() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var root = fixture.root("root");
            var leaf = fixture.child(fixture.child(root, "middle"), "leaf");
            var other = fixture.root("other");

            gatehouse.permissions().grant(Grant.global(alice.principal(), PUBLISH));

            var permissions = gatehouse.permissions();
            assertThat(permissions.check(Subject.user(alice.id()), PUBLISH)).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), PUBLISH, root.id())).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), PUBLISH, leaf.id())).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), PUBLISH, other.id())).isTrue();
            assertThat(permissions.check(Subject.user(bob.id()), PUBLISH)).isFalse();
            assertThat(permissions.check(Subject.user(bob.id()), PUBLISH, leaf.id())).isFalse();
        }

        @Test
        @DisplayName("A global grant to a group reaches each member, and not other users")
        void globalGrantToGroup() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var editors = fixture.group("editors", alice);
            var resource = fixture.root("root");

            gatehouse.permissions().grant(Grant.global(editors.principal(), EDIT));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT)).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), EDIT)).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), EDIT, resource.id())).isFalse();
        }

        @Test
        @DisplayName("A global check without a resource is the global level alone: a resource grant does not count")
        void globalCheckIgnoresResourceGrants() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), PUBLISH));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH)).isFalse();
        }

        @Test
        @DisplayName("A global check falls back to the default ACL: signed-in users may view, everyone may log in")
        void globalCheckFallsBackToDefaultAcl() {
            var alice = fixture.user("alice");
            var permissions = gatehouse.permissions();

            assertThat(permissions.check(Subject.user(alice.id()), VIEW)).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), EDIT)).isFalse();
            assertThat(permissions.check(Subject.anonymous(), LOGIN)).isTrue();
            assertThat(permissions.check(Subject.anonymous(), VIEW)).isFalse();
            assertThat(permissions.explain(Subject.user(alice.id()), VIEW).source()).isEqualTo(Source.BASE_ACL);
        }

        @Test
        @DisplayName("Explaining a global grant names GLOBAL_GRANT, no node, and DIRECT or GROUP")
        void explainGlobalGrant() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", bob);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.global(alice.principal(), PUBLISH));
            gatehouse.permissions().grant(Grant.global(team.principal(), PUBLISH));

            var direct = gatehouse.permissions().explain(Subject.user(alice.id()), PUBLISH, resource.id());
            assertThat(direct.allowed()).isTrue();
            assertThat(direct.source()).isEqualTo(Source.GLOBAL_GRANT);
            assertThat(direct.via()).isEqualTo(Via.DIRECT);
            assertThat(direct.node()).isEmpty();
            assertThat(direct.target()).contains(resource.id());
            assertThat(direct.ace()).contains(Ace.allow(alice.principal(), PUBLISH));

            var viaGroup = gatehouse.permissions().explain(Subject.user(bob.id()), PUBLISH);
            assertThat(viaGroup.allowed()).isTrue();
            assertThat(viaGroup.source()).isEqualTo(Source.GLOBAL_GRANT);
            assertThat(viaGroup.via()).isEqualTo(Via.GROUP);
            assertThat(viaGroup.target()).isEmpty();
            assertThat(viaGroup.ace()).contains(Ace.allow(team.principal(), PUBLISH));
        }
    }

    @Nested
    @DisplayName("Resource grants")
    class ResourceGrants {
        @Test
        @DisplayName("A resource grant to a user allows the permission on that resource only, not on a sibling")
        void resourceGrantToUser() {
            var alice = fixture.user("alice");
            var root = fixture.root("root");
            var granted = fixture.child(root, "granted");
            var sibling = fixture.child(root, "sibling");

            gatehouse.permissions().grant(Grant.on(granted.id(), alice.principal(), EDIT));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, granted.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, sibling.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, root.id()))
                    .as("a grant does not flow up to the parent").isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of("delete"), granted.id()))
                    .as("a grant gives its permission only").isFalse();
        }

        @Test
        @DisplayName("A resource grant to a group reaches each member on that resource, and not other users")
        void resourceGrantToGroup() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var team = fixture.group("team", alice, bob);
            var resource = fixture.root("root");
            var other = fixture.root("other");

            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), EDIT, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(carol.id()), EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, other.id())).isFalse();
        }

        @Test
        @DisplayName("A grant of ALL allows every permission on the resource, and nothing elsewhere")
        void grantOfAll() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var other = fixture.root("other");

            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), Permission.ALL));

            for (var name : new String[] {"edit", "delete", "manage", "publish", "manage_permissions"}) {
                assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of(name), resource.id()))
                        .as("ALL contains %s", name).isTrue();
                assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of(name), other.id()))
                        .as("%s on a resource without the grant", name).isFalse();
            }
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.ALL, resource.id())).isTrue();
        }

        @Test
        @DisplayName("A grant on a resource reaches every descendant, and explains itself as inherited from that node")
        void grantReachesDescendants() {
            var alice = fixture.user("alice");
            var chain = fixture.chain(4);
            var top = chain.get(0);
            var bottom = chain.get(3);

            gatehouse.permissions().grant(Grant.on(top.id(), alice.principal(), EDIT));

            for (var resource : chain) {
                assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id()))
                        .as("edit on %s", resource.name()).isTrue();
            }
            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, bottom.id());
            assertThat(explanation.source()).isEqualTo(Source.GRANT);
            assertThat(explanation.node()).contains(top.id());
            assertThat(explanation.target()).contains(bottom.id());
            assertThat(explanation.inherited()).isTrue();
        }

        @Test
        @DisplayName("Grants of other users do not apply to the subject")
        void otherUsersGrantsDoNotApply() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", bob);
            var resource = fixture.root("root");

            gatehouse.permissions().grant(Grant.on(resource.id(), bob.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), PUBLISH));
            gatehouse.permissions().grant(Grant.global(bob.principal(), Permission.ALL));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of("delete"))).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), EDIT, resource.id())).isTrue();
        }

        @Test
        @DisplayName("Explaining a resource grant names GRANT, the node it sits on, and DIRECT or GROUP")
        void explainResourceGrant() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", bob);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));

            var direct = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, resource.id());
            assertThat(direct.allowed()).isTrue();
            assertThat(direct.source()).isEqualTo(Source.GRANT);
            assertThat(direct.via()).isEqualTo(Via.DIRECT);
            assertThat(direct.node()).contains(resource.id());
            assertThat(direct.inherited()).isFalse();
            assertThat(direct.ace()).contains(Ace.allow(alice.principal(), EDIT));

            var viaGroup = gatehouse.permissions().explain(Subject.user(bob.id()), EDIT, resource.id());
            assertThat(viaGroup.allowed()).isTrue();
            assertThat(viaGroup.source()).isEqualTo(Source.GRANT);
            assertThat(viaGroup.via()).isEqualTo(Via.GROUP);
            assertThat(viaGroup.node()).contains(resource.id());
            assertThat(viaGroup.ace()).contains(Ace.allow(team.principal(), EDIT));
        }

        @Test
        @DisplayName("Without a grant the default ACL's closing Deny Everyone ALL decides")
        void withoutGrantTheDefaultAclDenies() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");

            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, resource.id());

            assertThat(explanation.allowed()).isFalse();
            assertThat(explanation.source()).isEqualTo(Source.BASE_ACL);
            assertThat(explanation.node()).isEmpty();
            assertThat(explanation.ace()).map(Ace::action).contains(Action.DENY);
            assertThat(explanation.ace()).map(Ace::principal).contains(Principal.EVERYONE);
        }

        @Test
        @DisplayName("Checking a resource that does not exist raises NoSuchResourceException")
        void checkOnMissingResource() {
            var alice = fixture.user("alice");
            var missing = ResourceId.of(987_654);

            assertThatThrownBy(() -> gatehouse.permissions().check(Subject.user(alice.id()), EDIT, missing))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("987654");
        }
    }

    @Nested
    @DisplayName("Storing and removing grants")
    class Storage {
        @Test
        @DisplayName("Revoking a resource grant removes its effect")
        void revokeResourceGrant() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var grant = Grant.on(resource.id(), alice.principal(), EDIT);
            gatehouse.permissions().grant(grant);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isTrue();

            gatehouse.permissions().revoke(grant);

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().grantsOn(resource.id())).isEmpty();
        }

        @Test
        @DisplayName("Revoking a global group grant removes its effect from the members")
        void revokeGlobalGroupGrant() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var resource = fixture.root("root");
            var grant = Grant.global(team.principal(), PUBLISH);
            gatehouse.permissions().grant(grant);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH, resource.id())).isTrue();

            gatehouse.permissions().revoke(grant);

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH)).isFalse();
            assertThat(gatehouse.permissions().grantsOf(team.principal())).isEmpty();
        }

        @Test
        @DisplayName("Granting the same grant twice raises DuplicateGrantException and keeps one copy")
        void duplicateGrant() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var grant = Grant.on(resource.id(), alice.principal(), EDIT);
            gatehouse.permissions().grant(grant);

            assertThatThrownBy(() -> gatehouse.permissions().grant(grant))
                    .isInstanceOf(DuplicateGrantException.class);
            assertThatCode(() -> gatehouse.permissions().grant(Grant.global(alice.principal(), EDIT)))
                    .as("a global grant is a different grant").doesNotThrowAnyException();
            assertThat(gatehouse.permissions().grantsOf(alice.principal()))
                    .containsExactlyInAnyOrder(grant, Grant.global(alice.principal(), EDIT));
        }

        @Test
        @DisplayName("Revoking a grant that is not stored raises NoSuchGrantException and leaves the others")
        void revokeAbsent() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var stored = Grant.on(resource.id(), alice.principal(), EDIT);
            gatehouse.permissions().grant(stored);

            assertThatThrownBy(() -> gatehouse.permissions().revoke(
                    Grant.on(resource.id(), alice.principal(), PUBLISH)))
                    .isInstanceOf(NoSuchGrantException.class);
            assertThatThrownBy(() -> gatehouse.permissions().revoke(Grant.global(alice.principal(), EDIT)))
                    .isInstanceOf(NoSuchGrantException.class);
            assertThat(gatehouse.permissions().grantsOf(alice.principal())).containsExactly(stored);
        }

        @Test
        @DisplayName("ensureGranted stores a grant once: true the first time, false after, never an error")
        void ensureGrantedIsIdempotent() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var grant = Grant.on(resource.id(), alice.principal(), EDIT);

            assertThat(gatehouse.permissions().ensureGranted(grant)).isTrue();
            assertThat(gatehouse.permissions().ensureGranted(grant)).isFalse();
            assertThat(gatehouse.permissions().ensureGranted(grant)).isFalse();

            assertThat(gatehouse.permissions().grantsOn(resource.id())).containsExactly(grant);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isTrue();
        }

        @Test
        @DisplayName("grantsOf lists exactly the principal's stored grants, global and on resources")
        void grantsOfListsExactlyWhatIsStored() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice);
            var first = fixture.root("first");
            var second = fixture.root("second");
            var aliceGrants = new Grant[] {
                Grant.global(alice.principal(), PUBLISH),
                Grant.on(first.id(), alice.principal(), EDIT),
                Grant.on(first.id(), alice.principal(), Permission.ALL),
                Grant.on(second.id(), alice.principal(), EDIT),
            };
            for (var grant : aliceGrants) {
                gatehouse.permissions().grant(grant);
            }
            gatehouse.permissions().grant(Grant.on(first.id(), bob.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(first.id(), team.principal(), EDIT));

            assertThat(gatehouse.permissions().grantsOf(alice.principal())).containsExactlyInAnyOrder(aliceGrants);
            assertThat(gatehouse.permissions().grantsOf(team.principal()))
                    .containsExactly(Grant.on(first.id(), team.principal(), EDIT));
            assertThat(gatehouse.permissions().grantsOf(fixture.user("carol").principal())).isEmpty();
        }

        @Test
        @DisplayName("grantsOn lists exactly the grants stored on the resource, for users and groups, not global ones")
        void grantsOnListsExactlyWhatIsStored() {
            var alice = fixture.user("alice");
            var team = fixture.group("team");
            var parent = fixture.root("parent");
            var child = fixture.child(parent, "child");
            var onParent = new Grant[] {
                Grant.on(parent.id(), alice.principal(), EDIT),
                Grant.on(parent.id(), alice.principal(), PUBLISH),
                Grant.on(parent.id(), team.principal(), EDIT),
            };
            for (var grant : onParent) {
                gatehouse.permissions().grant(grant);
            }
            gatehouse.permissions().grant(Grant.on(child.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.global(alice.principal(), EDIT));

            assertThat(gatehouse.permissions().grantsOn(parent.id())).containsExactlyInAnyOrder(onParent);
            assertThat(gatehouse.permissions().grantsOn(child.id()))
                    .containsExactly(Grant.on(child.id(), alice.principal(), EDIT));
        }

        @Test
        @DisplayName("Granting to a missing user, group or resource raises the NoSuch…Exception and stores nothing")
        void grantToMissingTargets() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");

            assertThatThrownBy(() -> gatehouse.permissions().grant(
                    Grant.on(resource.id(), Principal.user(UserId.of(987_654)), EDIT)))
                    .isInstanceOf(NoSuchUserException.class);
            assertThatThrownBy(() -> gatehouse.permissions().grant(
                    Grant.global(Principal.group(GroupId.of(987_654)), EDIT)))
                    .isInstanceOf(NoSuchGroupException.class);
            assertThatThrownBy(() -> gatehouse.permissions().grant(
                    Grant.on(ResourceId.of(987_654), alice.principal(), EDIT)))
                    .isInstanceOf(NoSuchResourceException.class);

            assertThat(gatehouse.permissions().grantsOf(alice.principal())).isEmpty();
            assertThat(gatehouse.permissions().grantsOn(resource.id())).isEmpty();
        }

        @Test
        @DisplayName("Deleting a resource removes the grants on it from the grantee's list")
        void deletingResourceRemovesItsGrants() {
            var alice = fixture.user("alice");
            var kept = fixture.root("kept");
            var doomed = fixture.root("doomed");
            var below = fixture.child(doomed, "below");
            gatehouse.permissions().grant(Grant.on(kept.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(doomed.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(below.id(), alice.principal(), PUBLISH));

            gatehouse.resources().deleteBranch(doomed.id());

            assertThat(gatehouse.permissions().grantsOf(alice.principal()))
                    .containsExactly(Grant.on(kept.id(), alice.principal(), EDIT));
        }
    }

    @Nested
    @DisplayName("Groups and user status")
    class Membership {
        @Test
        @DisplayName("A group with no members still holds its grants: a member added later gets them")
        void emptyGroupStillGrants() {
            var team = fixture.group("team");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().grant(Grant.global(team.principal(), PUBLISH));
            assertThat(gatehouse.permissions().grantsOf(team.principal())).hasSize(2);

            var alice = fixture.user("alice");
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
            gatehouse.groups().addMember(team.id(), alice.id());

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH)).isTrue();
        }

        @Test
        @DisplayName("Removing a member takes the group's grants away from that user only")
        void removingMemberRemovesGroupGrant() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice, bob);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), EDIT));
            gatehouse.permissions().grant(Grant.global(team.principal(), PUBLISH));

            gatehouse.groups().removeMember(team.id(), alice.id());

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), PUBLISH)).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), EDIT, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), PUBLISH)).isTrue();
        }

        @Test
        @DisplayName("A disabled user holds nothing but what anonymous visitors hold, until enabled again")
        void disabledUserIsAnonymous() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(resource.id(), team.principal(), PUBLISH));
            gatehouse.permissions().grant(Grant.global(alice.principal(), Permission.ALL));

            gatehouse.users().disable(alice.id());

            var subject = Subject.user(alice.id());
            assertThat(gatehouse.permissions().check(subject, EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(subject, PUBLISH, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(subject, VIEW, resource.id()))
                    .as("the signed-in users' view of the default ACL").isFalse();
            assertThat(gatehouse.permissions().check(subject, Permission.of("delete"))).isFalse();
            assertThat(gatehouse.permissions().check(subject, LOGIN, resource.id()))
                    .as("what everyone may do").isTrue();
            assertThat(gatehouse.permissions().resolve(subject).principals()).containsExactly(Principal.EVERYONE);

            gatehouse.users().enable(alice.id());
            assertThat(gatehouse.permissions().check(subject, EDIT, resource.id())).isTrue();
        }

        @Test
        @DisplayName("An unknown user is treated as anonymous")
        void unknownUserIsAnonymous() {
            var resource = fixture.root("root");
            var ghost = Subject.user(UserId.of(987_654));

            assertThat(gatehouse.permissions().resolve(ghost).principals()).containsExactly(Principal.EVERYONE);
            assertThat(gatehouse.permissions().check(ghost, VIEW, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(ghost, LOGIN, resource.id())).isTrue();
            assertThat(gatehouse.permissions().explain(ghost, VIEW, resource.id()).via())
                    .isEqualTo(Via.SYSTEM);
        }

        @Test
        @DisplayName("Deleting a user removes its grants; a new user never inherits them")
        void deletingUserRemovesItsGrants() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            gatehouse.permissions().grant(Grant.on(resource.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.global(alice.principal(), PUBLISH));

            gatehouse.users().delete(alice.id());

            assertThat(gatehouse.permissions().grantsOn(resource.id())).isEmpty();
            assertThat(gatehouse.permissions().grantsOf(alice.principal())).isEmpty();
            var newcomer = fixture.user("alice");
            assertThat(gatehouse.permissions().check(Subject.user(newcomer.id()), EDIT, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
        }
    }
}
