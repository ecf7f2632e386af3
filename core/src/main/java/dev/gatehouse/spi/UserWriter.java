package dev.gatehouse.spi;

import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import java.time.Instant;

/** Writes users. Every method throws {@link dev.gatehouse.NoSuchUserException} for an unknown id. */
public interface UserWriter {
    /**
     * @throws dev.gatehouse.UserNameTakenException if the name is taken, ignoring case
     * @throws dev.gatehouse.EmailTakenException if the email is taken, ignoring case
     */
    User create(NewUser user, Instant registeredAt);

    /**
     * @throws dev.gatehouse.UserNameTakenException if the new name is taken, ignoring case
     * @throws dev.gatehouse.EmailTakenException if the new email is taken, ignoring case
     */
    User update(UserId id, UserUpdate update);

    User setStatus(UserId id, UserStatus status);

    /** Deletes the user with its memberships, grants, roles, ACL entries, identities and ownerships. */
    void delete(UserId id);

    void setPasswordHash(UserId id, String hash);

    /** Stores a security code's hash, replacing any earlier code. */
    void setSecurityCode(UserId id, StoredCode code);

    /**
     * Removes the stored code if its hash equals {@code hash}; atomic, so a code is consumed at most once.
     *
     * @return whether the code was there and is now gone
     */
    boolean consumeSecurityCode(UserId id, String hash);

    void recordLogin(UserId id, Instant at);
}
