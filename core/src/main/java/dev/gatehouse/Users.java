package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.security.PasswordHasher;
import dev.gatehouse.security.RandomPasswords;
import dev.gatehouse.security.SecurityCodes;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.StoredCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Users: lookups (names and emails compare ignoring case), paging, profile changes, status, passwords and security
 * codes. Thread-safe.
 */
public final class Users {
    /** How long a security code stays valid unless the caller says otherwise. */
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofHours(1);

    private final GatehouseStore store;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SecurityCodes codes = SecurityCodes.create();
    private final RandomPasswords randomPasswords = RandomPasswords.create();

    Users(GatehouseStore store, Clock clock, PasswordHasher hasher) {
        this.store = store;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * @throws UserNameTakenException if the name is taken, ignoring case
     * @throws EmailTakenException if the email is taken, ignoring case
     * @throws UnsupportedCapabilityException for attributes on a store without {@link Capability#USER_ATTRIBUTES}
     */
    public User create(NewUser user) {
        Checks.notNull(user, "user");
        if (!user.attributes().isEmpty()) {
            requireCapability(Capability.USER_ATTRIBUTES);
        }
        return store.users().create(user, clock.instant());
    }

    public Optional<User> byId(UserId id) {
        return store.users().byId(Checks.notNull(id, "user id"));
    }

    /** @throws NoSuchUserException if there is no such user */
    public User require(UserId id) {
        return byId(id).orElseThrow(() -> new NoSuchUserException("no user with id " + id));
    }

    /** @return the user whose name equals {@code userName}, ignoring case */
    public Optional<User> byName(String userName) {
        return store.users().byName(Checks.notNull(userName, "user name"));
    }

    /** @return the user whose email equals {@code email}, ignoring case */
    public Optional<User> byEmail(String email) {
        return store.users().byEmail(Checks.notNull(email, "email"));
    }

    /**
     * @return the user with this name whose current security code is {@code code}, if the code has not expired
     */
    public Optional<User> byNameAndSecurityCode(String userName, String code) {
        Checks.notNull(code, "security code");
        return byName(userName).filter(user -> verifySecurityCode(user.id(), code));
    }

    /**
     * @param pattern matched against name and email ignoring case; {@code *} matches any run of characters
     * @return matching users in id order
     */
    public Page<User> search(String pattern, PageRequest page) {
        Checks.notNull(pattern, "pattern");
        return store.users().search(pattern, Checks.notNull(page, "page"));
    }

    /** @return users in id order */
    public Page<User> page(PageRequest page) {
        return store.users().page(Checks.notNull(page, "page"));
    }

    /** @return the groups the user belongs to */
    public Set<GroupId> groupsOf(UserId id) {
        require(id);
        return store.users().groupsOf(id);
    }

    /**
     * @throws NoSuchUserException if the user does not exist
     * @throws UserNameTakenException if another user has the name, ignoring case
     * @throws EmailTakenException if another user has the email, ignoring case
     */
    public User update(UserId id, UserUpdate update) {
        Checks.notNull(id, "user id");
        Checks.notNull(update, "update");
        if (update.attributes().filter(attributes -> !attributes.isEmpty()).isPresent()) {
            requireCapability(Capability.USER_ATTRIBUTES);
        }
        return store.users().update(id, update);
    }

    /** A disabled user cannot sign in and is treated as anonymous by every check. */
    public User disable(UserId id) {
        return store.users().setStatus(Checks.notNull(id, "user id"), UserStatus.DISABLED);
    }

    public User enable(UserId id) {
        return store.users().setStatus(Checks.notNull(id, "user id"), UserStatus.ACTIVE);
    }

    /** Deletes the user with its memberships, grants, roles, ACL entries and identities; owned resources lose it. */
    public void delete(UserId id) {
        store.users().delete(Checks.notNull(id, "user id"));
    }

    /** Hashes and stores a new password under the current policy. */
    public void setPassword(UserId id, CharSequence password) {
        Checks.notNull(id, "user id");
        String hash = hasher.hash(Checks.notNull(password, "password"));
        store.users().setPasswordHash(id, hash);
    }

    /**
     * Checks a password. On success, a hash made under an older policy is replaced by one under the current policy.
     *
     * @return whether the user exists, has a password, and the password matches
     */
    public boolean checkPassword(UserId id, CharSequence password) {
        Checks.notNull(id, "user id");
        Checks.notNull(password, "password");
        var stored = store.users().passwordHash(id);
        if (stored.isEmpty() || !hasher.verify(password, stored.get())) {
            return false;
        }
        if (hasher.needsRehash(stored.get())) {
            store.users().setPasswordHash(id, hasher.hash(password));
        }
        return true;
    }

    /** @return a random password of {@code length} characters with letters, digits and symbols */
    public String generatePassword(int length) {
        return randomPasswords.generate(length);
    }

    /**
     * Issues a new security code (for a password reset or an email confirmation), replacing any earlier one. Only
     * its hash is stored.
     *
     * @return the code, to be sent to the user; it is never stored or logged
     */
    public String issueSecurityCode(UserId id, Duration validity) {
        Checks.notNull(id, "user id");
        Checks.notNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new InvalidInputException("security code validity must be positive, got " + validity);
        }
        String code = codes.generate();
        store.users().setSecurityCode(id, new StoredCode(SecurityCodes.hash(code), clock.instant().plus(validity)));
        return code;
    }

    /** @return whether {@code code} is the user's current, unexpired security code; does not consume it */
    public boolean verifySecurityCode(UserId id, String code) {
        Checks.notNull(code, "security code");
        return store.users().securityCode(Checks.notNull(id, "user id"))
                .filter(stored -> clock.instant().isBefore(stored.expiresAt()))
                .filter(stored -> SecurityCodes.matches(code, stored.hash()))
                .isPresent();
    }

    /**
     * Verifies and removes the user's security code in one step: a code works at most once.
     *
     * @return whether the code was valid (and is now used up)
     */
    public boolean consumeSecurityCode(UserId id, String code) {
        return verifySecurityCode(id, code) && store.users().consumeSecurityCode(id, SecurityCodes.hash(code));
    }

    void recordLogin(UserId id) {
        store.users().recordLogin(id, clock.instant());
    }

    private void requireCapability(Capability capability) {
        if (!store.capabilities().contains(capability)) {
            throw new UnsupportedCapabilityException("this store does not support " + capability);
        }
    }
}
