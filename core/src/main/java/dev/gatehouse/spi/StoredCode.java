package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import java.time.Instant;

/**
 * A security code as stored: its hash, never the code itself.
 *
 * @param hash the code's hash (see {@link dev.gatehouse.security.SecurityCodes#hash})
 * @param expiresAt when the code stops working
 */
public record StoredCode(String hash, Instant expiresAt) {
    public StoredCode {
        Checks.notNull(hash, "hash");
        Checks.notNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "StoredCode[hash=***, expiresAt=" + expiresAt + "]";
    }
}
