package dev.gatehouse.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.TreeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kit's tests of the resource tree: positions, subtrees, paths, moves and deletes. */
public abstract class TreeKit extends AreaKit {
    private static final Optional<ResourceId> ROOT_LEVEL = Optional.empty();

    protected TreeKit(GatehouseCompatibilityKit kit) {
        super(kit);
    }

    /**
     * Two roots: {@code P} with children a, b, c, d, e (c has c1, which has c2) and {@code Q} with x, y, z.
     */
    private record Family(Resource p, Resource a, Resource b, Resource c, Resource c1, Resource c2, Resource d,
            Resource e, Resource q, Resource x, Resource y, Resource z) {}

    private Family family() {
        var p = fixture.root("P");
        var a = fixture.child(p, "a");
        var b = fixture.child(p, "b");
        var c = fixture.child(p, "c");
        var c1 = fixture.child(c, "c1");
        var c2 = fixture.child(c1, "c2");
        var d = fixture.child(p, "d");
        var e = fixture.child(p, "e");
        var q = fixture.root("Q");
        var x = fixture.child(q, "x");
        var y = fixture.child(q, "y");
        var z = fixture.child(q, "z");
        return new Family(p, a, b, c, c1, c2, d, e, q, x, y, z);
    }

    private List<String> namesUnder(Resource parent) {
        return fixture.childNames(Optional.of(parent.id()));
    }

    private List<String> rootNames() {
        return fixture.childNames(ROOT_LEVEL);
    }

    /** Every level of the forest: a parent's name (or "(roots)") to its children's names, in order. */
    private Map<String, List<String>> everyLevel() {
        var levels = new LinkedHashMap<String, List<String>>();
        collectLevel("(roots)", ROOT_LEVEL, levels);
        return levels;
    }

    private void collectLevel(String name, Optional<ResourceId> parent, Map<String, List<String>> levels) {
        var children = gatehouse.resources().children(parent);
        levels.put(name, children.stream().map(Resource::name).toList());
        children.forEach(child -> collectLevel(child.name(), Optional.of(child.id()), levels));
    }

    private int orderingOf(Resource resource) {
        return gatehouse.resources().require(resource.id()).ordering();
    }

    private Resource move(Resource resource, Optional<Resource> newParent, OptionalInt position) {
        return gatehouse.resources().move(resource.id(), newParent.map(Resource::id), position);
    }

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(node -> node.resource().name()).toList();
    }

    // ------------------------------------------------------------------------------------------------- create

    @Test
    @DisplayName("a resource created without a position is appended after its siblings")
    void createAppends() {
        var parent = fixture.root("parent");
        fixture.child(parent, "first");
        fixture.child(parent, "second");
        var third = fixture.child(parent, "third");

        assertThat(third.ordering()).isEqualTo(3);
        assertThat(third.parentId()).contains(parent.id());
        assertThat(namesUnder(parent)).containsExactly("first", "second", "third");
    }

    @Test
    @DisplayName("a resource created at position 1 comes first and every sibling moves one place down")
    void createAtFirstPosition() {
        var parent = fixture.root("parent");
        var old1 = fixture.child(parent, "old1");
        var old2 = fixture.child(parent, "old2");

        var created = gatehouse.resources().create(NewResource.of("new", "folder").under(parent.id()).at(1));

        assertThat(created.ordering()).isEqualTo(1);
        assertThat(namesUnder(parent)).containsExactly("new", "old1", "old2");
        assertThat(orderingOf(old1)).isEqualTo(2);
        assertThat(orderingOf(old2)).isEqualTo(3);
    }

    @Test
    @DisplayName("a resource created in the middle shifts only the later siblings")
    void createInTheMiddle() {
        var parent = fixture.root("parent");
        var one = fixture.child(parent, "one");
        var two = fixture.child(parent, "two");
        var three = fixture.child(parent, "three");

        var created = gatehouse.resources().create(NewResource.of("middle", "folder").under(parent.id()).at(2));

        assertThat(created.ordering()).isEqualTo(2);
        assertThat(namesUnder(parent)).containsExactly("one", "middle", "two", "three");
        assertThat(orderingOf(one)).isEqualTo(1);
        assertThat(orderingOf(two)).isEqualTo(3);
        assertThat(orderingOf(three)).isEqualTo(4);
    }

    @Test
    @DisplayName("position n+1 is a valid explicit position: the end")
    void createAtPositionAfterTheLast() {
        var parent = fixture.root("parent");
        fixture.child(parent, "one");
        fixture.child(parent, "two");

        var created = gatehouse.resources().create(NewResource.of("end", "folder").under(parent.id()).at(3));

        assertThat(created.ordering()).isEqualTo(3);
        assertThat(namesUnder(parent)).containsExactly("one", "two", "end");
    }

    @Test
    @DisplayName("a root created at a position takes that place among the roots")
    void createRootAtPosition() {
        fixture.root("r1");
        fixture.root("r2");

        var created = gatehouse.resources().create(NewResource.of("r0", "folder").at(1));

        assertThat(created.isRoot()).isTrue();
        assertThat(created.ordering()).isEqualTo(1);
        assertThat(rootNames()).containsExactly("r0", "r1", "r2");
    }

    @Test
    @DisplayName("creating at position n+2 raises InvalidPositionException and creates nothing")
    void createBeyondTheEnd() {
        var parent = fixture.root("parent");
        fixture.child(parent, "one");
        fixture.child(parent, "two");

        assertThatExceptionOfType(InvalidPositionException.class).isThrownBy(() ->
                gatehouse.resources().create(NewResource.of("far", "folder").under(parent.id()).at(4)));

        assertThat(namesUnder(parent)).containsExactly("one", "two");
        assertThat(gatehouse.resources().childrenCount(Optional.of(parent.id()))).isEqualTo(2);
    }

    @Test
    @DisplayName("creating under a missing parent raises NoSuchResourceException and creates nothing")
    void createUnderMissingParent() {
        var existing = fixture.root("existing");

        assertThatExceptionOfType(NoSuchResourceException.class).isThrownBy(() -> gatehouse.resources()
                .create(NewResource.of("orphan", "folder").under(ResourceId.of(existing.id().value() + 1000))));

        assertThat(rootNames()).containsExactly("existing");
        assertThat(namesUnder(existing)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ subtree

    @Test
    @DisplayName("a subtree with depth 0 is the root alone, at depth 0")
    void subtreeDepthZero() {
        var f = family();

        var subtree = gatehouse.resources().subtree(f.p().id(), 0);

        assertThat(subtree).hasSize(1);
        assertThat(subtree.get(0).resource().id()).isEqualTo(f.p().id());
        assertThat(subtree.get(0).depth()).isZero();
    }

    @Test
    @DisplayName("a subtree with depth 1 is the root followed by its children in order, at depth 1")
    void subtreeDepthOne() {
        var f = family();

        var subtree = gatehouse.resources().subtree(f.p().id(), 1);

        assertThat(names(subtree)).containsExactly("P", "a", "b", "c", "d", "e");
        assertThat(subtree).extracting(TreeNode::depth).containsExactly(0, 1, 1, 1, 1, 1);
    }

    @Test
    @DisplayName("an unbounded subtree lists every descendant depth-first, siblings by ordering, not by id")
    void subtreeUnboundedDepthFirst() {
        var root = fixture.root("root");
        var second = fixture.child(root, "second");
        var first = gatehouse.resources().create(NewResource.of("first", "folder").under(root.id()).at(1));
        fixture.child(second, "second.b");
        gatehouse.resources().create(NewResource.of("second.a", "folder").under(second.id()).at(1));
        var firstChild = fixture.child(first, "first.a");
        fixture.child(firstChild, "first.a.x");

        var subtree = gatehouse.resources().subtree(root.id(), Integer.MAX_VALUE);

        assertThat(names(subtree))
                .containsExactly("root", "first", "first.a", "first.a.x", "second", "second.a", "second.b");
        assertThat(subtree).extracting(TreeNode::depth).containsExactly(0, 1, 2, 3, 1, 2, 2);
    }

    @Test
    @DisplayName("the depths of a subtree count from the subtree's root, not from the tree's root")
    void subtreeDepthsAreRelative() {
        var f = family();

        var subtree = gatehouse.resources().subtree(f.c().id(), 5);

        assertThat(names(subtree)).containsExactly("c", "c1", "c2");
        assertThat(subtree).extracting(TreeNode::depth).containsExactly(0, 1, 2);
        assertThat(subtree.get(2).resource().parentId()).contains(f.c1().id());
    }

    @Test
    @DisplayName("a subtree with depth 2 stops above the third level")
    void subtreeStopsAtDepth() {
        var chain = fixture.chain(5);

        var subtree = gatehouse.resources().subtree(chain.get(0).id(), 2);

        assertThat(names(subtree)).containsExactly("level0", "level1", "level2");
    }

    @Test
    @DisplayName("the subtree of a missing resource raises NoSuchResourceException")
    void subtreeOfMissing() {
        var root = fixture.root("root");

        assertThatExceptionOfType(NoSuchResourceException.class).isThrownBy(() ->
                gatehouse.resources().subtree(ResourceId.of(root.id().value() + 1000), 3));
    }

    // --------------------------------------------------------------------------------- paths and children

    @Test
    @DisplayName("the path to the root lists the resource, its parent, and so on up to its root")
    void pathToRoot() {
        var chain = fixture.chain(6);

        var path = gatehouse.resources().pathToRoot(chain.get(5).id());

        assertThat(path).extracting(Resource::name)
                .containsExactly("level5", "level4", "level3", "level2", "level1", "level0");
        assertThat(path.get(path.size() - 1).isRoot()).isTrue();
    }

    @Test
    @DisplayName("the path to the root of a root is the root alone")
    void pathToRootOfRoot() {
        var root = fixture.root("alone");

        assertThat(gatehouse.resources().pathToRoot(root.id())).extracting(Resource::id).containsExactly(root.id());
    }

    @Test
    @DisplayName("children of the root level are the roots in order, and childrenCount agrees")
    void childrenOfRootLevel() {
        fixture.root("one");
        fixture.root("two");
        gatehouse.resources().create(NewResource.of("zero", "folder").at(1));

        assertThat(gatehouse.resources().children(ROOT_LEVEL)).extracting(Resource::name)
                .containsExactly("zero", "one", "two");
        assertThat(gatehouse.resources().children(ROOT_LEVEL)).extracting(Resource::ordering)
                .containsExactly(1, 2, 3);
        assertThat(gatehouse.resources().childrenCount(ROOT_LEVEL)).isEqualTo(3);
    }

    @Test
    @DisplayName("children of a node are its direct children only, and a leaf has none")
    void childrenOfNode() {
        var f = family();

        assertThat(gatehouse.resources().children(Optional.of(f.p().id()))).extracting(Resource::name)
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(gatehouse.resources().childrenCount(Optional.of(f.p().id()))).isEqualTo(5);
        assertThat(gatehouse.resources().childrenCount(Optional.of(f.c().id()))).isEqualTo(1);
        assertThat(gatehouse.resources().children(Optional.of(f.a().id()))).isEmpty();
        assertThat(gatehouse.resources().childrenCount(Optional.of(f.a().id()))).isZero();
    }

    @Test
    @DisplayName("children of a missing parent raise NoSuchResourceException")
    void childrenOfMissing() {
        var root = fixture.root("root");

        assertThatExceptionOfType(NoSuchResourceException.class).isThrownBy(() ->
                gatehouse.resources().children(Optional.of(ResourceId.of(root.id().value() + 1000))));
    }

    @Test
    @DisplayName("renaming a resource changes its name and nothing else")
    void rename() {
        var f = family();

        var renamed = gatehouse.resources().rename(f.c().id(), "renamed");

        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.ordering()).isEqualTo(3);
        assertThat(renamed.parentId()).contains(f.p().id());
        assertThat(gatehouse.resources().require(f.c().id()).name()).isEqualTo("renamed");
        assertThat(namesUnder(f.p())).containsExactly("a", "b", "renamed", "d", "e");
        assertThat(namesUnder(f.c())).containsExactly("c1");
    }

    // -------------------------------------------------------------------------------------------------- moves

    @Test
    @DisplayName("moving up within the same parent shifts the siblings in between down")
    void moveUpWithinParent() {
        var f = family();

        var moved = move(f.d(), Optional.of(f.p()), OptionalInt.of(2));

        assertThat(moved.ordering()).isEqualTo(2);
        assertThat(namesUnder(f.p())).containsExactly("a", "d", "b", "c", "e");
    }

    @Test
    @DisplayName("moving down within the same parent shifts the siblings in between up")
    void moveDownWithinParent() {
        var f = family();

        var moved = move(f.b(), Optional.of(f.p()), OptionalInt.of(4));

        assertThat(moved.ordering()).isEqualTo(4);
        assertThat(namesUnder(f.p())).containsExactly("a", "c", "d", "b", "e");
    }

    @Test
    @DisplayName("moving the last sibling to position 1 makes it first")
    void moveToFirst() {
        var f = family();

        move(f.e(), Optional.of(f.p()), OptionalInt.of(1));

        assertThat(namesUnder(f.p())).containsExactly("e", "a", "b", "c", "d");
        assertThat(orderingOf(f.e())).isEqualTo(1);
        assertThat(orderingOf(f.d())).isEqualTo(5);
    }

    @Test
    @DisplayName("moving the first sibling to position n makes it last")
    void moveToLast() {
        var f = family();

        move(f.a(), Optional.of(f.p()), OptionalInt.of(5));

        assertThat(namesUnder(f.p())).containsExactly("b", "c", "d", "e", "a");
        assertThat(orderingOf(f.a())).isEqualTo(5);
        assertThat(orderingOf(f.b())).isEqualTo(1);
    }

    @Test
    @DisplayName("moving within the same parent without a position appends it")
    void moveAppendWithinParent() {
        var f = family();

        var moved = move(f.b(), Optional.of(f.p()), OptionalInt.empty());

        assertThat(moved.ordering()).isEqualTo(5);
        assertThat(namesUnder(f.p())).containsExactly("a", "c", "d", "e", "b");
    }

    @Test
    @DisplayName("moving to another parent at a middle position closes the old gap and opens a new one")
    void moveAcrossIntoMiddle() {
        var f = family();

        var moved = move(f.c(), Optional.of(f.q()), OptionalInt.of(2));

        assertThat(moved.parentId()).contains(f.q().id());
        assertThat(moved.ordering()).isEqualTo(2);
        assertThat(namesUnder(f.q())).containsExactly("x", "c", "y", "z");
        assertThat(namesUnder(f.p())).containsExactly("a", "b", "d", "e");
        assertThat(orderingOf(f.d())).isEqualTo(3);
        assertThat(orderingOf(f.z())).isEqualTo(4);
    }

    @Test
    @DisplayName("moving to another parent without a position appends it there")
    void moveAcrossAppend() {
        var f = family();

        var moved = move(f.c(), Optional.of(f.q()), OptionalInt.empty());

        assertThat(moved.ordering()).isEqualTo(4);
        assertThat(namesUnder(f.q())).containsExactly("x", "y", "z", "c");
        assertThat(namesUnder(f.p())).containsExactly("a", "b", "d", "e");
    }

    @Test
    @DisplayName("moving to another parent at position n+1 puts it at the end there")
    void moveAcrossToPositionAfterLast() {
        var f = family();

        move(f.a(), Optional.of(f.q()), OptionalInt.of(4));

        assertThat(namesUnder(f.q())).containsExactly("x", "y", "z", "a");
        assertThat(namesUnder(f.p())).containsExactly("b", "c", "d", "e");
    }

    @Test
    @DisplayName("moving to the root level makes a root at that position among the roots")
    void moveToRootLevel() {
        var f = family();

        var moved = move(f.c(), Optional.empty(), OptionalInt.of(2));

        assertThat(moved.isRoot()).isTrue();
        assertThat(rootNames()).containsExactly("P", "c", "Q");
        assertThat(namesUnder(f.p())).containsExactly("a", "b", "d", "e");
        assertThat(gatehouse.resources().pathToRoot(f.c2().id())).extracting(Resource::name)
                .containsExactly("c2", "c1", "c");
    }

    @Test
    @DisplayName("moving a root under a node removes it from the root level and closes the gap")
    void moveFromRootLevel() {
        var f = family();
        var last = fixture.root("R");

        var moved = move(f.q(), Optional.of(f.p()), OptionalInt.of(2));

        assertThat(moved.parentId()).contains(f.p().id());
        assertThat(rootNames()).containsExactly("P", "R");
        assertThat(orderingOf(last)).isEqualTo(2);
        assertThat(namesUnder(f.p())).containsExactly("a", "Q", "b", "c", "d", "e");
        assertThat(namesUnder(f.q())).containsExactly("x", "y", "z");
    }

    @Test
    @DisplayName("moving a root within the root level reorders the roots")
    void moveWithinRootLevel() {
        var f = family();
        fixture.root("R");

        move(f.p(), Optional.empty(), OptionalInt.of(3));

        assertThat(rootNames()).containsExactly("Q", "R", "P");
    }

    @Test
    @DisplayName("moving a resource under its own child raises TreeCycleException and changes nothing")
    void moveIntoOwnChild() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(TreeCycleException.class)
                .isThrownBy(() -> move(f.c(), Optional.of(f.c1()), OptionalInt.empty()));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving a resource under a deeper descendant raises TreeCycleException and changes nothing")
    void moveIntoOwnGrandchild() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(TreeCycleException.class)
                .isThrownBy(() -> move(f.p(), Optional.of(f.c2()), OptionalInt.of(1)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving a resource under itself raises TreeCycleException and changes nothing")
    void moveOntoItself() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(TreeCycleException.class)
                .isThrownBy(() -> move(f.c(), Optional.of(f.c()), OptionalInt.of(1)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving under a missing parent raises NoSuchResourceException and changes nothing")
    void moveToMissingParent() {
        var f = family();
        var before = everyLevel();
        var missing = ResourceId.of(f.z().id().value() + 1000);

        assertThatExceptionOfType(NoSuchResourceException.class).isThrownBy(() ->
                gatehouse.resources().move(f.c().id(), Optional.of(missing), OptionalInt.empty()));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving a missing resource raises NoSuchResourceException and changes nothing")
    void moveMissingResource() {
        var f = family();
        var before = everyLevel();
        var missing = ResourceId.of(f.z().id().value() + 1000);

        assertThatExceptionOfType(NoSuchResourceException.class).isThrownBy(() ->
                gatehouse.resources().move(missing, Optional.of(f.q().id()), OptionalInt.of(1)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving to position 0 raises InvalidPositionException and changes nothing")
    void moveToPositionZero() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(InvalidPositionException.class)
                .isThrownBy(() -> move(f.c(), Optional.of(f.q()), OptionalInt.of(0)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving within the same parent to position n+1 raises InvalidPositionException and changes nothing")
    void moveWithinParentBeyondTheEnd() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(InvalidPositionException.class)
                .isThrownBy(() -> move(f.b(), Optional.of(f.p()), OptionalInt.of(6)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving a root among the roots to position n+1 raises InvalidPositionException and changes nothing")
    void moveWithinRootLevelBeyondTheEnd() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(InvalidPositionException.class)
                .isThrownBy(() -> move(f.p(), Optional.empty(), OptionalInt.of(3)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("moving to another parent at position n+2 raises InvalidPositionException and changes nothing")
    void moveAcrossBeyondTheEnd() {
        var f = family();
        var before = everyLevel();

        assertThatExceptionOfType(InvalidPositionException.class)
                .isThrownBy(() -> move(f.c(), Optional.of(f.q()), OptionalInt.of(5)));

        assertThat(everyLevel()).isEqualTo(before);
    }

    @Test
    @DisplayName("a moved resource keeps its descendants, and their paths run through the new parent")
    void movedSubtreeKeepsDescendants() {
        var f = family();

        move(f.c(), Optional.of(f.y()), OptionalInt.empty());

        assertThat(names(gatehouse.resources().subtree(f.c().id(), Integer.MAX_VALUE)))
                .containsExactly("c", "c1", "c2");
        assertThat(gatehouse.resources().pathToRoot(f.c2().id())).extracting(Resource::name)
                .containsExactly("c2", "c1", "c", "y", "Q");
        assertThat(names(gatehouse.resources().subtree(f.q().id(), Integer.MAX_VALUE)))
                .containsExactly("Q", "x", "y", "c", "c1", "c2", "z");
        assertThat(names(gatehouse.resources().subtree(f.p().id(), Integer.MAX_VALUE)))
                .containsExactly("P", "a", "b", "d", "e");
    }

    @Test
    @DisplayName("after a move, grants inherited from the new parent apply and the old parent's no longer do")
    void inheritedGrantsFollowTheMove() {
        var f = family();
        var alice = fixture.user("alice");
        var bob = fixture.user("bob");
        gatehouse.permissions().grant(Grant.on(f.p().id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(f.q().id(), bob.principal(), EDIT));
        var check = gatehouse.permissions();
        assertThat(check.check(Subject.user(alice.id()), EDIT, f.c2().id())).isTrue();
        assertThat(check.check(Subject.user(bob.id()), EDIT, f.c2().id())).isFalse();

        move(f.c(), Optional.of(f.x()), OptionalInt.empty());

        assertThat(check.check(Subject.user(alice.id()), EDIT, f.c2().id()))
                .as("the old parent's grant no longer reaches the moved subtree").isFalse();
        assertThat(check.check(Subject.user(bob.id()), EDIT, f.c2().id()))
                .as("the new parent's grant reaches the moved subtree").isTrue();
        assertThat(check.check(Subject.user(bob.id()), EDIT, f.c().id())).isTrue();
        assertThat(check.check(Subject.user(alice.id()), EDIT, f.a().id()))
                .as("the old parent's grant still reaches its remaining children").isTrue();
    }

    // ------------------------------------------------------------------------------------------------ deletes

    @Test
    @DisplayName("deleting a branch removes its descendants and their grants, and closes the gap")
    void deleteBranch() {
        var f = family();
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(f.c().id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(f.c2().id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(f.d().id(), alice.principal(), EDIT));

        gatehouse.resources().deleteBranch(f.c().id());

        assertThat(namesUnder(f.p())).containsExactly("a", "b", "d", "e");
        assertThat(orderingOf(f.d())).isEqualTo(3);
        assertThat(orderingOf(f.e())).isEqualTo(4);
        assertThat(gatehouse.resources().byId(f.c().id())).isEmpty();
        assertThat(gatehouse.resources().byId(f.c1().id())).isEmpty();
        assertThat(gatehouse.resources().byId(f.c2().id())).isEmpty();
        assertThat(gatehouse.permissions().grantsOf(alice.principal()))
                .containsExactly(Grant.on(f.d().id(), alice.principal(), EDIT));
    }

    @Test
    @DisplayName("deleting one resource with CASCADE deletes its whole subtree and closes the gap")
    void deleteCascade() {
        var f = family();
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(f.c1().id(), alice.principal(), EDIT));

        gatehouse.resources().delete(f.c().id(), ChildrenPolicy.CASCADE);

        assertThat(namesUnder(f.p())).containsExactly("a", "b", "d", "e");
        assertThat(gatehouse.resources().byId(f.c().id())).isEmpty();
        assertThat(gatehouse.resources().byId(f.c1().id())).isEmpty();
        assertThat(gatehouse.resources().byId(f.c2().id())).isEmpty();
        assertThat(gatehouse.permissions().grantsOf(alice.principal())).isEmpty();
    }

    @Test
    @DisplayName("deleting one resource with REPARENT puts its children in its place, in order; later siblings shift")
    void deleteReparent() {
        var p = fixture.root("P");
        fixture.child(p, "a");
        var b = fixture.child(p, "b");
        var b1 = fixture.child(b, "b1");
        var b2 = fixture.child(b, "b2");
        var b3 = fixture.child(b, "b3");
        var b2x = fixture.child(b2, "b2x");
        var c = fixture.child(p, "c");
        var alice = fixture.user("alice");
        gatehouse.permissions().grant(Grant.on(b.id(), alice.principal(), EDIT));
        gatehouse.permissions().grant(Grant.on(b2.id(), alice.principal(), EDIT));

        gatehouse.resources().delete(b.id(), ChildrenPolicy.REPARENT);

        assertThat(gatehouse.resources().byId(b.id())).isEmpty();
        assertThat(namesUnder(p)).containsExactly("a", "b1", "b2", "b3", "c");
        assertThat(orderingOf(b1)).isEqualTo(2);
        assertThat(orderingOf(b3)).isEqualTo(4);
        assertThat(orderingOf(c)).isEqualTo(5);
        assertThat(gatehouse.resources().require(b2.id()).parentId()).contains(p.id());
        assertThat(gatehouse.resources().pathToRoot(b2x.id())).extracting(Resource::name)
                .containsExactly("b2x", "b2", "P");
        assertThat(gatehouse.permissions().grantsOf(alice.principal()))
                .as("the deleted resource's grant goes, its children's stay")
                .containsExactly(Grant.on(b2.id(), alice.principal(), EDIT));
    }

    @Test
    @DisplayName("deleting a root branch renumbers the remaining roots")
    void deleteRootBranch() {
        var f = family();
        var r = fixture.root("R");

        gatehouse.resources().deleteBranch(f.p().id());

        assertThat(rootNames()).containsExactly("Q", "R");
        assertThat(orderingOf(f.q())).isEqualTo(1);
        assertThat(orderingOf(r)).isEqualTo(2);
        List<Resource> gone = new ArrayList<>(List.of(f.p(), f.a(), f.b(), f.c(), f.c1(), f.c2(), f.d(), f.e()));
        gone.forEach(resource -> assertThat(gatehouse.resources().byId(resource.id()))
                .as("deleted %s", resource.name()).isEmpty());
    }

    @Test
    @DisplayName("deleting a root with REPARENT makes its children roots in its place")
    void deleteRootReparent() {
        var f = family();
        fixture.root("R");

        gatehouse.resources().delete(f.q().id(), ChildrenPolicy.REPARENT);

        assertThat(rootNames()).containsExactly("P", "x", "y", "z", "R");
        assertThat(gatehouse.resources().require(f.y().id()).isRoot()).isTrue();
        assertThat(orderingOf(f.y())).isEqualTo(3);
    }

    @Test
    @DisplayName("deleting a missing resource raises NoSuchResourceException and changes nothing")
    void deleteMissing() {
        var f = family();
        var before = everyLevel();
        var missing = ResourceId.of(f.z().id().value() + 1000);

        assertThatExceptionOfType(NoSuchResourceException.class)
                .isThrownBy(() -> gatehouse.resources().deleteBranch(missing));

        assertThat(everyLevel()).isEqualTo(before);
    }
}
