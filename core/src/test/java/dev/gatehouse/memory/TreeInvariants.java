package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.spi.ResourceStore;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.stream.IntStream;

/** The tree's invariants, checked through the store's read methods only. */
final class TreeInvariants {
    private TreeInvariants() {}

    /**
     * Asserts that siblings are numbered 1..n at every level, that children name their parent, that every one of
     * {@code expectedCount} resources is reached from a root exactly once (so there is no cycle), and that every
     * path to the root ends at a root.
     */
    static void assertWellFormed(ResourceStore resources, int expectedCount) {
        var reached = new HashSet<ResourceId>();
        var toVisit = new ArrayDeque<Optional<ResourceId>>();
        toVisit.add(Optional.empty());
        while (!toVisit.isEmpty()) {
            var parent = toVisit.poll();
            var children = resources.children(parent);
            assertThat(children).extracting(Resource::ordering)
                    .as("orderings under %s", parent)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, children.size()).boxed().toList());
            assertThat(resources.childrenCount(parent)).isEqualTo(children.size());
            for (var child : children) {
                assertThat(child.parentId()).as("parent of %s", child.id()).isEqualTo(parent);
                assertThat(reached.add(child.id())).as("%s reached once", child.id()).isTrue();
                toVisit.add(Optional.of(child.id()));
            }
        }
        assertThat(reached).as("resources reached from the roots").hasSize(expectedCount);
        for (var id : reached) {
            var path = resources.pathToRoot(id);
            assertThat(path).hasSizeLessThanOrEqualTo(expectedCount);
            assertThat(path.get(0).id()).isEqualTo(id);
            assertThat(path.get(path.size() - 1).isRoot()).isTrue();
        }
    }
}
