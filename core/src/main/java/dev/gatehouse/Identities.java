package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import java.util.List;
import java.util.Optional;

/**
 * Links local users to identities at external providers. Needs {@link Capability#EXTERNAL_IDENTITIES}; without it
 * every method throws {@link UnsupportedCapabilityException}. Thread-safe.
 */
public final class Identities {
    private final GatehouseStore store;

    Identities(GatehouseStore store) {
        this.store = store;
    }

    /**
     * @throws NoSuchUserException if the user does not exist
     * @throws DuplicateIdentityException if (provider, external id) is linked already
     */
    public void link(ExternalIdentity identity) {
        Checks.notNull(identity, "identity");
        requireCapability();
        store.identities().link(identity);
    }

    /** @throws NoSuchIdentityException if nothing is linked for (provider, external id) */
    public void unlink(String provider, String externalId) {
        Checks.identifier(provider, "provider");
        Checks.notNull(externalId, "external id");
        requireCapability();
        store.identities().unlink(provider, externalId);
    }

    /** @return the local user linked to (provider, external id) */
    public Optional<User> findUser(String provider, String externalId) {
        return find(provider, externalId).flatMap(identity -> store.users().byId(identity.userId()));
    }

    public Optional<ExternalIdentity> find(String provider, String externalId) {
        Checks.identifier(provider, "provider");
        Checks.notNull(externalId, "external id");
        requireCapability();
        return store.identities().find(provider, externalId);
    }

    public List<ExternalIdentity> of(UserId user) {
        Checks.notNull(user, "user id");
        requireCapability();
        return store.identities().identitiesOf(user);
    }

    private void requireCapability() {
        if (!store.capabilities().contains(Capability.EXTERNAL_IDENTITIES)) {
            throw new UnsupportedCapabilityException("this store does not support " + Capability.EXTERNAL_IDENTITIES);
        }
    }
}
