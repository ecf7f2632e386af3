package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PasswordHasher")
class PasswordHasherTest {
    static final String PASSWORD = "correct horse battery staple";

    /** Cheap policies, one per algorithm. */
    static final PasswordPolicy ARGON2ID = PasswordPolicy.forTests();
    static final PasswordPolicy BCRYPT = PasswordPolicy.bcrypt(4);
    static final PasswordPolicy PBKDF2 = PasswordPolicy.pbkdf2Sha256(1000);

    static final PasswordHasher ARGON2ID_HASHER = PasswordHasher.create(ARGON2ID);
    static final PasswordHasher BCRYPT_HASHER = PasswordHasher.create(BCRYPT);
    static final PasswordHasher PBKDF2_HASHER = PasswordHasher.create(PBKDF2);

    static Stream<PasswordHasher> hashers() {
        return Stream.of(ARGON2ID_HASHER, BCRYPT_HASHER, PBKDF2_HASHER);
    }

    static byte[] javaxPbkdf2(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
    }

    @Nested
    @DisplayName("Hashing")
    class Hashing {
        @Test
        @DisplayName("Argon2id hashes are PHC strings with the policy's parameters, a 16-byte salt and a 32-byte hash.")
        void argon2idFormat() {
            String hash = ARGON2ID_HASHER.hash(PASSWORD);

            assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(ARGON2ID_HASHER.verify(PASSWORD, hash)).isTrue();
        }

        @Test
        @DisplayName("bcrypt hashes are modular crypt strings with the $2b$ prefix and the policy's cost.")
        void bcryptFormat() {
            String hash = BCRYPT_HASHER.hash(PASSWORD);

            assertThat(hash).matches("\\$2b\\$04\\$[./A-Za-z0-9]{53}");
            assertThat(BCRYPT_HASHER.verify(PASSWORD, hash)).isTrue();
        }

        @Test
        @DisplayName("PBKDF2 hashes are $pbkdf2-sha256$i=<iterations>$<salt>$<hash> with unpadded Base64.")
        void pbkdf2Format() {
            String hash = PBKDF2_HASHER.hash(PASSWORD);

            assertThat(hash).matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
            assertThat(PBKDF2_HASHER.verify(PASSWORD, hash)).isTrue();
        }

        @Test
        @DisplayName("A PBKDF2 hash made by the hasher is re-derived exactly by javax.crypto.")
        void pbkdf2MatchesJavax() throws GeneralSecurityException {
            String password = "pässwörd €";
            Matcher m = Pattern.compile("\\$pbkdf2-sha256\\$i=(\\d+)\\$([^$]+)\\$([^$]+)")
                    .matcher(PBKDF2_HASHER.hash(password));
            assertThat(m.matches()).isTrue();

            byte[] salt = Base64.getDecoder().decode(m.group(2));
            byte[] expected = javaxPbkdf2(password, salt, Integer.parseInt(m.group(1)));

            assertThat(Base64.getDecoder().decode(m.group(3))).isEqualTo(expected);
        }

        @Test
        @DisplayName("The default policy (Argon2id, OWASP minimum) hashes and verifies.")
        void defaultPolicyRoundTrip() {
            PasswordHasher hasher = PasswordHasher.create(PasswordPolicy.defaults());

            String hash = hasher.hash(PASSWORD);

            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(hasher.verify(PASSWORD, hash)).isTrue();
            assertThat(hasher.needsRehash(hash)).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gatehouse.security.PasswordHasherTest#hashers")
        @DisplayName("Two hashes of the same password have different salts, and both verify.")
        void saltsDiffer(PasswordHasher hasher) {
            String first = hasher.hash(PASSWORD);
            String second = hasher.hash(PASSWORD);

            assertThat(first).isNotEqualTo(second);
            assertThat(saltOf(first)).isNotEqualTo(saltOf(second));
            assertThat(hasher.verify(PASSWORD, first)).isTrue();
            assertThat(hasher.verify(PASSWORD, second)).isTrue();
        }

        private static String saltOf(String hash) {
            return hash.startsWith("$2") ? hash.substring(7, 29) : hash.split("\\$")[hash.split("\\$").length - 2];
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gatehouse.security.PasswordHasherTest#hashers")
        @DisplayName("Non-ASCII passwords hash and verify as UTF-8.")
        void unicodePasswords(PasswordHasher hasher) {
            String password = "Grüße, 世界 🔐";

            String hash = hasher.hash(password);

            assertThat(hasher.verify(password, hash)).isTrue();
            assertThat(hasher.verify("Gruße, 世界 🔐", hash)).isFalse();
        }

        @Test
        @DisplayName("Any CharSequence is accepted, and verifies like the equal String.")
        void charSequences() {
            String hash = ARGON2ID_HASHER.hash(new StringBuilder(PASSWORD));

            assertThat(ARGON2ID_HASHER.verify(PASSWORD, hash)).isTrue();
        }

        @Test
        @DisplayName("A null password is rejected.")
        void nullRejected() {
            assertThatThrownBy(() -> ARGON2ID_HASHER.hash(null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("password");
        }

        @Test
        @DisplayName("An empty password is rejected with a message naming the problem.")
        void emptyRejected() {
            assertThatThrownBy(() -> ARGON2ID_HASHER.hash(""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        @DisplayName("A password of 4096 characters is accepted and one of 4097 is rejected, without echoing it.")
        void lengthLimit() {
            String longest = "p".repeat(PasswordHasher.MAX_PASSWORD_LENGTH);
            String tooLong = "q".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1);

            assertThat(PBKDF2_HASHER.verify(longest, PBKDF2_HASHER.hash(longest))).isTrue();
            assertThatThrownBy(() -> PBKDF2_HASHER.hash(tooLong))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("4096")
                    .hasMessageContaining("4097")
                    .hasMessageNotContaining("qqqq");
        }

        @Test
        @DisplayName("A password with an unpaired surrogate is rejected, since it has no UTF-8 form.")
        void unpairedSurrogateRejected() {
            assertThatThrownBy(() -> ARGON2ID_HASHER.hash("abc\uD800def"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("surrogate")
                    .hasMessageNotContaining("abc");
        }

        @Test
        @DisplayName("bcrypt accepts 72 UTF-8 bytes and rejects 73, rather than silently truncating.")
        void bcryptByteLimit() {
            String exactly72 = "b".repeat(72);

            assertThat(BCRYPT_HASHER.verify(exactly72, BCRYPT_HASHER.hash(exactly72))).isTrue();
            assertThatThrownBy(() -> BCRYPT_HASHER.hash("s".repeat(73)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("72 bytes")
                    .hasMessageContaining("bcrypt")
                    .hasMessageNotContaining("sss");
        }

        @Test
        @DisplayName("bcrypt counts bytes, not characters: 25 three-byte characters (75 bytes) are rejected.")
        void bcryptCountsBytes() {
            assertThatThrownBy(() -> BCRYPT_HASHER.hash("密".repeat(25)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("75 bytes");
            assertThat(ARGON2ID_HASHER.verify("密".repeat(25), ARGON2ID_HASHER.hash("密".repeat(25)))).isTrue();
        }

        @Test
        @DisplayName("Creating a hasher without a policy or a random source is rejected.")
        void nullArguments() {
            assertThatThrownBy(() -> PasswordHasher.create(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> PasswordHasher.create(ARGON2ID, null))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Verifying")
    class Verifying {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gatehouse.security.PasswordHasherTest#hashers")
        @DisplayName("A wrong password does not verify.")
        void wrongPassword(PasswordHasher hasher) {
            String hash = hasher.hash(PASSWORD);

            assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
            assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
            assertThat(hasher.verify(PASSWORD + " ", hash)).isFalse();
        }

        @Test
        @DisplayName("Any hasher verifies hashes of every algorithm, whatever its own policy.")
        void independentOfPolicy() {
            String argon2 = ARGON2ID_HASHER.hash(PASSWORD);
            String bcrypt = BCRYPT_HASHER.hash(PASSWORD);
            String pbkdf2 = PBKDF2_HASHER.hash(PASSWORD);

            hashers().forEach(hasher -> {
                assertThat(hasher.verify(PASSWORD, argon2)).isTrue();
                assertThat(hasher.verify(PASSWORD, bcrypt)).isTrue();
                assertThat(hasher.verify(PASSWORD, pbkdf2)).isTrue();
            });
        }

        @ParameterizedTest(name = "{0} / {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
                # OpenBSD / jBCrypt test vectors ($2a$)
                a                                   | $2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe
                abc                                 | $2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i
                abcdefghijklmnopqrstuvwxyz          | $2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC
                '~!@#$%^&*()      ~!@#$%^&*()PNBFRD' | $2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO
                # made by Python's bcrypt ($2b$) and Apache htpasswd -B ($2y$)
                correctbatteryhorsestapler          | $2b$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie
                foobar                              | $2b$04$5LiM0CX3wUoO55cGCwrkDeZIU5zyBqPDZfV9zU4Q2WH/Lkkn2lypa
                foobar                              | $2y$04$gJMIcys.lfgVjCJHje1nkOs4e7klgmoxWWEbaJK6p.jtww7BxDX1K
                """)
        @DisplayName("Published bcrypt hashes made by other implementations verify, and fail for another password.")
        void knownBcryptHashes(String password, String hash) {
            assertThat(ARGON2ID_HASHER.verify(password, hash)).isTrue();
            assertThat(ARGON2ID_HASHER.verify(password + "x", hash)).isFalse();
            assertThat(ARGON2ID_HASHER.needsRehash(hash)).isTrue();
        }

        @Test
        @DisplayName("The Argon2id reference implementation's test vector verifies.")
        void knownArgon2idHash() {
            String reference = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

            assertThat(ARGON2ID_HASHER.verify("password", reference)).isTrue();
            assertThat(ARGON2ID_HASHER.verify("Password", reference)).isFalse();
        }

        @Test
        @DisplayName("The Argon2i reference implementation's test vector verifies too.")
        void knownArgon2iHash() {
            String reference = "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8";

            assertThat(ARGON2ID_HASHER.verify("password", reference)).isTrue();
            assertThat(ARGON2ID_HASHER.needsRehash(reference)).isTrue();
        }

        @Test
        @DisplayName("A PBKDF2 hash built independently with javax.crypto verifies.")
        void javaxPbkdf2Verifies() throws GeneralSecurityException {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            String password = "pässwörd €";
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            String stored = "$pbkdf2-sha256$i=2000$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(javaxPbkdf2(password, salt, 2000));

            assertThat(ARGON2ID_HASHER.verify(password, stored)).isTrue();
            assertThat(ARGON2ID_HASHER.verify("passwörd €", stored)).isFalse();
        }

        @Test
        @DisplayName("bcrypt verification applies bcrypt's standard 72-byte truncation, as documented.")
        void bcryptTruncatesOnVerify() {
            String hash = BCRYPT_HASHER.hash("t".repeat(72));

            assertThat(BCRYPT_HASHER.verify("t".repeat(72) + "anything", hash)).isTrue();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {
            "",
            "garbage",
            "$",
            "$argon2id$",
            "$argon2id$v=19$m=1024,t=1,p=1$",
            "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHRzYWx0$",
            "$argon2id$v=18$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4=",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi-4",
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$extra",
            " $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$argon2x$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
            "$2b$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxci",
            "$2b$03$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie",
            "$2b$32$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie",
            "$2x$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxcie",
            "$2b$04$EGdrhbKUv8Oc9vGiXX0HQOxSg445d458Muh7DAHskb6QbtCvdxci!",
            "$pbkdf2-sha256$i=0$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$pbkdf2-sha256$i=99999999999$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$pbkdf2-sha256$1000$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$pbkdf2-sha256$i=1000$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "$pbkdf2-sha1$i=1000$c29tZXNhbHRzYWx0$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
            "pbkdf2_sha256$600000$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4=",
        })
        @DisplayName("A malformed stored hash does not verify, and verifying it does not throw.")
        void malformedHashes(String stored) {
            assertThat(ARGON2ID_HASHER.verify("password", stored)).isFalse();
            assertThat(ARGON2ID_HASHER.needsRehash(stored)).isTrue();
        }

        @Test
        @DisplayName("An empty, over-long or unpaired-surrogate password never verifies, and does not throw.")
        void unverifiablePasswords() {
            String hash = PBKDF2_HASHER.hash(PASSWORD);

            assertThat(PBKDF2_HASHER.verify("", hash)).isFalse();
            assertThat(PBKDF2_HASHER.verify("x".repeat(PasswordHasher.MAX_PASSWORD_LENGTH + 1), hash)).isFalse();
            assertThat(PBKDF2_HASHER.verify("abc\uDC00", hash)).isFalse();
        }

        @Test
        @DisplayName("Null arguments are rejected as invalid input.")
        void nullArguments() {
            String hash = PBKDF2_HASHER.hash(PASSWORD);

            assertThatThrownBy(() -> PBKDF2_HASHER.verify(null, hash)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> PBKDF2_HASHER.verify(PASSWORD, null))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> PBKDF2_HASHER.needsRehash(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Rehashing")
    class Rehashing {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.gatehouse.security.PasswordHasherTest#hashers")
        @DisplayName("A hash made under the current policy does not need rehashing.")
        void samePolicy(PasswordHasher hasher) {
            String hash = hasher.hash(PASSWORD);

            assertThat(hasher.needsRehash(hash)).isFalse();
            assertThat(PasswordHasher.create(hasher.policy()).needsRehash(hash)).isFalse();
        }

        @Test
        @DisplayName("A bcrypt hash needs rehashing once the policy moves to Argon2id, and the upgrade sticks.")
        void bcryptToArgon2id() {
            String old = BCRYPT_HASHER.hash(PASSWORD);

            assertThat(ARGON2ID_HASHER.needsRehash(old)).isTrue();
            assertThat(ARGON2ID_HASHER.verify(PASSWORD, old)).isTrue();
            String upgraded = ARGON2ID_HASHER.hash(PASSWORD);
            assertThat(ARGON2ID_HASHER.needsRehash(upgraded)).isFalse();
            assertThat(ARGON2ID_HASHER.verify(PASSWORD, upgraded)).isTrue();
        }

        @Test
        @DisplayName("An Argon2id hash needs rehashing when memory, iterations or parallelism change.")
        void argon2ParametersChange() {
            String hash = ARGON2ID_HASHER.hash(PASSWORD);

            assertThat(PasswordHasher.create(PasswordPolicy.argon2id(2048, 1, 1)).needsRehash(hash)).isTrue();
            assertThat(PasswordHasher.create(PasswordPolicy.argon2id(1024, 2, 1)).needsRehash(hash)).isTrue();
            assertThat(PasswordHasher.create(PasswordPolicy.argon2id(1024, 1, 2)).needsRehash(hash)).isTrue();
        }

        @Test
        @DisplayName("A bcrypt cost or PBKDF2 iteration change, or a move between them, calls for rehashing.")
        void otherChanges() {
            String bcrypt = BCRYPT_HASHER.hash(PASSWORD);
            String pbkdf2 = PBKDF2_HASHER.hash(PASSWORD);

            assertThat(PasswordHasher.create(PasswordPolicy.bcrypt(5)).needsRehash(bcrypt)).isTrue();
            assertThat(PasswordHasher.create(PasswordPolicy.pbkdf2Sha256(1001)).needsRehash(pbkdf2)).isTrue();
            assertThat(PBKDF2_HASHER.needsRehash(bcrypt)).isTrue();
            assertThat(BCRYPT_HASHER.needsRehash(pbkdf2)).isTrue();
            assertThat(PBKDF2_HASHER.needsRehash(ARGON2ID_HASHER.hash(PASSWORD))).isTrue();
        }

        @Test
        @DisplayName("bcrypt's $2a$ and $2y$ prefixes count as the current algorithm when the cost matches.")
        void bcryptPrefixes() {
            PasswordHasher cost6 = PasswordHasher.create(PasswordPolicy.bcrypt(6));

            assertThat(cost6.needsRehash("$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe")).isFalse();
            assertThat(cost6.needsRehash("$2y$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe")).isFalse();
        }

        @Test
        @DisplayName("An Argon2id hash with the policy's parameters but a shorter salt needs rehashing.")
        void shortSalt() {
            PasswordHasher sameParameters = PasswordHasher.create(PasswordPolicy.argon2id(256, 2, 1));

            assertThat(sameParameters.needsRehash(
                            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"))
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("Description")
    class Description {
        @Test
        @DisplayName("toString names the policy and shows no password or hash.")
        void toStringShowsNoSecret() {
            PasswordHasher hasher = PasswordHasher.create(ARGON2ID);
            String hash = hasher.hash(PASSWORD);

            assertThat(hasher.toString())
                    .isEqualTo("PasswordHasher[policy=argon2id(m=1024,t=1,p=1)]")
                    .doesNotContain(PASSWORD)
                    .doesNotContain(hash);
        }
    }
}
