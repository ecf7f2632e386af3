package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.decision.Source;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.ResourceFilter;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of {@code inherit} as a stop: a resource that does not inherit ends the lineage walk at itself,
 * so nothing on its ancestors (grants, owners, roles, ACL entries) reaches it or its descendants, while its own
 * entries and the global level still apply.
 */
public abstract class InheritanceKit extends AreaKit {

    protected InheritanceKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /** top ⊃ stop (not inheriting) ⊃ below; top ⊃ open (inheriting). */
    private record World(Resource top, Resource stop, Resource below, Resource open) {}

    private World world() {
        var top = fixture.root("top");
        var stop = gatehouse.resources().create(NewResource.of("stop", "folder").under(top.id()).notInheriting());
        var below = fixture.child(stop, "below");
        var open = fixture.child(top, "open");
        return new World(top, stop, below, open);
    }

    @Test
    @DisplayName("The inherit flag is stored: true by default, false for notInheriting, and setInherit changes it")
    void inheritFlagIsStored() {
        var world = world();

        assertThat(world.top().inherit()).isTrue();
        assertThat(world.stop().inherit()).isFalse();
        assertThat(gatehouse.resources().require(world.stop().id()).inherit()).isFalse();
        assertThat(gatehouse.resources().require(world.below().id()).inherit()).isTrue();

        var changed = gatehouse.resources().setInherit(world.open().id(), false);

        assertThat(changed.inherit()).isFalse();
        assertThat(gatehouse.resources().require(world.open().id()).inherit()).isFalse();
    }

    @Test
    @DisplayName("An ancestor's grants do not reach a non-inheriting resource or its descendants")
    void stopBlocksAncestorGrants() {
        var alice = fixture.user("alice");
        var team = fixture.group("team", alice);
        var world = world();
        gatehouse.permissions().grant(Grant.on(world.top().id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(world.top().id(), team.principal(), PUBLISH));

        assertThat(may(alice, EDIT, world.top())).isTrue();
        assertThat(may(alice, EDIT, world.open())).isTrue();
        assertThat(may(alice, EDIT, world.stop())).isFalse();
        assertThat(may(alice, EDIT, world.below())).isFalse();
        assertThat(may(alice, PUBLISH, world.below())).isFalse();
    }

    @Test
    @DisplayName("An ancestor's owners and principal roles do not reach past the stop")
    void stopBlocksAncestorOwnersAndRoles() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var world = world();
        gatehouse.resources().changeOwners(world.top().id(), Optional.of(alice.id()), Optional.empty());
        gatehouse.permissions().assignRole(RoleAssignment.on(world.top().id(), bob.principal(), "editor"));

        assertThat(may(alice, DELETE, world.open())).isTrue();
        assertThat(may(alice, DELETE, world.stop())).isFalse();
        assertThat(may(alice, DELETE, world.below())).isFalse();
        assertThat(may(bob, EDIT, world.open())).isTrue();
        assertThat(may(bob, EDIT, world.stop())).isFalse();
        assertThat(may(bob, EDIT, world.below())).isFalse();
    }

    @Test
    @DisplayName("An ancestor's ACL Deny does not reach past the stop: the default ACL decides there again")
    void stopBlocksAncestorDeny() {
        assumeTrue(fixture.supports(Capability.EXPLICIT_ACLS), "the store declares EXPLICIT_ACLS");
        var alice = fixture.user("alice");
        var world = world();
        gatehouse.permissions().setAcl(world.top().id(), Acl.of(Ace.deny(Principal.AUTHENTICATED, VIEW)));

        assertThat(may(alice, VIEW, world.top())).isFalse();
        assertThat(may(alice, VIEW, world.open())).isFalse();
        assertThat(may(alice, VIEW, world.stop())).isTrue();
        assertThat(may(alice, VIEW, world.below())).isTrue();
        assertThat(gatehouse.permissions().explain(Subject.user(alice.id()), VIEW, world.below().id()).source())
                .isEqualTo(Source.BASE_ACL);
    }

    @Test
    @DisplayName("The stopping node's own grants and roles still apply, to it and to its descendants")
    void ownEntriesStillApply() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var world = world();
        gatehouse.permissions().grant(Grant.on(world.stop().id(), alice.principal(), EDIT));
        gatehouse.permissions().assignRole(RoleAssignment.on(world.stop().id(), bob.principal(), "admin"));

        assertThat(may(alice, EDIT, world.stop())).isTrue();
        assertThat(may(alice, EDIT, world.below())).isTrue();
        assertThat(may(alice, EDIT, world.top())).as("nothing flows up").isFalse();
        assertThat(may(bob, DELETE, world.below())).isTrue();
        var explanation = gatehouse.permissions().explain(Subject.user(alice.id()), EDIT, world.below().id());
        assertThat(explanation.node()).contains(world.stop().id());
    }

    @Test
    @DisplayName("The global level still decides after the stop: global grants, global roles, the default ACL")
    void globalLevelStillApplies() {
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        var world = world();
        gatehouse.permissions().grant(Grant.global(alice.principal(), PUBLISH));
        gatehouse.permissions().assignRole(RoleAssignment.global(bob.principal(), "editor"));

        assertThat(may(alice, PUBLISH, world.below())).isTrue();
        assertThat(gatehouse.permissions().explain(Subject.user(alice.id()), PUBLISH, world.below().id()).source())
                .isEqualTo(Source.GLOBAL_GRANT);
        assertThat(may(bob, EDIT, world.below())).isTrue();
        assertThat(may(alice, VIEW, world.stop())).as("the default ACL's view for signed-in users").isTrue();
        assertThat(gatehouse.permissions().check(Subject.anonymous(), VIEW, world.stop().id())).isFalse();
    }

    @Test
    @DisplayName("Turning inherit back on restores what the ancestors give")
    void togglingBackRestores() {
        var alice = fixture.user("alice");
        var world = world();
        gatehouse.permissions().grant(Grant.on(world.top().id(), alice.principal(), EDIT));
        assertThat(may(alice, EDIT, world.below())).isFalse();

        gatehouse.resources().setInherit(world.stop().id(), true);
        assertThat(may(alice, EDIT, world.below())).isTrue();
        assertThat(may(alice, EDIT, world.stop())).isTrue();

        gatehouse.resources().setInherit(world.stop().id(), false);
        assertThat(may(alice, EDIT, world.below())).isFalse();
    }

    @Test
    @DisplayName("A stop halfway down ends the walk there: a stop on a descendant does not hide its ancestors' own")
    void stopIsLocalToItsSubtree() {
        var alice = fixture.user("alice");
        var chain = fixture.chain(5);
        gatehouse.permissions().grant(Grant.on(chain.get(0).id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(chain.get(1).id(), alice.principal(), PUBLISH));

        gatehouse.resources().setInherit(chain.get(2).id(), false);

        assertThat(may(alice, EDIT, chain.get(1))).isTrue();
        assertThat(may(alice, PUBLISH, chain.get(1))).isTrue();
        assertThat(may(alice, EDIT, chain.get(2))).isFalse();
        assertThat(may(alice, PUBLISH, chain.get(4))).isFalse();
    }

    @Test
    @DisplayName("Listings agree with the stop: accessible leaves out the resources the stop cuts off")
    void accessibleAgreesWithStop() {
        var alice = fixture.user("alice");
        var world = world();
        gatehouse.permissions().grant(Grant.on(world.top().id(), alice.principal(), EDIT));

        var accessible = gatehouse.permissions().accessible(Subject.user(alice.id()), EDIT, ResourceFilter.ANY,
                PageRequest.first(100));

        assertThat(accessible.items()).containsExactly(world.top().id(), world.open().id());
        assertThat(gatehouse.permissions().countAccessible(Subject.user(alice.id()), EDIT, ResourceFilter.ANY))
                .isEqualTo(2);
    }
}
