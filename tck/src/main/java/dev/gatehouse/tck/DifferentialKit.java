package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Access;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.memory.InMemoryStore;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kit's tests of random worlds: the store decides exactly as the in-memory reference. Each test loads one
 * {@link RandomWorld} into the store under test and into a reference Gatehouse over a fresh
 * {@link InMemoryStore}, then compares every answer. Every assertion message starts with the seed, so a failure can
 * be replayed with {@code RandomWorld.generate(seed, ...)}.
 */
public abstract class DifferentialKit extends AreaKit {
    protected DifferentialKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /** One world, loaded into the store under test and into the reference. */
    private record Worlds(long seed, RandomWorld world, Gatehouse tested, RandomWorld.Loaded inTested,
            Gatehouse reference, RandomWorld.Loaded inReference) {
        int userCount() {
            return world.users().size();
        }

        int resourceCount() {
            return world.resources().size();
        }

        /** A subject's name in messages: its index, not its id, so it reads the same for both stores. */
        String who(int user) {
            if (user < 0) {
                return "anonymous";
            }
            return "user" + user + (world.users().get(user).active() ? "" : " (disabled)");
        }
    }

    private Worlds load(long seed) {
        var world = RandomWorld.generate(seed, fixture.supports(Capability.EXPLICIT_ACLS));
        var inTested = world.loadInto(gatehouse);
        var reference = Gatehouse.builder(InMemoryStore.create()).passwordPolicy(PasswordPolicy.forTests()).build();
        var inReference = world.loadInto(reference);
        return new Worlds(seed, world, gatehouse, inTested, reference, inReference);
    }

    /** An explanation in terms both stores share: the permission, which part decided, and the deciding node's index. */
    private static String normalized(Explanation explanation, RandomWorld.Loaded loaded) {
        return explanation.permission() + (explanation.allowed() ? " allowed" : " denied") + " by "
                + explanation.source() + explanation.node().map(node -> " at r" + loaded.indexOf(node)).orElse("");
    }

    // ------------------------------------------------------------------------------------------------- checks

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    @DisplayName("check, checkAll and explain answer as the reference for every subject, permission and resource")
    void checksAgree(long seed) {
        assertChecksAgree(load(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    @DisplayName("paged listings of accessible resources equal filtering every resource by check")
    void accessibleAgrees(long seed) {
        assertAccessibleAgrees(load(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    @DisplayName("who can access a resource equals the users whose check is true, disabled users included")
    void whoCanAgrees(long seed) {
        assertWhoCanAgrees(load(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    @DisplayName("a subject's permissions on a resource equal the reference's and agree with check")
    void permissionsOnAgree(long seed) {
        assertPermissionsOnAgree(load(seed));
    }

    @Test
    @DisplayName("a world from a fresh seed agrees with the reference in every query (the seed is in every message)")
    void freshSeedAgrees() {
        var worlds = load(System.nanoTime());
        assertChecksAgree(worlds);
        assertAccessibleAgrees(worlds);
        assertWhoCanAgrees(worlds);
        assertPermissionsOnAgree(worlds);
    }

    @Test
    @DisplayName("the same seed gives the same world, and different seeds give different worlds")
    void seedsAreReproducible() {
        var first = RandomWorld.generate(42, true);
        var again = RandomWorld.generate(42, true);
        var other = RandomWorld.generate(43, true);

        assertThat(again.toString()).isEqualTo(first.toString());
        assertThat(other.toString()).isNotEqualTo(first.toString());
        assertThat(RandomWorld.generate(42, false).aces()).as("a world without ACLs has no ACEs").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- the checks

    private void assertChecksAgree(Worlds worlds) {
        long seed = worlds.seed();
        var tested = worlds.tested().permissions();
        var reference = worlds.reference().permissions();
        for (int user = -1; user < worlds.userCount(); user++) {
            var subject = worlds.inTested().subject(user);
            var referenceSubject = worlds.inReference().subject(user);
            for (var permission : RandomWorld.PERMISSIONS) {
                assertThat(tested.check(subject, permission))
                        .as("seed %d: global check(%s, %s)", seed, worlds.who(user), permission)
                        .isEqualTo(reference.check(referenceSubject, permission));
                var all = tested.checkAll(subject, permission, worlds.inTested().resources());
                assertThat(all).as("seed %d: checkAll(%s, %s) answers every resource", seed, worlds.who(user),
                        permission).hasSize(worlds.resourceCount());
                for (int r = 0; r < worlds.resourceCount(); r++) {
                    boolean expected = reference.check(referenceSubject, permission, worlds.inReference().resource(r));
                    var id = worlds.inTested().resource(r);
                    assertThat(tested.check(subject, permission, id))
                            .as("seed %d: check(%s, %s, r%d)", seed, worlds.who(user), permission, r)
                            .isEqualTo(expected);
                    assertThat(all.get(id))
                            .as("seed %d: checkAll(%s, %s) at r%d", seed, worlds.who(user), permission, r)
                            .isEqualTo(expected);
                    assertThat(normalized(tested.explain(subject, permission, id), worlds.inTested()))
                            .as("seed %d: explain(%s, %s, r%d)", seed, worlds.who(user), permission, r)
                            .isEqualTo(normalized(reference.explain(referenceSubject, permission,
                                    worlds.inReference().resource(r)), worlds.inReference()));
                }
            }
        }
    }

    private void assertAccessibleAgrees(Worlds worlds) {
        long seed = worlds.seed();
        var random = new Random(seed);
        var tested = worlds.tested().permissions();
        int under = random.nextInt(worlds.resourceCount());
        var subtree = subtreeIndexes(worlds.world(), under);
        for (int user = -1; user < worlds.userCount(); user++) {
            var subject = worlds.inTested().subject(user);
            for (var permission : RandomWorld.PERMISSIONS) {
                var expectedAll = new ArrayList<ResourceId>();
                var expectedDocs = new ArrayList<ResourceId>();
                var expectedUnder = new ArrayList<ResourceId>();
                for (int r = 0; r < worlds.resourceCount(); r++) {
                    var id = worlds.inTested().resource(r);
                    if (tested.check(subject, permission, id)) {
                        expectedAll.add(id);
                        if (worlds.world().resources().get(r).type().equals("doc")) {
                            expectedDocs.add(id);
                        }
                        if (subtree.contains(r)) {
                            expectedUnder.add(id);
                        }
                    }
                }
                expectedAll.sort(Comparator.naturalOrder());
                expectedDocs.sort(Comparator.naturalOrder());
                expectedUnder.sort(Comparator.naturalOrder());
                int limit = 1 + random.nextInt(3);
                String what = String.format("seed %d: accessible(%s, %s) in pages of %d", seed, worlds.who(user),
                        permission, limit);
                assertThat(listAll(worlds, subject, permission, ResourceFilter.ANY, limit, what))
                        .as("%s", what).isEqualTo(expectedAll);
                assertThat(listAll(worlds, subject, permission, ResourceFilter.ANY.ofType("doc"), limit, what))
                        .as("%s, docs only", what).isEqualTo(expectedDocs);
                assertThat(listAll(worlds, subject, permission,
                        ResourceFilter.ANY.under(worlds.inTested().resource(under)), limit, what))
                        .as("%s, under r%d", what, under).isEqualTo(expectedUnder);
                assertThat(tested.countAccessible(subject, permission, ResourceFilter.ANY))
                        .as("seed %d: countAccessible(%s, %s)", seed, worlds.who(user), permission)
                        .isEqualTo(expectedAll.size());
            }
        }
    }

    private static Set<Integer> subtreeIndexes(RandomWorld world, int root) {
        var subtree = new HashSet<Integer>();
        for (int r = 0; r < world.resources().size(); r++) {
            for (int node = r; node >= 0; node = world.resources().get(node).parent()) {
                if (node == root) {
                    subtree.add(r);
                    break;
                }
            }
        }
        return subtree;
    }

    private static List<ResourceId> listAll(Worlds worlds, Subject subject, Permission permission,
            ResourceFilter filter, int limit, String what) {
        var all = new ArrayList<ResourceId>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            var page = worlds.tested().permissions()
                    .accessible(subject, permission, filter, new PageRequest(cursor, limit));
            assertThat(page.items()).as("%s: page %d holds at most %d", what, pages, limit)
                    .hasSizeLessThanOrEqualTo(limit);
            all.addAll(page.items());
            cursor = page.next();
            pages++;
            assertThat(pages).as("%s: pages end", what).isLessThanOrEqualTo(worlds.resourceCount() + 1);
        } while (cursor.isPresent());
        return all;
    }

    private void assertWhoCanAgrees(Worlds worlds) {
        long seed = worlds.seed();
        var tested = worlds.tested().permissions();
        var reference = worlds.reference().permissions();
        for (int r = 0; r < worlds.resourceCount(); r++) {
            var id = worlds.inTested().resource(r);
            for (var permission : RandomWorld.PERMISSIONS) {
                var expected = new TreeSet<Integer>();
                for (int user = 0; user < worlds.userCount(); user++) {
                    if (tested.check(worlds.inTested().subject(user), permission, id)) {
                        expected.add(user);
                    }
                }
                var accesses = tested.whoCan(id, permission, WhoOptions.USERS);
                assertThat(accesses).as("seed %d: whoCan(r%d, %s) explains each as allowed", seed, r, permission)
                        .allMatch(access -> access.explanation().allowed());
                var actual = userIndexes(accesses, worlds.inTested(), seed);
                assertThat(actual).as("seed %d: whoCan(r%d, %s) lists each user once", seed, r, permission)
                        .doesNotHaveDuplicates();
                assertThat(new TreeSet<>(actual)).as("seed %d: whoCan(r%d, %s)", seed, r, permission)
                        .isEqualTo(expected);
                var referenceActual = userIndexes(
                        reference.whoCan(worlds.inReference().resource(r), permission, WhoOptions.USERS),
                        worlds.inReference(), seed);
                assertThat(new TreeSet<>(actual)).as("seed %d: whoCan(r%d, %s) as the reference", seed, r, permission)
                        .isEqualTo(new TreeSet<>(referenceActual));
            }
        }
    }

    private static List<Integer> userIndexes(List<Access> accesses, RandomWorld.Loaded loaded, long seed) {
        var indexes = new ArrayList<Integer>();
        for (var access : accesses) {
            assertThat(access.principal()).as("seed %d: whoCan(USERS) lists users only", seed)
                    .isInstanceOf(Principal.OfUser.class);
            indexes.add(loaded.indexOf(((Principal.OfUser) access.principal()).id()));
        }
        return indexes;
    }

    private void assertPermissionsOnAgree(Worlds worlds) {
        long seed = worlds.seed();
        var tested = worlds.tested().permissions();
        var reference = worlds.reference().permissions();
        for (int user = -1; user < worlds.userCount(); user++) {
            var subject = worlds.inTested().subject(user);
            for (int r = 0; r < worlds.resourceCount(); r++) {
                var id = worlds.inTested().resource(r);
                var listed = tested.permissionsOn(subject, id);
                var expected = reference.permissionsOn(worlds.inReference().subject(user),
                        worlds.inReference().resource(r));
                assertThat(listed.stream().map(explanation -> normalized(explanation, worlds.inTested())).toList())
                        .as("seed %d: permissionsOn(%s, r%d)", seed, worlds.who(user), r)
                        .isEqualTo(expected.stream()
                                .map(explanation -> normalized(explanation, worlds.inReference())).toList());
                var names = listed.stream().map(Explanation::permission).toList();
                for (var permission : RandomWorld.PERMISSIONS) {
                    assertThat(names.contains(permission))
                            .as("seed %d: permissionsOn(%s, r%d) lists %s exactly when check allows it", seed,
                                    worlds.who(user), r, permission)
                            .isEqualTo(tested.check(subject, permission, id));
                }
            }
        }
    }
}
