package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.security.TicketSigner;
import dev.gatehouse.spi.GatehouseStore;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in and tickets. Credentials go through the configured {@link Authenticator}s in order, then the user store's
 * own passwords (by user name, then by email). A successful sign-in of an active user stamps its last login and
 * returns a signed, expiring ticket (HMAC-SHA256, verified in constant time). Tickets are stateless, as Pyramid's
 * auth tickets: signing out means the client forgets its ticket; disabling or deleting the user makes every ticket
 * of it resolve to an anonymous subject at once. Thread-safe.
 */
public final class SignIn {
    private final GatehouseStore store;
    private final Users users;
    private final Permissions permissions;
    private final TicketSigner signer;
    private final List<Authenticator> authenticators;

    SignIn(GatehouseStore store, Users users, Permissions permissions, TicketSigner signer,
            List<Authenticator> authenticators) {
        this.store = store;
        this.users = users;
        this.permissions = permissions;
        this.signer = signer;
        this.authenticators = List.copyOf(authenticators);
    }

    /**
     * @param login a user name or an email
     * @param password the password
     * @return the signed-in user and its ticket; empty for wrong credentials, an unknown or a disabled user
     */
    public Optional<SignedIn> signIn(String login, CharSequence password) {
        Checks.notNull(login, "login");
        Checks.notNull(password, "password");
        return authenticate(login, password)
                .flatMap(users::byId)
                .filter(User::isActive)
                .map(user -> {
                    users.recordLogin(user.id());
                    var stamped = users.require(user.id());
                    return new SignedIn(stamped, signer.issue(stamped.id()));
                });
    }

    /**
     * @return the subject a ticket stands for: its user if the ticket verifies and the user exists and is active,
     *     otherwise anonymous
     */
    public Subject subjectOf(String ticket) {
        Checks.notNull(ticket, "ticket");
        return signer.verify(ticket)
                .flatMap(verified -> store.users().byId(verified.userId()))
                .filter(User::isActive)
                .<Subject>map(user -> Subject.user(user.id()))
                .orElse(Subject.anonymous());
    }

    /** @return the subject with its principals fetched, for the checks of one request */
    public ResolvedSubject resolve(String ticket) {
        return permissions.resolve(subjectOf(ticket));
    }

    /**
     * @return a fresh ticket when this one is valid, its user is active, and it is within the reissue window;
     *     empty otherwise (keep using the old one, or sign in again if it is invalid)
     */
    public Optional<String> reissue(String ticket) {
        Checks.notNull(ticket, "ticket");
        return signer.verify(ticket)
                .filter(signer::shouldReissue)
                .filter(verified -> store.users().byId(verified.userId()).filter(User::isActive).isPresent())
                .map(verified -> signer.issue(verified.userId()));
    }

    private Optional<UserId> authenticate(String login, CharSequence password) {
        for (var authenticator : authenticators) {
            var user = authenticator.authenticate(login, password);
            if (user.isPresent()) {
                return user;
            }
        }
        return users.byName(login)
                .or(() -> users.byEmail(login))
                .map(User::id)
                .filter(id -> users.checkPassword(id, password));
    }
}
