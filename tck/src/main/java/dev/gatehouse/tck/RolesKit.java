package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.NoSuchRoleException;
import dev.gatehouse.decision.Role;
import dev.gatehouse.decision.RoleCatalog;
import dev.gatehouse.decision.Source;
import dev.gatehouse.decision.Via;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of roles: global roles (the user then carries {@code role:<name>}, which the default ACL
 * allows) and principal roles on resources (cone.app's sharing), with and without inheritance.
 */
public abstract class RolesKit extends AreaKit {

    protected RolesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @Nested
    @DisplayName("Global roles")
    class GlobalRoles {
        @Test
        @DisplayName("A global editor may edit any resource through the default ACL, but may not delete")
        void globalEditorEditsAnything() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var root = fixture.root("root");
            var leaf = fixture.child(root, "leaf");

            gatehouse.permissions().assignRole(RoleAssignment.global(alice.principal(), "editor"));

            assertThat(may(alice, EDIT, root)).isTrue();
            assertThat(may(alice, EDIT, leaf)).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT)).isTrue();
            assertThat(may(alice, DELETE, leaf)).isFalse();
            assertThat(may(bob, EDIT, leaf)).isFalse();

            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, leaf.id());
            assertThat(explanation.source()).isEqualTo(Source.BASE_ACL);
            assertThat(explanation.role()).contains("editor");
            assertThat(explanation.via()).isEqualTo(Via.ROLE);
            assertThat(explanation.node()).isEmpty();
        }

        @Test
        @DisplayName("A global role of a group reaches each member, and not other users")
        void globalRoleOfGroup() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var admins = fixture.group("admins", alice);
            var resource = fixture.root("root");

            gatehouse.permissions().assignRole(RoleAssignment.global(admins.principal(), "admin"));

            assertThat(may(alice, DELETE, resource)).isTrue();
            assertThat(may(alice, MANAGE, resource)).as("admin does not include manage").isFalse();
            assertThat(may(bob, DELETE, resource)).isFalse();
            assertThat(gatehouse.permissions().resolve(Subject.user(alice.id())).principals())
                    .contains(Principal.role("admin"), admins.principal());
        }

        @Test
        @DisplayName("Roles cascade: an editor holds the viewer's list, a manager holds the admin's delete and manage")
        void rolesCascade() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var plain = fixture.user("plain");
            var resource = fixture.root("root");

            gatehouse.permissions().assignRole(RoleAssignment.global(alice.principal(), "editor"));
            gatehouse.permissions().assignRole(RoleAssignment.global(bob.principal(), "manager"));

            assertThat(may(plain, LIST, resource)).as("a plain user may not list").isFalse();
            assertThat(may(alice, LIST, resource)).as("editor includes viewer").isTrue();
            assertThat(may(alice, VIEW, resource)).isTrue();
            for (var name : new String[] {"view", "list", "edit", "add", "change_order", "delete", "paste",
                    "manage_permissions", "manage"}) {
                assertThat(may(bob, Permission.of(name), resource)).as("manager may %s", name).isTrue();
            }
        }

        @Test
        @DisplayName("A disabled user loses its global roles with everything else")
        void disabledUserLosesGlobalRoles() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            gatehouse.permissions().assignRole(RoleAssignment.global(alice.principal(), "editor"));

            gatehouse.users().disable(alice.id());

            assertThat(may(alice, EDIT, resource)).isFalse();
            assertThat(gatehouse.permissions().resolve(Subject.user(alice.id())).principals())
                    .doesNotContain(Principal.role("editor"));
        }
    }

    @Nested
    @DisplayName("Principal roles on resources")
    class PrincipalRoles {
        @Test
        @DisplayName("A role on a resource applies to it and its descendants, not to its parent or siblings")
        void principalRoleReachesDescendants() {
            var alice = fixture.user("alice");
            var top = fixture.root("top");
            var shared = fixture.child(top, "shared");
            var inside = fixture.child(shared, "inside");
            var sibling = fixture.child(top, "sibling");

            gatehouse.permissions().assignRole(RoleAssignment.on(shared.id(), alice.principal(), "editor"));

            assertThat(may(alice, EDIT, shared)).isTrue();
            assertThat(may(alice, EDIT, inside)).isTrue();
            assertThat(may(alice, EDIT, top)).isFalse();
            assertThat(may(alice, EDIT, sibling)).isFalse();
            assertThat(may(alice, DELETE, inside)).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT))
                    .as("a role on a resource is not a global role").isFalse();
        }

        @Test
        @DisplayName("Explaining a principal role names RESOURCE_ROLE, the role and the node it was given on")
        void explainPrincipalRole() {
            var alice = fixture.user("alice");
            var shared = fixture.root("shared");
            var inside = fixture.child(shared, "inside");
            gatehouse.permissions().assignRole(RoleAssignment.on(shared.id(), alice.principal(), "editor"));

            var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, inside.id());

            assertThat(explanation.allowed()).isTrue();
            assertThat(explanation.source()).isEqualTo(Source.RESOURCE_ROLE);
            assertThat(explanation.role()).contains("editor");
            assertThat(explanation.node()).contains(shared.id());
            assertThat(explanation.inherited()).isTrue();
            assertThat(explanation.via()).isEqualTo(Via.DIRECT);
        }

        @Test
        @DisplayName("A principal role cascades too: editor on a resource decides view and list there")
        void principalRoleCascades() {
            var alice = fixture.user("alice");
            var shared = fixture.root("shared");
            gatehouse.permissions().assignRole(RoleAssignment.on(shared.id(), alice.principal(), "editor"));

            var view = gatehouse.permissions().explain(Subject.user(alice.id()), VIEW, shared.id());
            var list = gatehouse.permissions().explain(Subject.user(alice.id()), LIST, shared.id());

            assertThat(view.allowed()).isTrue();
            assertThat(view.source()).as("the node decides before the default ACL").isEqualTo(Source.RESOURCE_ROLE);
            assertThat(list.allowed()).isTrue();
            assertThat(list.source()).isEqualTo(Source.RESOURCE_ROLE);
            assertThat(list.role()).contains("editor");
        }

        @Test
        @DisplayName("A principal role of a group reaches the group's members on that resource")
        void principalRoleOfGroup() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice);
            var resource = fixture.root("root");

            gatehouse.permissions().assignRole(RoleAssignment.on(resource.id(), team.principal(), "admin"));

            assertThat(may(alice, DELETE, resource)).isTrue();
            assertThat(may(bob, DELETE, resource)).isFalse();
            assertThat(gatehouse.permissions().explain(Subject.user(alice.id()), DELETE, resource.id()).via())
                    .isEqualTo(Via.GROUP);
        }

        @Test
        @DisplayName("A resource created not inheriting is out of reach of an ancestor's principal role")
        void notInheritingResourceStopsPrincipalRole() {
            var alice = fixture.user("alice");
            var top = fixture.root("top");
            var closed = gatehouse.resources().create(NewResource.of("closed", "folder").under(top.id())
                    .notInheriting());
            var below = fixture.child(closed, "below");
            gatehouse.permissions().assignRole(RoleAssignment.on(top.id(), alice.principal(), "editor"));

            assertThat(may(alice, EDIT, top)).isTrue();
            assertThat(may(alice, EDIT, closed)).isFalse();
            assertThat(may(alice, EDIT, below)).isFalse();
        }

        @Test
        @DisplayName("After setInherit(false) an ancestor's principal role stops, while the node's own role applies")
        void setInheritStopsPrincipalRole() {
            var alice = fixture.user("alice");
            var top = fixture.root("top");
            var middle = fixture.child(top, "middle");
            var below = fixture.child(middle, "below");
            gatehouse.permissions().assignRole(RoleAssignment.on(top.id(), alice.principal(), "admin"));
            gatehouse.permissions().assignRole(RoleAssignment.on(middle.id(), alice.principal(), "viewer"));
            assertThat(may(alice, DELETE, below)).isTrue();

            gatehouse.resources().setInherit(middle.id(), false);

            assertThat(may(alice, DELETE, below)).isFalse();
            assertThat(may(alice, DELETE, middle)).isFalse();
            assertThat(may(alice, LIST, below)).as("the viewer role on the stopping node itself").isTrue();
            assertThat(may(alice, DELETE, top)).isTrue();
        }
    }

    @Nested
    @DisplayName("Storing and removing role assignments")
    class Storage {
        @Test
        @DisplayName("An unknown role raises NoSuchRoleException before anything is written")
        void unknownRole() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");

            assertThatThrownBy(() -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(alice.principal(), "wizard")))
                    .isInstanceOf(NoSuchRoleException.class)
                    .hasMessageContaining("wizard");
            assertThatThrownBy(() -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(resource.id(), alice.principal(), "wizard")))
                    .isInstanceOf(NoSuchRoleException.class);

            assertThat(gatehouse.permissions().rolesOf(alice.principal())).isEmpty();
            assertThat(gatehouse.permissions().rolesOn(resource.id())).isEmpty();
        }

        @Test
        @DisplayName("Assigning the same role twice raises DuplicateGrantException and keeps one assignment")
        void duplicateAssignment() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var onResource = RoleAssignment.on(resource.id(), alice.principal(), "editor");
            var global = RoleAssignment.global(alice.principal(), "editor");
            gatehouse.permissions().assignRole(onResource);
            gatehouse.permissions().assignRole(global);

            assertThatThrownBy(() -> gatehouse.permissions().assignRole(onResource))
                    .isInstanceOf(DuplicateGrantException.class);
            assertThatThrownBy(() -> gatehouse.permissions().assignRole(global))
                    .isInstanceOf(DuplicateGrantException.class);
            assertThat(gatehouse.permissions().rolesOf(alice.principal()))
                    .containsExactlyInAnyOrder(onResource, global);
        }

        @Test
        @DisplayName("Unassigning a role removes its effect; unassigning an absent one raises NoSuchGrantException")
        void unassign() {
            var alice = fixture.user("alice");
            var resource = fixture.root("root");
            var onResource = RoleAssignment.on(resource.id(), alice.principal(), "editor");
            var global = RoleAssignment.global(alice.principal(), "admin");
            gatehouse.permissions().assignRole(onResource);
            gatehouse.permissions().assignRole(global);

            gatehouse.permissions().unassignRole(onResource);
            gatehouse.permissions().unassignRole(global);

            assertThat(may(alice, EDIT, resource)).isFalse();
            assertThat(may(alice, DELETE, resource)).isFalse();
            assertThat(gatehouse.permissions().rolesOf(alice.principal())).isEmpty();
            assertThatThrownBy(() -> gatehouse.permissions().unassignRole(onResource))
                    .isInstanceOf(NoSuchGrantException.class);
        }

        @Test
        @DisplayName("rolesOf and rolesOn list exactly the stored assignments")
        void rolesOfAndRolesOn() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice);
            var first = fixture.root("first");
            var second = fixture.root("second");
            var aliceGlobal = RoleAssignment.global(alice.principal(), "viewer");
            var aliceFirst = RoleAssignment.on(first.id(), alice.principal(), "editor");
            var aliceFirstAdmin = RoleAssignment.on(first.id(), alice.principal(), "admin");
            var bobFirst = RoleAssignment.on(first.id(), bob.principal(), "viewer");
            var teamFirst = RoleAssignment.on(first.id(), team.principal(), "editor");
            var teamSecond = RoleAssignment.on(second.id(), team.principal(), "manager");
            for (var assignment : new RoleAssignment[] {aliceGlobal, aliceFirst, aliceFirstAdmin, bobFirst, teamFirst,
                    teamSecond}) {
                gatehouse.permissions().assignRole(assignment);
            }

            assertThat(gatehouse.permissions().rolesOf(alice.principal()))
                    .containsExactlyInAnyOrder(aliceGlobal, aliceFirst, aliceFirstAdmin);
            assertThat(gatehouse.permissions().rolesOf(team.principal()))
                    .containsExactlyInAnyOrder(teamFirst, teamSecond);
            assertThat(gatehouse.permissions().rolesOn(first.id()))
                    .containsExactlyInAnyOrder(aliceFirst, aliceFirstAdmin, bobFirst, teamFirst);
            assertThat(gatehouse.permissions().rolesOn(second.id())).containsExactly(teamSecond);
        }
    }

    @Nested
    @DisplayName("Custom role catalogs")
    class CustomCatalogs {
        @Test
        @DisplayName("A Gatehouse built with its own catalog decides with that catalog's roles")
        void customCatalog() {
            var catalog = RoleCatalog.of(
                    Role.of("authenticated", "view"),
                    Role.of("reviewer", "review", "comment").including("authenticated"),
                    Role.of("owner", "view", "review"),
                    Role.of("everyone", "login"));
            var custom = Gatehouse.builder(fixture.store()).roles(catalog).build();
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var resource = fixture.root("root");
            var other = fixture.root("other");

            custom.permissions().assignRole(RoleAssignment.on(resource.id(), alice.principal(), "reviewer"));
            custom.permissions().assignRole(RoleAssignment.global(bob.principal(), "reviewer"));

            var permissions = custom.permissions();
            assertThat(permissions.check(Subject.user(alice.id()), Permission.of("review"), resource.id())).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), Permission.of("comment"), resource.id())).isTrue();
            assertThat(permissions.check(Subject.user(alice.id()), Permission.of("review"), other.id())).isFalse();
            assertThat(permissions.check(Subject.user(alice.id()), EDIT, resource.id())).isFalse();
            assertThat(permissions.check(Subject.user(bob.id()), Permission.of("review"), other.id()))
                    .as("a global role of the custom catalog, through its default ACL").isTrue();
            assertThatThrownBy(() -> permissions.assignRole(RoleAssignment.global(alice.principal(), "editor")))
                    .as("editor is not in this catalog").isInstanceOf(NoSuchRoleException.class);
        }

        @Test
        @DisplayName("An extended default catalog keeps cone.app's roles and adds the new one with its cascade")
        void extendedCatalog() {
            var catalog = RoleCatalog.defaults().with(Role.of("publisher", "publish").including("editor"));
            var custom = Gatehouse.builder(fixture.store()).roles(catalog).build();
            var alice = fixture.user("alice");
            var resource = fixture.root("root");

            custom.permissions().assignRole(RoleAssignment.global(alice.principal(), "publisher"));

            var subject = Subject.user(alice.id());
            assertThat(custom.permissions().check(subject, Permission.of("publish"), resource.id())).isTrue();
            assertThat(custom.permissions().check(subject, EDIT, resource.id())).isTrue();
            assertThat(custom.permissions().check(subject, LIST, resource.id())).isTrue();
            assertThat(custom.permissions().check(subject, DELETE, resource.id())).isFalse();
            assertThatThrownBy(() -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(alice.principal(), "publisher")))
                    .as("the default catalog does not know the publisher").isInstanceOf(NoSuchRoleException.class);
        }
    }
}
