package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.UnsupportedCapabilityException;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.Capability;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of declared capabilities. Each test takes the branch the store's declaration selects: a declared
 * capability works, an undeclared one raises {@link UnsupportedCapabilityException} and changes nothing. Run the kit
 * over one store that declares everything and one that declares nothing to cover both sides.
 */
public abstract class CapabilitiesKit extends AreaKit {

    protected CapabilitiesKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    @Test
    @DisplayName("USER_ATTRIBUTES: a user created with attributes keeps them, or is refused and not created")
    void userAttributesOnCreate() {
        var withAttributes = NewUser.named("alice").withAttribute("customer_number", "C-42");

        if (fixture.supports(Capability.USER_ATTRIBUTES)) {
            var alice = gatehouse.users().create(withAttributes);
            assertThat(gatehouse.users().require(alice.id()).attributes())
                    .isEqualTo(Map.of("customer_number", "C-42"));
        } else {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> gatehouse.users().create(withAttributes))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("USER_ATTRIBUTES");
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
            assertThat(gatehouse.users().byName("alice")).isEmpty();
        }
    }

    @Test
    @DisplayName("USER_ATTRIBUTES: an attribute update is stored, or is refused and leaves the whole user unchanged")
    void userAttributesOnUpdate() {
        var alice = fixture.user("alice");
        var update = UserUpdate.none().userName("alicia").attributes(Map.of("locale", "fr-CH"));

        if (fixture.supports(Capability.USER_ATTRIBUTES)) {
            var updated = gatehouse.users().update(alice.id(), update);
            assertThat(updated.attributes()).isEqualTo(Map.of("locale", "fr-CH"));
            assertThat(gatehouse.users().require(alice.id())).isEqualTo(updated);
        } else {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> gatehouse.users().update(alice.id(), update))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("USER_ATTRIBUTES");
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
            assertThat(gatehouse.users().require(alice.id()).userName()).as("not even the name changed")
                    .isEqualTo("alice");
        }
    }

    @Test
    @DisplayName("EXPLICIT_ACLS: a Deny entry is stored and decides, or setting it is refused and decides nothing")
    void explicitAcls() {
        var alice = fixture.user("alice");
        var folder = fixture.root("folder");
        gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));
        var acl = Acl.of(Ace.deny(alice.principal(), EDIT), Ace.allow(alice.principal(), Permission.of("publish")));

        if (fixture.supports(Capability.EXPLICIT_ACLS)) {
            gatehouse.permissions().setAcl(folder.id(), acl);
            assertThat(gatehouse.permissions().acl(folder.id())).isEqualTo(acl);
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, folder.id())).isFalse();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of("publish"),
                    folder.id())).isTrue();
        } else {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> gatehouse.permissions().setAcl(folder.id(), acl))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("EXPLICIT_ACLS");
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
            assertThat(gatehouse.permissions().acl(folder.id()).isEmpty()).isTrue();
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, folder.id())).isTrue();
        }
    }

    @Test
    @DisplayName("EXTERNAL_IDENTITIES: link, find, list and unlink work, or each is refused and links nothing")
    void externalIdentities() {
        var alice = fixture.user("alice");
        var identity = ExternalIdentity.of("github", "octo", alice.id());
        var identities = gatehouse.identities();

        if (fixture.supports(Capability.EXTERNAL_IDENTITIES)) {
            identities.link(identity);
            assertThat(identities.find("github", "octo")).contains(identity);
            assertThat(identities.findUser("github", "octo")).contains(alice);
            assertThat(identities.of(alice.id())).containsExactly(identity);
            identities.unlink("github", "octo");
            assertThat(identities.find("github", "octo")).isEmpty();
        } else {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> identities.link(identity))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("EXTERNAL_IDENTITIES");
            assertThatThrownBy(() -> identities.find("github", "octo"))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> identities.findUser("github", "octo"))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> identities.of(alice.id())).isInstanceOf(UnsupportedCapabilityException.class);
            assertThatThrownBy(() -> identities.unlink("github", "octo"))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
        }
    }

    @Test
    @DisplayName("What needs no capability works on every store: users without attributes, empty ACLs, empty updates")
    void baselineWorksEverywhere() {
        var alice = gatehouse.users().create(new NewUser("alice", Optional.of("alice@example.com"), Map.of()));
        var folder = fixture.root("folder");

        assertThat(alice.attributes()).isEmpty();
        gatehouse.users().update(alice.id(), UserUpdate.none().attributes(Map.of()));
        gatehouse.permissions().setAcl(folder.id(), Acl.EMPTY);

        assertThat(gatehouse.users().require(alice.id()).attributes()).isEmpty();
        assertThat(gatehouse.permissions().acl(folder.id())).isEqualTo(Acl.EMPTY);
    }

    @Test
    @DisplayName("The declared capabilities are stable, and the store's own SPI enforces them too")
    void declarationIsStableAndEnforcedByTheStore() {
        var declared = fixture.store().capabilities();
        assertThat(fixture.store().capabilities()).isEqualTo(declared);
        assertThat(gatehouse.store().capabilities()).isEqualTo(declared);
        var alice = fixture.user("alice");
        var folder = fixture.root("folder");

        if (!declared.contains(Capability.USER_ATTRIBUTES)) {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> fixture.store().users().create(
                    NewUser.named("bob").withAttribute("a", "b"), fixture.clock().instant()))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
        }
        if (!declared.contains(Capability.EXPLICIT_ACLS)) {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> fixture.store().permissions().setAcl(folder.id(),
                    Acl.of(Ace.deny(alice.principal(), EDIT))))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
        }
        if (!declared.contains(Capability.EXTERNAL_IDENTITIES)) {
            var before = StoreSnapshot.of(fixture.store());
            assertThatThrownBy(() -> fixture.store().identities().link(
                    ExternalIdentity.of("github", "octo", alice.id())))
                    .isInstanceOf(UnsupportedCapabilityException.class);
            assertThat(before.differencesTo(StoreSnapshot.of(fixture.store()))).isEmpty();
        }
        assertThat(gatehouse.users().byId(alice.id())).isPresent();
    }
}
