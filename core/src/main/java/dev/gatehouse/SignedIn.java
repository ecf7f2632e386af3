package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.User;

/**
 * The result of a successful sign-in.
 *
 * @param user the signed-in user, with its last login stamped
 * @param ticket the signed ticket to hand to the client (a cookie or a bearer token)
 */
public record SignedIn(User user, String ticket) {
    public SignedIn {
        Checks.notNull(user, "user");
        Checks.notNull(ticket, "ticket");
    }

    @Override
    public String toString() {
        return "SignedIn[user=" + user.userName() + ", ticket=***]";
    }
}
