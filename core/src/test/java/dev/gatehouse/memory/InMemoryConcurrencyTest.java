package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory store under concurrency")
class InMemoryConcurrencyTest {
    private static final long SEED = 20_240_611L;

    private InMemoryStore store;
    private ExecutorService threads;

    @BeforeEach
    void setUp() {
        store = InMemoryStore.create();
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** Starts {@code count} tasks at the same moment and returns their results in task order. */
    private <T> List<T> runTogether(int count, IntFunction<Callable<T>> task) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (int i = 0; i < count; i++) {
            var body = task.apply(i);
            futures.add(threads.submit(() -> {
                start.await();
                return body.call();
            }));
        }
        start.countDown();
        var results = new ArrayList<T>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    @Nested
    @DisplayName("Grants")
    class Grants {
        @Test
        @DisplayName("eight threads granting the same triple store it once: one succeeds, seven get DuplicateGrant")
        void sameGrantOnce() throws Exception {
            var ann = store.users().create(NewUser.named("ann"), Instant.EPOCH).principal();
            for (int round = 0; round < 200; round++) {
                var folder = store.resources().create(NewResource.of("folder" + round, "folder")).id();
                var grant = Grant.on(folder, ann, Permission.of("view"));

                var outcomes = runTogether(8, thread -> () -> {
                    try {
                        store.permissions().grant(grant);
                        return "granted";
                    } catch (DuplicateGrantException e) {
                        return "duplicate";
                    }
                });

                assertThat(outcomes).filteredOn("granted"::equals).hasSize(1);
                assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(7);
                assertThat(store.permissions().grantsOn(folder)).containsExactly(grant);
            }
        }
    }

    @Nested
    @DisplayName("Tree")
    class Tree {
        private static final int ROUNDS = 5;
        private static final int RESOURCES = 12;
        private static final int THREADS = 4;
        private static final int MOVES_PER_THREAD = 500;

        @Test
        @DisplayName("four threads making 500 random moves each in one tree leave dense orderings and no cycle")
        void randomMoves() throws Exception {
            System.out.println("InMemoryConcurrencyTest random moves, seed " + SEED);
            for (int round = 0; round < ROUNDS; round++) {
                var tree = InMemoryStore.create();
                long roundSeed = SEED + 100L * round;
                var ids = randomTree(tree, new Random(roundSeed));

                var accepted = runTogether(THREADS,
                        thread -> () -> randomMoves(tree, new Random(roundSeed + 1 + thread), ids));

                assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).as("moves that went through")
                        .isPositive();
                TreeInvariants.assertWellFormed(tree.resources(), RESOURCES);
            }
        }

        /** Three roots, then every further resource under a random earlier one. */
        private List<ResourceId> randomTree(InMemoryStore tree, Random random) {
            var ids = new ArrayList<ResourceId>();
            for (int i = 0; i < RESOURCES; i++) {
                var resource = NewResource.of("r" + i, "folder");
                if (i >= 3) {
                    resource = resource.under(ids.get(random.nextInt(ids.size())));
                }
                ids.add(tree.resources().create(resource).id());
            }
            return ids;
        }

        /** @return how many of the moves were accepted; the others were cycles or positions gone stale */
        private int randomMoves(InMemoryStore tree, Random random, List<ResourceId> ids) {
            int accepted = 0;
            for (int i = 0; i < MOVES_PER_THREAD; i++) {
                var moved = ids.get(random.nextInt(ids.size()));
                var newParent = random.nextInt(5) == 0
                        ? Optional.<ResourceId>empty()
                        : Optional.of(ids.get(random.nextInt(ids.size())));
                var position = random.nextInt(3) == 0
                        ? OptionalInt.empty()
                        : OptionalInt.of(1 + random.nextInt(tree.resources().childrenCount(newParent) + 1));
                try {
                    tree.resources().move(moved, newParent, position);
                    accepted++;
                } catch (TreeCycleException | InvalidPositionException expected) {
                    // a cycle, or a position that another thread's move made invalid
                }
            }
            return accepted;
        }
    }

    @Test
    @DisplayName("while one thread moves resources back and forth, readers always see dense orderings")
    void readersSeeWholeMoves() throws Exception {
        var left = store.resources().create(NewResource.of("left", "folder")).id();
        var right = store.resources().create(NewResource.of("right", "folder")).id();
        var children = IntStream.range(0, 10)
                .mapToObj(i -> store.resources().create(NewResource.of("c" + i, "folder").under(left)).id())
                .toList();

        runTogether(4, thread -> () -> {
            var random = new Random(SEED + 10_000 + thread);
            for (int i = 0; i < 500; i++) {
                var parent = random.nextBoolean() ? left : right;
                if (thread == 0) {
                    var moved = children.get(random.nextInt(children.size()));
                    store.resources().move(moved, Optional.of(parent), OptionalInt.empty());
                } else {
                    var seen = store.resources().children(Optional.of(parent));
                    assertThat(seen).extracting(Resource::ordering)
                            .containsExactlyElementsOf(IntStream.rangeClosed(1, seen.size()).boxed().toList());
                }
            }
            return null;
        });

        TreeInvariants.assertWellFormed(store.resources(), 12);
    }
}
