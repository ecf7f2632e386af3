package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.User;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One test's world: a fresh store, a Gatehouse over it with a hand-moved clock and cheap password hashing, helpers
 * that build users, groups and trees, and the invariants checked after every test.
 */
public final class KitFixture {
    /** The key tickets are signed with in the kit. */
    public static final byte[] TICKET_KEY = "gatehouse-compatibility-kit-ticket-key-0123456789".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    private final StoreUnderTest underTest;
    private final MutableClock clock = MutableClock.atFixedStart();
    private final Gatehouse gatehouse;

    public KitFixture(StoreUnderTest underTest) {
        this.underTest = underTest;
        this.gatehouse = Gatehouse.builder(underTest.store())
                .clock(clock)
                .passwordPolicy(PasswordPolicy.forTests())
                .ticketKey(TICKET_KEY)
                .build();
    }

    public Gatehouse gatehouse() {
        return gatehouse;
    }

    public GatehouseStore store() {
        return underTest.store();
    }

    public MutableClock clock() {
        return clock;
    }

    public RoundTrips roundTrips() {
        return underTest.roundTrips();
    }

    public boolean supports(Capability capability) {
        return store().capabilities().contains(capability);
    }

    /** @return how many round trips {@code action} took */
    public long roundTripsOf(Runnable action) {
        roundTrips().reset();
        action.run();
        return roundTrips().count();
    }

    /** @return the value {@code action} computed, after asserting it took at most {@code budget} round trips */
    public <T> T withinBudget(long budget, String what, Supplier<T> action) {
        roundTrips().reset();
        T result = action.get();
        assertThat(roundTrips().count())
                .as("%s takes at most %d %s", what, budget, roundTrips().unit())
                .isLessThanOrEqualTo(budget);
        return result;
    }

    public User user(String name) {
        return gatehouse.users().create(NewUser.named(name));
    }

    public Group group(String name, User... members) {
        var group = gatehouse.groups().create(NewGroup.named(name));
        for (var member : members) {
            gatehouse.groups().addMember(group.id(), member.id());
        }
        return group;
    }

    public Resource root(String name) {
        return gatehouse.resources().create(NewResource.of(name, "folder"));
    }

    public Resource child(Resource parent, String name) {
        return gatehouse.resources().create(NewResource.of(name, "folder").under(parent.id()));
    }

    public Resource child(Resource parent, String name, String type) {
        return gatehouse.resources().create(NewResource.of(name, type).under(parent.id()));
    }

    /** @return a chain of {@code depth} resources, root first */
    public List<Resource> chain(int depth) {
        var chain = new ArrayList<Resource>();
        chain.add(root("level0"));
        for (int level = 1; level < depth; level++) {
            chain.add(child(chain.get(level - 1), "level" + level));
        }
        return chain;
    }

    /** @return the names of the parent's children in order (the root level for an empty parent) */
    public List<String> childNames(Optional<ResourceId> parent) {
        return gatehouse.resources().children(parent).stream().map(Resource::name).toList();
    }

    /**
     * Checks what must hold after every test: siblings numbered 1..n, parent links and paths consistent, no cycle,
     * and no grant, role, ACL entry, membership or ownership naming something that no longer exists.
     */
    public void assertInvariants() {
        var seen = new HashSet<ResourceId>();
        assertLevel(Optional.empty(), seen, 0);
        var resources = store().resources();
        var permissions = store().permissions();
        for (var id : seen) {
            var resource = resources.byId(id).orElseThrow();
            assertThat(resources.pathToRoot(id)).as("path to root of %s", id).hasSizeLessThanOrEqualTo(seen.size())
                    .last().extracting(Resource::parentId).isEqualTo(Optional.empty());
            resource.ownerUser().ifPresent(owner -> assertThat(store().users().byId(owner))
                    .as("owner user of resource %s", id).isPresent());
            resource.ownerGroup().ifPresent(owner -> assertThat(store().groups().byId(owner))
                    .as("owner group of resource %s", id).isPresent());
            permissions.grantsOn(id).forEach(grant -> assertPrincipalExists(grant.grantee(), "grant on " + id));
            permissions.rolesOn(id).forEach(role -> assertPrincipalExists(role.holder(), "role on " + id));
            permissions.acl(id).entries().forEach(ace -> assertPrincipalExists(ace.principal(), "ACE on " + id));
        }
        forEachUser(user -> {
            store().users().groupsOf(user.id()).forEach(group -> assertThat(store().groups().byId(group))
                    .as("group %s of user %s", group, user.userName()).isPresent());
            permissions.grantsOf(user.principal()).forEach(grant -> grant.resource().ifPresent(resource ->
                    assertThat(seen).as("resource of grant %s", grant).contains(resource)));
            permissions.rolesOf(user.principal()).forEach(role -> role.resource().ifPresent(resource ->
                    assertThat(seen).as("resource of role %s", role).contains(resource)));
        });
        forEachGroup(group -> permissions.grantsOf(group.principal()).forEach(grant -> grant.resource()
                .ifPresent(resource -> assertThat(seen).as("resource of grant %s", grant).contains(resource))));
    }

    private void assertLevel(Optional<ResourceId> parent, Set<ResourceId> seen, int depth) {
        assertThat(depth).as("tree depth (a cycle?)").isLessThan(10_000);
        var children = store().resources().children(parent);
        for (int index = 0; index < children.size(); index++) {
            var child = children.get(index);
            assertThat(child.ordering()).as("ordering of %s under %s", child.name(), parent).isEqualTo(index + 1);
            assertThat(child.parentId()).as("parent of %s", child.name()).isEqualTo(parent);
            assertThat(seen.add(child.id())).as("%s reached twice (a cycle?)", child.id()).isTrue();
            assertLevel(Optional.of(child.id()), seen, depth + 1);
        }
        assertThat(store().resources().childrenCount(parent)).as("children count of %s", parent)
                .isEqualTo(children.size());
    }

    private void assertPrincipalExists(Principal principal, String where) {
        switch (principal) {
            case Principal.OfUser user -> assertThat(store().users().byId(user.id())).as("user of %s", where)
                    .isPresent();
            case Principal.OfGroup group -> assertThat(store().groups().byId(group.id())).as("group of %s", where)
                    .isPresent();
            case Principal.OfRole role -> { }
            case Principal.System system -> { }
        }
    }

    private void forEachUser(java.util.function.Consumer<User> action) {
        var page = store().users().page(PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            page.items().forEach(action);
            if (page.next().isEmpty()) {
                return;
            }
            page = store().users().page(PageRequest.after(page.next().get(), PageRequest.MAX_LIMIT));
        }
    }

    private void forEachGroup(java.util.function.Consumer<Group> action) {
        var page = store().groups().page(PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            page.items().forEach(action);
            if (page.next().isEmpty()) {
                return;
            }
            page = store().groups().page(PageRequest.after(page.next().get(), PageRequest.MAX_LIMIT));
        }
    }
}
