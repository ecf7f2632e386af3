package dev.gatehouse.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.spi.ResourceStore;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit races moves inside one tree; these races also cross trees and the root level, where {@link TreeLocks}
 * locks every root.
 */
@DisplayName("Tree locks keep a forest dense and acyclic under concurrent changes across trees and roots")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class TreeLocksTest {
    private static final HibernateDatabases DATABASES = new HibernateDatabases(TreeLocksTest.class,
            Migrations::migrate, dataSource -> GatehouseSessionFactory.builder(dataSource).build());

    @Parameter
    TestDatabase database;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @Test
    @DisplayName("4 threads create roots, move nodes between two trees and to the root level, and delete some")
    void racesAcrossTreesAndRoots() throws Exception {
        var resources = HibernateStore.builder(DATABASES.emptied(database).sessionFactory()).build().resources();
        var nodes = new ArrayList<ResourceId>();
        var shape = new Random(11);
        for (int tree = 0; tree < 2; tree++) {
            var root = resources.create(NewResource.of("tree" + tree, "folder")).id();
            nodes.add(root);
            for (int i = 0; i < 12; i++) {
                var parent = nodes.get(nodes.size() - 1 - shape.nextInt(Math.min(nodes.size(), 4)));
                nodes.add(resources.create(NewResource.of("t" + tree + "n" + i, "folder").under(parent)).id());
            }
        }
        var gate = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(4);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 4; t++) {
            long seed = 40 + t;
            tasks.add(() -> {
                gate.await();
                var random = new Random(seed);
                int changes = 0;
                for (int i = 0; i < 40; i++) {
                    var moved = nodes.get(random.nextInt(nodes.size()));
                    try {
                        switch (random.nextInt(6)) {
                            case 0 -> resources.create(NewResource.of("root" + seed + "." + i, "folder").at(1));
                            case 1 -> resources.move(moved, Optional.empty(), OptionalInt.of(1));
                            case 2 -> resources.deleteBranch(resources.create(NewResource.of("gone", "folder")
                                    .under(moved)).id());
                            default -> resources.move(moved, Optional.of(nodes.get(random.nextInt(nodes.size()))),
                                    OptionalInt.empty());
                        }
                        changes++;
                    } catch (TreeCycleException | InvalidPositionException | NoSuchResourceException e) {
                        // refused as it should be
                    }
                }
                return changes;
            });
        }
        var futures = tasks.stream().map(executor::submit).toList();
        gate.countDown();
        int changes = 0;
        for (var future : futures) {
            changes += future.get(120, TimeUnit.SECONDS);
        }
        executor.shutdown();

        assertThat(changes).isPositive();
        var seen = new HashSet<ResourceId>();
        assertDense(resources, Optional.empty(), seen, 0);
        assertThat(seen).containsAll(nodes);
        for (var id : seen) {
            var path = resources.pathToRoot(id);
            assertThat(path.get(path.size() - 1).parentId()).as("path of %s ends at a root", id).isEmpty();
            assertThat(resources.subtree(id, Integer.MAX_VALUE)).as("subtree of %s", id)
                    .hasSizeLessThanOrEqualTo(seen.size());
        }
    }

    private static void assertDense(ResourceStore resources, Optional<ResourceId> parent, HashSet<ResourceId> seen,
            int depth) {
        assertThat(depth).as("depth (a cycle?)").isLessThan(1_000);
        var children = resources.children(parent);
        assertThat(children).extracting(Resource::ordering).as("orderings under %s", parent)
                .isEqualTo(IntStream.rangeClosed(1, children.size()).boxed().toList());
        for (var child : children) {
            assertThat(seen.add(child.id())).as("%s reached once", child.id()).isTrue();
            assertDense(resources, Optional.of(child.id()), seen, depth + 1);
        }
    }
}
