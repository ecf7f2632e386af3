package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SecurityCodes")
class SecurityCodesTest {
    final SecurityCodes codes = SecurityCodes.create();

    @Nested
    @DisplayName("Generating")
    class Generating {
        @Test
        @DisplayName("A code is 32 URL-safe lowercase letters and digits without i, l, o or u.")
        void shape() {
            for (int i = 0; i < 100; i++) {
                assertThat(codes.generate())
                        .hasSize(SecurityCodes.LENGTH)
                        .matches("[0-9a-hjkmnp-tv-z]{32}");
            }
        }

        @Test
        @DisplayName("A code carries at least 128 bits of entropy: 32 symbols from an alphabet of 32.")
        void entropy() {
            double bits = SecurityCodes.LENGTH * (Math.log(SecurityCodes.ALPHABET.length()) / Math.log(2));

            assertThat(SecurityCodes.ALPHABET.chars().distinct().count()).isEqualTo(32);
            assertThat(bits).isGreaterThanOrEqualTo(128);
        }

        @Test
        @DisplayName("1000 draws are all distinct and together use every symbol of the alphabet.")
        void distinctDraws() {
            Set<String> drawn = IntStream.range(0, 1000).mapToObj(i -> codes.generate()).collect(Collectors.toSet());
            Set<Character> symbols = new HashSet<>();
            drawn.forEach(code -> code.chars().forEach(c -> symbols.add((char) c)));

            assertThat(drawn).hasSize(1000);
            assertThat(symbols).hasSize(SecurityCodes.ALPHABET.length());
        }

        @Test
        @DisplayName("A null random source is rejected.")
        void nullRandom() {
            assertThatThrownBy(() -> SecurityCodes.create(null)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Hashing and matching")
    class HashingAndMatching {
        @Test
        @DisplayName("The hash is the lowercase hexadecimal SHA-256 of the code.")
        void sha256Hex() {
            assertThat(SecurityCodes.hash("abc"))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
            assertThat(SecurityCodes.hash(codes.generate())).matches("[0-9a-f]{64}");
        }

        @Test
        @DisplayName("The hash is deterministic, so a store can find a code by it.")
        void deterministic() {
            String code = codes.generate();

            assertThat(SecurityCodes.hash(code)).isEqualTo(SecurityCodes.hash(code)).doesNotContain(code);
        }

        @Test
        @DisplayName("A code matches its own hash and no other code's.")
        void matches() {
            String code = codes.generate();
            String stored = SecurityCodes.hash(code);

            assertThat(SecurityCodes.matches(code, stored)).isTrue();
            assertThat(SecurityCodes.matches(codes.generate(), stored)).isFalse();
            assertThat(SecurityCodes.matches(code.substring(1), stored)).isFalse();
        }

        @Test
        @DisplayName("A malformed stored hash or an empty code never matches, without throwing.")
        void malformed() {
            String code = codes.generate();

            assertThat(SecurityCodes.matches(code, "")).isFalse();
            assertThat(SecurityCodes.matches(code, "not a hash")).isFalse();
            assertThat(SecurityCodes.matches(code, SecurityCodes.hash(code).substring(1))).isFalse();
            assertThat(SecurityCodes.matches("", SecurityCodes.hash(code))).isFalse();
        }

        @Test
        @DisplayName("Hashing a null or empty code is rejected.")
        void invalidCodes() {
            assertThatThrownBy(() -> SecurityCodes.hash(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> SecurityCodes.hash(""))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> SecurityCodes.matches(null, "x")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @DisplayName("Description")
    class Description {
        @Test
        @DisplayName("toString shows no code that was generated.")
        void toStringShowsNoCode() {
            String code = codes.generate();

            assertThat(codes.toString()).startsWith("SecurityCodes[").doesNotContain(code);
        }
    }
}
