package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RandomPasswords")
class RandomPasswordsTest {
    final RandomPasswords passwords = RandomPasswords.create();

    static boolean containsAny(String password, String alphabet) {
        return password.chars().anyMatch(c -> alphabet.indexOf(c) >= 0);
    }

    @Nested
    @DisplayName("Generating")
    class Generating {
        @Test
        @DisplayName("Every length from 8 to 256 gives a password of that length with each character class.")
        void everyLengthHasEveryClass() {
            for (int length = RandomPasswords.MIN_LENGTH; length <= RandomPasswords.MAX_LENGTH; length++) {
                for (int draw = 0; draw < 20; draw++) {
                    String password = passwords.generate(length);

                    assertThat(password).hasSize(length);
                    assertThat(containsAny(password, RandomPasswords.UPPERCASE)).isTrue();
                    assertThat(containsAny(password, RandomPasswords.LOWERCASE)).isTrue();
                    assertThat(containsAny(password, RandomPasswords.DIGITS)).isTrue();
                    assertThat(containsAny(password, RandomPasswords.SYMBOLS)).isTrue();
                }
            }
        }

        @Test
        @DisplayName("Passwords use only letters, digits and the listed symbols: no spaces, quotes or backslashes.")
        void alphabet() {
            String all = RandomPasswords.UPPERCASE + RandomPasswords.LOWERCASE + RandomPasswords.DIGITS
                    + RandomPasswords.SYMBOLS;

            for (int i = 0; i < 200; i++) {
                assertThat(passwords.generate(64).chars()).allMatch(c -> all.indexOf(c) >= 0);
            }
            assertThat(all).doesNotContain(" ", "'", "\"", "\\", "`");
        }

        @Test
        @DisplayName("The class characters are not always at the front: they are shuffled in.")
        void shuffled() {
            Set<Character> firstCharacters = IntStream.range(0, 500)
                    .mapToObj(i -> passwords.generate(8).charAt(0))
                    .collect(Collectors.toSet());

            assertThat(firstCharacters.stream().anyMatch(c -> RandomPasswords.SYMBOLS.indexOf(c) >= 0)).isTrue();
            assertThat(firstCharacters.stream().anyMatch(c -> RandomPasswords.DIGITS.indexOf(c) >= 0)).isTrue();
            assertThat(firstCharacters.stream().anyMatch(c -> RandomPasswords.LOWERCASE.indexOf(c) >= 0)).isTrue();
        }

        @Test
        @DisplayName("1000 draws of 16 characters are all distinct.")
        void distinct() {
            assertThat(IntStream.range(0, 1000).mapToObj(i -> passwords.generate(16)).distinct()).hasSize(1000);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 4, 7, 257, Integer.MAX_VALUE})
        @DisplayName("A length outside 8..256 is rejected with a message naming it.")
        void lengthOutOfRange(int length) {
            assertThatThrownBy(() -> passwords.generate(length))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("between 8 and 256")
                    .hasMessageContaining(Integer.toString(length));
        }

        @Test
        @DisplayName("A null random source is rejected.")
        void nullRandom() {
            assertThatThrownBy(() -> RandomPasswords.create(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Description")
    class Description {
        @Test
        @DisplayName("toString shows no generated password.")
        void toStringShowsNoPassword() {
            String password = passwords.generate(8);

            assertThat(passwords.toString()).startsWith("RandomPasswords[").doesNotContain(password);
        }
    }
}
