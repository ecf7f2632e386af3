package dev.gatehouse.hibernate;

import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Secret;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.IdentityStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** External identities on Hibernate: one entity per (provider, external id). Thread-safe. */
final class HibernateIdentities implements IdentityStore {
    private static final String COLUMNS = """
            select i.provider, i.externalId, i.userId, i.accessToken, i.refreshToken, i.tokenExpiresAt
            from GatehouseExternalIdentity i""";

    private final Sessions sessions;
    private final Requirements requirements;

    HibernateIdentities(Sessions sessions, Requirements requirements) {
        this.sessions = sessions;
        this.requirements = requirements;
    }

    @Override
    public void link(ExternalIdentity identity) {
        Checks.notNull(identity, "identity");
        sessions.write(session -> {
            requirements.requireUser(session, identity.userId());
            var linked = find(session, identity.provider(), identity.externalId());
            if (linked.isPresent()) {
                throw new DuplicateIdentityException("identity " + identity.provider() + "/" + identity.externalId()
                        + " is already linked to user " + linked.get().userId());
            }
            session.persist(new IdentityEntry(identity));
        });
    }

    @Override
    public void unlink(String provider, String externalId) {
        sessions.write(session -> {
            int removed = session.createMutationQuery("""
                            delete from GatehouseExternalIdentity i
                            where i.provider = :provider and i.externalId = :externalId
                              and length(i.externalId) = length(:externalId)""")
                    .setParameter("provider", provider).setParameter("externalId", externalId).executeUpdate();
            if (removed == 0) {
                throw new NoSuchIdentityException("identity " + provider + "/" + externalId + " is not linked");
            }
        });
    }

    @Override
    public Optional<ExternalIdentity> find(String provider, String externalId) {
        return sessions.read(session -> find(session, provider, externalId));
    }

    private static Optional<ExternalIdentity> find(org.hibernate.SharedSessionContract session, String provider,
            String externalId) {
        // the lengths too: MariaDB's PAD SPACE collations ignore trailing spaces in '='
        return session.createSelectionQuery(COLUMNS + " where i.provider = :provider and i.externalId = :externalId "
                        + "and length(i.externalId) = length(:externalId)", Object[].class)
                .setParameter("provider", provider).setParameter("externalId", externalId)
                .getResultStream().findFirst().map(HibernateIdentities::identity);
    }

    @Override
    public List<ExternalIdentity> identitiesOf(UserId user) {
        return sessions.read(session -> session.createSelectionQuery(
                        COLUMNS + " where i.userId = :user order by i.id", Object[].class)
                .setParameter("user", user.value()).getResultList().stream()
                .map(HibernateIdentities::identity).toList());
    }

    private static ExternalIdentity identity(Object[] row) {
        return new ExternalIdentity((String) row[0], (String) row[1], UserId.of((Long) row[2]),
                Optional.ofNullable((String) row[3]).map(Secret::of),
                Optional.ofNullable((String) row[4]).map(Secret::of),
                Optional.ofNullable((Instant) row[5]));
    }
}
