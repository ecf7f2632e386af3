package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret string (a token, a code) that never shows itself in {@link #toString()}. Equality is constant-time.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @return a secret holding {@code value} */
    public static Secret of(String value) {
        Checks.notNull(value, "secret");
        return new Secret(value);
    }

    /** @return the secret itself; call only where it must leave the process */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // constant: a hash would leak information about the value
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
