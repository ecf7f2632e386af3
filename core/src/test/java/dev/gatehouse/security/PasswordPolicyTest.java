package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.security.PasswordPolicy.Algorithm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PasswordPolicy")
class PasswordPolicyTest {

    @Nested
    @DisplayName("Presets")
    class Presets {
        @Test
        @DisplayName("The default is Argon2id with OWASP's minimum: 19456 KiB, 2 iterations, parallelism 1.")
        void defaultsAreOwaspArgon2id() {
            PasswordPolicy policy = PasswordPolicy.defaults();

            assertThat(policy.algorithm()).isEqualTo(Algorithm.ARGON2ID);
            assertThat(policy.memoryKib()).isEqualTo(19_456);
            assertThat(policy.iterations()).isEqualTo(2);
            assertThat(policy.parallelism()).isEqualTo(1);
            assertThat(policy.cost()).isZero();
        }

        @Test
        @DisplayName("The test policy is a cheap Argon2id.")
        void forTestsIsCheap() {
            PasswordPolicy policy = PasswordPolicy.forTests();

            assertThat(policy).isEqualTo(PasswordPolicy.argon2id(1024, 1, 1));
            assertThat(policy.memoryKib()).isLessThan(PasswordPolicy.defaults().memoryKib());
        }
    }

    @Nested
    @DisplayName("Factories")
    class Factories {
        @Test
        @DisplayName("Each factory records its algorithm and only its own parameters.")
        void factoriesRecordParameters() {
            assertThat(PasswordPolicy.argon2id(47_104, 1, 1))
                    .extracting(PasswordPolicy::algorithm, PasswordPolicy::memoryKib, PasswordPolicy::iterations,
                            PasswordPolicy::parallelism, PasswordPolicy::cost)
                    .containsExactly(Algorithm.ARGON2ID, 47_104, 1, 1, 0);
            assertThat(PasswordPolicy.bcrypt(12))
                    .extracting(PasswordPolicy::algorithm, PasswordPolicy::memoryKib, PasswordPolicy::iterations,
                            PasswordPolicy::parallelism, PasswordPolicy::cost)
                    .containsExactly(Algorithm.BCRYPT, 0, 0, 0, 12);
            assertThat(PasswordPolicy.pbkdf2Sha256(600_000))
                    .extracting(PasswordPolicy::algorithm, PasswordPolicy::memoryKib, PasswordPolicy::iterations,
                            PasswordPolicy::parallelism, PasswordPolicy::cost)
                    .containsExactly(Algorithm.PBKDF2_SHA256, 0, 600_000, 0, 0);
        }

        @Test
        @DisplayName("Argon2id parameters outside their limits are rejected with a message naming the parameter.")
        void argon2idLimits() {
            assertThatThrownBy(() -> PasswordPolicy.argon2id(15, 1, 2))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("memory")
                    .hasMessageContaining("15");
            assertThatThrownBy(() -> PasswordPolicy.argon2id(1024, 0, 1))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("iterations");
            assertThatThrownBy(() -> PasswordPolicy.argon2id(1024, 1, 0))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("parallelism");
            assertThatThrownBy(() -> PasswordPolicy.argon2id(PasswordPolicy.MAX_ARGON2_MEMORY_KIB + 1, 1, 1))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("memory");
        }

        @Test
        @DisplayName("A bcrypt cost outside 4..31 is rejected.")
        void bcryptLimits() {
            assertThatThrownBy(() -> PasswordPolicy.bcrypt(3))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("bcrypt cost");
            assertThatThrownBy(() -> PasswordPolicy.bcrypt(32))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("32");
        }

        @Test
        @DisplayName("A PBKDF2 iteration count below one is rejected.")
        void pbkdf2Limits() {
            assertThatThrownBy(() -> PasswordPolicy.pbkdf2Sha256(0))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("PBKDF2 iterations");
        }
    }

    @Nested
    @DisplayName("Value semantics")
    class ValueSemantics {
        @Test
        @DisplayName("Policies with the same algorithm and parameters are equal, others are not.")
        void structuralEquality() {
            assertThat(PasswordPolicy.argon2id(19_456, 2, 1))
                    .isEqualTo(PasswordPolicy.defaults())
                    .hasSameHashCodeAs(PasswordPolicy.defaults())
                    .isNotEqualTo(PasswordPolicy.argon2id(19_456, 3, 1));
            assertThat(PasswordPolicy.bcrypt(10)).isNotEqualTo(PasswordPolicy.bcrypt(11));
            assertThat(PasswordPolicy.pbkdf2Sha256(10)).isNotEqualTo(PasswordPolicy.bcrypt(10));
        }

        @Test
        @DisplayName("The description names the algorithm and its parameters.")
        void description() {
            assertThat(PasswordPolicy.defaults()).hasToString("argon2id(m=19456,t=2,p=1)");
            assertThat(PasswordPolicy.bcrypt(10)).hasToString("bcrypt(cost=10)");
            assertThat(PasswordPolicy.pbkdf2Sha256(600_000)).hasToString("pbkdf2-sha256(i=600000)");
        }
    }
}
