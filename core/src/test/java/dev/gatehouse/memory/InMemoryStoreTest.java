package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.EmailTakenException;
import dev.gatehouse.GatehouseException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.NotAMemberException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.UnsupportedCapabilityException;
import dev.gatehouse.UserNameTakenException;
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
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Secret;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.StoredCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@DisplayName("The in-memory store")
class InMemoryStoreTest {
    private static final Instant REGISTERED = Instant.parse("2024-01-02T03:04:05Z");
    private static final Permission VIEW = Permission.of("view");
    private static final Permission EDIT = Permission.of("edit");

    private InMemoryStore store;

    @BeforeEach
    void freshStore() {
        store = InMemoryStore.create();
    }

    private User user(String name) {
        return store.users().create(NewUser.named(name), REGISTERED);
    }

    private User user(String name, String email) {
        return store.users().create(NewUser.named(name).withEmail(email), REGISTERED);
    }

    private Group group(String name) {
        return store.groups().create(NewGroup.named(name));
    }

    private ResourceId resource(String name) {
        return store.resources().create(NewResource.of(name, "folder")).id();
    }

    private static <T> List<T> allPages(Function<PageRequest, Page<T>> read, int limit) {
        var items = new ArrayList<T>();
        var page = read.apply(PageRequest.first(limit));
        items.addAll(page.items());
        while (page.hasNext()) {
            page = read.apply(PageRequest.after(page.next().orElseThrow(), limit));
            items.addAll(page.items());
        }
        return items;
    }

    @Nested
    @DisplayName("Users")
    class Users {
        @Test
        @DisplayName("user ids are counted from 1, separately from group and resource ids")
        void idsFromOne() {
            assertThat(user("ann").id()).isEqualTo(UserId.of(1));
            assertThat(group("staff").id()).isEqualTo(GroupId.of(1));
            assertThat(resource("root")).isEqualTo(ResourceId.of(1));
            assertThat(user("bob").id()).isEqualTo(UserId.of(2));
        }

        @Test
        @DisplayName("a new user is active, stored with the given registration time, name and email as given")
        void createdUser() {
            var created = store.users().create(NewUser.named("Ann").withEmail("Ann@Example.org"), REGISTERED);

            assertThat(created).isEqualTo(new User(UserId.of(1), "Ann", Optional.of("Ann@Example.org"),
                    UserStatus.ACTIVE, REGISTERED, Optional.empty(), Map.of()));
            assertThat(store.users().byId(created.id())).contains(created);
        }

        @Test
        @DisplayName("user names are unique ignoring case, and the message names the taken value")
        void userNameUniqueIgnoringCase() {
            user("Ann");

            assertThatThrownBy(() -> user("aNN")).isInstanceOf(UserNameTakenException.class)
                    .hasMessageContaining("aNN");
        }

        @Test
        @DisplayName("emails are unique ignoring case, and the message names the taken value")
        void emailUniqueIgnoringCase() {
            user("ann", "ann@example.org");

            assertThatThrownBy(() -> user("bob", "ANN@example.ORG")).isInstanceOf(EmailTakenException.class)
                    .hasMessageContaining("ANN@example.ORG");
        }

        @Test
        @DisplayName("byName and byEmail ignore case")
        void lookupsIgnoreCase() {
            var ann = user("Ann", "Ann@Example.org");

            assertThat(store.users().byName("ANN")).contains(ann);
            assertThat(store.users().byEmail("ann@example.ORG")).contains(ann);
            assertThat(store.users().byName("bob")).isEmpty();
            assertThat(store.users().byEmail("bob@example.org")).isEmpty();
        }

        @Test
        @DisplayName("a user may change the case of its own name and email")
        void renameSelfInOtherCase() {
            var ann = user("ann", "ann@example.org");

            var updated = store.users().update(ann.id(), UserUpdate.none().userName("ANN").email("ANN@example.org"));

            assertThat(updated.userName()).isEqualTo("ANN");
            assertThat(updated.email()).contains("ANN@example.org");
        }

        @Test
        @DisplayName("an update cannot take another user's name or email")
        void updateCannotTakeOthers() {
            var ann = user("ann", "ann@example.org");
            user("bob", "bob@example.org");

            assertThatThrownBy(() -> store.users().update(ann.id(), UserUpdate.none().userName("Bob")))
                    .isInstanceOf(UserNameTakenException.class).hasMessageContaining("Bob");
            assertThatThrownBy(() -> store.users().update(ann.id(), UserUpdate.none().email("BOB@example.org")))
                    .isInstanceOf(EmailTakenException.class).hasMessageContaining("BOB@example.org");
        }

        @Test
        @DisplayName("an update can remove the email, which frees it for others")
        void removeEmail() {
            var ann = user("ann", "ann@example.org");

            assertThat(store.users().update(ann.id(), UserUpdate.none().removeEmail()).email()).isEmpty();
            assertThat(user("bob", "ann@example.org").email()).contains("ann@example.org");
        }

        @Test
        @DisplayName("search matches name or email ignoring case, with * as the only wildcard")
        void search() {
            user("alice", "alice@example.org");
            user("Alfred", "fred@corp.example");
            user("bob", "bob@example.org");
            user("a.b", "weird@example.org");
            user("a_b%?", "weird2@example.org");

            assertThat(names(store.users().search("al*", PageRequest.first(10)))).containsExactly("alice", "Alfred");
            assertThat(names(store.users().search("*@EXAMPLE.org", PageRequest.first(10))))
                    .containsExactly("alice", "bob", "a.b", "a_b%?");
            assertThat(names(store.users().search("*", PageRequest.first(10)))).hasSize(5);
            assertThat(names(store.users().search("a.b", PageRequest.first(10)))).containsExactly("a.b");
            assertThat(names(store.users().search("a_b%?", PageRequest.first(10)))).containsExactly("a_b%?");
            assertThat(names(store.users().search("a?b", PageRequest.first(10)))).isEmpty();
            assertThat(names(store.users().search("bo", PageRequest.first(10)))).isEmpty();
            assertThat(names(store.users().search("*RED*", PageRequest.first(10)))).containsExactly("Alfred");
        }

        @Test
        @DisplayName("page and search are keyset-paginated in id order")
        void paging() {
            List.of("u1", "u2", "u3", "u4", "u5").forEach(InMemoryStoreTest.this::user);

            var first = store.users().page(PageRequest.first(2));
            assertThat(names(first)).containsExactly("u1", "u2");
            assertThat(first.next()).isPresent();
            assertThat(allPages(store.users()::page, 2)).extracting(User::userName)
                    .containsExactly("u1", "u2", "u3", "u4", "u5");
            assertThat(allPages(request -> store.users().search("U*", request), 3)).hasSize(5);
            assertThat(store.users().page(PageRequest.first(5)).hasNext()).isFalse();
        }

        @Test
        @DisplayName("setStatus, recordLogin and setPasswordHash store what they are given")
        void simpleWrites() {
            var ann = user("ann");
            var login = REGISTERED.plusSeconds(60);

            store.users().setStatus(ann.id(), UserStatus.DISABLED);
            store.users().recordLogin(ann.id(), login);
            store.users().setPasswordHash(ann.id(), "$argon2id$hash");

            var stored = store.users().byId(ann.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(UserStatus.DISABLED);
            assertThat(stored.lastLoginAt()).contains(login);
            assertThat(store.users().passwordHash(ann.id())).contains("$argon2id$hash");
        }

        @Test
        @DisplayName("a new security code replaces the earlier one")
        void securityCodeReplaces() {
            var ann = user("ann");
            var expiry = REGISTERED.plusSeconds(600);

            store.users().setSecurityCode(ann.id(), new StoredCode("first", expiry));
            store.users().setSecurityCode(ann.id(), new StoredCode("second", expiry));

            assertThat(store.users().securityCode(ann.id())).contains(new StoredCode("second", expiry));
        }

        @Test
        @DisplayName("a security code is consumed once, and only with its own hash")
        void consumeSecurityCode() {
            var ann = user("ann");
            store.users().setSecurityCode(ann.id(), new StoredCode("hash", REGISTERED));

            assertThat(store.users().consumeSecurityCode(ann.id(), "other")).isFalse();
            assertThat(store.users().securityCode(ann.id())).isPresent();
            assertThat(store.users().consumeSecurityCode(ann.id(), "hash")).isTrue();
            assertThat(store.users().securityCode(ann.id())).isEmpty();
            assertThat(store.users().consumeSecurityCode(ann.id(), "hash")).isFalse();
        }

        @Test
        @DisplayName("every write on an unknown user fails with NoSuchUserException naming the id")
        void unknownUser() {
            var missing = UserId.of(404);
            List<ThrowingCallable> writes = List.of(
                    () -> store.users().update(missing, UserUpdate.none()),
                    () -> store.users().setStatus(missing, UserStatus.DISABLED),
                    () -> store.users().delete(missing),
                    () -> store.users().setPasswordHash(missing, "h"),
                    () -> store.users().setSecurityCode(missing, new StoredCode("h", REGISTERED)),
                    () -> store.users().consumeSecurityCode(missing, "h"),
                    () -> store.users().recordLogin(missing, REGISTERED));

            writes.forEach(write -> assertThatThrownBy(write).isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("404"));
        }

        @Test
        @DisplayName("reads of an unknown user come back empty")
        void unknownUserReads() {
            var missing = UserId.of(404);

            assertThat(store.users().byId(missing)).isEmpty();
            assertThat(store.users().groupsOf(missing)).isEmpty();
            assertThat(store.users().passwordHash(missing)).isEmpty();
            assertThat(store.users().securityCode(missing)).isEmpty();
        }
    }

    private static List<String> names(Page<User> page) {
        return page.items().stream().map(User::userName).toList();
    }

    @Nested
    @DisplayName("Groups")
    class Groups {
        @Test
        @DisplayName("group names are unique ignoring case; a group may change the case of its own name")
        void namesUnique() {
            var staff = group("Staff");
            var admins = group("admins");

            assertThatThrownBy(() -> group("STAFF")).isInstanceOf(GroupNameTakenException.class)
                    .hasMessageContaining("STAFF");
            assertThatThrownBy(() -> store.groups().rename(admins.id(), "staff"))
                    .isInstanceOf(GroupNameTakenException.class).hasMessageContaining("staff");
            assertThat(store.groups().rename(staff.id(), "STAFF").name()).isEqualTo("STAFF");
            assertThat(store.groups().byName("sTaFf")).contains(new Group(staff.id(), "STAFF", Optional.empty()));
        }

        @Test
        @DisplayName("describe sets and clears the description")
        void describe() {
            var staff = group("staff");

            assertThat(store.groups().describe(staff.id(), Optional.of("everyone paid")).description())
                    .contains("everyone paid");
            assertThat(store.groups().describe(staff.id(), Optional.empty()).description()).isEmpty();
        }

        @Test
        @DisplayName("members are added once, removed once, and listed in user id order")
        void membership() {
            var staff = group("staff");
            var bob = user("bob");
            var ann = user("ann");
            var cid = user("cid");
            store.groups().addMember(staff.id(), cid.id());
            store.groups().addMember(staff.id(), bob.id());
            store.groups().addMember(staff.id(), ann.id());

            assertThat(allPages(request -> store.groups().members(staff.id(), request), 2))
                    .containsExactly(bob, ann, cid);
            assertThat(store.users().groupsOf(ann.id())).containsExactly(staff.id());
            assertThatThrownBy(() -> store.groups().addMember(staff.id(), ann.id()))
                    .isInstanceOf(DuplicateMembershipException.class).hasMessageContaining(ann.id().toString());

            store.groups().removeMember(staff.id(), ann.id());

            assertThat(store.users().groupsOf(ann.id())).isEmpty();
            assertThatThrownBy(() -> store.groups().removeMember(staff.id(), ann.id()))
                    .isInstanceOf(NotAMemberException.class);
        }

        @Test
        @DisplayName("unknown groups and users are reported with their own exceptions")
        void unknowns() {
            var staff = group("staff");
            var ann = user("ann");
            var missing = GroupId.of(99);

            assertThatThrownBy(() -> store.groups().addMember(staff.id(), UserId.of(77)))
                    .isInstanceOf(NoSuchUserException.class).hasMessageContaining("77");
            List<ThrowingCallable> calls = List.of(
                    () -> store.groups().addMember(missing, ann.id()),
                    () -> store.groups().removeMember(missing, ann.id()),
                    () -> store.groups().rename(missing, "x"),
                    () -> store.groups().describe(missing, Optional.empty()),
                    () -> store.groups().delete(missing),
                    () -> store.groups().members(missing, PageRequest.first(1)));
            calls.forEach(call -> assertThatThrownBy(call).isInstanceOf(NoSuchGroupException.class)
                    .hasMessageContaining("99"));
        }

        @Test
        @DisplayName("groups are paged in id order")
        void paging() {
            var groups = Stream.of("a", "b", "c").map(InMemoryStoreTest.this::group).toList();

            assertThat(allPages(store.groups()::page, 2)).containsExactlyElementsOf(groups);
        }
    }

    @Nested
    @DisplayName("Permissions")
    class Permissions {
        @Test
        @DisplayName("a grant is stored once; the same grant again fails with DuplicateGrantException")
        void grantOnce() {
            var ann = user("ann").principal();
            var folder = resource("folder");
            var grant = Grant.on(folder, ann, VIEW);

            store.permissions().grant(grant);

            assertThatThrownBy(() -> store.permissions().grant(grant)).isInstanceOf(DuplicateGrantException.class)
                    .hasMessageContaining("view").hasMessageContaining("user:1");
            assertThat(store.permissions().grantsOn(folder)).containsExactly(grant);
        }

        @Test
        @DisplayName("grants differing in permission, resource or scope are different grants")
        void grantsAreDistinct() {
            var ann = user("ann").principal();
            var folder = resource("folder");
            var grants = List.of(Grant.on(folder, ann, VIEW), Grant.on(folder, ann, Permission.ALL),
                    Grant.global(ann, VIEW), Grant.on(resource("other"), ann, VIEW));

            grants.forEach(store.permissions()::grant);

            assertThat(store.permissions().grantsOf(ann)).containsExactlyElementsOf(grants);
        }

        @Test
        @DisplayName("revoking removes the grant; revoking what is not stored fails with NoSuchGrantException")
        void revoke() {
            var staff = group("staff").principal();
            var grant = Grant.global(staff, EDIT);
            store.permissions().grant(grant);

            store.permissions().revoke(grant);

            assertThat(store.permissions().grantsOf(staff)).isEmpty();
            assertThatThrownBy(() -> store.permissions().revoke(grant)).isInstanceOf(NoSuchGrantException.class)
                    .hasMessageContaining("edit");
        }

        @Test
        @DisplayName("grantees and resources must exist")
        void targetsMustExist() {
            var ann = user("ann").principal();

            assertThatThrownBy(() -> store.permissions().grant(Grant.global(Principal.user(UserId.of(9)), VIEW)))
                    .isInstanceOf(NoSuchUserException.class).hasMessageContaining("9");
            assertThatThrownBy(() -> store.permissions().grant(Grant.global(Principal.group(GroupId.of(8)), VIEW)))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("8");
            assertThatThrownBy(() -> store.permissions().grant(Grant.on(ResourceId.of(7), ann, VIEW)))
                    .isInstanceOf(NoSuchResourceException.class).hasMessageContaining("7");
            assertThatThrownBy(() -> store.permissions().revoke(Grant.on(ResourceId.of(7), ann, VIEW)))
                    .isInstanceOf(NoSuchResourceException.class);
        }

        @Test
        @DisplayName("role assignments are stored once and unassigned once, globally and on resources")
        void roles() {
            var ann = user("ann").principal();
            var folder = resource("folder");
            var onFolder = RoleAssignment.on(folder, ann, "editor");
            var global = RoleAssignment.global(ann, "viewer");

            store.permissions().assignRole(onFolder);
            store.permissions().assignRole(global);

            assertThat(store.permissions().rolesOf(ann)).containsExactly(onFolder, global);
            assertThat(store.permissions().rolesOn(folder)).containsExactly(onFolder);
            assertThatThrownBy(() -> store.permissions().assignRole(onFolder))
                    .isInstanceOf(DuplicateGrantException.class).hasMessageContaining("editor");

            store.permissions().unassignRole(onFolder);

            assertThat(store.permissions().rolesOf(ann)).containsExactly(global);
            assertThatThrownBy(() -> store.permissions().unassignRole(onFolder))
                    .isInstanceOf(NoSuchGrantException.class).hasMessageContaining("editor");
            assertThatThrownBy(() -> store.permissions().assignRole(
                    RoleAssignment.on(ResourceId.of(50), ann, "editor"))).isInstanceOf(NoSuchResourceException.class);
        }

        @Test
        @DisplayName("setAcl replaces the whole list, keeps its order, and an empty list removes it")
        void acl() {
            var ann = user("ann").principal();
            var folder = resource("folder");
            var first = Acl.of(Ace.deny(ann, EDIT), Ace.allow(Principal.EVERYONE, VIEW),
                    Ace.allow(Principal.role("editor"), Permission.ALL));
            var second = Acl.of(Ace.allow(Principal.AUTHENTICATED, VIEW));

            store.permissions().setAcl(folder, first);
            assertThat(store.permissions().acl(folder)).isEqualTo(first);

            store.permissions().setAcl(folder, second);
            assertThat(store.permissions().acl(folder)).isEqualTo(second);

            store.permissions().setAcl(folder, Acl.EMPTY);
            assertThat(store.permissions().acl(folder)).isEqualTo(Acl.EMPTY);
        }

        @Test
        @DisplayName("ACL entries naming users or groups need them to exist, and the resource must exist")
        void aclTargetsMustExist() {
            var folder = resource("folder");

            assertThatThrownBy(() -> store.permissions().setAcl(folder,
                    Acl.of(Ace.allow(Principal.user(UserId.of(5)), VIEW))))
                    .isInstanceOf(NoSuchUserException.class).hasMessageContaining("5");
            assertThatThrownBy(() -> store.permissions().setAcl(folder,
                    Acl.of(Ace.allow(Principal.group(GroupId.of(6)), VIEW))))
                    .isInstanceOf(NoSuchGroupException.class).hasMessageContaining("6");
            assertThatThrownBy(() -> store.permissions().setAcl(ResourceId.of(4), Acl.EMPTY))
                    .isInstanceOf(NoSuchResourceException.class).hasMessageContaining("4");
        }
    }

    @Nested
    @DisplayName("External identities")
    class Identities {
        @Test
        @DisplayName("a linked identity is found by provider and external id, and listed for its user")
        void linkAndFind() {
            var ann = user("ann");
            var identity = ExternalIdentity.of("github", "ann-gh", ann.id())
                    .withTokens(Secret.of("access"), Secret.of("refresh"), REGISTERED);

            store.identities().link(identity);

            assertThat(store.identities().find("github", "ann-gh")).contains(identity);
            assertThat(store.identities().find("gitlab", "ann-gh")).isEmpty();
            assertThat(store.identities().identitiesOf(ann.id())).containsExactly(identity);
        }

        @Test
        @DisplayName("(provider, external id) is linked at most once, to an existing user")
        void uniqueAndExisting() {
            var ann = user("ann");
            var bob = user("bob");
            store.identities().link(ExternalIdentity.of("github", "42", ann.id()));

            assertThatThrownBy(() -> store.identities().link(ExternalIdentity.of("github", "42", bob.id())))
                    .isInstanceOf(DuplicateIdentityException.class).hasMessageContaining("github/42");
            assertThatThrownBy(() -> store.identities().link(ExternalIdentity.of("github", "43", UserId.of(99))))
                    .isInstanceOf(NoSuchUserException.class).hasMessageContaining("99");
            store.identities().link(ExternalIdentity.of("gitlab", "42", bob.id()));
        }

        @Test
        @DisplayName("unlink removes the identity; unlinking it again fails with NoSuchIdentityException")
        void unlink() {
            var ann = user("ann");
            store.identities().link(ExternalIdentity.of("github", "42", ann.id()));

            store.identities().unlink("github", "42");

            assertThat(store.identities().find("github", "42")).isEmpty();
            assertThatThrownBy(() -> store.identities().unlink("github", "42"))
                    .isInstanceOf(NoSuchIdentityException.class).hasMessageContaining("github/42");
        }
    }

    @Nested
    @DisplayName("Capabilities")
    class Capabilities {
        private final InMemoryStore bare = InMemoryStore.withCapabilities(Set.of());

        @Test
        @DisplayName("create() declares every capability; withCapabilities declares exactly those given")
        void declared() {
            assertThat(InMemoryStore.create().capabilities()).containsExactlyInAnyOrder(Capability.values());
            assertThat(bare.capabilities()).isEmpty();
            assertThat(InMemoryStore.withCapabilities(EnumSet.of(Capability.EXPLICIT_ACLS)).capabilities())
                    .containsExactly(Capability.EXPLICIT_ACLS);
        }

        @Test
        @DisplayName("with USER_ATTRIBUTES, attributes are stored on create and replaced on update")
        void attributesSupported() {
            var ann = store.users().create(NewUser.named("ann").withAttribute("team", "blue"), REGISTERED);

            assertThat(ann.attributes()).containsExactly(Map.entry("team", "blue"));
            assertThat(store.users().update(ann.id(), UserUpdate.none().attributes(Map.of("desk", "7")))
                    .attributes()).containsExactly(Map.entry("desk", "7"));
        }

        @Test
        @DisplayName("without USER_ATTRIBUTES, non-empty attributes are refused and empty ones accepted")
        void attributesUnsupported() {
            assertThatThrownBy(() -> bare.users().create(NewUser.named("ann").withAttribute("team", "blue"),
                    REGISTERED)).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("USER_ATTRIBUTES");
            var ann = bare.users().create(NewUser.named("ann"), REGISTERED);
            assertThatThrownBy(() -> bare.users().update(ann.id(), UserUpdate.none().attributes(Map.of("a", "b"))))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(bare.users().update(ann.id(), UserUpdate.none().attributes(Map.of())).attributes()).isEmpty();
        }

        @Test
        @DisplayName("with EXPLICIT_ACLS, ACLs are stored")
        void aclsSupported() {
            var folder = resource("folder");
            var acl = Acl.of(Ace.deny(Principal.EVERYONE, Permission.ALL));

            store.permissions().setAcl(folder, acl);

            assertThat(store.permissions().acl(folder)).isEqualTo(acl);
        }

        @Test
        @DisplayName("without EXPLICIT_ACLS, a non-empty ACL is refused and an empty one accepted")
        void aclsUnsupported() {
            var folder = bare.resources().create(NewResource.of("folder", "folder")).id();

            assertThatThrownBy(() -> bare.permissions().setAcl(folder, Acl.of(Ace.allow(Principal.EVERYONE, VIEW))))
                    .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("EXPLICIT_ACLS");
            bare.permissions().setAcl(folder, Acl.EMPTY);
            assertThat(bare.permissions().acl(folder)).isEqualTo(Acl.EMPTY);
        }

        @Test
        @DisplayName("with EXTERNAL_IDENTITIES, identities can be linked")
        void identitiesSupported() {
            var ann = user("ann");

            store.identities().link(ExternalIdentity.of("github", "1", ann.id()));

            assertThat(store.identities().identitiesOf(ann.id())).hasSize(1);
        }

        @Test
        @DisplayName("without EXTERNAL_IDENTITIES, every identity method is refused")
        void identitiesUnsupported() {
            var ann = bare.users().create(NewUser.named("ann"), REGISTERED);
            List<ThrowingCallable> calls = List.of(
                    () -> bare.identities().link(ExternalIdentity.of("github", "1", ann.id())),
                    () -> bare.identities().unlink("github", "1"),
                    () -> bare.identities().find("github", "1"),
                    () -> bare.identities().identitiesOf(ann.id()));

            calls.forEach(call -> assertThatThrownBy(call).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("EXTERNAL_IDENTITIES"));
        }
    }

    @Nested
    @DisplayName("Cascading deletes")
    class CascadingDeletes {
        private User ann;
        private User bob;
        private Group staff;
        private ResourceId folder;

        /** ann and staff appear everywhere a user or a group can appear; bob holds a little of everything too. */
        @BeforeEach
        void world() {
            ann = user("ann", "ann@example.org");
            bob = user("bob");
            staff = group("staff");
            folder = store.resources().create(
                    NewResource.of("folder", "folder").ownedBy(ann.id()).ownedByGroup(staff.id())).id();
            store.groups().addMember(staff.id(), ann.id());
            store.groups().addMember(staff.id(), bob.id());
            store.users().setPasswordHash(ann.id(), "hash");
            store.users().setSecurityCode(ann.id(), new StoredCode("code", REGISTERED));
            store.identities().link(ExternalIdentity.of("github", "ann", ann.id()));
            store.identities().link(ExternalIdentity.of("github", "bob", bob.id()));
            for (var principal : List.of(ann.principal(), staff.principal(), bob.principal())) {
                store.permissions().grant(Grant.global(principal, VIEW));
                store.permissions().grant(Grant.on(folder, principal, EDIT));
                store.permissions().assignRole(RoleAssignment.global(principal, "viewer"));
                store.permissions().assignRole(RoleAssignment.on(folder, principal, "editor"));
            }
            store.permissions().setAcl(folder, Acl.of(Ace.deny(ann.principal(), EDIT),
                    Ace.allow(staff.principal(), VIEW), Ace.allow(bob.principal(), VIEW)));
        }

        @Test
        @DisplayName("deleting a user leaves no membership, grant, role, ACL entry, identity, secret or ownership")
        void deleteUser() {
            store.users().delete(ann.id());

            var gone = ann.principal();
            assertThat(store.users().byId(ann.id())).isEmpty();
            assertThat(store.users().byName("ann")).isEmpty();
            assertThat(store.users().byEmail("ann@example.org")).isEmpty();
            assertThat(store.users().passwordHash(ann.id())).isEmpty();
            assertThat(store.users().securityCode(ann.id())).isEmpty();
            assertThat(store.groups().members(staff.id(), PageRequest.first(10)).items()).containsExactly(bob);
            assertThat(store.permissions().grantsOf(gone)).isEmpty();
            assertThat(store.permissions().rolesOf(gone)).isEmpty();
            assertThat(store.permissions().grantsOn(folder)).noneMatch(grant -> grant.grantee().equals(gone));
            assertThat(store.permissions().rolesOn(folder)).noneMatch(role -> role.holder().equals(gone));
            assertThat(store.permissions().acl(folder).entries()).extracting(Ace::principal)
                    .containsExactly(staff.principal(), bob.principal());
            assertThat(store.identities().find("github", "ann")).isEmpty();
            assertThat(store.identities().identitiesOf(ann.id())).isEmpty();
            var resource = store.resources().byId(folder).orElseThrow();
            assertThat(resource.ownerUser()).isEmpty();
            assertThat(resource.ownerGroup()).contains(staff.id());
            assertThat(store.access().subjectFacts(ann.id())).isEmpty();
        }

        @Test
        @DisplayName("the name and email of a deleted user are free again")
        void deletedUserFreesNames() {
            store.users().delete(ann.id());

            assertThat(user("ANN", "ANN@example.org").id()).isEqualTo(UserId.of(3));
        }

        @Test
        @DisplayName("deleting a group leaves no membership, grant, role, ACL entry or ownership")
        void deleteGroup() {
            store.groups().delete(staff.id());

            var gone = staff.principal();
            assertThat(store.groups().byId(staff.id())).isEmpty();
            assertThat(store.groups().byName("staff")).isEmpty();
            assertThat(store.users().groupsOf(ann.id())).isEmpty();
            assertThat(store.permissions().grantsOf(gone)).isEmpty();
            assertThat(store.permissions().rolesOf(gone)).isEmpty();
            assertThat(store.permissions().grantsOn(folder)).noneMatch(grant -> grant.grantee().equals(gone));
            assertThat(store.permissions().rolesOn(folder)).noneMatch(role -> role.holder().equals(gone));
            assertThat(store.permissions().acl(folder).entries()).extracting(Ace::principal)
                    .containsExactly(ann.principal(), bob.principal());
            var resource = store.resources().byId(folder).orElseThrow();
            assertThat(resource.ownerGroup()).isEmpty();
            assertThat(resource.ownerUser()).contains(ann.id());
            assertThat(store.access().subjectFacts(ann.id()).orElseThrow().globalRoles()).containsExactly("viewer");
        }

        @Test
        @DisplayName("an ACL whose every entry named deleted principals is removed")
        void emptiedAclIsRemoved() {
            store.users().delete(ann.id());
            store.users().delete(bob.id());
            store.groups().delete(staff.id());

            assertThat(store.permissions().acl(folder)).isEqualTo(Acl.EMPTY);
            assertThat(StoreSnapshot.of(store).acls()).isEmpty();
        }

        @Test
        @DisplayName("deleting a resource leaves no grant, role or ACL on it")
        void deleteResource() {
            store.resources().deleteBranch(folder);

            assertThat(store.permissions().grantsOn(folder)).isEmpty();
            assertThat(store.permissions().rolesOn(folder)).isEmpty();
            assertThat(store.permissions().acl(folder)).isEqualTo(Acl.EMPTY);
            for (var principal : List.of(ann.principal(), bob.principal(), staff.principal())) {
                assertThat(store.permissions().grantsOf(principal)).containsExactly(Grant.global(principal, VIEW));
                assertThat(store.permissions().rolesOf(principal))
                        .containsExactly(RoleAssignment.global(principal, "viewer"));
            }
        }
    }

    @Nested
    @DisplayName("Rejected calls")
    class RejectedCalls {
        private User ann;
        private User bob;
        private Group staff;
        private ResourceId root;
        private ResourceId child;
        private ResourceId grandchild;

        @BeforeEach
        void world() {
            ann = store.users().create(NewUser.named("ann").withEmail("ann@example.org").withAttribute("k", "v"),
                    REGISTERED);
            bob = user("bob", "bob@example.org");
            staff = group("staff");
            group("admins");
            store.groups().addMember(staff.id(), ann.id());
            root = resource("root");
            child = store.resources().create(NewResource.of("child", "folder").under(root)).id();
            grandchild = store.resources().create(NewResource.of("grandchild", "doc").under(child)).id();
            store.resources().create(NewResource.of("sibling", "folder").under(root));
            store.permissions().grant(Grant.on(child, ann.principal(), VIEW));
            store.permissions().assignRole(RoleAssignment.global(staff.principal(), "viewer"));
            store.permissions().setAcl(child, Acl.of(Ace.deny(bob.principal(), EDIT)));
            store.users().setSecurityCode(ann.id(), new StoredCode("code", REGISTERED));
            store.identities().link(ExternalIdentity.of("github", "ann", ann.id()));
        }

        private DynamicTest rejected(String sentence, Class<? extends GatehouseException> expected,
                ThrowingCallable call) {
            return DynamicTest.dynamicTest(sentence, () -> {
                var before = StoreSnapshot.of(store);

                assertThat(catchThrowable(call)).isInstanceOf(expected);

                assertThat(StoreSnapshot.of(store)).isEqualTo(before);
            });
        }

        @TestFactory
        @DisplayName("a call that fails leaves every observable value as it was")
        Stream<DynamicTest> rejectedCallsChangeNothing() {
            return Stream.of(
                    rejected("creating a user with a taken name", UserNameTakenException.class,
                            () -> user("ANN")),
                    rejected("creating a user with a taken email", EmailTakenException.class,
                            () -> user("cid", "BOB@example.org")),
                    rejected("renaming a user to a taken name while also changing the email",
                            UserNameTakenException.class,
                            () -> store.users().update(ann.id(),
                                    UserUpdate.none().email("new@example.org").userName("Bob"))),
                    rejected("updating a user's attributes on a missing user", NoSuchUserException.class,
                            () -> store.users().update(UserId.of(99), UserUpdate.none().attributes(Map.of()))),
                    rejected("creating a group with a taken name", GroupNameTakenException.class,
                            () -> group("Staff")),
                    rejected("renaming a group to a taken name", GroupNameTakenException.class,
                            () -> store.groups().rename(staff.id(), "ADMINS")),
                    rejected("adding a member twice", DuplicateMembershipException.class,
                            () -> store.groups().addMember(staff.id(), ann.id())),
                    rejected("removing a non-member", NotAMemberException.class,
                            () -> store.groups().removeMember(staff.id(), bob.id())),
                    rejected("creating a resource at position n+2", InvalidPositionException.class,
                            () -> store.resources().create(NewResource.of("x", "folder").under(root).at(4))),
                    rejected("creating a resource owned by a missing group", NoSuchGroupException.class,
                            () -> store.resources().create(NewResource.of("x", "folder").ownedByGroup(GroupId.of(9)))),
                    rejected("moving a resource under its grandchild", TreeCycleException.class,
                            () -> store.resources().move(root, Optional.of(grandchild), OptionalInt.empty())),
                    rejected("moving a resource under itself", TreeCycleException.class,
                            () -> store.resources().move(child, Optional.of(child), OptionalInt.of(1))),
                    rejected("moving a resource to position n+1 of its own parent", InvalidPositionException.class,
                            () -> store.resources().move(child, Optional.of(root), OptionalInt.of(3))),
                    rejected("moving a resource to position 0", InvalidPositionException.class,
                            () -> store.resources().move(grandchild, Optional.of(root), OptionalInt.of(0))),
                    rejected("moving a resource under a missing parent", NoSuchResourceException.class,
                            () -> store.resources().move(child, Optional.of(ResourceId.of(99)), OptionalInt.empty())),
                    rejected("setting owners where one of them is missing", NoSuchUserException.class,
                            () -> store.resources().setOwners(child, Optional.of(UserId.of(99)),
                                    Optional.of(staff.id()))),
                    rejected("deleting a missing resource with REPARENT", NoSuchResourceException.class,
                            () -> store.resources().delete(ResourceId.of(99), ChildrenPolicy.REPARENT)),
                    rejected("granting a grant twice", DuplicateGrantException.class,
                            () -> store.permissions().grant(Grant.on(child, ann.principal(), VIEW))),
                    rejected("revoking a grant never given", NoSuchGrantException.class,
                            () -> store.permissions().revoke(Grant.on(child, bob.principal(), VIEW))),
                    rejected("assigning a role twice", DuplicateGrantException.class,
                            () -> store.permissions().assignRole(RoleAssignment.global(staff.principal(), "viewer"))),
                    rejected("setting an ACL whose last entry names a missing user", NoSuchUserException.class,
                            () -> store.permissions().setAcl(child, Acl.of(Ace.allow(ann.principal(), VIEW),
                                    Ace.allow(Principal.user(UserId.of(99)), VIEW)))),
                    rejected("linking an identity twice", DuplicateIdentityException.class,
                            () -> store.identities().link(ExternalIdentity.of("github", "ann", bob.id()))),
                    rejected("unlinking an identity never linked", NoSuchIdentityException.class,
                            () -> store.identities().unlink("github", "nobody")),
                    rejected("renaming a resource to a blank name", InvalidInputException.class,
                            () -> store.resources().rename(child, "  ")));
        }

        @Test
        @DisplayName("a rejected create does not use up an id")
        void rejectedCreateKeepsCounters() {
            catchThrowable(() -> user("ann"));
            catchThrowable(() -> group("staff"));
            catchThrowable(() -> store.resources().create(NewResource.of("x", "folder").under(ResourceId.of(99))));

            assertThat(user("cid").id()).isEqualTo(UserId.of(3));
            assertThat(group("others").id()).isEqualTo(GroupId.of(3));
            assertThat(resource("another")).isEqualTo(ResourceId.of(5));
        }
    }
}
