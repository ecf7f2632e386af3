package dev.gatehouse.internal;

import dev.gatehouse.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Argument checks shared by the model's compact constructors; each failure names the bad value. */
public final class Checks {
    /** Longest user, group or resource name, in characters. */
    public static final int MAX_NAME_LENGTH = 255;

    /** Longest group description, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_.:-]{0,63}");

    private Checks() {}

    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        return value;
    }

    public static String name(String value, String what) {
        notNull(value, what);
        if (value.isBlank()) {
            throw new InvalidInputException(what + " must not be blank, got '" + value + "'");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(
                    what + " must be at most " + MAX_NAME_LENGTH + " characters, got " + value.length());
        }
        if (!value.strip().equals(value)) {
            throw new InvalidInputException(what + " must not start or end with whitespace, got '" + value + "'");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " must not contain control characters, got '" + value + "'");
        }
        return value;
    }

    /** A lowercase identifier such as a permission, role or provider name: {@code [a-z][a-z0-9_.:-]{0,63}}. */
    public static String identifier(String value, String what) {
        notNull(value, what);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidInputException(what + " must be lowercase letters, digits, '_', '.', ':' or '-', "
                    + "starting with a letter, at most 64 characters; got '" + value + "'");
        }
        return value;
    }

    /** @return {@code value}, after checking it has at most {@code max} characters (the message gives the length) */
    public static String maxLength(String value, int max, String what) {
        notNull(value, what);
        if (value.length() > max) {
            throw new InvalidInputException(what + " must be at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    public static Optional<String> description(Optional<String> description) {
        notNull(description, "description");
        description.ifPresent(text -> maxLength(text, MAX_DESCRIPTION_LENGTH, "description"));
        return description;
    }

    public static long positiveId(long value, String what) {
        if (value <= 0) {
            throw new InvalidInputException(what + " must be positive, got " + value);
        }
        return value;
    }

    public static int positive(int value, String what) {
        if (value <= 0) {
            throw new InvalidInputException(what + " must be positive, got " + value);
        }
        return value;
    }
}
