package dev.gatehouse.security;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.UserId;
import java.time.Instant;

/**
 * The content of a verified sign-in ticket (see {@link TicketSigner}): who signed in, when, and until when the
 * ticket is good. Tickets carry whole seconds.
 *
 * @param userId the signed-in user; not null
 * @param issuedAt when the ticket was issued; not null
 * @param expiresAt when the ticket stops being valid (exclusive); not null, after {@code issuedAt}
 */
public record Ticket(UserId userId, Instant issuedAt, Instant expiresAt) {
    /** @throws InvalidInputException if a component is null or {@code expiresAt} is not after {@code issuedAt} */
    public Ticket {
        Checks.notNull(userId, "user id");
        Checks.notNull(issuedAt, "issuedAt");
        Checks.notNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new InvalidInputException(
                    "ticket expiresAt must be after issuedAt, got " + expiresAt + " <= " + issuedAt);
        }
    }
}
