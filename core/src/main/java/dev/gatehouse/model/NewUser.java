package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What it takes to create a user.
 *
 * @param userName unique, compared case-insensitively
 * @param email unique when present, compared case-insensitively
 * @param attributes extensible string attributes
 */
public record NewUser(String userName, Optional<String> email, Map<String, String> attributes) {
    /** Longest attribute key, in characters. */
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    /** Longest attribute value, in characters. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 4000;

    public NewUser {
        Checks.name(userName, "user name");
        Checks.notNull(email, "email");
        email.ifPresent(NewUser::checkEmail);
        attributes = checkAttributes(attributes);
    }

    /** @return a new user with just a name */
    public static NewUser named(String userName) {
        return new NewUser(userName, Optional.empty(), Map.of());
    }

    /** @return a copy with this email */
    public NewUser withEmail(String email) {
        return new NewUser(userName, Optional.of(email), attributes);
    }

    /** @return a copy with this attribute added or replaced */
    public NewUser withAttribute(String key, String value) {
        var copy = new TreeMap<>(attributes);
        copy.put(key, value);
        return new NewUser(userName, email, copy);
    }

    static String checkEmail(String email) {
        Checks.name(email, "email");
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1 || email.contains(" ")) {
            throw new InvalidInputException("email must look like name@domain, got '" + email + "'");
        }
        return email;
    }

    static Map<String, String> checkAttributes(Map<String, String> attributes) {
        Checks.notNull(attributes, "attributes");
        attributes.forEach((key, value) -> {
            Checks.notNull(key, "attribute key");
            Checks.maxLength(value, MAX_ATTRIBUTE_VALUE_LENGTH, "value of attribute '" + key + "'");
            if (key.isBlank() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH) {
                throw new InvalidInputException(
                        "attribute key must be 1.." + MAX_ATTRIBUTE_KEY_LENGTH + " characters, got '" + key + "'");
            }
        });
        return Map.copyOf(attributes);
    }
}
