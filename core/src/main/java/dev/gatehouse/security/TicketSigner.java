package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Issues and verifies signed, expiring sign-in tickets.
 *
 * <p>A ticket is the compact text {@code v1.<userId>.<issuedEpochSeconds>.<expiresEpochSeconds>.<signature>},
 * where the signature is the unpadded base64url HMAC-SHA256, under the signer's key, of everything before the last
 * dot. It is URL- and cookie-safe. The ticket is signed, not encrypted: its content is readable by whoever holds
 * it. Verification compares signatures in constant time and rejects expired tickets by the injected {@link Clock};
 * expiry is exclusive. Signing a ticket again is {@linkplain #reissueIfDue(String) due} once less than the reissue
 * window of its lifetime remains, so active users stay signed in while idle ones drop out.
 *
 * <p>A ticket only proves that this key issued it for this user at that time: callers still check that the user
 * exists and is active. Changing the key invalidates every ticket.
 *
 * <p>Instances are immutable and thread-safe; the key is copied in and never shown by {@link #toString()}.
 */
public final class TicketSigner {
    /** Shortest accepted key, in bytes (the HMAC-SHA256 output size). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final Pattern TOKEN = Pattern.compile(
            "v1\\.([1-9][0-9]{0,18})\\.(0|[1-9][0-9]{0,18})\\.(0|[1-9][0-9]{0,18})\\.([A-Za-z0-9_-]{43})");
    private static final Base64.Encoder SIGNATURE_BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration reissueWindow;

    private TicketSigner(SecretKeySpec key, Clock clock, Duration lifetime, Duration reissueWindow) {
        this.key = key;
        this.clock = clock;
        this.lifetime = lifetime;
        this.reissueWindow = reissueWindow;
    }

    /**
     * A signer.
     *
     * @param key the HMAC key, at least {@value #MIN_KEY_BYTES} bytes (see {@link #newKey()}); not null; copied
     * @param clock the source of "now" for issuing and expiry; not null
     * @param lifetime how long a ticket stays valid; not null, at least one second; fractions of a second are
     *     dropped
     * @param reissueWindow a ticket is due for reissue when less than this remains of it; not null, from zero
     *     (never reissue) to {@code lifetime}
     * @return the signer, never null
     * @throws InvalidInputException if an argument is null or out of range; the message never shows the key
     */
    public static TicketSigner create(byte[] key, Clock clock, Duration lifetime, Duration reissueWindow) {
        Checks.notNull(key, "ticket key");
        Checks.notNull(clock, "clock");
        Checks.notNull(lifetime, "ticket lifetime");
        Checks.notNull(reissueWindow, "ticket reissue window");
        if (key.length < MIN_KEY_BYTES) {
            throw new InvalidInputException(
                    "ticket key must be at least " + MIN_KEY_BYTES + " bytes, got " + key.length + " bytes");
        }
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException("ticket lifetime must be at least one second, got " + lifetime);
        }
        Duration wholeLifetime = Duration.ofSeconds(lifetime.toSeconds());
        if (reissueWindow.isNegative() || reissueWindow.compareTo(wholeLifetime) > 0) {
            throw new InvalidInputException("ticket reissue window must be between zero and the lifetime "
                    + wholeLifetime + ", got " + reissueWindow);
        }
        return new TicketSigner(new SecretKeySpec(key, ALGORITHM), clock, wholeLifetime, reissueWindow);
    }

    /**
     * A fresh random key of {@value #MIN_KEY_BYTES} bytes from a {@link SecureRandom}, for {@link #create}.
     *
     * @return a new array, never null
     */
    public static byte[] newKey() {
        byte[] key = new byte[MIN_KEY_BYTES];
        KeyRandom.INSTANCE.nextBytes(key);
        return key;
    }

    /** @return how long a ticket stays valid, in whole seconds; never null */
    public Duration lifetime() {
        return lifetime;
    }

    /** @return how much must remain of a ticket for it not to be due for reissue; never null */
    public Duration reissueWindow() {
        return reissueWindow;
    }

    /**
     * Issues a ticket for a user, valid from now (truncated to the second) for the lifetime.
     *
     * @param userId the user; not null
     * @return the signed token, never null
     * @throws InvalidInputException if {@code userId} is null
     */
    public String issue(UserId userId) {
        Checks.notNull(userId, "user id");
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(lifetime);
        String payload = "v1." + userId.value() + "." + issuedAt.getEpochSecond() + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /**
     * Verifies a token. Never throws for bad input.
     *
     * @param token the token as received; null is treated as missing
     * @return the ticket; empty if the token is null, malformed, not signed with this key, or expired
     */
    public Optional<Ticket> verify(@Nullable String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String payload = token.substring(0, m.start(4) - 1);
        boolean signed = MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), m.group(4).getBytes(StandardCharsets.US_ASCII));
        if (!signed) {
            return Optional.empty();
        }
        Ticket ticket;
        try {
            ticket = new Ticket(
                    UserId.of(Long.parseLong(m.group(1))),
                    Instant.ofEpochSecond(Long.parseLong(m.group(2))),
                    Instant.ofEpochSecond(Long.parseLong(m.group(3))));
        } catch (NumberFormatException | DateTimeException | InvalidInputException e) {
            return Optional.empty();
        }
        return clock.instant().isBefore(ticket.expiresAt()) ? Optional.of(ticket) : Optional.empty();
    }

    /**
     * Tells whether a ticket is due for reissue: it has not expired yet and less than the reissue window remains.
     *
     * @param ticket a verified ticket; not null
     * @return whether to issue a fresh ticket to its user
     * @throws InvalidInputException if {@code ticket} is null
     */
    public boolean shouldReissue(Ticket ticket) {
        Checks.notNull(ticket, "ticket");
        Instant now = clock.instant();
        return now.isBefore(ticket.expiresAt())
                && Duration.between(now, ticket.expiresAt()).compareTo(reissueWindow) < 0;
    }

    /**
     * Verifies a token and, when it is valid and {@linkplain #shouldReissue(Ticket) due}, issues a fresh one for the
     * same user. Never throws for bad input.
     *
     * @param token the token as received; null is treated as missing
     * @return the fresh token; empty if the token does not verify or is not due yet
     */
    public Optional<String> reissueIfDue(@Nullable String token) {
        return verify(token).filter(this::shouldReissue).map(ticket -> issue(ticket.userId()));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return SIGNATURE_BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide " + ALGORITHM, e);
        }
    }

    /** @return a description of the lifetime, window and clock; never the key */
    @Override
    public String toString() {
        return "TicketSigner[lifetime=" + lifetime + ", reissueWindow=" + reissueWindow + ", clock=" + clock + "]";
    }

    private static final class KeyRandom {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
