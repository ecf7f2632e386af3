package dev.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.model.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TicketSigner")
class TicketSignerTest {
    static final Instant START = Instant.parse("2025-03-01T12:00:00.750Z");
    static final Instant START_SECOND = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration LIFETIME = Duration.ofHours(1);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final UserId ALICE = UserId.of(42);

    final byte[] key = TicketSigner.newKey();
    final MutableClock clock = new MutableClock(START);
    final TicketSigner signer = TicketSigner.create(key, clock, LIFETIME, WINDOW);

    static String hmac(byte[] key, String payload) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Replaces the segment at {@code index} (0-based, dot-separated) of a token. */
    static String withSegment(String token, int index, String value) {
        String[] parts = token.split("\\.");
        parts[index] = value;
        return String.join(".", parts);
    }

    @Nested
    @DisplayName("Issuing and verifying")
    class IssuingAndVerifying {
        @Test
        @DisplayName("An issued ticket verifies to its user, issue second and expiry.")
        void roundTrip() {
            String token = signer.issue(ALICE);

            assertThat(signer.verify(token))
                    .contains(new Ticket(ALICE, START_SECOND, START_SECOND.plus(LIFETIME)));
        }

        @Test
        @DisplayName("The token is v1.<user>.<issued>.<expires>.<base64url HMAC-SHA256 of the rest>.")
        void format() throws GeneralSecurityException {
            String token = signer.issue(ALICE);
            long issued = START_SECOND.getEpochSecond();
            String payload = "v1.42." + issued + "." + (issued + 3600);

            assertThat(token).isEqualTo(payload + "." + hmac(key, payload));
            assertThat(token).matches("[A-Za-z0-9._-]+");
        }

        @Test
        @DisplayName("A ticket stays valid until one second before expiry and is rejected from its expiry on.")
        void expiry() {
            String token = signer.issue(ALICE);

            clock.set(START_SECOND.plus(LIFETIME).minusSeconds(1));
            assertThat(signer.verify(token)).isPresent();
            clock.set(START_SECOND.plus(LIFETIME));
            assertThat(signer.verify(token)).isEmpty();
            clock.advance(Duration.ofDays(365));
            assertThat(signer.verify(token)).isEmpty();
        }

        @Test
        @DisplayName("A tampered signature is rejected.")
        void tamperedSignature() {
            String token = signer.issue(ALICE);
            char last = token.charAt(token.length() - 1);
            String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
            String signature = token.substring(token.lastIndexOf('.') + 1);

            assertThat(signer.verify(flipped)).isEmpty();
            assertThat(signer.verify(withSegment(token, 4, signature.toLowerCase()))).isEmpty();
            assertThat(signer.verify(token.substring(0, token.lastIndexOf('.') + 1))).isEmpty();
        }

        @Test
        @DisplayName("A tampered payload is rejected: another user, a later expiry, an earlier issue time.")
        void tamperedPayload() {
            String token = signer.issue(ALICE);
            long issued = START_SECOND.getEpochSecond();

            assertThat(signer.verify(withSegment(token, 1, "43"))).isEmpty();
            assertThat(signer.verify(withSegment(token, 1, "1"))).isEmpty();
            assertThat(signer.verify(withSegment(token, 3, Long.toString(issued + 999_999)))).isEmpty();
            assertThat(signer.verify(withSegment(token, 2, Long.toString(issued - 1)))).isEmpty();
            assertThat(signer.verify(withSegment(token, 0, "v2"))).isEmpty();
        }

        @Test
        @DisplayName("A ticket signed with another key is rejected.")
        void otherKey() {
            TicketSigner other = TicketSigner.create(TicketSigner.newKey(), clock, LIFETIME, WINDOW);

            assertThat(signer.verify(other.issue(ALICE))).isEmpty();
        }

        @Test
        @DisplayName("A correctly signed token whose expiry is not after its issue time is rejected.")
        void signedButInconsistent() throws GeneralSecurityException {
            long issued = START_SECOND.getEpochSecond();
            String payload = "v1.42." + issued + "." + issued;

            assertThat(signer.verify(payload + "." + hmac(key, payload))).isEmpty();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {
            "",
            "v1",
            "v1....",
            "v1.42.1740830400.1740834000",
            "v1.42.1740830400.1740834000.",
            "v1.0.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.042.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.-42.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.42.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.42.1740830400.99999999999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.9999999999999999999.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.42.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.extra",
            " v1.42.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1.42.1740830400.1740834000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "not a ticket at all",
        })
        @DisplayName("A malformed token is rejected without throwing.")
        void malformed(String token) {
            assertThat(signer.verify(token)).isEmpty();
            assertThat(signer.reissueIfDue(token)).isEmpty();
        }

        @Test
        @DisplayName("A missing (null) or huge token is rejected without throwing.")
        void nullAndHuge() {
            assertThat(signer.verify(null)).isEmpty();
            assertThat(signer.reissueIfDue(null)).isEmpty();
            assertThat(signer.verify("v1." + "9".repeat(100_000))).isEmpty();
        }

        @Test
        @DisplayName("Signed epoch seconds beyond what Instant holds are rejected without throwing.")
        void hugeSignedNumbers() throws GeneralSecurityException {
            String payload = "v1.42.0." + Long.MAX_VALUE;

            assertThat(signer.verify(payload + "." + hmac(key, payload))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Reissuing")
    class Reissuing {
        @Test
        @DisplayName("A ticket is not due while at least the window remains, and is due once less remains.")
        void window() {
            Ticket ticket = signer.verify(signer.issue(ALICE)).orElseThrow();

            assertThat(signer.shouldReissue(ticket)).isFalse();
            clock.set(START_SECOND.plus(LIFETIME).minus(WINDOW));
            assertThat(signer.shouldReissue(ticket)).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(signer.shouldReissue(ticket)).isTrue();
            clock.set(START_SECOND.plus(LIFETIME));
            assertThat(signer.shouldReissue(ticket)).as("an expired ticket is never reissued").isFalse();
        }

        @Test
        @DisplayName("reissueIfDue gives nothing before the window and a fresh, later ticket inside it.")
        void reissueIfDue() {
            String token = signer.issue(ALICE);

            assertThat(signer.reissueIfDue(token)).isEmpty();
            clock.set(START_SECOND.plus(Duration.ofMinutes(50)));
            Optional<String> fresh = signer.reissueIfDue(token);

            assertThat(fresh).isPresent();
            Ticket renewed = signer.verify(fresh.orElseThrow()).orElseThrow();
            assertThat(renewed.userId()).isEqualTo(ALICE);
            assertThat(renewed.issuedAt()).isEqualTo(START_SECOND.plus(Duration.ofMinutes(50)));
            assertThat(renewed.expiresAt()).isEqualTo(renewed.issuedAt().plus(LIFETIME));
            assertThat(signer.reissueIfDue(fresh.orElseThrow())).isEmpty();
        }

        @Test
        @DisplayName("An expired ticket is not reissued.")
        void expiredNotReissued() {
            String token = signer.issue(ALICE);
            clock.advance(LIFETIME);

            assertThat(signer.reissueIfDue(token)).isEmpty();
        }

        @Test
        @DisplayName("With a zero window a ticket is never due.")
        void zeroWindow() {
            TicketSigner never = TicketSigner.create(key, clock, LIFETIME, Duration.ZERO);
            String token = never.issue(ALICE);
            clock.set(START_SECOND.plus(LIFETIME).minusSeconds(1));

            assertThat(never.reissueIfDue(token)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Configuration")
    class Configuration {
        @Test
        @DisplayName("A key under 32 bytes is rejected, and the message does not show the key.")
        void shortKey() {
            byte[] shortKey = Arrays.copyOf(TicketSigner.newKey(), 31);

            assertThatThrownBy(() -> TicketSigner.create(shortKey, clock, LIFETIME, WINDOW))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("32 bytes")
                    .hasMessageContaining("31 bytes")
                    .hasMessageNotContaining(HexFormat.of().formatHex(shortKey))
                    .hasMessageNotContaining(Base64.getEncoder().encodeToString(shortKey));
        }

        @Test
        @DisplayName("The key is copied: changing the caller's array afterwards does not change signatures.")
        void keyCopied() {
            byte[] mutable = TicketSigner.newKey();
            TicketSigner copied = TicketSigner.create(mutable, clock, LIFETIME, WINDOW);
            String token = copied.issue(ALICE);

            Arrays.fill(mutable, (byte) 0);

            assertThat(copied.verify(token)).isPresent();
        }

        @Test
        @DisplayName("A lifetime under one second, or a window that is negative or longer than it, is rejected.")
        void durations() {
            assertThatThrownBy(() -> TicketSigner.create(key, clock, Duration.ofMillis(999), Duration.ZERO))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("lifetime");
            assertThatThrownBy(() -> TicketSigner.create(key, clock, LIFETIME, Duration.ofSeconds(-1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("window");
            assertThatThrownBy(() -> TicketSigner.create(key, clock, LIFETIME, LIFETIME.plusSeconds(1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("window");
            assertThat(TicketSigner.create(key, clock, LIFETIME, LIFETIME).reissueWindow()).isEqualTo(LIFETIME);
        }

        @Test
        @DisplayName("Null arguments are rejected as invalid input.")
        void nulls() {
            assertThatThrownBy(() -> TicketSigner.create(null, clock, LIFETIME, WINDOW))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> TicketSigner.create(key, null, LIFETIME, WINDOW))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> signer.issue(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> signer.shouldReissue(null)).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("New keys are 32 random bytes, different each time.")
        void newKeys() {
            byte[] first = TicketSigner.newKey();
            byte[] second = TicketSigner.newKey();

            assertThat(first).hasSize(TicketSigner.MIN_KEY_BYTES);
            assertThat(first).isNotEqualTo(second);
        }

        @Test
        @DisplayName("toString shows the lifetime and window but never the key.")
        void toStringHidesKey() {
            String description = signer.toString();

            assertThat(description)
                    .contains("lifetime=PT1H", "reissueWindow=PT15M")
                    .doesNotContain(HexFormat.of().formatHex(key))
                    .doesNotContain(Base64.getEncoder().encodeToString(key))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key))
                    .doesNotContain(Arrays.toString(key));
        }
    }

    @Nested
    @DisplayName("Ticket")
    class TicketRecord {
        @Test
        @DisplayName("A ticket whose expiry is not after its issue time is rejected.")
        void expiryAfterIssue() {
            assertThatThrownBy(() -> new Ticket(ALICE, START, START))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("expiresAt");
        }

        @Test
        @DisplayName("A ticket with a null component is rejected.")
        void nulls() {
            assertThatThrownBy(() -> new Ticket(null, START, START.plusSeconds(1)))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> new Ticket(ALICE, START, null)).isInstanceOf(InvalidInputException.class);
        }
    }
}
