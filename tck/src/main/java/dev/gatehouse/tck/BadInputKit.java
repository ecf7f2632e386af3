package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.EmailTakenException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchRoleException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.NotAMemberException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.UserNameTakenException;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.Capability;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of bad input: rejected calls change nothing and raise the documented type.
 *
 * <p>Every test runs in a populated world (users with passwords, codes and memberships, groups, a tree with grants,
 * roles, owners and, where declared, ACLs, attributes and identities) and asserts, for each refused call, the
 * exception type, that its message names the bad value, and that a {@link StoreSnapshot} taken after the call equals
 * the one taken before.
 */
public abstract class BadInputKit extends AreaKit {
    private static final UserId NO_USER = UserId.of(987_001);
    private static final GroupId NO_GROUP = GroupId.of(987_002);
    private static final ResourceId NO_RESOURCE = ResourceId.of(987_003);

    private User alice;
    private User bob;
    private Group editors;
    private Group empty;
    /** docs (a (a1 (a1x)), b, c), other */
    private Resource docs;
    private Resource a;
    private Resource a1;
    private Resource a1x;
    private Resource b;
    private Resource c;
    private Resource other;

    protected BadInputKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void populatedWorld() {
        var users = gatehouse.users();
        var aliceWanted = NewUser.named("alice").withEmail("alice@example.com");
        alice = users.create(fixture.supports(Capability.USER_ATTRIBUTES)
                ? aliceWanted.withAttribute("customer_number", "C-42")
                : aliceWanted);
        bob = users.create(NewUser.named("Bob").withEmail("Bob@Example.com"));
        users.setPassword(alice.id(), "alice's password");
        users.issueSecurityCode(bob.id(), Duration.ofHours(1));
        editors = fixture.group("editors", alice);
        empty = gatehouse.groups().create(NewGroup.named("empty").withDescription("nobody here"));

        docs = fixture.root("docs");
        a = fixture.child(docs, "a");
        a1 = fixture.child(a, "a1", "page");
        a1x = fixture.child(a1, "a1x", "page");
        b = fixture.child(docs, "b");
        c = fixture.child(docs, "c");
        other = gatehouse.resources().create(NewResource.of("other", "folder").ownedBy(alice.id())
                .ownedByGroup(editors.id()).notInheriting());

        var permissions = gatehouse.permissions();
        permissions.grant(Grant.on(docs.id(), alice.principal(), EDIT));
        permissions.grant(Grant.on(b.id(), editors.principal(), PUBLISH));
        permissions.grant(Grant.global(bob.principal(), Permission.of("view")));
        permissions.grant(Grant.global(empty.principal(), Permission.ALL));
        permissions.assignRole(RoleAssignment.on(a.id(), alice.principal(), "editor"));
        permissions.assignRole(RoleAssignment.global(editors.principal(), "viewer"));
        if (fixture.supports(Capability.EXPLICIT_ACLS)) {
            permissions.setAcl(c.id(), Acl.of(Ace.deny(bob.principal(), EDIT), Ace.allow(Principal.role("viewer"),
                    PUBLISH), Ace.allow(Principal.EVERYONE, Permission.of("view"))));
        }
        if (fixture.supports(Capability.EXTERNAL_IDENTITIES)) {
            gatehouse.identities().link(ExternalIdentity.of("github", "alice-gh", alice.id()));
        }
    }

    /**
     * Runs a call that must be refused: it throws {@code type}, its message contains each of {@code named} (a number
     * must appear as a whole number), and the store is exactly as before.
     */
    private void assertRefused(Class<? extends Throwable> type, ThrowingCallable call, Object... named) {
        var before = StoreSnapshot.of(fixture.store());

        var thrown = catchThrowable(call);

        assertThat(thrown).as("the refused call's exception").isInstanceOf(type);
        var message = String.valueOf(thrown.getMessage());
        for (var value : named) {
            var text = String.valueOf(value);
            if (text.matches("-?[0-9]+")) {
                assertThat(message).as("the message names %s", text)
                        .containsPattern("(?<![0-9])" + Pattern.quote(text) + "(?![0-9])");
            } else {
                assertThat(message).as("the message names %s", text).contains(text);
            }
        }
        assertThat(before.differencesTo(StoreSnapshot.of(fixture.store())))
                .as("changes made by a refused call (%s)", thrown.getClass().getSimpleName()).isEmpty();
    }

    private static long id(Resource resource) {
        return resource.id().value();
    }

    @Test
    @DisplayName("The store snapshot sees every kind of write, so an unchanged snapshot means nothing was written")
    void snapshotSeesEveryWrite() {
        var writes = new LinkedHashMap<String, Runnable>();
        writes.put("create a user", () -> fixture.user("carol"));
        writes.put("rename a user", () -> gatehouse.users().update(bob.id(), UserUpdate.none().userName("Robert")));
        writes.put("remove an email", () -> gatehouse.users().update(bob.id(), UserUpdate.none().removeEmail()));
        writes.put("disable a user", () -> gatehouse.users().disable(bob.id()));
        writes.put("set a password", () -> gatehouse.users().setPassword(bob.id(), "bob's password"));
        writes.put("issue a code", () -> gatehouse.users().issueSecurityCode(alice.id(), Duration.ofHours(2)));
        writes.put("sign in", () -> gatehouse.signIn().signIn("alice", "alice's password").orElseThrow());
        writes.put("delete a user", () -> gatehouse.users().delete(
                gatehouse.users().byName("carol").orElseThrow().id()));
        writes.put("create a group", () -> fixture.group("writers"));
        writes.put("rename a group", () -> gatehouse.groups().rename(empty.id(), "vacant"));
        writes.put("describe a group", () -> gatehouse.groups().describe(editors.id(), Optional.of("new text")));
        writes.put("add a member", () -> gatehouse.groups().addMember(empty.id(), bob.id()));
        writes.put("remove a member", () -> gatehouse.groups().removeMember(editors.id(), alice.id()));
        writes.put("create a resource", () -> fixture.child(b, "b1"));
        writes.put("rename a resource", () -> gatehouse.resources().rename(a1x.id(), "renamed"));
        writes.put("change inherit", () -> gatehouse.resources().setInherit(a.id(), false));
        writes.put("change owners", () -> gatehouse.resources().changeOwners(a.id(), Optional.of(bob.id()),
                Optional.empty()));
        writes.put("reorder siblings", () -> gatehouse.resources().move(c.id(), Optional.of(docs.id()),
                OptionalInt.of(1)));
        writes.put("move to the roots", () -> gatehouse.resources().move(a1x.id(), Optional.empty(),
                OptionalInt.empty()));
        writes.put("grant", () -> gatehouse.permissions().grant(Grant.on(c.id(), bob.principal(), PUBLISH)));
        writes.put("grant globally", () -> gatehouse.permissions().grant(Grant.global(editors.principal(), EDIT)));
        writes.put("revoke", () -> gatehouse.permissions().revoke(Grant.on(docs.id(), alice.principal(), EDIT)));
        writes.put("assign a role", () -> gatehouse.permissions().assignRole(
                RoleAssignment.on(b.id(), bob.principal(), "viewer")));
        writes.put("unassign a role", () -> gatehouse.permissions().unassignRole(
                RoleAssignment.global(editors.principal(), "viewer")));
        writes.put("delete a branch", () -> gatehouse.resources().deleteBranch(a1.id()));
        if (fixture.supports(Capability.EXPLICIT_ACLS)) {
            writes.put("reorder an ACL", () -> gatehouse.permissions().setAcl(c.id(), Acl.of(
                    Ace.allow(Principal.EVERYONE, Permission.of("view")), Ace.deny(bob.principal(), EDIT))));
        }
        if (fixture.supports(Capability.EXTERNAL_IDENTITIES)) {
            writes.put("link an identity", () -> gatehouse.identities().link(
                    ExternalIdentity.of("gitlab", "bob-gl", bob.id())));
        }
        if (fixture.supports(Capability.USER_ATTRIBUTES)) {
            writes.put("change attributes", () -> gatehouse.users().update(alice.id(),
                    UserUpdate.none().attributes(Map.of("customer_number", "C-43"))));
        }

        writes.forEach((what, write) -> {
            var before = StoreSnapshot.of(fixture.store());
            write.run();
            var after = StoreSnapshot.of(fixture.store());
            assertThat(after).as("the snapshot after: %s", what).isNotEqualTo(before);
            assertThat(before.differencesTo(after)).as("the differences after: %s", what).isNotEmpty();
        });
    }

    @Nested
    @DisplayName("Malformed values are refused with InvalidInputException before anything is stored")
    class MalformedValues {
        @Test
        @DisplayName("Blank names of users, groups and resources")
        void blankNames() {
            assertRefused(InvalidInputException.class, () -> gatehouse.users().create(NewUser.named("   ")),
                    "user name");
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().create(NewGroup.named("")),
                    "group name");
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().create(
                    NewResource.of("\t", "folder").under(docs.id())), "resource name");
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().rename(editors.id(), " "),
                    "group name");
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().rename(a.id(), ""),
                    "resource name");
            assertRefused(InvalidInputException.class, () -> gatehouse.users().update(alice.id(),
                    UserUpdate.none().userName(" ")), "user name");
        }

        @Test
        @DisplayName("Names longer than 255 characters, with their length named")
        void tooLongNames() {
            var longName = "n".repeat(256);
            assertThat(NewUser.named("n".repeat(255)).userName()).as("255 characters are fine").hasSize(255);

            assertRefused(InvalidInputException.class, () -> gatehouse.users().create(NewUser.named(longName)),
                    "user name", 255, 256);
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().create(NewGroup.named(longName)),
                    "group name", 256);
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().create(
                    NewResource.of(longName, "folder")), "resource name", 256);
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().rename(a1.id(), longName),
                    "resource name", 256);
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().rename(empty.id(), longName),
                    "group name", 256);
        }

        @Test
        @DisplayName("Names with control characters, and with leading or trailing whitespace, named in the message")
        void controlCharactersAndOuterWhitespace() {
            assertRefused(InvalidInputException.class, () -> gatehouse.users().create(NewUser.named("bad\u0007name")),
                    "bad\u0007name");
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().create(NewGroup.named("line\nbreak")),
                    "line\nbreak");
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().rename(b.id(), "nul\u0000byte"),
                    "nul\u0000byte");
            assertRefused(InvalidInputException.class, () -> gatehouse.users().create(NewUser.named(" carol")),
                    "' carol'");
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().rename(editors.id(), "writers "),
                    "'writers '");
        }

        @Test
        @DisplayName("Emails that do not look like name@domain, named in the message")
        void badEmails() {
            for (var email : List.of("not-an-email", "a@b@c", "@example.com", "carol@", "carol @example.com")) {
                assertRefused(InvalidInputException.class,
                        () -> gatehouse.users().create(NewUser.named("carol").withEmail(email)), email);
                assertRefused(InvalidInputException.class,
                        () -> gatehouse.users().update(alice.id(), UserUpdate.none().email(email)), email);
            }
        }

        @Test
        @DisplayName("Identifiers that are not lowercase names: resource types, permissions, roles, providers")
        void badIdentifiers() {
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "Folder")), "resource type", "'Folder'");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().grant(
                    Grant.on(a.id(), alice.principal(), Permission.of("Edit"))), "'Edit'");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().grant(
                    Grant.global(alice.principal(), Permission.of("edit stuff"))), "'edit stuff'");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(alice.principal(), "Editor")), "'Editor'");
            assertRefused(InvalidInputException.class, () -> gatehouse.identities().link(
                    ExternalIdentity.of("Git Hub", "x", alice.id())), "'Git Hub'");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().grant(
                    Grant.global(alice.principal(), Permission.of("x".repeat(65)))), "x".repeat(65));
        }

        @Test
        @DisplayName("Ids that are not positive, pages with a bad limit or cursor, negative depths")
        void badNumbersAndCursors() {
            assertRefused(InvalidInputException.class, () -> gatehouse.users().byId(UserId.of(0)), "user id", 0);
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().delete(GroupId.of(-1)), "group id",
                    -1);
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().deleteBranch(ResourceId.of(0)),
                    "resource id", 0);
            assertRefused(InvalidInputException.class, () -> gatehouse.users().page(PageRequest.first(0)), 0);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().page(PageRequest.first(PageRequest.MAX_LIMIT + 1)), 10_001);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().page(PageRequest.after("not a cursor!", 10)), "not a cursor!");
            assertRefused(InvalidInputException.class, () -> gatehouse.resources().subtree(docs.id(), -1), -1);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.resources().create(NewResource.of("x", "folder").under(docs.id()).at(0)),
                    "position", 0);
        }

        @Test
        @DisplayName("Attributes with a blank or over-long key, and descriptions over 2000 characters")
        void badAttributesAndDescriptions() {
            var longKey = "k".repeat(65);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().create(NewUser.named("carol").withAttribute(longKey, "v")), longKey);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().update(alice.id(), UserUpdate.none().attributes(Map.of(" ", "v"))),
                    "attribute key");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.groups().create(NewGroup.named("long").withDescription("d".repeat(2001))),
                    "description", 2001);
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.groups().describe(editors.id(), Optional.of("d".repeat(2001))), 2001);
        }

        @Test
        @DisplayName("Grants and roles for principals that are neither users nor groups, and empty ACEs")
        void wrongPrincipals() {
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.permissions().grant(Grant.global(Principal.EVERYONE, EDIT)), "system.Everyone");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.permissions().grant(Grant.on(a.id(), Principal.role("editor"), EDIT)),
                    "role:editor");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(a.id(), Principal.AUTHENTICATED, "editor")), "system.Authenticated");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.permissions().setAcl(c.id(), Acl.of(Ace.allow(alice.principal()))),
                    alice.principal().key());
        }

        @Test
        @DisplayName("Security codes with a validity that is not positive, and random passwords of a bad length")
        void badDurationsAndLengths() {
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().issueSecurityCode(alice.id(), Duration.ZERO), "PT0S");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.users().issueSecurityCode(bob.id(), Duration.ofSeconds(-1)), "PT-1S");
            assertRefused(InvalidInputException.class, () -> gatehouse.users().generatePassword(3), 3);
            assertRefused(InvalidInputException.class, () -> gatehouse.users().setPassword(bob.id(), ""),
                    "password");
        }

        @Test
        @DisplayName("Null arguments, with the parameter named")
        void nulls() {
            assertRefused(InvalidInputException.class, () -> gatehouse.users().create((NewUser) null), "user");
            assertRefused(InvalidInputException.class, () -> gatehouse.users().byName((String) null),
                    "user name");
            assertRefused(InvalidInputException.class, () -> gatehouse.groups().addMember(editors.id(),
                    (UserId) null), "user id");
            assertRefused(InvalidInputException.class, () -> gatehouse.permissions().grant((Grant) null),
                    "grant");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.resources().move(a.id(), (Optional<ResourceId>) null, OptionalInt.empty()),
                    "newParent");
            assertRefused(InvalidInputException.class,
                    () -> gatehouse.signIn().signIn((String) null, "x"), "login");
        }
    }

    @Nested
    @DisplayName("Unknown ids raise the matching NoSuch…Exception naming the id")
    class UnknownIds {
        @Test
        @DisplayName("Grants to an unknown user or group, or on an unknown resource")
        void grants() {
            assertRefused(NoSuchUserException.class, () -> gatehouse.permissions().grant(
                    Grant.on(a.id(), Principal.user(NO_USER), EDIT)), 987_001);
            assertRefused(NoSuchUserException.class, () -> gatehouse.permissions().grant(
                    Grant.global(Principal.user(NO_USER), EDIT)), 987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.permissions().grant(
                    Grant.on(a.id(), Principal.group(NO_GROUP), EDIT)), 987_002);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().grant(
                    Grant.on(NO_RESOURCE, alice.principal(), EDIT)), 987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().revoke(
                    Grant.on(NO_RESOURCE, alice.principal(), EDIT)), 987_003);
        }

        @Test
        @DisplayName("Role assignments of an unknown role, to an unknown user or group, or on an unknown resource")
        void roles() {
            assertRefused(NoSuchRoleException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(a.id(), alice.principal(), "chief")), "chief");
            assertRefused(NoSuchRoleException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(editors.principal(), "superuser")), "superuser");
            assertRefused(NoSuchUserException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(a.id(), Principal.user(NO_USER), "editor")), 987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(Principal.group(NO_GROUP), "editor")), 987_002);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(NO_RESOURCE, alice.principal(), "editor")), 987_003);
        }

        @Test
        @DisplayName("Memberships of an unknown user or in an unknown group")
        void memberships() {
            assertRefused(NoSuchUserException.class, () -> gatehouse.groups().addMember(editors.id(), NO_USER),
                    987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.groups().addMember(NO_GROUP, bob.id()),
                    987_002);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.groups().removeMember(NO_GROUP, alice.id()),
                    987_002);
            assertRefused(NoSuchGroupException.class,
                    () -> gatehouse.groups().members(NO_GROUP, PageRequest.first(10)), 987_002);
        }

        @Test
        @DisplayName("Creating under an unknown parent, or owned by an unknown user or group")
        void createWithUnknownReferences() {
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").under(NO_RESOURCE)), 987_003);
            assertRefused(NoSuchUserException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").under(docs.id()).ownedBy(NO_USER)), 987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").ownedByGroup(NO_GROUP)), 987_002);
        }

        @Test
        @DisplayName("Changing owners to an unknown user or group, or of an unknown resource")
        void setOwners() {
            assertRefused(NoSuchUserException.class, () -> gatehouse.resources().changeOwners(a.id(),
                    Optional.of(NO_USER), Optional.empty()), 987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.resources().changeOwners(other.id(),
                    Optional.of(bob.id()), Optional.of(NO_GROUP)), 987_002);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().changeOwners(NO_RESOURCE,
                    Optional.of(alice.id()), Optional.empty()), 987_003);
        }

        @Test
        @DisplayName("Moving an unknown resource, or under an unknown parent")
        void moves() {
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().move(NO_RESOURCE,
                    Optional.of(docs.id()), OptionalInt.empty()), 987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().move(a.id(),
                    Optional.of(NO_RESOURCE), OptionalInt.empty()), 987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().move(a.id(),
                    Optional.of(NO_RESOURCE), OptionalInt.of(1)), 987_003);
        }

        @Test
        @DisplayName("Renaming, re-flagging or deleting an unknown resource, and reading an unknown subtree")
        void resourceWrites() {
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().rename(NO_RESOURCE, "x"),
                    987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().setInherit(NO_RESOURCE, false),
                    987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().deleteBranch(NO_RESOURCE),
                    987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.resources().delete(NO_RESOURCE, ChildrenPolicy.REPARENT), 987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.resources().delete(NO_RESOURCE, ChildrenPolicy.CASCADE), 987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().subtree(NO_RESOURCE, 3),
                    987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.resources().pathToRoot(NO_RESOURCE),
                    987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.resources().children(Optional.of(NO_RESOURCE)), 987_003);
        }

        @Test
        @DisplayName("Writes to an unknown user or group")
        void userAndGroupWrites() {
            assertRefused(NoSuchUserException.class, () -> gatehouse.users().update(NO_USER,
                    UserUpdate.none().userName("carol")), 987_001);
            assertRefused(NoSuchUserException.class, () -> gatehouse.users().disable(NO_USER), 987_001);
            assertRefused(NoSuchUserException.class, () -> gatehouse.users().delete(NO_USER), 987_001);
            assertRefused(NoSuchUserException.class, () -> gatehouse.users().setPassword(NO_USER, "password"),
                    987_001);
            assertRefused(NoSuchUserException.class,
                    () -> gatehouse.users().issueSecurityCode(NO_USER, Duration.ofHours(1)), 987_001);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.groups().rename(NO_GROUP, "x"), 987_002);
            assertRefused(NoSuchGroupException.class,
                    () -> gatehouse.groups().describe(NO_GROUP, Optional.of("x")), 987_002);
            assertRefused(NoSuchGroupException.class, () -> gatehouse.groups().delete(NO_GROUP), 987_002);
        }

        @Test
        @DisplayName("ACLs on an unknown resource, or naming an unknown user or group")
        void acls() {
            assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().setAcl(NO_RESOURCE,
                    Acl.EMPTY), 987_003);
            if (fixture.supports(Capability.EXPLICIT_ACLS)) {
                assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().setAcl(NO_RESOURCE,
                        Acl.of(Ace.deny(alice.principal(), EDIT))), 987_003);
                assertRefused(NoSuchUserException.class, () -> gatehouse.permissions().setAcl(c.id(),
                        Acl.of(Ace.deny(alice.principal(), EDIT), Ace.deny(Principal.user(NO_USER), EDIT))),
                        987_001);
                assertRefused(NoSuchGroupException.class, () -> gatehouse.permissions().setAcl(a.id(),
                        Acl.of(Ace.allow(Principal.group(NO_GROUP), EDIT))), 987_002);
            }
        }

        @Test
        @DisplayName("Identities linked to an unknown user")
        void identities() {
            if (fixture.supports(Capability.EXTERNAL_IDENTITIES)) {
                assertRefused(NoSuchUserException.class, () -> gatehouse.identities().link(
                        ExternalIdentity.of("github", "ghost", NO_USER)), 987_001);
            }
        }

        @Test
        @DisplayName("Checks and queries on unknown resources, with every missing id named")
        void queries() {
            var subject = Subject.user(alice.id());
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.permissions().check(subject, EDIT, NO_RESOURCE), 987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.permissions().explain(subject, EDIT, NO_RESOURCE), 987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.permissions().permissionsOn(subject, NO_RESOURCE), 987_003);
            assertRefused(NoSuchResourceException.class,
                    () -> gatehouse.permissions().whoCan(NO_RESOURCE, EDIT, WhoOptions.USERS), 987_003);
            assertRefused(NoSuchResourceException.class, () -> gatehouse.permissions().checkAll(subject, EDIT,
                    List.of(docs.id(), NO_RESOURCE, a.id(), ResourceId.of(987_004))), 987_003, 987_004);
        }
    }

    @Nested
    @DisplayName("Conflicts raise the documented ConflictException or NotFoundException")
    class Conflicts {
        @Test
        @DisplayName("A user name or email taken in another case, on create and on update")
        void takenUserNamesAndEmails() {
            assertRefused(UserNameTakenException.class, () -> fixture.user("ALICE"), "ALICE");
            assertRefused(UserNameTakenException.class, () -> gatehouse.users().update(alice.id(),
                    UserUpdate.none().userName("bob")), "bob");
            assertRefused(EmailTakenException.class, () -> gatehouse.users().create(
                    NewUser.named("carol").withEmail("bob@example.COM")), "bob@example.COM");
            assertRefused(EmailTakenException.class, () -> gatehouse.users().update(bob.id(),
                    UserUpdate.none().userName("robert").email("Alice@example.com")), "Alice@example.com");
        }

        @Test
        @DisplayName("A group name taken in another case, on create and on rename")
        void takenGroupNames() {
            assertRefused(GroupNameTakenException.class, () -> fixture.group("Editors"), "Editors");
            assertRefused(GroupNameTakenException.class, () -> gatehouse.groups().rename(empty.id(), "EDITORS"),
                    "EDITORS");
        }

        @Test
        @DisplayName("A grant or role assignment that is stored already raises DuplicateGrantException")
        void duplicateGrantsAndRoles() {
            assertRefused(DuplicateGrantException.class, () -> gatehouse.permissions().grant(
                    Grant.on(docs.id(), alice.principal(), EDIT)), "edit", alice.principal().key());
            assertRefused(DuplicateGrantException.class, () -> gatehouse.permissions().grant(
                    Grant.global(empty.principal(), Permission.ALL)), "ALL", empty.principal().key());
            assertRefused(DuplicateGrantException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.on(a.id(), alice.principal(), "editor")), "editor");
            assertRefused(DuplicateGrantException.class, () -> gatehouse.permissions().assignRole(
                    RoleAssignment.global(editors.principal(), "viewer")), "viewer");
        }

        @Test
        @DisplayName("Revoking a grant or role assignment that is not stored raises NoSuchGrantException")
        void absentGrantsAndRoles() {
            assertRefused(NoSuchGrantException.class, () -> gatehouse.permissions().revoke(
                    Grant.on(docs.id(), alice.principal(), Permission.of("delete"))), "delete");
            assertRefused(NoSuchGrantException.class, () -> gatehouse.permissions().revoke(
                    Grant.global(alice.principal(), EDIT)), "edit", alice.principal().key());
            assertRefused(NoSuchGrantException.class, () -> gatehouse.permissions().revoke(
                    Grant.on(a.id(), alice.principal(), EDIT)), "edit");
            assertRefused(NoSuchGrantException.class, () -> gatehouse.permissions().unassignRole(
                    RoleAssignment.on(b.id(), alice.principal(), "editor")), "editor");
            assertRefused(NoSuchGrantException.class, () -> gatehouse.permissions().unassignRole(
                    RoleAssignment.global(editors.principal(), "manager")), "manager");
        }

        @Test
        @DisplayName("A duplicate membership, and removing a user who is not a member")
        void memberships() {
            assertRefused(DuplicateMembershipException.class,
                    () -> gatehouse.groups().addMember(editors.id(), alice.id()), alice.id().value());
            assertRefused(NotAMemberException.class,
                    () -> gatehouse.groups().removeMember(editors.id(), bob.id()), bob.id().value());
            assertRefused(NotAMemberException.class,
                    () -> gatehouse.groups().removeMember(empty.id(), alice.id()), alice.id().value());
        }

        @Test
        @DisplayName("A duplicate identity, and unlinking an identity that is not linked")
        void identities() {
            if (fixture.supports(Capability.EXTERNAL_IDENTITIES)) {
                assertRefused(DuplicateIdentityException.class, () -> gatehouse.identities().link(
                        ExternalIdentity.of("github", "alice-gh", bob.id())), "alice-gh");
                assertRefused(NoSuchIdentityException.class,
                        () -> gatehouse.identities().unlink("github", "nobody-gh"), "nobody-gh");
            }
        }
    }

    @Nested
    @DisplayName("Tree rules: no cycles, positions inside 1..n")
    class TreeRules {
        @Test
        @DisplayName("Moving a resource under itself or one of its descendants raises TreeCycleException")
        void cycles() {
            assertRefused(TreeCycleException.class, () -> gatehouse.resources().move(a.id(),
                    Optional.of(a.id()), OptionalInt.empty()), id(a));
            assertRefused(TreeCycleException.class, () -> gatehouse.resources().move(a.id(),
                    Optional.of(a1x.id()), OptionalInt.empty()), id(a), id(a1x));
            assertRefused(TreeCycleException.class, () -> gatehouse.resources().move(docs.id(),
                    Optional.of(a1.id()), OptionalInt.of(1)), id(docs), id(a1));
        }

        @Test
        @DisplayName("Moving to a position outside 1..n, n counted after the move, raises InvalidPositionException")
        void movePositions() {
            // docs has a, b, c: moving c within docs leaves 3 places; moving other under docs makes 4.
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(c.id(),
                    Optional.of(docs.id()), OptionalInt.of(4)), 4);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(other.id(),
                    Optional.of(docs.id()), OptionalInt.of(5)), 5);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(b.id(),
                    Optional.of(a1x.id()), OptionalInt.of(2)), 2);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(b.id(),
                    Optional.empty(), OptionalInt.of(4)), 4);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(b.id(),
                    Optional.of(docs.id()), OptionalInt.of(0)), 0);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().move(a1.id(),
                    Optional.of(docs.id()), OptionalInt.of(-3)), -3);
        }

        @Test
        @DisplayName("Creating at a position outside 1..n+1 raises InvalidPositionException")
        void createPositions() {
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").under(docs.id()).at(5)), 5);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").under(a1x.id()).at(2)), 2);
            assertRefused(InvalidPositionException.class, () -> gatehouse.resources().create(
                    NewResource.of("x", "folder").at(4)), 4);
        }

        @Test
        @DisplayName("The edges of the valid ranges are accepted, so the refusals above are about the range alone")
        void edgesAreAccepted() {
            gatehouse.resources().move(c.id(), Optional.of(docs.id()), OptionalInt.of(3));
            gatehouse.resources().move(other.id(), Optional.of(docs.id()), OptionalInt.of(4));
            gatehouse.resources().create(NewResource.of("x", "folder").under(a1x.id()).at(1));
            gatehouse.resources().create(NewResource.of("y", "folder").at(2));

            assertThat(fixture.childNames(Optional.of(docs.id()))).containsExactly("a", "b", "c", "other");
            assertThat(fixture.childNames(Optional.of(a1x.id()))).containsExactly("x");
            assertThat(fixture.childNames(Optional.empty())).containsExactly("docs", "y");
        }
    }
}
