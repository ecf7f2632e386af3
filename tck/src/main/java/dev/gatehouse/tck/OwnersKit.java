package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Access;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.decision.Source;
import dev.gatehouse.decision.Via;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.spi.ResourceFilter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of owners: an owner user and an owner group hold the owner role, which by default is cone.app's
 * {@code admin} ({@code delete} yes, {@code manage} no).
 */
public abstract class OwnersKit extends AreaKit {

    protected OwnersKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    private Resource ownedRoot(String name, User owner) {
        return gatehouse.resources().create(NewResource.of(name, "folder").ownedBy(owner.id()));
    }

    private List<ResourceId> accessible(User user, Permission permission, ResourceFilter filter) {
        return gatehouse.permissions()
                .accessible(Subject.user(user.id()), permission, filter, PageRequest.first(PageRequest.MAX_LIMIT))
                .items();
    }

    @Nested
    @DisplayName("What owners hold")
    class Holding {
        @Test
        @DisplayName("The owner user holds the owner role's permissions (admin's: delete yes, manage no)")
        void ownerUserHoldsAdminPermissions() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = ownedRoot("mine", alice);

            var subject = Subject.user(alice.id());
            for (var name : new String[] {"view", "list", "add", "edit", "change_order", "delete", "cut", "copy",
                    "paste", "manage_permissions", "change_state"}) {
                assertThat(gatehouse.permissions().check(subject, Permission.of(name), resource.id()))
                        .as("owner may %s", name).isTrue();
            }
            assertThat(gatehouse.permissions().check(subject, MANAGE, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(subject, PUBLISH, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), DELETE, resource.id())).isFalse();

            var explanation = gatehouse.permissions().explain(subject, DELETE, resource.id());
            assertThat(explanation.source()).isEqualTo(Source.OWNER);
            assertThat(explanation.via()).isEqualTo(Via.DIRECT);
            assertThat(explanation.node()).contains(resource.id());
        }

        @Test
        @DisplayName("Each member of the owner group holds the owner role's permissions; other users do not")
        void ownerGroupHoldsAdminPermissions() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var owners = fixture.group("owners", alice);
            var resource = gatehouse.resources().create(NewResource.of("shared", "folder").ownedByGroup(owners.id()));

            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), DELETE, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), MANAGE, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), DELETE, resource.id())).isFalse();

            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, resource.id());
            assertThat(explanation.source()).isEqualTo(Source.OWNER);
            assertThat(explanation.via()).isEqualTo(Via.GROUP);
            assertThat(explanation.ace()).map(ace -> ace.principal()).contains(owners.principal());
        }

        @Test
        @DisplayName("Ownership reaches every descendant of the owned resource, and not its parent")
        void ownershipReachesDescendants() {
            var alice = fixture.user("alice");
            var top = fixture.root("top");
            var owned = gatehouse.resources().create(NewResource.of("owned", "folder").under(top.id())
                    .ownedBy(alice.id()));
            var child = fixture.child(owned, "child");
            var grandchild = fixture.child(child, "grandchild");

            var subject = Subject.user(alice.id());
            assertThat(gatehouse.permissions().check(subject, DELETE, child.id())).isTrue();
            assertThat(gatehouse.permissions().check(subject, DELETE, grandchild.id())).isTrue();
            assertThat(gatehouse.permissions().check(subject, DELETE, top.id())).isFalse();
            var explanation = gatehouse.permissions().explain(subject, DELETE, grandchild.id());
            assertThat(explanation.source()).isEqualTo(Source.OWNER);
            assertThat(explanation.node()).contains(owned.id());
            assertThat(explanation.inherited()).isTrue();
        }

        @Test
        @DisplayName("The owner's permissions are configurable: ALL for Ziggurat compatibility")
        void ownerPermissionsAreConfigurable() {
            var alice = fixture.user("alice");
            var resource = ownedRoot("mine", alice);
            var ziggurat = Gatehouse.builder(fixture.store()).ownerPermissions(Set.of(Permission.ALL)).build();

            assertThat(ziggurat.permissions().check(Subject.user(alice.id()), MANAGE, resource.id())).isTrue();
            assertThat(ziggurat.permissions().check(Subject.user(alice.id()), PUBLISH, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), MANAGE, resource.id())).isFalse();
        }
    }

    @Nested
    @DisplayName("Changing owners")
    class Changing {
        @Test
        @DisplayName("changeOwners moves the owner's rights to the new owners, and clearing them removes the rights")
        void changeOwners() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var team = fixture.group("team", carol);
            var resource = ownedRoot("mine", alice);

            var changed = gatehouse.resources().changeOwners(resource.id(), Optional.of(bob.id()),
                    Optional.of(team.id()));

            assertThat(changed.ownerUser()).contains(bob.id());
            assertThat(changed.ownerGroup()).contains(team.id());
            assertThat(gatehouse.resources().require(resource.id())).isEqualTo(changed);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), DELETE, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), DELETE, resource.id())).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(carol.id()), DELETE, resource.id())).isTrue();

            gatehouse.resources().changeOwners(resource.id(), Optional.empty(), Optional.empty());

            assertThat(gatehouse.resources().require(resource.id()).ownerUser()).isEmpty();
            assertThat(gatehouse.resources().require(resource.id()).ownerGroup()).isEmpty();
            assertThat(gatehouse.permissions().check(Subject.user(bob.id()), DELETE, resource.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(carol.id()), DELETE, resource.id())).isFalse();
        }

        @Test
        @DisplayName("Deleting the owning user clears the ownership and its rights; the resource stays")
        void deletingOwnerClearsOwnership() {
            var alice = fixture.user("alice");
            var resource = ownedRoot("mine", alice);

            gatehouse.users().delete(alice.id());

            var after = gatehouse.resources().require(resource.id());
            assertThat(after.ownerUser()).isEmpty();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), DELETE, resource.id())).isFalse();
            var newcomer = fixture.user("alice");
            assertThat(gatehouse.permissions().check(Subject.user(newcomer.id()), DELETE, resource.id())).isFalse();
        }

        @Test
        @DisplayName("Deleting the owning group clears the ownership and its members' owner rights")
        void deletingOwnerGroupClearsOwnership() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var resource = gatehouse.resources().create(NewResource.of("shared", "folder").ownedByGroup(team.id()));
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), DELETE, resource.id())).isTrue();

            gatehouse.groups().delete(team.id());

            assertThat(gatehouse.resources().require(resource.id()).ownerGroup()).isEmpty();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), DELETE, resource.id())).isFalse();
        }
    }

    @Nested
    @DisplayName("Listings over owned resources")
    class Listings {
        @Test
        @DisplayName("accessible lists owned resources and their descendants, filtered by type")
        void accessibleByType() {
            var alice = fixture.user("alice");
            var folder = ownedRoot("mine", alice);
            var document = fixture.child(folder, "report", "document");
            var subfolder = fixture.child(folder, "archive");
            var otherDocument = fixture.child(fixture.root("other"), "memo", "document");

            assertThat(accessible(alice, DELETE, ResourceFilter.ANY))
                    .containsExactly(folder.id(), document.id(), subfolder.id());
            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.ofType("document")))
                    .containsExactly(document.id())
                    .doesNotContain(otherDocument.id());
            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.ofType("folder")))
                    .containsExactly(folder.id(), subfolder.id());
        }

        @Test
        @DisplayName("accessible with ids keeps only the named owned resources")
        void accessibleByIds() {
            var alice = fixture.user("alice");
            var first = ownedRoot("first", alice);
            var second = ownedRoot("second", alice);
            var notOwned = fixture.root("not-owned");

            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.withIds(second.id(), notOwned.id())))
                    .containsExactly(second.id());
            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.withIds(first.id(), second.id())))
                    .containsExactly(first.id(), second.id());
        }

        @Test
        @DisplayName("accessible under a subtree keeps owned resources inside it and leaves others out")
        void accessibleUnder() {
            var alice = fixture.user("alice");
            var owned = ownedRoot("owned", alice);
            var left = fixture.child(owned, "left");
            var leftLeaf = fixture.child(left, "left-leaf");
            var right = fixture.child(owned, "right");
            var elsewhere = ownedRoot("elsewhere", alice);

            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.under(owned.id())))
                    .containsExactly(owned.id(), left.id(), leftLeaf.id(), right.id());
            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.under(left.id())))
                    .containsExactly(left.id(), leftLeaf.id());
            assertThat(accessible(alice, DELETE, ResourceFilter.ANY.under(elsewhere.id())))
                    .containsExactly(elsewhere.id());
            assertThat(accessible(alice, MANAGE, ResourceFilter.ANY.under(owned.id())))
                    .as("owners do not hold manage").isEmpty();
        }

        @Test
        @DisplayName("whoCan lists the owner user and the owner group's members, explained as OWNER")
        void whoCanListsOwners() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var team = fixture.group("team", bob);
            var resource = gatehouse.resources().create(NewResource.of("shared", "folder")
                    .ownedBy(alice.id()).ownedByGroup(team.id()));

            var users = gatehouse.permissions().whoCan(resource.id(), DELETE, WhoOptions.USERS);
            assertThat(users).extracting(Access::principal).containsExactly(alice.principal(), bob.principal())
                    .doesNotContain(carol.principal());
            assertThat(users).allSatisfy(access -> assertThat(access.explanation().source()).isEqualTo(Source.OWNER));

            var withGroups = gatehouse.permissions().whoCan(resource.id(), DELETE, WhoOptions.USERS_AND_GROUPS);
            assertThat(withGroups).extracting(Access::principal)
                    .containsExactlyInAnyOrder(alice.principal(), team.principal());
            assertThat(withGroups).extracting(Access::principal).doesNotContain(Principal.user(bob.id()));
        }
    }
}
