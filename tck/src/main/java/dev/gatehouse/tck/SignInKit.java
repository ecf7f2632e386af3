package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Authenticator;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.SignedIn;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.security.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's tests of sign-in and tickets. The kit's Gatehouse uses the default lifetime (12 h) and window (1 h). */
public abstract class SignInKit extends AreaKit {
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final Duration LIFETIME = Duration.ofHours(12);

    protected SignInKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /** alice, with an email and a password. */
    private User alice() {
        var alice = gatehouse.users().create(NewUser.named("alice").withEmail("alice@example.com"));
        gatehouse.users().setPassword(alice.id(), PASSWORD);
        return alice;
    }

    private String ticketOf(User user) {
        return gatehouse.signIn().signIn(user.userName(), PASSWORD).orElseThrow().ticket();
    }

    private Subject subjectOf(String ticket) {
        return gatehouse.signIn().subjectOf(ticket);
    }

    /** A Gatehouse over the kit's store and clock that tries {@code authenticator} first. */
    private Gatehouse withAuthenticator(Authenticator authenticator) {
        return Gatehouse.builder(fixture.store())
                .clock(fixture.clock())
                .passwordPolicy(PasswordPolicy.forTests())
                .ticketKey(KitFixture.TICKET_KEY)
                .authenticator(authenticator)
                .build();
    }

    @Nested
    @DisplayName("Signing in")
    class SigningIn {
        @Test
        @DisplayName("A user signs in with its name and password, and gets its user and a ticket")
        void byName() {
            var alice = alice();

            var signedIn = gatehouse.signIn().signIn("alice", PASSWORD);

            assertThat(signedIn).isPresent();
            assertThat(signedIn.get().user().id()).isEqualTo(alice.id());
            assertThat(signedIn.get().ticket()).isNotBlank();
        }

        @Test
        @DisplayName("A user signs in with its email instead of its name")
        void byEmail() {
            var alice = alice();

            assertThat(gatehouse.signIn().signIn("alice@example.com", PASSWORD))
                    .map(SignedIn::user).map(User::id).contains(alice.id());
        }

        @Test
        @DisplayName("The login ignores case, for names and emails; the password does not")
        void loginIgnoresCase() {
            var alice = alice();

            assertThat(gatehouse.signIn().signIn("ALICE", PASSWORD)).map(s -> s.user().id()).contains(alice.id());
            assertThat(gatehouse.signIn().signIn("Alice@EXAMPLE.com", PASSWORD)).map(s -> s.user().id())
                    .contains(alice.id());
            assertThat(gatehouse.signIn().signIn("alice", PASSWORD.toUpperCase())).isEmpty();
        }

        @Test
        @DisplayName("A wrong password signs nobody in and stamps no login")
        void wrongPassword() {
            var alice = alice();

            assertThat(gatehouse.signIn().signIn("alice", "wrong")).isEmpty();
            assertThat(gatehouse.signIn().signIn("alice@example.com", "wrong")).isEmpty();

            assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).isEmpty();
        }

        @Test
        @DisplayName("An unknown login, and a user without a password, sign nobody in")
        void unknownOrPasswordless() {
            alice();
            fixture.user("bob");

            assertThat(gatehouse.signIn().signIn("nobody", PASSWORD)).isEmpty();
            assertThat(gatehouse.signIn().signIn("nobody@example.com", PASSWORD)).isEmpty();
            assertThat(gatehouse.signIn().signIn("bob", PASSWORD)).isEmpty();
            assertThat(gatehouse.signIn().signIn("bob", "")).isEmpty();
        }

        @Test
        @DisplayName("A disabled user cannot sign in, even with the right password, until enabled again")
        void disabledUser() {
            var alice = alice();
            gatehouse.users().disable(alice.id());

            assertThat(gatehouse.signIn().signIn("alice", PASSWORD)).isEmpty();
            assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).isEmpty();

            gatehouse.users().enable(alice.id());
            assertThat(gatehouse.signIn().signIn("alice", PASSWORD)).isPresent();
        }

        @Test
        @DisplayName("A successful sign-in stamps the last login with the clock's time, in the result and the store")
        void lastLoginStamped() {
            var alice = alice();
            fixture.clock().advance(Duration.ofDays(2).plusMinutes(7));

            var signedIn = gatehouse.signIn().signIn("alice", PASSWORD).orElseThrow();

            var now = fixture.clock().instant();
            assertThat(signedIn.user().lastLoginAt()).contains(now);
            assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).contains(now);
            assertThat(gatehouse.users().require(alice.id()).registeredAt()).isEqualTo(alice.registeredAt());

            fixture.clock().advance(Duration.ofHours(1));
            gatehouse.signIn().signIn("alice@example.com", PASSWORD);
            assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).contains(fixture.clock().instant());
        }

        @Test
        @DisplayName("A user whose name equals another user's email signs in by name first")
        void nameBeforeEmail() {
            var alice = alice();
            var other = fixture.user("alice@example.com");
            gatehouse.users().setPassword(other.id(), "other password");

            assertThat(gatehouse.signIn().signIn("alice@example.com", "other password")).map(s -> s.user().id())
                    .contains(other.id());
            assertThat(gatehouse.signIn().signIn("alice", PASSWORD)).map(s -> s.user().id()).contains(alice.id());
        }

        @Test
        @DisplayName("SignedIn's text shows the user but never the ticket")
        void toStringHidesTicket() {
            alice();

            var signedIn = gatehouse.signIn().signIn("alice", PASSWORD).orElseThrow();

            assertThat(signedIn.toString()).contains("alice").doesNotContain(signedIn.ticket());
            var signature = signedIn.ticket().substring(signedIn.ticket().lastIndexOf('.') + 1);
            assertThat(signedIn.toString()).doesNotContain(signature);
        }
    }

    @Nested
    @DisplayName("Tickets")
    class Tickets {
        @Test
        @DisplayName("A ticket stands for its user: subjectOf is the user and resolve is authenticated")
        void ticketStandsForUser() {
            var alice = alice();
            var ticket = ticketOf(alice);

            assertThat(subjectOf(ticket)).isEqualTo(Subject.user(alice.id()));
            assertThat(gatehouse.signIn().resolve(ticket).isAuthenticated()).isTrue();
            assertThat(gatehouse.signIn().resolve(ticket).subject()).isEqualTo(Subject.user(alice.id()));
        }

        @Test
        @DisplayName("A tampered, truncated, foreign or garbage ticket stands for the anonymous visitor")
        void tamperedTicketsAreAnonymous() {
            var alice = alice();
            var bob = fixture.user("bob");
            var ticket = ticketOf(alice);

            var tampered = new ArrayList<String>();
            tampered.add(ticket.substring(0, ticket.length() - 1)
                    + (ticket.charAt(ticket.length() - 1) == 'A' ? 'B' : 'A'));
            tampered.add(ticket.replaceFirst("^v1\\." + alice.id().value() + "\\.", "v1." + bob.id().value() + "."));
            tampered.add(ticket.substring(0, ticket.length() - 5));
            tampered.add(ticket + "x");
            tampered.add("");
            tampered.add("garbage");
            tampered.add("v1." + alice.id().value() + ".0.99999999999.AAAA");
            var foreign = Gatehouse.builder(fixture.store()).clock(fixture.clock())
                    .passwordPolicy(PasswordPolicy.forTests())
                    .ticketKey("another-key-another-key-another-key-0123".getBytes(StandardCharsets.UTF_8)).build();
            tampered.add(foreign.signIn().signIn("alice", PASSWORD).orElseThrow().ticket());

            for (var bad : tampered) {
                assertThat(subjectOf(bad)).as("ticket '%s'", bad).isEqualTo(Subject.anonymous());
                assertThat(gatehouse.signIn().resolve(bad).isAuthenticated()).as("ticket '%s'", bad).isFalse();
                assertThat(gatehouse.signIn().reissue(bad)).as("ticket '%s'", bad).isEmpty();
            }
            assertThat(subjectOf(ticket)).as("the genuine ticket").isEqualTo(Subject.user(alice.id()));
        }

        @Test
        @DisplayName("A ticket works until just before its 12-hour lifetime ends, and is anonymous from then on")
        void expiry() {
            var alice = alice();
            var ticket = ticketOf(alice);

            fixture.clock().advance(LIFETIME.minusSeconds(1));
            assertThat(subjectOf(ticket)).isEqualTo(Subject.user(alice.id()));

            fixture.clock().advance(Duration.ofSeconds(1));
            assertThat(subjectOf(ticket)).isEqualTo(Subject.anonymous());
            assertThat(gatehouse.signIn().reissue(ticket)).isEmpty();
        }

        @Test
        @DisplayName("Disabling a user turns its tickets anonymous at once; enabling it again restores them")
        void disabledUsersTicket() {
            var alice = alice();
            var ticket = ticketOf(alice);

            gatehouse.users().disable(alice.id());
            assertThat(subjectOf(ticket)).isEqualTo(Subject.anonymous());
            assertThat(gatehouse.signIn().resolve(ticket).isAuthenticated()).isFalse();

            gatehouse.users().enable(alice.id());
            assertThat(subjectOf(ticket)).isEqualTo(Subject.user(alice.id()));
        }

        @Test
        @DisplayName("Deleting a user turns its tickets anonymous, also for a new user with the same name")
        void deletedUsersTicket() {
            var alice = alice();
            var ticket = ticketOf(alice);

            gatehouse.users().delete(alice.id());
            var newcomer = fixture.user("alice");

            assertThat(subjectOf(ticket)).isEqualTo(Subject.anonymous());
            assertThat(subjectOf(ticket)).isNotEqualTo(Subject.user(newcomer.id()));
        }

        @Test
        @DisplayName("Within the last hour a ticket is reissued: the new one is valid past the old one's expiry")
        void reissueWithinWindow() {
            var alice = alice();
            var ticket = ticketOf(alice);
            fixture.clock().advance(Duration.ofHours(11).plusMinutes(30));

            var fresh = gatehouse.signIn().reissue(ticket);

            assertThat(fresh).isPresent();
            assertThat(fresh.get()).isNotEqualTo(ticket);
            assertThat(subjectOf(fresh.get())).isEqualTo(Subject.user(alice.id()));
            fixture.clock().advance(Duration.ofHours(1));
            assertThat(subjectOf(ticket)).as("the old ticket has expired").isEqualTo(Subject.anonymous());
            assertThat(subjectOf(fresh.get())).as("the fresh ticket still works").isEqualTo(Subject.user(alice.id()));
        }

        @Test
        @DisplayName("Outside the reissue window nothing is reissued, and the ticket stays valid")
        void noReissueOutsideWindow() {
            var alice = alice();
            var ticket = ticketOf(alice);

            assertThat(gatehouse.signIn().reissue(ticket)).isEmpty();
            fixture.clock().advance(Duration.ofHours(10));
            assertThat(gatehouse.signIn().reissue(ticket)).isEmpty();
            fixture.clock().advance(Duration.ofHours(1));
            assertThat(gatehouse.signIn().reissue(ticket)).as("exactly one hour left is not yet inside").isEmpty();

            assertThat(subjectOf(ticket)).isEqualTo(Subject.user(alice.id()));
        }

        @Test
        @DisplayName("A disabled or deleted user's ticket is not reissued")
        void noReissueForInactiveUsers() {
            var alice = alice();
            var bob = fixture.user("bob");
            gatehouse.users().setPassword(bob.id(), PASSWORD);
            var aliceTicket = ticketOf(alice);
            var bobTicket = ticketOf(bob);
            fixture.clock().advance(Duration.ofHours(11).plusMinutes(30));

            gatehouse.users().disable(alice.id());
            gatehouse.users().delete(bob.id());

            assertThat(gatehouse.signIn().reissue(aliceTicket)).isEmpty();
            assertThat(gatehouse.signIn().reissue(bobTicket)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Custom authenticators")
    class Authenticators {
        @Test
        @DisplayName("A custom authenticator is tried first and may sign in a user who has no password")
        void customAuthenticatorFirst() {
            var alice = alice();
            var bob = fixture.user("bob");
            var asked = new ArrayList<String>();
            var custom = withAuthenticator((login, password) -> {
                asked.add(login);
                return login.equals("ldap:bob") && password.toString().equals("ldap-secret")
                        ? Optional.of(bob.id())
                        : Optional.empty();
            });

            var signedIn = custom.signIn().signIn("ldap:bob", "ldap-secret").orElseThrow();

            assertThat(signedIn.user().id()).isEqualTo(bob.id());
            assertThat(signedIn.user().lastLoginAt()).contains(fixture.clock().instant());
            assertThat(custom.signIn().subjectOf(signedIn.ticket())).isEqualTo(Subject.user(bob.id()));
            assertThat(custom.signIn().signIn("alice", PASSWORD)).as("the store is the fallback")
                    .map(s -> s.user().id()).contains(alice.id());
            assertThat(asked).containsExactly("ldap:bob", "alice");
        }

        @Test
        @DisplayName("The custom authenticator's answer wins over the store's passwords")
        void customAuthenticatorWins() {
            var alice = alice();
            var bob = fixture.user("bob");
            var custom = withAuthenticator((login, password) -> login.equalsIgnoreCase("alice")
                    ? Optional.of(bob.id())
                    : Optional.empty());

            assertThat(custom.signIn().signIn("alice", "anything")).map(s -> s.user().id()).contains(bob.id());
            assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).isEmpty();
        }

        @Test
        @DisplayName("Authenticators are asked in the order they were added")
        void authenticatorsInOrder() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            List<String> asked = new ArrayList<>();
            var custom = Gatehouse.builder(fixture.store()).clock(fixture.clock())
                    .passwordPolicy(PasswordPolicy.forTests()).ticketKey(KitFixture.TICKET_KEY)
                    .authenticator((login, password) -> {
                        asked.add("first");
                        return login.equals("a") ? Optional.of(alice.id()) : Optional.empty();
                    })
                    .authenticator((login, password) -> {
                        asked.add("second");
                        return Optional.of(bob.id());
                    })
                    .build();

            assertThat(custom.signIn().signIn("a", "x")).map(s -> s.user().id()).contains(alice.id());
            assertThat(asked).containsExactly("first");
            assertThat(custom.signIn().signIn("b", "x")).map(s -> s.user().id()).contains(bob.id());
            assertThat(asked).containsExactly("first", "first", "second");
        }

        @Test
        @DisplayName("A custom authenticator cannot sign in a disabled or unknown user")
        void customAuthenticatorRespectsStatus() {
            var bob = fixture.user("bob");
            gatehouse.users().disable(bob.id());
            var custom = withAuthenticator((login, password) -> switch (login) {
                case "bob" -> Optional.of(bob.id());
                case "ghost" -> Optional.of(UserId.of(987_654));
                default -> Optional.empty();
            });

            assertThat(custom.signIn().signIn("bob", "x")).isEmpty();
            assertThat(custom.signIn().signIn("ghost", "x")).isEmpty();
            assertThat(gatehouse.users().require(bob.id()).lastLoginAt()).isEmpty();
        }
    }
}
