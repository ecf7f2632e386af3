package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Access;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.NotAMemberException;
import dev.gatehouse.NotFoundException;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's tests of groups and their members. */
public abstract class GroupsKit extends AreaKit {
    private static final GroupId MISSING_GROUP = GroupId.of(987_654);
    private static final UserId MISSING_USER = UserId.of(876_543);

    protected GroupsKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @Nested
    @DisplayName("Creating, naming and deleting groups")
    class Lifecycle {
        @Test
        @DisplayName("A new group is stored with its name as given and its description")
        void create() {
            var group = gatehouse.groups().create(NewGroup.named("Editors").withDescription("They edit things"));

            assertThat(group.name()).isEqualTo("Editors");
            assertThat(group.description()).contains("They edit things");
            assertThat(gatehouse.groups().byId(group.id())).contains(group);
            assertThat(gatehouse.groups().require(group.id())).isEqualTo(group);
            assertThat(gatehouse.groups().create(NewGroup.named("plain")).description()).isEmpty();
        }

        @Test
        @DisplayName("byName ignores case and matches whole names only")
        void byNameIgnoresCase() {
            var editors = fixture.group("Editors");
            fixture.group("editors-in-chief");

            assertThat(gatehouse.groups().byName("editors")).contains(editors);
            assertThat(gatehouse.groups().byName("EDITORS")).contains(editors);
            assertThat(gatehouse.groups().byName("edit")).isEmpty();
            assertThat(gatehouse.groups().byName("edit%")).isEmpty();
        }

        @Test
        @DisplayName("A name taken in any case raises GroupNameTakenException naming it, and stores nothing")
        void nameTaken() {
            var editors = fixture.group("editors");

            assertThatThrownBy(() -> fixture.group("EDITORS"))
                    .isInstanceOf(GroupNameTakenException.class)
                    .hasMessageContaining("EDITORS");
            assertThat(gatehouse.groups().page(PageRequest.first(10)).items()).containsExactly(editors);
        }

        @Test
        @DisplayName("Renaming changes the name lookups find; a group may change the case of its own name")
        void rename() {
            var group = fixture.group("editors");

            var renamed = gatehouse.groups().rename(group.id(), "writers");

            assertThat(renamed).isEqualTo(new Group(group.id(), "writers", Optional.empty()));
            assertThat(gatehouse.groups().byName("editors")).isEmpty();
            assertThat(gatehouse.groups().byName("WRITERS")).contains(renamed);
            assertThat(gatehouse.groups().rename(group.id(), "Writers").name()).isEqualTo("Writers");
            assertThat(gatehouse.groups().require(group.id()).name()).isEqualTo("Writers");
        }

        @Test
        @DisplayName("Renaming to another group's name, in any case, is refused and changes nothing")
        void renameToTakenName() {
            var editors = fixture.group("editors");
            var writers = fixture.group("writers");

            assertThatThrownBy(() -> gatehouse.groups().rename(writers.id(), "Editors"))
                    .isInstanceOf(GroupNameTakenException.class)
                    .hasMessageContaining("Editors");

            assertThat(gatehouse.groups().require(writers.id())).isEqualTo(writers);
            assertThat(gatehouse.groups().require(editors.id())).isEqualTo(editors);
        }

        @Test
        @DisplayName("A description can be set, replaced and removed, and the name stays")
        void describe() {
            var group = fixture.group("editors");

            gatehouse.groups().describe(group.id(), Optional.of("first"));
            assertThat(gatehouse.groups().require(group.id()).description()).contains("first");
            var described = gatehouse.groups().describe(group.id(), Optional.of("Zoë's \"second\" text"));
            assertThat(described.description()).contains("Zoë's \"second\" text");
            assertThat(gatehouse.groups().require(group.id())).isEqualTo(described);

            gatehouse.groups().describe(group.id(), Optional.empty());

            assertThat(gatehouse.groups().require(group.id())).isEqualTo(new Group(group.id(), "editors",
                    Optional.empty()));
        }

        @Test
        @DisplayName("A deleted group is gone, and its name can be used again")
        void delete() {
            var editors = fixture.group("editors");
            var writers = fixture.group("writers");

            gatehouse.groups().delete(editors.id());

            assertThat(gatehouse.groups().byId(editors.id())).isEmpty();
            assertThat(gatehouse.groups().byName("editors")).isEmpty();
            assertThat(gatehouse.groups().page(PageRequest.first(10)).items()).containsExactly(writers);
            var again = fixture.group("Editors");
            assertThat(again.id()).isNotEqualTo(editors.id());
        }

        @Test
        @DisplayName("Groups are listed in id order, page by page")
        void pageGroups() {
            var created = new ArrayList<Group>();
            for (int i = 1; i <= 5; i++) {
                created.add(fixture.group("group" + i));
            }

            var all = UsersKit.allPages(2, page -> gatehouse.groups().page(page));

            assertThat(all).containsExactlyElementsOf(created);
        }

        @Test
        @DisplayName("Every call on an unknown group raises NoSuchGroupException naming the id")
        void unknownGroup() {
            var alice = fixture.user("alice");

            assertThat(gatehouse.groups().byId(MISSING_GROUP)).isEmpty();
            assertThatThrownBy(() -> gatehouse.groups().require(MISSING_GROUP))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().rename(MISSING_GROUP, "x"))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().describe(MISSING_GROUP, Optional.of("x")))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().delete(MISSING_GROUP))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().addMember(MISSING_GROUP, alice.id()))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().removeMember(MISSING_GROUP, alice.id()))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.groups().members(MISSING_GROUP, PageRequest.first(10)))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("987654");
            assertThat(gatehouse.groups().byName("x")).isEmpty();
            assertThat(gatehouse.users().groupsOf(alice.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Members")
    class Members {
        @Test
        @DisplayName("Members are listed in user id order, and a user may belong to several groups")
        void membersInIdOrder() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");
            var editors = fixture.group("editors");
            var readers = fixture.group("readers");
            gatehouse.groups().addMember(editors.id(), carol.id());
            gatehouse.groups().addMember(editors.id(), alice.id());
            gatehouse.groups().addMember(readers.id(), alice.id());
            gatehouse.groups().addMember(readers.id(), bob.id());

            assertThat(gatehouse.groups().members(editors.id(), PageRequest.first(10)).items())
                    .containsExactly(alice, carol);
            assertThat(gatehouse.groups().members(readers.id(), PageRequest.first(10)).items())
                    .containsExactly(alice, bob);
            assertThat(gatehouse.users().groupsOf(alice.id())).containsExactlyInAnyOrder(editors.id(), readers.id());
            assertThat(gatehouse.groups().members(fixture.group("empty").id(), PageRequest.first(10)).items())
                    .isEmpty();
        }

        @Test
        @DisplayName("Members come in pages with cursors, each member once")
        void membersPaged() {
            var group = fixture.group("everybody");
            var expected = new ArrayList<User>();
            for (int i = 1; i <= 7; i++) {
                var user = fixture.user("user" + i);
                fixture.user("outsider" + i);
                gatehouse.groups().addMember(group.id(), user.id());
                expected.add(user);
            }

            var all = UsersKit.allPages(3, page -> gatehouse.groups().members(group.id(), page));

            assertThat(all).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("Adding a member twice raises DuplicateMembershipException and keeps one membership")
        void duplicateMembership() {
            var alice = fixture.user("alice");
            var group = fixture.group("editors", alice);

            assertThatThrownBy(() -> gatehouse.groups().addMember(group.id(), alice.id()))
                    .isInstanceOf(DuplicateMembershipException.class)
                    .hasMessageContaining(alice.id().toString());

            assertThat(gatehouse.groups().members(group.id(), PageRequest.first(10)).items()).containsExactly(alice);
        }

        @Test
        @DisplayName("A removed member is no longer listed; the other members stay")
        void removeMember() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var group = fixture.group("editors", alice, bob);

            gatehouse.groups().removeMember(group.id(), alice.id());

            assertThat(gatehouse.groups().members(group.id(), PageRequest.first(10)).items()).containsExactly(bob);
            assertThat(gatehouse.users().groupsOf(alice.id())).isEmpty();
            assertThat(gatehouse.users().byId(alice.id())).as("the user itself stays").isPresent();
        }

        @Test
        @DisplayName("Removing a user who is not a member raises NotAMemberException and changes nothing")
        void removeNonMember() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var group = fixture.group("editors", bob);

            assertThatThrownBy(() -> gatehouse.groups().removeMember(group.id(), alice.id()))
                    .isInstanceOf(NotAMemberException.class)
                    .hasMessageContaining(alice.id().toString());
            assertThatThrownBy(() -> gatehouse.groups().removeMember(group.id(), MISSING_USER))
                    .isInstanceOf(NotFoundException.class);

            assertThat(gatehouse.groups().members(group.id(), PageRequest.first(10)).items()).containsExactly(bob);
        }

        @Test
        @DisplayName("Adding an unknown user raises NoSuchUserException naming it, and adds nobody")
        void addUnknownUser() {
            var group = fixture.group("editors");

            assertThatThrownBy(() -> gatehouse.groups().addMember(group.id(), MISSING_USER))
                    .isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("876543");

            assertThat(gatehouse.groups().members(group.id(), PageRequest.first(10)).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Groups and permissions")
    class GroupPermissions {
        @Test
        @DisplayName("A group with no members still holds its grants: who-can lists it, and a later member gets them")
        void emptyGroupStillGrants() {
            var team = fixture.group("team");
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), team.principal(), EDIT));

            var who = gatehouse.permissions().whoCan(folder.id(), EDIT, WhoOptions.USERS_AND_GROUPS);
            assertThat(who).extracting(Access::principal).containsExactly(team.principal());

            var alice = fixture.user("alice");
            assertThat(may(alice, EDIT, folder)).isFalse();
            gatehouse.groups().addMember(team.id(), alice.id());
            assertThat(may(alice, EDIT, folder)).isTrue();
        }

        @Test
        @DisplayName("Members hold the group's grants; a removed member loses them")
        void membershipCarriesGrants() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice, bob);
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), team.principal(), EDIT));

            assertThat(may(alice, EDIT, folder)).isTrue();
            assertThat(may(bob, EDIT, folder)).isTrue();

            gatehouse.groups().removeMember(team.id(), alice.id());

            assertThat(may(alice, EDIT, folder)).isFalse();
            assertThat(may(bob, EDIT, folder)).isTrue();
        }

        @Test
        @DisplayName("A global role of a group reaches its members everywhere")
        void globalRoleOfGroup() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var editors = fixture.group("editors", alice);
            var folder = fixture.root("folder");
            gatehouse.permissions().assignRole(RoleAssignment.global(editors.principal(), "editor"));

            assertThat(may(alice, EDIT, folder)).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT)).isTrue();
            assertThat(may(bob, EDIT, folder)).isFalse();
        }

        @Test
        @DisplayName("Deleting a group removes its grants, roles, memberships and ownerships; its members stay")
        void deleteRemovesWhatNamesTheGroup() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var other = fixture.group("other", alice);
            var folder = gatehouse.resources().create(NewResource.of("folder", "folder").ownedByGroup(team.id()));
            gatehouse.permissions().grant(Grant.on(folder.id(), team.principal(), PUBLISH));
            gatehouse.permissions().grant(Grant.global(team.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(folder.id(), other.principal(), Permission.of("archive")));
            gatehouse.permissions().assignRole(RoleAssignment.on(folder.id(), team.principal(), "editor"));
            assertThat(may(alice, PUBLISH, folder)).isTrue();

            gatehouse.groups().delete(team.id());

            assertThat(gatehouse.permissions().grantsOf(team.principal())).isEmpty();
            assertThat(gatehouse.permissions().rolesOf(team.principal())).isEmpty();
            assertThat(gatehouse.permissions().grantsOn(folder.id()))
                    .containsExactly(Grant.on(folder.id(), other.principal(), Permission.of("archive")));
            assertThat(gatehouse.permissions().rolesOn(folder.id())).isEmpty();
            assertThat(gatehouse.users().groupsOf(alice.id())).containsExactly(other.id());
            assertThat(gatehouse.resources().require(folder.id()).ownerGroup()).isEmpty();
            assertThat(gatehouse.users().byId(alice.id())).isPresent();
            assertThat(may(alice, PUBLISH, folder)).isFalse();
            assertThat(may(alice, EDIT, folder)).isFalse();
            assertThat(may(alice, Permission.of("archive"), folder)).isTrue();
        }

        @Test
        @DisplayName("A new group with a deleted group's name does not inherit its grants or members")
        void recreatedGroupStartsEmpty() {
            var alice = fixture.user("alice");
            var team = fixture.group("team", alice);
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), team.principal(), EDIT));
            gatehouse.groups().delete(team.id());

            var again = fixture.group("team");

            assertThat(gatehouse.groups().members(again.id(), PageRequest.first(10)).items()).isEmpty();
            assertThat(gatehouse.permissions().grantsOf(again.principal())).isEmpty();
            assertThat(may(alice, EDIT, folder)).isFalse();
        }
    }
}
