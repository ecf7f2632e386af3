package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The generated world")
class WorldTest {
    @Test
    @DisplayName("is the same for the same seed, and another for another seed")
    void isDeterministic() {
        var first = World.generate(DataSize.S, 42);
        var again = World.generate(DataSize.S, 42);
        var other = World.generate(DataSize.S, 43);

        assertThat(again.toString()).isEqualTo(first.toString());
        assertThat(again.landmarks()).isEqualTo(first.landmarks());
        assertThat(other.landmarks()).isNotEqualTo(first.landmarks());
    }

    @Test
    @DisplayName("puts every parent before its children, within the depth limits")
    void hasOrderedShallowTrees() {
        var world = World.generate(DataSize.S, World.DEFAULT_SEED);

        for (int resource = 1; resource <= world.resourceCount(); resource++) {
            assertThat(world.parentOf(resource)).isLessThan(resource);
            if (resource <= world.forestSize() + World.MOVED_SUBTREE_SIZE) {
                assertThat(world.depthOf(resource)).isBetween(1, World.MAX_TREE_DEPTH);
            }
        }
        var landmarks = world.landmarks();
        assertThat(world.depthOf(landmarks.spineAtDepth().get(World.SPINE_DEPTH))).isEqualTo(World.SPINE_DEPTH);
        assertThat(world.lineage(landmarks.checkedResource())).contains(landmarks.checkerGrantAnchor());
        assertThat(world.groupsOf(landmarks.groupAxisUsers().get(10))).hasSize(10);
    }
}
