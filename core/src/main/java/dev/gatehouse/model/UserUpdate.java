package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * Changes to a user's profile; an empty field leaves the stored value as it is.
 *
 * @param userName a new user name
 * @param email a new email; {@code Optional.of(Optional.empty())} removes it
 * @param attributes attributes that replace the stored ones entirely
 */
public record UserUpdate(
        Optional<String> userName, Optional<Optional<String>> email, Optional<Map<String, String>> attributes) {
    public UserUpdate {
        Checks.notNull(userName, "userName");
        Checks.notNull(email, "email");
        Checks.notNull(attributes, "attributes");
        userName.ifPresent(name -> Checks.name(name, "user name"));
        email.flatMap(e -> e).ifPresent(NewUser::checkEmail);
        attributes = attributes.map(NewUser::checkAttributes);
    }

    /** @return an update that changes nothing */
    public static UserUpdate none() {
        return new UserUpdate(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public UserUpdate userName(String newName) {
        return new UserUpdate(Optional.of(newName), email, attributes);
    }

    public UserUpdate email(String newEmail) {
        return new UserUpdate(userName, Optional.of(Optional.of(newEmail)), attributes);
    }

    public UserUpdate removeEmail() {
        return new UserUpdate(userName, Optional.of(Optional.empty()), attributes);
    }

    public UserUpdate attributes(Map<String, String> newAttributes) {
        return new UserUpdate(userName, email, Optional.of(newAttributes));
    }

    /** @return the user with these changes applied */
    public User applyTo(User user) {
        return new User(user.id(), userName.orElse(user.userName()), email.orElse(user.email()), user.status(),
                user.registeredAt(), user.lastLoginAt(), attributes.orElse(user.attributes()));
    }
}
