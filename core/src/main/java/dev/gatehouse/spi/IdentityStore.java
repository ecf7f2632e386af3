package dev.gatehouse.spi;

import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.UserId;
import java.util.List;
import java.util.Optional;

/** Reads and writes external identities. */
public interface IdentityStore {
    /**
     * @throws dev.gatehouse.NoSuchUserException for an unknown user
     * @throws dev.gatehouse.DuplicateIdentityException if (provider, external id) is linked already
     */
    void link(ExternalIdentity identity);

    /** @throws dev.gatehouse.NoSuchIdentityException if (provider, external id) is not linked */
    void unlink(String provider, String externalId);

    Optional<ExternalIdentity> find(String provider, String externalId);

    List<ExternalIdentity> identitiesOf(UserId user);
}
