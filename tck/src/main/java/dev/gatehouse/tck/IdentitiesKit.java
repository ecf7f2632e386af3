package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Secret;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.Capability;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of external identities. They run only on stores that declare
 * {@link Capability#EXTERNAL_IDENTITIES}; {@link CapabilitiesKit} covers the other side.
 */
public abstract class IdentitiesKit extends AreaKit {
    protected IdentitiesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @BeforeEach
    void requireCapability() {
        assumeTrue(fixture.supports(Capability.EXTERNAL_IDENTITIES), "the store declares EXTERNAL_IDENTITIES");
    }

    @Test
    @DisplayName("A linked identity is found by (provider, external id), and so is its user")
    void linkAndFind() {
        var alice = fixture.user("alice");
        var identity = ExternalIdentity.of("github", "octo-4711", alice.id());

        gatehouse.identities().link(identity);

        assertThat(gatehouse.identities().find("github", "octo-4711")).contains(identity);
        assertThat(gatehouse.identities().findUser("github", "octo-4711")).contains(alice);
    }

    @Test
    @DisplayName("Nothing is found for an unlinked external id, another provider, or another spelling")
    void findNothing() {
        var alice = fixture.user("alice");
        gatehouse.identities().link(ExternalIdentity.of("github", "Octo", alice.id()));

        assertThat(gatehouse.identities().find("github", "nobody")).isEmpty();
        assertThat(gatehouse.identities().find("gitlab", "Octo")).isEmpty();
        assertThat(gatehouse.identities().find("github", "Oct")).isEmpty();
        assertThat(gatehouse.identities().find("github", "Oct%")).isEmpty();
        assertThat(gatehouse.identities().findUser("github", "nobody")).isEmpty();
    }

    @Test
    @DisplayName("A user may have several identities; of(user) lists exactly its own")
    void identitiesOfUser() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var github = ExternalIdentity.of("github", "alice-gh", alice.id());
        var google = ExternalIdentity.of("google", "1234567890", alice.id());
        var bobs = ExternalIdentity.of("github", "bob-gh", bob.id());
        gatehouse.identities().link(github);
        gatehouse.identities().link(google);
        gatehouse.identities().link(bobs);

        assertThat(gatehouse.identities().of(alice.id())).containsExactlyInAnyOrder(github, google);
        assertThat(gatehouse.identities().of(bob.id())).containsExactly(bobs);
        assertThat(gatehouse.identities().of(fixture.user("carol").id())).isEmpty();
    }

    @Test
    @DisplayName("The same external id at two providers belongs to two different users")
    void uniquePerProvider() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");

        gatehouse.identities().link(ExternalIdentity.of("github", "42", alice.id()));
        gatehouse.identities().link(ExternalIdentity.of("gitlab", "42", bob.id()));

        assertThat(gatehouse.identities().findUser("github", "42")).contains(alice);
        assertThat(gatehouse.identities().findUser("gitlab", "42")).contains(bob);
    }

    @Test
    @DisplayName("Linking a (provider, external id) twice raises DuplicateIdentityException and keeps the first link")
    void duplicate() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var first = ExternalIdentity.of("github", "octo", alice.id());
        gatehouse.identities().link(first);

        assertThatThrownBy(() -> gatehouse.identities().link(ExternalIdentity.of("github", "octo", bob.id())))
                .isInstanceOf(DuplicateIdentityException.class)
                .hasMessageContaining("octo");
        assertThatThrownBy(() -> gatehouse.identities().link(first)).isInstanceOf(DuplicateIdentityException.class);

        assertThat(gatehouse.identities().find("github", "octo")).contains(first);
        assertThat(gatehouse.identities().of(bob.id())).isEmpty();
    }

    @Test
    @DisplayName("Unlinking removes the identity; unlinking what is not linked raises NoSuchIdentityException")
    void unlink() {
        var alice = fixture.user("alice");
        var kept = ExternalIdentity.of("google", "g-1", alice.id());
        gatehouse.identities().link(ExternalIdentity.of("github", "octo", alice.id()));
        gatehouse.identities().link(kept);

        gatehouse.identities().unlink("github", "octo");

        assertThat(gatehouse.identities().find("github", "octo")).isEmpty();
        assertThat(gatehouse.identities().of(alice.id())).containsExactly(kept);
        assertThatThrownBy(() -> gatehouse.identities().unlink("github", "octo"))
                .isInstanceOf(NoSuchIdentityException.class)
                .hasMessageContaining("octo");
        assertThat(gatehouse.users().byId(alice.id())).as("the user stays").isPresent();
    }

    @Test
    @DisplayName("Linking to an unknown user raises NoSuchUserException naming it, and links nothing")
    void unknownUser() {
        assertThatThrownBy(() -> gatehouse.identities().link(
                ExternalIdentity.of("github", "ghost", UserId.of(987_654))))
                .isInstanceOf(NoSuchUserException.class)
                .hasMessageContaining("987654");

        assertThat(gatehouse.identities().find("github", "ghost")).isEmpty();
    }

    @Test
    @DisplayName("Tokens and their expiry round trip exactly")
    void tokensRoundTrip() {
        var alice = fixture.user("alice");
        var identity = ExternalIdentity.of("github", "octo", alice.id())
                .withTokens(Secret.of("gho_access-token-0123456789"), Secret.of("ghr_refresh-token-9876543210"),
                        Instant.parse("2026-02-03T04:05:06Z"));

        gatehouse.identities().link(identity);

        var found = gatehouse.identities().find("github", "octo").orElseThrow();
        assertThat(found).isEqualTo(identity);
        assertThat(found.accessToken()).map(Secret::reveal).contains("gho_access-token-0123456789");
        assertThat(found.refreshToken()).map(Secret::reveal).contains("ghr_refresh-token-9876543210");
        assertThat(found.tokenExpiresAt()).contains(Instant.parse("2026-02-03T04:05:06Z"));
        assertThat(gatehouse.identities().of(alice.id())).containsExactly(identity);
    }

    @Test
    @DisplayName("Deleting a user removes its identities; the external id can then be linked to someone else")
    void deletingUserRemovesIdentities() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        gatehouse.identities().link(ExternalIdentity.of("github", "octo", alice.id()));

        gatehouse.users().delete(alice.id());

        assertThat(gatehouse.identities().find("github", "octo")).isEmpty();
        assertThat(gatehouse.identities().findUser("github", "octo")).isEmpty();
        gatehouse.identities().link(ExternalIdentity.of("github", "octo", bob.id()));
        assertThat(gatehouse.identities().findUser("github", "octo")).contains(bob);
    }
}
