package dev.gatehouse.jdbi.internal;

import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Secret;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.IdentityStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * External identities on Jdbi's fluent API; tokens are stored as given (the schema holds them as text). Lookups
 * compare the external id's length too, because MariaDB's {@code utf8mb4_bin} pads ({@code 'x' = 'x '} there).
 * Thread-safe.
 */
public final class JdbiIdentities implements IdentityStore {
    private static final String COLUMNS =
            "provider, external_id, user_id, access_token, refresh_token, token_expires_at";

    private final Database database;
    private final RowMapper<ExternalIdentity> identities;

    public JdbiIdentities(Database database) {
        this.database = database;
        this.identities = new IdentityMapper(database.dialect());
    }

    @Override
    public void link(ExternalIdentity identity) {
        Checks.notNull(identity, "identity");
        database.useWrite(handle -> {
            Required.user(handle, identity.userId());
            var linked = handle.createQuery("""
                    SELECT user_id FROM gatehouse_external_identities
                     WHERE provider = :provider AND external_id = :externalId""")
                    .bind("provider", identity.provider())
                    .bind("externalId", identity.externalId())
                    .mapTo(Long.class)
                    .findOne();
            if (linked.isPresent()) {
                throw new DuplicateIdentityException("identity " + describe(identity.provider(), identity.externalId())
                        + " is already linked to user " + linked.get());
            }
            handle.createUpdate("INSERT INTO gatehouse_external_identities (" + COLUMNS + ") VALUES "
                            + "(:provider, :externalId, :userId, :accessToken, :refreshToken, :tokenExpiresAt)")
                    .bind("provider", identity.provider())
                    .bind("externalId", identity.externalId())
                    .bind("userId", identity.userId().value())
                    .bind("accessToken", identity.accessToken().map(Secret::reveal).orElse(null))
                    .bind("refreshToken", identity.refreshToken().map(Secret::reveal).orElse(null))
                    .bind("tokenExpiresAt", database.dialect().instant(identity.tokenExpiresAt()))
                    .execute();
        });
    }

    @Override
    public void unlink(String provider, String externalId) {
        database.useWrite(handle -> {
            int unlinked = handle.createUpdate("""
                    DELETE FROM gatehouse_external_identities
                     WHERE provider = :provider AND external_id = :externalId
                       AND CHAR_LENGTH(external_id) = CHAR_LENGTH(:externalId)""")
                    .bind("provider", provider)
                    .bind("externalId", externalId)
                    .execute();
            if (unlinked == 0) {
                throw new NoSuchIdentityException("identity " + describe(provider, externalId) + " is not linked");
            }
        });
    }

    @Override
    public Optional<ExternalIdentity> find(String provider, String externalId) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM gatehouse_external_identities WHERE provider = :provider AND external_id = :externalId"
                        + " AND CHAR_LENGTH(external_id) = CHAR_LENGTH(:externalId)")
                .bind("provider", provider)
                .bind("externalId", externalId)
                .map(identities)
                .findOne());
    }

    @Override
    public List<ExternalIdentity> identitiesOf(UserId user) {
        Checks.notNull(user, "user");
        return database.read(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM gatehouse_external_identities WHERE user_id = :userId ORDER BY id")
                .bind("userId", user.value())
                .map(identities)
                .list());
    }

    private static String describe(String provider, String externalId) {
        return provider + "/" + externalId;
    }

    private static final class IdentityMapper implements RowMapper<ExternalIdentity> {
        private final SqlDialect dialect;

        IdentityMapper(SqlDialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public ExternalIdentity map(ResultSet row, StatementContext context) throws SQLException {
            return new ExternalIdentity(
                    row.getString("provider"),
                    row.getString("external_id"),
                    UserId.of(row.getLong("user_id")),
                    Optional.ofNullable(row.getString("access_token")).map(Secret::of),
                    Optional.ofNullable(row.getString("refresh_token")).map(Secret::of),
                    dialect.instant(row, "token_expires_at"));
        }
    }
}
