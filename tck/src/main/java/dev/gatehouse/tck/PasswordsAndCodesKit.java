package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.InvalidInputException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.Users;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.security.PasswordHasher;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.security.RandomPasswords;
import dev.gatehouse.security.SecurityCodes;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kit's tests of passwords and security codes. */
public abstract class PasswordsAndCodesKit extends AreaKit {
    private static final UserId MISSING = UserId.of(987_654);
    private static final String PASSWORD = "correct horse battery staple";

    protected PasswordsAndCodesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    private String storedHash(User user) {
        return fixture.store().users().passwordHash(user.id()).orElseThrow();
    }

    /** A second Gatehouse over the same store and clock, hashing new passwords under another policy. */
    private Gatehouse withPolicy(PasswordPolicy policy) {
        return Gatehouse.builder(fixture.store())
                .clock(fixture.clock())
                .passwordPolicy(policy)
                .ticketKey(KitFixture.TICKET_KEY)
                .build();
    }

    @Nested
    @DisplayName("Passwords")
    class Passwords {
        @Test
        @DisplayName("A password that was set checks out; a wrong one, or one differing in case, does not")
        void setAndCheck() {
            var alice = fixture.user("alice");

            gatehouse.users().setPassword(alice.id(), PASSWORD);

            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD)).isTrue();
            assertThat(gatehouse.users().checkPassword(alice.id(), "wrong password")).isFalse();
            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD.toUpperCase())).isFalse();
            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD + " ")).isFalse();
        }

        @Test
        @DisplayName("A user without a password, and an unknown user, never check out")
        void noPassword() {
            var alice = fixture.user("alice");

            assertThat(fixture.store().users().passwordHash(alice.id())).isEmpty();
            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD)).isFalse();
            assertThat(gatehouse.users().checkPassword(MISSING, PASSWORD)).isFalse();
        }

        @Test
        @DisplayName("Passwords are one user's: another user's password does not check out")
        void perUser() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            gatehouse.users().setPassword(alice.id(), "alice's secret");
            gatehouse.users().setPassword(bob.id(), "bob's secret");

            assertThat(gatehouse.users().checkPassword(alice.id(), "bob's secret")).isFalse();
            assertThat(gatehouse.users().checkPassword(bob.id(), "bob's secret")).isTrue();
        }

        @Test
        @DisplayName("Setting a new password replaces the old one")
        void replace() {
            var alice = fixture.user("alice");
            gatehouse.users().setPassword(alice.id(), "first password");

            gatehouse.users().setPassword(alice.id(), "second password");

            assertThat(gatehouse.users().checkPassword(alice.id(), "first password")).isFalse();
            assertThat(gatehouse.users().checkPassword(alice.id(), "second password")).isTrue();
        }

        @Test
        @DisplayName("The store keeps a salted hash, never the password, and keeps it whole")
        void storedAsSaltedHash() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            gatehouse.users().setPassword(alice.id(), PASSWORD);
            gatehouse.users().setPassword(bob.id(), PASSWORD);

            var aliceHash = storedHash(alice);
            assertThat(aliceHash).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD).doesNotContain("horse");
            assertThat(storedHash(bob)).as("same password, different salt").isNotEqualTo(aliceHash);
            assertThat(PasswordHasher.create(PasswordPolicy.forTests()).verify(PASSWORD, aliceHash))
                    .as("the stored hash is exactly the one core computed (not truncated)").isTrue();
        }

        @Test
        @DisplayName("Passwords with any Unicode text, and of many characters, round trip")
        void unicodeAndLongPasswords() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var unicode = "pässwörd 🔑 日本語 \t \"'\\";
            var longPassword = "x".repeat(1_000);

            gatehouse.users().setPassword(alice.id(), unicode);
            gatehouse.users().setPassword(bob.id(), longPassword);

            assertThat(gatehouse.users().checkPassword(alice.id(), unicode)).isTrue();
            assertThat(gatehouse.users().checkPassword(alice.id(), "passwörd 🔑 日本語 \t \"'\\")).isFalse();
            assertThat(gatehouse.users().checkPassword(bob.id(), longPassword)).isTrue();
            assertThat(gatehouse.users().checkPassword(bob.id(), "x".repeat(999))).isFalse();
        }

        @Test
        @DisplayName("A hash made under an older policy is replaced on a successful check, and still verifies")
        void hashUpgradedWhenPolicyChanges() {
            var alice = fixture.user("alice");
            withPolicy(PasswordPolicy.bcrypt(4)).users().setPassword(alice.id(), PASSWORD);
            var oldHash = storedHash(alice);

            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD)).isTrue();

            var newHash = storedHash(alice);
            assertThat(newHash).isNotEqualTo(oldHash);
            assertThat(PasswordHasher.create(PasswordPolicy.forTests()).needsRehash(newHash))
                    .as("the new hash follows the current policy").isFalse();
            assertThat(gatehouse.users().checkPassword(alice.id(), PASSWORD)).isTrue();
            assertThat(storedHash(alice)).as("a current hash is not rewritten").isEqualTo(newHash);
            assertThat(withPolicy(PasswordPolicy.bcrypt(4)).users().checkPassword(alice.id(), "wrong")).isFalse();
        }

        @Test
        @DisplayName("A failed check never rewrites the stored hash, even under a newer policy")
        void failedCheckKeepsHash() {
            var alice = fixture.user("alice");
            withPolicy(PasswordPolicy.bcrypt(4)).users().setPassword(alice.id(), PASSWORD);
            var oldHash = storedHash(alice);

            assertThat(gatehouse.users().checkPassword(alice.id(), "not the password")).isFalse();

            assertThat(storedHash(alice)).isEqualTo(oldHash);
            assertThat(withPolicy(PasswordPolicy.bcrypt(4)).users().checkPassword(alice.id(), PASSWORD)).isTrue();
        }

        @Test
        @DisplayName("Setting a password for an unknown user raises NoSuchUserException and stores nothing")
        void unknownUser() {
            assertThatThrownBy(() -> gatehouse.users().setPassword(MISSING, PASSWORD))
                    .isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("987654");
            assertThat(fixture.store().users().passwordHash(MISSING)).isEmpty();
        }

        @Test
        @DisplayName("An empty password is refused and the old one kept")
        void emptyPasswordRefused() {
            var alice = fixture.user("alice");
            gatehouse.users().setPassword(alice.id(), PASSWORD);
            var hash = storedHash(alice);

            assertThatThrownBy(() -> gatehouse.users().setPassword(alice.id(), ""))
                    .isInstanceOf(InvalidInputException.class);

            assertThat(storedHash(alice)).isEqualTo(hash);
            assertThat(gatehouse.users().checkPassword(alice.id(), "")).isFalse();
        }
    }

    @Nested
    @DisplayName("Generated passwords")
    class GeneratedPasswords {
        @Test
        @DisplayName("A generated password has the asked length, every kind of character, and differs each time")
        void generate() {
            var seen = new HashSet<String>();
            for (int i = 0; i < 20; i++) {
                var password = gatehouse.users().generatePassword(16);
                assertThat(password).hasSize(16);
                assertThat(password).containsAnyOf(RandomPasswords.UPPERCASE.split(""));
                assertThat(password).containsAnyOf(RandomPasswords.LOWERCASE.split(""));
                assertThat(password).containsAnyOf(RandomPasswords.DIGITS.split(""));
                assertThat(password).containsAnyOf(RandomPasswords.SYMBOLS.split(""));
                seen.add(password);
            }
            assertThat(seen).hasSize(20);
        }

        @Test
        @DisplayName("A generated password can be set and checked; lengths outside 8..256 are refused")
        void generatedPasswordWorks() {
            var alice = fixture.user("alice");
            var password = gatehouse.users().generatePassword(RandomPasswords.MIN_LENGTH);

            gatehouse.users().setPassword(alice.id(), password);

            assertThat(gatehouse.users().checkPassword(alice.id(), password)).isTrue();
            assertThat(gatehouse.users().generatePassword(RandomPasswords.MAX_LENGTH)).hasSize(256);
            assertThatThrownBy(() -> gatehouse.users().generatePassword(4))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("4");
            assertThatThrownBy(() -> gatehouse.users().generatePassword(257))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("257");
        }
    }

    @Nested
    @DisplayName("Security codes")
    class Codes {
        @Test
        @DisplayName("An issued code verifies, and verifying does not use it up")
        void issueAndVerify() {
            var alice = fixture.user("alice");

            var code = gatehouse.users().issueSecurityCode(alice.id(), Duration.ofMinutes(30));

            assertThat(code).isNotBlank();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).isTrue();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).isTrue();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code.toUpperCase())).isFalse();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), "not-the-code")).isFalse();
        }

        @Test
        @DisplayName("Without an issued code nothing verifies")
        void noCode() {
            var alice = fixture.user("alice");

            assertThat(fixture.store().users().securityCode(alice.id())).isEmpty();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), "anything")).isFalse();
            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), "anything")).isFalse();
            assertThat(gatehouse.users().verifySecurityCode(MISSING, "anything")).isFalse();
        }

        @Test
        @DisplayName("A consumed code works once: the second consume and any later verify fail")
        void consumeOnce() {
            var alice = fixture.user("alice");
            var code = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);

            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), code)).isTrue();

            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), code)).isFalse();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).isFalse();
            assertThat(fixture.store().users().securityCode(alice.id())).isEmpty();
        }

        @Test
        @DisplayName("Consuming a wrong code fails and leaves the right one usable")
        void wrongConsumeKeepsCode() {
            var alice = fixture.user("alice");
            var code = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);

            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), "wrong")).isFalse();

            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), code)).isTrue();
        }

        @Test
        @DisplayName("A code works until just before its expiry and fails from the expiry on")
        void expiry() {
            var alice = fixture.user("alice");
            var code = gatehouse.users().issueSecurityCode(alice.id(), Duration.ofMinutes(15));

            fixture.clock().advance(Duration.ofMinutes(15).minusSeconds(1));
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).isTrue();

            fixture.clock().advance(Duration.ofSeconds(1));
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).isFalse();
            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), code)).isFalse();
            assertThat(gatehouse.users().byNameAndSecurityCode("alice", code)).isEmpty();
        }

        @Test
        @DisplayName("A new code replaces the old one")
        void newCodeReplacesOld() {
            var alice = fixture.user("alice");
            var first = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);

            var second = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);

            assertThat(second).isNotEqualTo(first);
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), first)).isFalse();
            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), first)).isFalse();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), second)).isTrue();
        }

        @Test
        @DisplayName("Codes are one user's: another user's code does not verify")
        void perUser() {
            var alice = fixture.user("alice");
            var bob = fixture.user("bob");
            var aliceCode = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);
            var bobCode = gatehouse.users().issueSecurityCode(bob.id(), Users.DEFAULT_CODE_VALIDITY);

            assertThat(gatehouse.users().verifySecurityCode(bob.id(), aliceCode)).isFalse();
            assertThat(gatehouse.users().consumeSecurityCode(bob.id(), aliceCode)).isFalse();
            assertThat(gatehouse.users().consumeSecurityCode(alice.id(), aliceCode)).isTrue();
            assertThat(gatehouse.users().verifySecurityCode(bob.id(), bobCode)).as("bob's code is untouched").isTrue();
        }

        @Test
        @DisplayName("byNameAndSecurityCode finds the user by name in any case with its current code, and only then")
        void byNameAndCode() {
            var alice = fixture.user("alice");
            fixture.user("bob");
            var code = gatehouse.users().issueSecurityCode(alice.id(), Users.DEFAULT_CODE_VALIDITY);

            assertThat(gatehouse.users().byNameAndSecurityCode("alice", code)).contains(alice);
            assertThat(gatehouse.users().byNameAndSecurityCode("ALICE", code)).contains(alice);
            assertThat(gatehouse.users().byNameAndSecurityCode("bob", code)).isEmpty();
            assertThat(gatehouse.users().byNameAndSecurityCode("alice", "wrong")).isEmpty();
            assertThat(gatehouse.users().byNameAndSecurityCode("nobody", code)).isEmpty();
            assertThat(gatehouse.users().verifySecurityCode(alice.id(), code)).as("the lookup does not consume")
                    .isTrue();
        }

        @Test
        @DisplayName("The store keeps a hash of the code with its expiry, never the code in clear")
        void storedAsHash() {
            var alice = fixture.user("alice");

            var code = gatehouse.users().issueSecurityCode(alice.id(), Duration.ofMinutes(20));

            var stored = fixture.store().users().securityCode(alice.id()).orElseThrow();
            assertThat(stored.hash()).isNotEqualTo(code).doesNotContain(code);
            assertThat(stored.hash()).isEqualTo(SecurityCodes.hash(code));
            assertThat(stored.expiresAt()).isEqualTo(fixture.clock().instant().plus(Duration.ofMinutes(20)));
            assertThat(stored.toString()).doesNotContain(code).doesNotContain(stored.hash());
        }

        @Test
        @DisplayName("A code for an unknown user, or with a validity that is not positive, is refused")
        void refusedIssues() {
            var alice = fixture.user("alice");

            assertThatThrownBy(() -> gatehouse.users().issueSecurityCode(MISSING, Duration.ofMinutes(5)))
                    .isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("987654");
            assertThatThrownBy(() -> gatehouse.users().issueSecurityCode(alice.id(), Duration.ZERO))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("PT0S");
            assertThatThrownBy(() -> gatehouse.users().issueSecurityCode(alice.id(), Duration.ofMinutes(-5)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("PT-5M");
            assertThat(fixture.store().users().securityCode(alice.id())).isEmpty();
        }
    }
}
