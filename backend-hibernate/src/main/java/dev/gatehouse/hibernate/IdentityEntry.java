package dev.gatehouse.hibernate;

import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Secret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code gatehouse_external_identities}: a user's identity at an external provider, with its tokens. */
@Entity(name = "GatehouseExternalIdentity")
@Table(name = "gatehouse_external_identities")
class IdentityEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "provider", nullable = false, length = 64)
    private String provider = "";

    @Column(name = "external_id", nullable = false)
    private String externalId = "";

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "access_token", length = 4000)
    private @Nullable String accessToken;

    @Column(name = "refresh_token", length = 4000)
    private @Nullable String refreshToken;

    @Column(name = "token_expires_at")
    private @Nullable Instant tokenExpiresAt;

    protected IdentityEntry() {}

    IdentityEntry(ExternalIdentity identity) {
        this.provider = identity.provider();
        this.externalId = identity.externalId();
        this.userId = identity.userId().value();
        this.accessToken = identity.accessToken().map(Secret::reveal).orElse(null);
        this.refreshToken = identity.refreshToken().map(Secret::reveal).orElse(null);
        this.tokenExpiresAt = identity.tokenExpiresAt().map(StoredInstants::truncated).orElse(null);
    }
}
