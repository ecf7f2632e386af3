package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.SignedIn;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.TreeNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's tests of concurrency: parallel grants, moves and sign-ins. Every task waits at a start gate so the
 * threads really race, every loop is bounded, and the whole run has a timeout. The invariants (dense orderings, no
 * cycles, no orphans) are checked after each test as always.
 */
public abstract class ConcurrencyKit extends AreaKit {
    private static final long TIMEOUT_SECONDS = 60;
    private static final List<Permission> PERMISSIONS = List.of(Permission.of("view"), Permission.of("edit"),
            Permission.of("delete"));

    protected ConcurrencyKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /**
     * Runs the tasks on their own threads, all released at once by a start gate.
     *
     * @return each task's result, in task order; a task's unexpected exception fails the test
     */
    private static <T> List<T> race(List<Callable<T>> tasks) {
        var gate = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            var futures = new ArrayList<Future<T>>();
            for (var task : tasks) {
                futures.add(executor.submit(() -> {
                    if (!gate.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                        throw new TimeoutException("the start gate never opened");
                    }
                    return task.call();
                }));
            }
            gate.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a racing task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the racing tasks did not finish within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @DisplayName("8 threads granting and revoking the same grants end with each grant stored exactly once")
    void grantAndRevokeRace() {
        var resource = fixture.root("shared");
        var users = List.of(fixture.user("alice"), fixture.user("bob"));
        var triples = new ArrayList<Grant>();
        for (var user : users) {
            for (var permission : PERMISSIONS) {
                triples.add(Grant.on(resource.id(), user.principal(), permission));
            }
        }
        var duplicates = new AtomicInteger();
        var missing = new AtomicInteger();
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 8; t++) {
            long seed = t;
            tasks.add(() -> {
                var random = new Random(seed);
                int done = 0;
                for (int i = 0; i < 150; i++) {
                    var grant = triples.get(random.nextInt(triples.size()));
                    try {
                        if (random.nextBoolean()) {
                            gatehouse.permissions().grant(grant);
                        } else {
                            gatehouse.permissions().revoke(grant);
                        }
                        done++;
                    } catch (DuplicateGrantException e) {
                        duplicates.incrementAndGet();
                    } catch (NoSuchGrantException e) {
                        missing.incrementAndGet();
                    }
                }
                for (var grant : triples) {
                    gatehouse.permissions().ensureGranted(grant);
                }
                return done;
            });
        }

        var done = race(tasks);

        var stored = gatehouse.permissions().grantsOn(resource.id());
        assertThat(stored).as("no grant is stored twice").doesNotHaveDuplicates();
        assertThat(stored).as("every thread ended by ensuring every grant")
                .containsExactlyInAnyOrderElementsOf(triples);
        assertThat(done.stream().mapToInt(Integer::intValue).sum() + duplicates.get() + missing.get())
                .as("every attempt either succeeded or failed with the documented exception").isEqualTo(8 * 150);
        for (var user : users) {
            assertThat(gatehouse.permissions().grantsOf(user.principal())).as("grants of %s", user.userName())
                    .hasSize(PERMISSIONS.size()).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("8 threads granting the same grant at once: one succeeds, the other 7 get DuplicateGrantException")
    void sameGrantRace() {
        var resource = fixture.root("shared");
        var alice = fixture.user("alice");
        var grant = Grant.on(resource.id(), alice.principal(), Permission.of("edit"));
        var tasks = new ArrayList<Callable<String>>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> {
                try {
                    gatehouse.permissions().grant(grant);
                    return "granted";
                } catch (DuplicateGrantException e) {
                    return "duplicate";
                }
            });
        }

        var outcomes = race(tasks);

        assertThat(outcomes).filteredOn("granted"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(7);
        assertThat(gatehouse.permissions().grantsOn(resource.id())).containsExactly(grant);
        assertThat(gatehouse.permissions().check(Subject.user(alice.id()), Permission.of("edit"), resource.id()))
                .isTrue();
    }

    @Test
    @DisplayName("4 threads moving nodes of one tree at random keep every node, dense orderings and no cycle")
    void randomMovesRace() {
        var root = fixture.root("root");
        var nodes = new ArrayList<Resource>();
        nodes.add(root);
        var shapeRandom = new Random(7);
        for (int i = 1; i < 30; i++) {
            nodes.add(fixture.child(nodes.get(shapeRandom.nextInt(nodes.size())), "n" + i));
        }
        var ids = nodes.stream().map(Resource::id).toList();
        var movable = ids.subList(1, ids.size());
        var tasks = new ArrayList<Callable<int[]>>();
        for (int t = 0; t < 4; t++) {
            long seed = 100 + t;
            tasks.add(() -> {
                var random = new Random(seed);
                int[] outcomes = new int[3];
                for (int i = 0; i < 200; i++) {
                    var moved = movable.get(random.nextInt(movable.size()));
                    var newParent = ids.get(random.nextInt(ids.size()));
                    OptionalInt position = random.nextInt(3) == 0
                            ? OptionalInt.empty()
                            : OptionalInt.of(1 + random.nextInt(4));
                    try {
                        gatehouse.resources().move(moved, Optional.of(newParent), position);
                        outcomes[0]++;
                    } catch (TreeCycleException e) {
                        outcomes[1]++;
                    } catch (InvalidPositionException e) {
                        outcomes[2]++;
                    }
                }
                return outcomes;
            });
        }

        var outcomes = race(tasks);

        int moves = outcomes.stream().mapToInt(counts -> counts[0]).sum();
        assertThat(moves).as("some moves succeeded").isPositive();
        assertThat(outcomes.stream().mapToInt(counts -> counts[0] + counts[1] + counts[2]).sum()).isEqualTo(4 * 200);
        assertThat(fixture.childNames(Optional.empty())).as("the root is still the only root").containsExactly("root");
        var subtree = gatehouse.resources().subtree(root.id(), Integer.MAX_VALUE);
        assertThat(subtree).extracting(node -> node.resource().id()).as("every node is still in the tree, once")
                .containsExactlyInAnyOrderElementsOf(ids);
        for (var id : ids) {
            var path = gatehouse.resources().pathToRoot(id);
            assertThat(path).as("path of %s", id).hasSizeLessThanOrEqualTo(ids.size());
            assertThat(path.get(path.size() - 1).id()).as("path of %s ends at the root", id).isEqualTo(root.id());
            assertThat(new HashSet<>(path)).as("path of %s has no repeated node", id).hasSameSizeAs(path);
        }
        for (TreeNode node : subtree) {
            var children = gatehouse.resources().children(Optional.of(node.resource().id()));
            assertThat(children).extracting(Resource::ordering).as("orderings under %s", node.resource().name())
                    .isEqualTo(IntStream.rangeClosed(1, children.size()).boxed().toList());
        }
    }

    @Test
    @DisplayName("8 threads creating children of one parent at position 1 end with every child, numbered 1..n")
    void parallelCreatesAtTheFront() {
        var parent = fixture.root("parent");
        var tasks = new ArrayList<Callable<List<ResourceId>>>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                var created = new ArrayList<ResourceId>();
                for (int i = 0; i < 20; i++) {
                    var resource = NewResource.of("t" + thread + "." + i, "folder").under(parent.id());
                    created.add(gatehouse.resources().create(i % 2 == 0 ? resource.at(1) : resource).id());
                }
                return created;
            });
        }

        var created = race(tasks).stream().flatMap(List::stream).toList();

        var children = gatehouse.resources().children(Optional.of(parent.id()));
        assertThat(children).extracting(Resource::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(children).extracting(Resource::ordering)
                .isEqualTo(IntStream.rangeClosed(1, 160).boxed().toList());
        assertThat(gatehouse.resources().childrenCount(Optional.of(parent.id()))).isEqualTo(160);
    }

    @Test
    @DisplayName("8 threads signing in the same user with the right password all succeed with valid tickets")
    void parallelSignIns() {
        var alice = fixture.user("alice");
        gatehouse.users().setPassword(alice.id(), "correct horse battery staple");
        var tasks = new ArrayList<Callable<Optional<SignedIn>>>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> gatehouse.signIn().signIn("alice", "correct horse battery staple"));
        }

        var results = race(tasks);

        assertThat(results).as("every sign-in succeeds").hasSize(8).allMatch(Optional::isPresent);
        for (var result : results) {
            var signedIn = result.orElseThrow();
            assertThat(signedIn.user().id()).isEqualTo(alice.id());
            assertThat(signedIn.user().lastLoginAt()).isPresent();
            assertThat(gatehouse.signIn().subjectOf(signedIn.ticket())).as("the ticket stands for alice")
                    .isEqualTo(Subject.user(alice.id()));
        }
        assertThat(gatehouse.users().require(alice.id()).lastLoginAt()).isPresent();
        assertThat(gatehouse.users().checkPassword(alice.id(), "correct horse battery staple")).isTrue();
    }
}
