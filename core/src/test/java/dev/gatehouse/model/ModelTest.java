package dev.gatehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The model validates in its constructors")
class ModelTest {

    @Nested
    @DisplayName("Permissions")
    class Permissions {
        @ParameterizedTest
        @ValueSource(strings = {"view", "change_order", "manage.users", "a1", "doc:read"})
        @DisplayName("lowercase names are accepted")
        void lowercase(String name) {
            assertThat(Permission.of(name).name()).isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"View", "", " view", "1view", "vi ew", "all", "ÄNDERN"})
        @DisplayName("anything but a lowercase identifier or ALL is rejected, naming the value")
        void rejected(String name) {
            if (name.equals("all")) {
                assertThat(Permission.of(name).isAll()).as("'all' is an ordinary name, not ALL").isFalse();
                return;
            }
            assertThatThrownBy(() -> Permission.of(name))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + name + "'");
        }

        @Test
        @DisplayName("ALL contains every permission, and no other permission contains ALL")
        void all() {
            assertThat(Permission.ALL.contains(Permission.of("edit"))).isTrue();
            assertThat(Permission.of("edit").contains(Permission.ALL)).isFalse();
            assertThat(Permission.of("ALL")).isSameAs(Permission.ALL);
        }
    }

    @Nested
    @DisplayName("Principals")
    class Principals {
        @ParameterizedTest
        @ValueSource(strings = {"user:7", "group:12", "role:editor", "system.Everyone", "system.Authenticated"})
        @DisplayName("the canonical string form parses back to the same principal")
        void roundTrip(String key) {
            assertThat(Principal.parse(key).key()).isEqualTo(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"user:", "user:x", "group:-1", "role:Editor", "Everyone", "admin", "user:0"})
        @DisplayName("malformed forms are rejected, naming the value")
        void malformed(String key) {
            assertThatThrownBy(() -> Principal.parse(key)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(key.isEmpty() ? "" : key.substring(0, Math.min(key.length(), 4)));
        }

        @Test
        @DisplayName("grants and role assignments take users and groups only")
        void grantees() {
            assertThatThrownBy(() -> Grant.global(Principal.EVERYONE, Permission.of("view")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("system.Everyone");
            assertThatThrownBy(() -> RoleAssignment.global(Principal.role("editor"), "admin"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("role:editor");
        }
    }

    @Nested
    @DisplayName("Names")
    class Names {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", " alice", "alice ", "ali\nce"})
        @DisplayName("blank, padded or control-character names are rejected")
        void badNames(String name) {
            assertThatThrownBy(() -> NewUser.named(name)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("user name");
        }

        @Test
        @DisplayName("names longer than 255 characters are rejected with their length")
        void tooLong() {
            assertThatThrownBy(() -> NewGroup.named("g".repeat(256))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("256");
        }

        @ParameterizedTest
        @ValueSource(strings = {"alice", "@example.org", "alice@", "a@b@c", "a b@c.d"})
        @DisplayName("emails must look like name@domain")
        void badEmails(String email) {
            assertThatThrownBy(() -> NewUser.named("alice").withEmail(email)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(email);
        }

        @Test
        @DisplayName("resource types are lowercase identifiers")
        void resourceType() {
            assertThatThrownBy(() -> NewResource.of("Reports", "Folder")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Folder");
        }

        @Test
        @DisplayName("a position below 1 is rejected when the new resource is described")
        void position() {
            assertThatThrownBy(() -> NewResource.of("a", "doc").at(0)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("0");
        }
    }

    @Nested
    @DisplayName("Values")
    class Values {
        @Test
        @DisplayName("ACEs need at least one permission and copy their set")
        void aces() {
            assertThatThrownBy(() -> new Ace(Action.ALLOW, Principal.EVERYONE, Set.of()))
                    .isInstanceOf(InvalidInputException.class);
            var ace = Ace.allow(Principal.EVERYONE, Permission.of("view"), Permission.of("list"));
            assertThat(ace.toString()).isEqualTo("Allow system.Everyone [list, view]");
            assertThat(ace.covers(Permission.of("list"))).isTrue();
            assertThat(ace.covers(Permission.of("edit"))).isFalse();
        }

        @Test
        @DisplayName("ACLs keep their order and are immutable")
        void acls() {
            var first = Ace.deny(Principal.AUTHENTICATED, Permission.ALL);
            var second = Ace.allow(Principal.EVERYONE, Permission.of("view"));
            var acl = Acl.of(first, second);
            assertThat(acl.entries()).containsExactly(first, second);
            assertThatThrownBy(() -> acl.entries().add(first)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("secrets never show in toString and compare by value")
        void secrets() {
            var token = Secret.of("s3cr3t-token");
            assertThat(token.toString()).doesNotContain("s3cr3t");
            assertThat(token).isEqualTo(Secret.of("s3cr3t-token")).isNotEqualTo(Secret.of("other"));
            var identity = ExternalIdentity.of("github", "42", UserId.of(1))
                    .withTokens(token, Secret.of("refresh-me"), java.time.Instant.EPOCH);
            assertThat(identity.toString()).doesNotContain("s3cr3t").doesNotContain("refresh-me");
        }

        @Test
        @DisplayName("user attributes are copied and validated")
        void attributes() {
            var attributes = new java.util.HashMap<String, String>();
            attributes.put("customer_number", "42");
            var user = new NewUser("alice", Optional.empty(), attributes);
            attributes.put("customer_number", "43");
            assertThat(user.attributes()).containsEntry("customer_number", "42");
            assertThatThrownBy(() -> new NewUser("alice", Optional.empty(), Map.of("", "x")))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> NewUser.named("alice").withAttribute("bio", "x".repeat(4001)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'bio'").hasMessageContaining("4001");
        }

        @Test
        @DisplayName("an update applies only the fields it names")
        void updates() {
            var user = new User(UserId.of(1), "alice", Optional.of("a@example.org"), UserStatus.ACTIVE,
                    java.time.Instant.EPOCH, Optional.empty(), Map.of());
            assertThat(UserUpdate.none().userName("alicia").applyTo(user))
                    .extracting(User::userName, User::email).containsExactly("alicia", Optional.of("a@example.org"));
            assertThat(UserUpdate.none().removeEmail().applyTo(user).email()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Pages")
    class Pages {
        @Test
        @DisplayName("a page limit outside 1..10000 is rejected")
        void limits() {
            assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("0");
            assertThatThrownBy(() -> PageRequest.first(10_001)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("a cursor that was not issued is rejected")
        void badCursor() {
            assertThatThrownBy(() -> PageRequest.after("not a cursor!", 10)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a cursor!");
        }

        @Test
        @DisplayName("a page built from one extra item carries a cursor that continues after its last item")
        void cursors() {
            var page = Page.of(List.of(3L, 5L, 8L), 2, id -> id);
            assertThat(page.items()).containsExactly(3L, 5L);
            assertThat(PageRequest.after(page.next().orElseThrow(), 2).afterId()).isEqualTo(5L);
            assertThat(Page.of(List.of(3L, 5L), 2, id -> id).hasNext()).isFalse();
        }
    }
}
