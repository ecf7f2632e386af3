package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.EmailTakenException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.UserNameTakenException;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's tests of users and lookups: names and emails compare ignoring case. */
public abstract class UsersKit extends AreaKit {
    private static final UserId MISSING = UserId.of(987_654);

    protected UsersKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    private User create(String name, String email) {
        return gatehouse.users().create(NewUser.named(name).withEmail(email));
    }

    private List<String> names(List<User> users) {
        return users.stream().map(User::userName).toList();
    }

    /** Reads every page of a keyset listing, checking that each page respects the limit. */
    static <T> List<T> allPages(int limit, Function<PageRequest, Page<T>> listing) {
        var all = new ArrayList<T>();
        var page = listing.apply(PageRequest.first(limit));
        for (int pages = 1; ; pages++) {
            assertThat(page.items()).as("page %d", pages).hasSizeLessThanOrEqualTo(limit);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            assertThat(page.items()).as("a page with a next cursor is full").hasSize(limit);
            assertThat(pages).as("pages read (a cursor that never ends?)").isLessThan(1_000);
            page = listing.apply(PageRequest.after(page.next().get(), limit));
        }
    }

    @Nested
    @DisplayName("Creating users")
    class Creating {
        @Test
        @DisplayName("A new user is active, has never signed in, and was registered at the clock's time")
        void newUser() {
            var alice = create("alice", "alice@example.com");

            assertThat(alice.userName()).isEqualTo("alice");
            assertThat(alice.email()).contains("alice@example.com");
            assertThat(alice.status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(alice.isActive()).isTrue();
            assertThat(alice.registeredAt()).isEqualTo(fixture.clock().instant());
            assertThat(alice.lastLoginAt()).isEmpty();
            assertThat(alice.attributes()).isEmpty();
            assertThat(gatehouse.users().byId(alice.id())).contains(alice);
        }

        @Test
        @DisplayName("The registration time comes from the injected clock, not from the store's own time")
        void registrationFollowsTheClock() {
            var alice = fixture.user("alice");
            fixture.clock().advance(Duration.ofDays(3).plusHours(5));

            var bob = fixture.user("bob");

            assertThat(bob.registeredAt()).isEqualTo(fixture.clock().instant());
            assertThat(gatehouse.users().require(bob.id()).registeredAt()).isEqualTo(fixture.clock().instant());
            assertThat(gatehouse.users().require(alice.id()).registeredAt())
                    .isEqualTo(fixture.clock().instant().minus(Duration.ofDays(3).plusHours(5)));
        }

        @Test
        @DisplayName("Names and emails are stored exactly as given, case included")
        void storedAsGiven() {
            var user = create("Alice.Smith", "Alice.Smith@Example.COM");

            var read = gatehouse.users().require(user.id());
            assertThat(read.userName()).isEqualTo("Alice.Smith");
            assertThat(read.email()).contains("Alice.Smith@Example.COM");
        }

        @Test
        @DisplayName("Names with accents, spaces and symbols round trip unchanged")
        void unicodeNames() {
            var user = fixture.user("Zoë O'Brien-Łukasz 日本 _%*");

            assertThat(gatehouse.users().require(user.id()).userName()).isEqualTo("Zoë O'Brien-Łukasz 日本 _%*");
            assertThat(gatehouse.users().byName("Zoë O'Brien-Łukasz 日本 _%*")).map(User::id).contains(user.id());
        }

        @Test
        @DisplayName("Creating a user whose name is taken, in any case, raises UserNameTakenException")
        void nameTaken() {
            var alice = fixture.user("alice");

            assertThatThrownBy(() -> fixture.user("ALICE"))
                    .isInstanceOf(UserNameTakenException.class)
                    .hasMessageContaining("ALICE");
            assertThatThrownBy(() -> fixture.user("alice")).isInstanceOf(UserNameTakenException.class);
            assertThat(gatehouse.users().page(PageRequest.first(10)).items()).containsExactly(alice);
        }

        @Test
        @DisplayName("Creating a user whose email is taken, in any case, raises EmailTakenException")
        void emailTaken() {
            var alice = create("alice", "alice@example.com");

            assertThatThrownBy(() -> create("bob", "ALICE@Example.com"))
                    .isInstanceOf(EmailTakenException.class)
                    .hasMessageContaining("ALICE@Example.com");
            assertThat(gatehouse.users().byName("bob")).isEmpty();
            assertThat(gatehouse.users().page(PageRequest.first(10)).items()).containsExactly(alice);
        }

        @Test
        @DisplayName("Any number of users may have no email")
        void manyWithoutEmail() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var carol = fixture.user("carol");

            assertThat(gatehouse.users().page(PageRequest.first(10)).items()).containsExactly(alice, bob, carol);
            assertThat(List.of(alice, bob, carol)).allSatisfy(user -> assertThat(user.email()).isEmpty());
        }

        @Test
        @DisplayName("A user name may equal another user's email; names and emails are separate namespaces")
        void nameAndEmailNamespacesAreSeparate() {
            var alice = create("alice", "shared@example.com");

            var shared = fixture.user("shared@example.com");

            assertThat(gatehouse.users().byName("shared@example.com")).contains(shared);
            assertThat(gatehouse.users().byEmail("shared@example.com")).contains(alice);
        }
    }

    @Nested
    @DisplayName("Lookups")
    class Lookups {
        @Test
        @DisplayName("byName ignores case: ALICE, Alice and alice all find alice")
        void byNameIgnoresCase() {
            var alice = fixture.user("alice");
            fixture.user("bob");

            for (var spelling : List.of("alice", "ALICE", "Alice", "aLiCe")) {
                assertThat(gatehouse.users().byName(spelling)).as(spelling).contains(alice);
            }
        }

        @Test
        @DisplayName("byName of a user stored in mixed case is found by the lowercase spelling too")
        void mixedCaseStoredNameFoundByLowercase() {
            var user = fixture.user("Alice.Smith");

            assertThat(gatehouse.users().byName("alice.smith")).contains(user);
            assertThat(gatehouse.users().byName("ALICE.SMITH")).contains(user);
        }

        @Test
        @DisplayName("byEmail ignores case")
        void byEmailIgnoresCase() {
            var alice = create("alice", "Alice@Example.com");
            create("bob", "bob@example.com");

            for (var spelling : List.of("alice@example.com", "ALICE@EXAMPLE.COM", "Alice@Example.com")) {
                assertThat(gatehouse.users().byEmail(spelling)).as(spelling).contains(alice);
            }
        }

        @Test
        @DisplayName("Lookups match whole values only: no prefix, no wildcard, no cross-over between name and email")
        void lookupsMatchWholeValues() {
            create("alice", "alice@example.com");

            assertThat(gatehouse.users().byName("alic")).isEmpty();
            assertThat(gatehouse.users().byName("alice ")).isEmpty();
            assertThat(gatehouse.users().byName("al*")).isEmpty();
            assertThat(gatehouse.users().byName("al%")).isEmpty();
            assertThat(gatehouse.users().byName("alice@example.com")).isEmpty();
            assertThat(gatehouse.users().byEmail("alice")).isEmpty();
            assertThat(gatehouse.users().byEmail("alice@example.co")).isEmpty();
            assertThat(gatehouse.users().byEmail("%@example.com")).isEmpty();
        }

        @Test
        @DisplayName("An unknown id finds nothing, and require raises NoSuchUserException naming it")
        void unknownId() {
            fixture.user("alice");

            assertThat(gatehouse.users().byId(MISSING)).isEmpty();
            assertThatThrownBy(() -> gatehouse.users().require(MISSING))
                    .isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("987654");
        }

        @Test
        @DisplayName("groupsOf lists exactly the groups the user is a member of")
        void groupsOf() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var editors = fixture.group("editors", alice);
            var readers = fixture.group("readers", alice, bob);
            fixture.group("others", bob);
            fixture.group("empty");

            assertThat(gatehouse.users().groupsOf(alice.id())).containsExactlyInAnyOrder(editors.id(), readers.id());
            assertThat(gatehouse.users().groupsOf(fixture.user("carol").id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Search and paging")
    class SearchAndPaging {
        @Test
        @DisplayName("A * matches any run of characters, at the start, the end or the middle of a name")
        void wildcards() {
            fixture.user("alice");
            fixture.user("albert");
            fixture.user("bob");
            fixture.user("malice");

            assertThat(names(gatehouse.users().search("al*", PageRequest.first(10)).items()))
                    .containsExactly("alice", "albert");
            assertThat(names(gatehouse.users().search("*ice", PageRequest.first(10)).items()))
                    .containsExactly("alice", "malice");
            assertThat(names(gatehouse.users().search("a*e", PageRequest.first(10)).items()))
                    .containsExactly("alice");
            assertThat(names(gatehouse.users().search("*li*", PageRequest.first(10)).items()))
                    .containsExactly("alice", "malice");
            assertThat(names(gatehouse.users().search("*", PageRequest.first(10)).items()))
                    .containsExactly("alice", "albert", "bob", "malice");
        }

        @Test
        @DisplayName("A pattern without * must match a whole name or email")
        void noWildcardMeansWholeValue() {
            fixture.user("alice");
            fixture.user("malice");
            fixture.user("alice2");

            assertThat(names(gatehouse.users().search("alice", PageRequest.first(10)).items()))
                    .containsExactly("alice");
            assertThat(gatehouse.users().search("lic", PageRequest.first(10)).items()).isEmpty();
        }

        @Test
        @DisplayName("Search matches the email as well as the name, ignoring case in both and in the pattern")
        void matchesEmailIgnoringCase() {
            create("alice", "alice@Example.ORG");
            create("bob", "bob@example.com");
            create("Carol", "carol@EXAMPLE.org");
            fixture.user("dave");

            assertThat(names(gatehouse.users().search("*@example.org", PageRequest.first(10)).items()))
                    .containsExactly("alice", "Carol");
            assertThat(names(gatehouse.users().search("*@EXAMPLE.COM", PageRequest.first(10)).items()))
                    .containsExactly("bob");
            assertThat(names(gatehouse.users().search("CAROL", PageRequest.first(10)).items()))
                    .containsExactly("Carol");
            assertThat(names(gatehouse.users().search("D*", PageRequest.first(10)).items()))
                    .containsExactly("dave");
        }

        @Test
        @DisplayName("Everything but * is literal: '.', '_', '%', '?' and '\\' match only themselves")
        void otherCharactersAreLiteral() {
            fixture.user("a.c");
            fixture.user("abc");
            fixture.user("a_c");
            fixture.user("a%c");
            fixture.user("abxc");
            fixture.user("a?c");
            fixture.user("a\\c");

            assertThat(names(gatehouse.users().search("a.c", PageRequest.first(10)).items())).containsExactly("a.c");
            assertThat(names(gatehouse.users().search("a_c", PageRequest.first(10)).items())).containsExactly("a_c");
            assertThat(names(gatehouse.users().search("a%c", PageRequest.first(10)).items())).containsExactly("a%c");
            assertThat(names(gatehouse.users().search("a?c", PageRequest.first(10)).items())).containsExactly("a?c");
            assertThat(names(gatehouse.users().search("a\\c", PageRequest.first(10)).items()))
                    .containsExactly("a\\c");
            assertThat(names(gatehouse.users().search("*%*", PageRequest.first(10)).items())).containsExactly("a%c");
            assertThat(names(gatehouse.users().search("*_*", PageRequest.first(10)).items())).containsExactly("a_c");
        }

        @Test
        @DisplayName("Search results come in pages, in id order, without duplicates or gaps")
        void searchIsPaged() {
            var expected = new ArrayList<User>();
            for (int i = 1; i <= 7; i++) {
                expected.add(fixture.user("match" + i));
                fixture.user("other" + i);
            }

            var found = allPages(2, page -> gatehouse.users().search("MATCH*", page));

            assertThat(found).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("Paging through every user with a small limit returns each user once, in id order")
        void pageThroughUsers() {
            var created = new ArrayList<User>();
            for (int i = 1; i <= 7; i++) {
                created.add(fixture.user("user" + i));
            }

            var seen = allPages(3, page -> gatehouse.users().page(page));

            assertThat(seen).containsExactlyElementsOf(created);
            assertThat(seen).extracting(user -> user.id().value()).isSorted();
        }

        @Test
        @DisplayName("A last page that is exactly full has no next cursor; an empty store gives an empty page")
        void exactlyFullLastPage() {
            assertThat(gatehouse.users().page(PageRequest.first(3)).items()).isEmpty();
            assertThat(gatehouse.users().page(PageRequest.first(3)).hasNext()).isFalse();

            fixture.user("a");
            fixture.user("b");
            fixture.user("c");

            var page = gatehouse.users().page(PageRequest.first(3));
            assertThat(page.items()).hasSize(3);
            assertThat(page.hasNext()).isFalse();
            var first = gatehouse.users().page(PageRequest.first(2));
            assertThat(first.hasNext()).isTrue();
            var rest = gatehouse.users().page(PageRequest.after(first.next().orElseThrow(), 2));
            assertThat(names(rest.items())).containsExactly("c");
            assertThat(rest.hasNext()).isFalse();
        }
    }

    @Nested
    @DisplayName("Updating users")
    class Updating {
        @Test
        @DisplayName("An update changes the name and the email; the old values find nothing any more")
        void updateNameAndEmail() {
            var alice = create("alice", "alice@example.com");

            var updated = gatehouse.users().update(alice.id(),
                    UserUpdate.none().userName("alicia").email("alicia@example.org"));

            assertThat(updated.userName()).isEqualTo("alicia");
            assertThat(updated.email()).contains("alicia@example.org");
            assertThat(updated.registeredAt()).isEqualTo(alice.registeredAt());
            assertThat(gatehouse.users().require(alice.id())).isEqualTo(updated);
            assertThat(gatehouse.users().byName("ALICIA")).contains(updated);
            assertThat(gatehouse.users().byEmail("ALICIA@example.org")).contains(updated);
            assertThat(gatehouse.users().byName("alice")).isEmpty();
            assertThat(gatehouse.users().byEmail("alice@example.com")).isEmpty();
        }

        @Test
        @DisplayName("An empty update changes nothing; a name-only update keeps the email")
        void partialUpdates() {
            var alice = create("alice", "alice@example.com");

            assertThat(gatehouse.users().update(alice.id(), UserUpdate.none())).isEqualTo(alice);
            var renamed = gatehouse.users().update(alice.id(), UserUpdate.none().userName("alicia"));

            assertThat(renamed.email()).contains("alice@example.com");
            assertThat(gatehouse.users().require(alice.id()).email()).contains("alice@example.com");
        }

        @Test
        @DisplayName("removeEmail clears the email, and frees it for another user")
        void removeEmail() {
            var alice = create("alice", "alice@example.com");

            var updated = gatehouse.users().update(alice.id(), UserUpdate.none().removeEmail());

            assertThat(updated.email()).isEmpty();
            assertThat(gatehouse.users().require(alice.id()).email()).isEmpty();
            assertThat(gatehouse.users().byEmail("alice@example.com")).isEmpty();
            var bob = create("bob", "ALICE@example.com");
            assertThat(gatehouse.users().byEmail("alice@example.com")).contains(bob);
        }

        @Test
        @DisplayName("A user may change the case of its own name and email")
        void changeOwnCase() {
            var alice = create("alice", "alice@example.com");

            var updated = gatehouse.users().update(alice.id(),
                    UserUpdate.none().userName("Alice").email("Alice@Example.com"));

            assertThat(updated.userName()).isEqualTo("Alice");
            assertThat(gatehouse.users().require(alice.id()).email()).contains("Alice@Example.com");
        }

        @Test
        @DisplayName("Renaming to another user's name or email, in any case, is refused and changes nothing")
        void updateToTakenValues() {
            var alice = create("alice", "alice@example.com");
            var bob = create("bob", "bob@example.com");

            assertThatThrownBy(() -> gatehouse.users().update(bob.id(), UserUpdate.none().userName("ALICE")))
                    .isInstanceOf(UserNameTakenException.class)
                    .hasMessageContaining("ALICE");
            assertThatThrownBy(() -> gatehouse.users().update(bob.id(),
                    UserUpdate.none().userName("robert").email("Alice@Example.com")))
                    .isInstanceOf(EmailTakenException.class)
                    .hasMessageContaining("Alice@Example.com");

            assertThat(gatehouse.users().require(bob.id())).isEqualTo(bob);
            assertThat(gatehouse.users().require(alice.id())).isEqualTo(alice);
            assertThat(gatehouse.users().byName("robert")).isEmpty();
        }

        @Test
        @DisplayName("Updating, disabling or deleting an unknown user raises NoSuchUserException")
        void unknownUser() {
            assertThatThrownBy(() -> gatehouse.users().update(MISSING, UserUpdate.none().userName("x")))
                    .isInstanceOf(NoSuchUserException.class);
            assertThatThrownBy(() -> gatehouse.users().disable(MISSING)).isInstanceOf(NoSuchUserException.class);
            assertThatThrownBy(() -> gatehouse.users().enable(MISSING)).isInstanceOf(NoSuchUserException.class);
            assertThatThrownBy(() -> gatehouse.users().delete(MISSING)).isInstanceOf(NoSuchUserException.class);
            assertThat(gatehouse.users().byName("x")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Status and deletion")
    class StatusAndDeletion {
        @Test
        @DisplayName("A disabled user is still found, loses its permissions, and gets them back when enabled")
        void disableAndEnable() {
            var alice = fixture.user("alice");
            var folder = fixture.root("folder");
            gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));

            var disabled = gatehouse.users().disable(alice.id());

            assertThat(disabled.status()).isEqualTo(UserStatus.DISABLED);
            assertThat(gatehouse.users().byName("alice")).map(User::status).contains(UserStatus.DISABLED);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, folder.id())).isFalse();
            assertThat(gatehouse.permissions().grantsOf(alice.principal())).as("grants are kept").hasSize(1);

            var enabled = gatehouse.users().enable(alice.id());

            assertThat(enabled.status()).isEqualTo(UserStatus.ACTIVE);
            assertThat(gatehouse.users().require(alice.id())).isEqualTo(alice);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, folder.id())).isTrue();
        }

        @Test
        @DisplayName("Disabling twice is harmless and leaves the user disabled")
        void disableTwice() {
            var alice = fixture.user("alice");

            gatehouse.users().disable(alice.id());
            gatehouse.users().disable(alice.id());

            assertThat(gatehouse.users().require(alice.id()).isActive()).isFalse();
        }

        @Test
        @DisplayName("A deleted user is found by no lookup, listing or search")
        void deletedUserIsGone() {
            var alice = create("alice", "alice@example.com");
            var bob = create("bob", "bob@example.com");

            gatehouse.users().delete(alice.id());

            assertThat(gatehouse.users().byId(alice.id())).isEmpty();
            assertThat(gatehouse.users().byName("alice")).isEmpty();
            assertThat(gatehouse.users().byEmail("alice@example.com")).isEmpty();
            assertThat(gatehouse.users().page(PageRequest.first(10)).items()).containsExactly(bob);
            assertThat(gatehouse.users().search("*", PageRequest.first(10)).items()).containsExactly(bob);
            assertThat(gatehouse.users().checkPassword(alice.id(), "whatever")).isFalse();
        }

        @Test
        @DisplayName("Deleting a user removes its grants, roles, memberships and ownerships, and nothing of others")
        void deleteRemovesWhatNamesTheUser() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var team = fixture.group("team", alice, bob);
            var folder = gatehouse.resources().create(
                    NewResource.of("folder", "folder").ownedBy(alice.id()));
            gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.global(alice.principal(), EDIT));
            gatehouse.permissions().grant(Grant.on(folder.id(), bob.principal(), EDIT));
            gatehouse.permissions().assignRole(RoleAssignment.on(folder.id(), alice.principal(), "editor"));
            gatehouse.permissions().assignRole(RoleAssignment.global(alice.principal(), "viewer"));

            gatehouse.users().delete(alice.id());

            assertThat(gatehouse.permissions().grantsOf(alice.principal())).isEmpty();
            assertThat(gatehouse.permissions().rolesOf(alice.principal())).isEmpty();
            assertThat(gatehouse.permissions().grantsOn(folder.id()))
                    .containsExactly(Grant.on(folder.id(), bob.principal(), EDIT));
            assertThat(gatehouse.permissions().rolesOn(folder.id())).isEmpty();
            assertThat(gatehouse.groups().members(team.id(), PageRequest.first(10)).items()).containsExactly(bob);
            assertThat(gatehouse.resources().require(folder.id()).ownerUser()).isEmpty();
            assertThat(gatehouse.groups().byId(team.id())).isPresent();
            assertThat(gatehouse.users().groupsOf(bob.id())).containsExactly(team.id());
        }

        @Test
        @DisplayName("After a delete the name and the email can be used again, by a user with a new id")
        void namesReusableAfterDelete() {
            var alice = create("alice", "alice@example.com");
            gatehouse.users().delete(alice.id());

            var again = create("ALICE", "Alice@example.com");

            assertThat(again.id()).isNotEqualTo(alice.id());
            assertThat(gatehouse.users().byName("alice")).contains(again);
            assertThat(gatehouse.users().byEmail("alice@example.com")).contains(again);
        }
    }

    @Nested
    @DisplayName("Attributes (when the store declares USER_ATTRIBUTES)")
    class Attributes {
        @Test
        @DisplayName("Attributes given at creation round trip exactly")
        void attributesRoundTrip() {
            assumeTrue(fixture.supports(Capability.USER_ATTRIBUTES), "the store declares USER_ATTRIBUTES");
            var attributes = Map.of("customer_number", "C-00042", "locale", "de-CH", "note", "Zoë's \"account\"",
                    "empty", "");

            var alice = gatehouse.users().create(new NewUser("alice", Optional.empty(), attributes));

            assertThat(alice.attributes()).isEqualTo(attributes);
            assertThat(gatehouse.users().require(alice.id()).attributes()).isEqualTo(attributes);
            assertThat(gatehouse.users().byName("alice")).map(User::attributes).contains(attributes);
            assertThat(gatehouse.users().page(PageRequest.first(5)).items()).singleElement()
                    .extracting(User::attributes).isEqualTo(attributes);
        }

        @Test
        @DisplayName("An attribute update replaces the stored attributes as a whole; the empty map clears them")
        void attributesReplacedWhole() {
            assumeTrue(fixture.supports(Capability.USER_ATTRIBUTES), "the store declares USER_ATTRIBUTES");
            var alice = gatehouse.users().create(
                    NewUser.named("alice").withAttribute("a", "1").withAttribute("b", "2"));

            gatehouse.users().update(alice.id(), UserUpdate.none().attributes(Map.of("b", "20", "c", "30")));
            assertThat(gatehouse.users().require(alice.id()).attributes()).isEqualTo(Map.of("b", "20", "c", "30"));

            gatehouse.users().update(alice.id(), UserUpdate.none().userName("alicia"));
            assertThat(gatehouse.users().require(alice.id()).attributes())
                    .as("an update without attributes keeps them").isEqualTo(Map.of("b", "20", "c", "30"));

            gatehouse.users().update(alice.id(), UserUpdate.none().attributes(Map.of()));
            assertThat(gatehouse.users().require(alice.id()).attributes()).isEmpty();
        }

        @Test
        @DisplayName("Each user's attributes are its own")
        void attributesPerUser() {
            assumeTrue(fixture.supports(Capability.USER_ATTRIBUTES), "the store declares USER_ATTRIBUTES");
            var alice = gatehouse.users().create(NewUser.named("alice").withAttribute("team", "red"));
            var bob = gatehouse.users().create(NewUser.named("bob").withAttribute("team", "blue"));
            var carol = fixture.user("carol");

            assertThat(gatehouse.users().require(alice.id()).attributes()).containsExactly(Map.entry("team", "red"));
            assertThat(gatehouse.users().require(bob.id()).attributes()).containsExactly(Map.entry("team", "blue"));
            assertThat(gatehouse.users().require(carol.id()).attributes()).isEmpty();
        }
    }
}
