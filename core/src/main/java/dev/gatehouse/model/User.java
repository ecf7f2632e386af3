package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A user as stored. Secrets (the password hash, the security code) are never part of this value.
 *
 * @param id the store's id
 * @param userName unique, compared case-insensitively, stored as given
 * @param email unique when present, compared case-insensitively
 * @param status active or disabled
 * @param registeredAt when the user was created
 * @param lastLoginAt the last successful sign-in, if any
 * @param attributes extensible string attributes, never null
 */
public record User(
        UserId id,
        String userName,
        Optional<String> email,
        UserStatus status,
        Instant registeredAt,
        Optional<Instant> lastLoginAt,
        Map<String, String> attributes) {
    public User {
        Checks.notNull(id, "user id");
        Checks.name(userName, "user name");
        Checks.notNull(email, "email");
        email.ifPresent(NewUser::checkEmail);
        Checks.notNull(status, "status");
        Checks.notNull(registeredAt, "registeredAt");
        Checks.notNull(lastLoginAt, "lastLoginAt");
        attributes = NewUser.checkAttributes(attributes);
    }

    /** @return whether the user is active */
    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /** @return this user as a principal */
    public Principal principal() {
        return Principal.user(id);
    }
}
