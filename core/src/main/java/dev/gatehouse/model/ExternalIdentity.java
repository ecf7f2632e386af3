package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A local user's identity at an external provider (OAuth, SAML, …). (provider, externalId) is unique.
 *
 * @param provider the provider's lowercase name, e.g. {@code github}
 * @param externalId the user's id at the provider
 * @param userId the local user
 * @param accessToken the provider's access token, if kept
 * @param refreshToken the provider's refresh token, if kept
 * @param tokenExpiresAt when the access token expires, if known
 */
public record ExternalIdentity(
        String provider,
        String externalId,
        UserId userId,
        Optional<Secret> accessToken,
        Optional<Secret> refreshToken,
        Optional<Instant> tokenExpiresAt) {
    /** Longest token, in characters. */
    public static final int MAX_TOKEN_LENGTH = 4000;

    public ExternalIdentity {
        Checks.identifier(provider, "provider");
        Checks.name(externalId, "external id");
        Checks.notNull(userId, "user id");
        Checks.notNull(accessToken, "accessToken");
        accessToken.ifPresent(token -> Checks.maxLength(token.reveal(), MAX_TOKEN_LENGTH, "access token"));
        Checks.notNull(refreshToken, "refreshToken");
        refreshToken.ifPresent(token -> Checks.maxLength(token.reveal(), MAX_TOKEN_LENGTH, "refresh token"));
        Checks.notNull(tokenExpiresAt, "tokenExpiresAt");
    }

    /** @return an identity without tokens */
    public static ExternalIdentity of(String provider, String externalId, UserId userId) {
        return new ExternalIdentity(provider, externalId, userId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ExternalIdentity withTokens(Secret access, Secret refresh, Instant expiresAt) {
        return new ExternalIdentity(provider, externalId, userId, Optional.of(access), Optional.of(refresh),
                Optional.of(expiresAt));
    }
}
