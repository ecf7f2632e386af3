package dev.gatehouse.hibernate;

import dev.gatehouse.spi.StoredCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code gatehouse_security_codes}: the one pending security code of a user, hashed. */
@Entity(name = "GatehouseSecurityCode")
@Table(name = "gatehouse_security_codes")
class SecurityCodeEntry {
    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "code_hash", nullable = false, length = 512)
    private String codeHash = "";

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt = Instant.EPOCH;

    protected SecurityCodeEntry() {}

    SecurityCodeEntry(long userId, StoredCode code) {
        this.userId = userId;
        replaceWith(code);
    }

    String codeHash() {
        return codeHash;
    }

    void replaceWith(StoredCode code) {
        this.codeHash = code.hash();
        this.expiresAt = StoredInstants.truncated(code.expiresAt());
    }
}
