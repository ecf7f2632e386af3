package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.ResourceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory store's resource tree")
class InMemoryTreeTest {
    private InMemoryStore store;
    private ResourceStore resources;

    @BeforeEach
    void freshStore() {
        store = InMemoryStore.create();
        resources = store.resources();
    }

    @AfterEach
    void treeStaysWellFormed() {
        TreeInvariants.assertWellFormed(resources, store.resources().children(Optional.empty()).stream()
                .mapToInt(root -> resources.subtree(root.id(), Integer.MAX_VALUE).size())
                .sum());
    }

    private ResourceId root(String name) {
        return resources.create(NewResource.of(name, "folder")).id();
    }

    private ResourceId child(ResourceId parent, String name) {
        return resources.create(NewResource.of(name, "folder").under(parent)).id();
    }

    private ResourceId id(String name) {
        return store.resources().children(Optional.empty()).stream()
                .flatMap(root -> resources.subtree(root.id(), Integer.MAX_VALUE).stream())
                .map(TreeNode::resource)
                .filter(resource -> resource.name().equals(name))
                .map(Resource::id)
                .findFirst()
                .orElseThrow();
    }

    /** The names of the children in ordering order, after checking that the orderings are 1..n. */
    private List<String> namesUnder(Optional<ResourceId> parent) {
        var children = resources.children(parent);
        assertThat(children).extracting(Resource::ordering)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, children.size()).boxed().toList());
        return children.stream().map(Resource::name).toList();
    }

    private List<String> namesUnder(ResourceId parent) {
        return namesUnder(Optional.of(parent));
    }

    private List<String> rootNames() {
        return namesUnder(Optional.empty());
    }

    /** A parent {@code p} with children a, b, c, d. */
    private ResourceId parentWithFourChildren() {
        var parent = root("p");
        List.of("a", "b", "c", "d").forEach(name -> child(parent, name));
        return parent;
    }

    @Nested
    @DisplayName("Creating")
    class Creating {
        @Test
        @DisplayName("resources without a position are appended after their siblings")
        void appendsWithoutPosition() {
            var parent = parentWithFourChildren();

            assertThat(namesUnder(parent)).containsExactly("a", "b", "c", "d");
            assertThat(resources.byId(parent).orElseThrow().ordering()).isEqualTo(1);
        }

        @Test
        @DisplayName("roots are siblings of each other and are ordered too")
        void rootsAreOrdered() {
            root("x");
            root("y");
            resources.create(NewResource.of("w", "folder").at(1));

            assertThat(rootNames()).containsExactly("w", "x", "y");
        }

        @Test
        @DisplayName("a resource created at position 1 shifts every sibling down by one")
        void createAtFirstPosition() {
            var parent = parentWithFourChildren();

            resources.create(NewResource.of("new", "folder").under(parent).at(1));

            assertThat(namesUnder(parent)).containsExactly("new", "a", "b", "c", "d");
        }

        @Test
        @DisplayName("a resource created in the middle shifts only the later siblings")
        void createInTheMiddle() {
            var parent = parentWithFourChildren();

            var created = resources.create(NewResource.of("new", "folder").under(parent).at(3));

            assertThat(created.ordering()).isEqualTo(3);
            assertThat(namesUnder(parent)).containsExactly("a", "b", "new", "c", "d");
        }

        @Test
        @DisplayName("position n+1 appends, and n+2 is rejected with InvalidPositionException")
        void createAtTheEnd() {
            var parent = parentWithFourChildren();

            resources.create(NewResource.of("last", "folder").under(parent).at(5));

            assertThat(namesUnder(parent)).containsExactly("a", "b", "c", "d", "last");
            assertThatThrownBy(() -> resources.create(NewResource.of("far", "folder").under(parent).at(7)))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("7")
                    .hasMessageContaining("1..6");
        }

        @Test
        @DisplayName("position 0 is rejected by the model before it reaches the store")
        void positionZero() {
            assertThatThrownBy(() -> NewResource.of("zero", "folder").at(0))
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("creating under a missing parent fails with NoSuchResourceException")
        void missingParent() {
            assertThatThrownBy(() -> resources.create(NewResource.of("orphan", "folder").under(ResourceId.of(42))))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("42");
        }

        @Test
        @DisplayName("owners must exist")
        void ownersMustExist() {
            assertThatThrownBy(() -> resources.create(NewResource.of("r", "folder").ownedBy(UserId.of(7))))
                    .isInstanceOf(NoSuchUserException.class)
                    .hasMessageContaining("7");
            assertThatThrownBy(() -> resources.create(NewResource.of("r", "folder").ownedByGroup(GroupId.of(8))))
                    .isInstanceOf(NoSuchGroupException.class)
                    .hasMessageContaining("8");
        }

        @Test
        @DisplayName("the created resource carries what was asked for, with ids counted from 1")
        void createdResourceCarriesItsFields() {
            var owner = store.users().create(NewUser.named("ann"), Instant.EPOCH).id();
            var first = root("first");

            var created = resources.create(
                    NewResource.of("doc", "document").under(first).ownedBy(owner).notInheriting());

            assertThat(first).isEqualTo(ResourceId.of(1));
            assertThat(created).isEqualTo(new Resource(ResourceId.of(2), "doc", "document", Optional.of(first), 1,
                    Optional.of(owner), Optional.empty(), false));
            assertThat(resources.byId(created.id())).contains(created);
        }
    }

    @Nested
    @DisplayName("Moving")
    class Moving {
        @Test
        @DisplayName("moving up within the same parent shifts the siblings in between down")
        void sameParentUp() {
            var parent = parentWithFourChildren();

            var moved = resources.move(id("d"), Optional.of(parent), OptionalInt.of(2));

            assertThat(moved.ordering()).isEqualTo(2);
            assertThat(namesUnder(parent)).containsExactly("a", "d", "b", "c");
        }

        @Test
        @DisplayName("moving down within the same parent shifts the siblings in between up")
        void sameParentDown() {
            var parent = parentWithFourChildren();

            resources.move(id("a"), Optional.of(parent), OptionalInt.of(3));

            assertThat(namesUnder(parent)).containsExactly("b", "c", "a", "d");
        }

        @Test
        @DisplayName("within the same parent, positions run 1..n: n is accepted, n+1 is rejected")
        void sameParentBounds() {
            var parent = parentWithFourChildren();

            resources.move(id("a"), Optional.of(parent), OptionalInt.of(4));

            assertThat(namesUnder(parent)).containsExactly("b", "c", "d", "a");
            assertThatThrownBy(() -> resources.move(id("b"), Optional.of(parent), OptionalInt.of(5)))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("5")
                    .hasMessageContaining("1..4");
        }

        @Test
        @DisplayName("position 0 is rejected with InvalidPositionException")
        void positionZero() {
            var parent = parentWithFourChildren();

            assertThatThrownBy(() -> resources.move(id("b"), Optional.of(parent), OptionalInt.of(0)))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("0");
        }

        @Test
        @DisplayName("moving to the same place changes nothing")
        void sameParentSamePosition() {
            var parent = parentWithFourChildren();

            resources.move(id("b"), Optional.of(parent), OptionalInt.of(2));

            assertThat(namesUnder(parent)).containsExactly("a", "b", "c", "d");
        }

        @Test
        @DisplayName("without a position, a move within the same parent puts the resource last")
        void sameParentAppend() {
            var parent = parentWithFourChildren();

            resources.move(id("b"), Optional.of(parent), OptionalInt.empty());

            assertThat(namesUnder(parent)).containsExactly("a", "c", "d", "b");
        }

        @Test
        @DisplayName("a move to another parent closes the gap behind and opens one at the new place")
        void crossParent() {
            var from = parentWithFourChildren();
            var to = root("q");
            child(to, "x");
            child(to, "y");

            var moved = resources.move(id("b"), Optional.of(to), OptionalInt.of(2));

            assertThat(moved.parentId()).contains(to);
            assertThat(namesUnder(from)).containsExactly("a", "c", "d");
            assertThat(namesUnder(to)).containsExactly("x", "b", "y");
        }

        @Test
        @DisplayName("into another parent, positions run 1..n+1: n+1 appends, n+2 is rejected")
        void crossParentBounds() {
            var from = parentWithFourChildren();
            var to = root("q");
            child(to, "x");
            child(to, "y");

            resources.move(id("a"), Optional.of(to), OptionalInt.of(3));

            assertThat(namesUnder(to)).containsExactly("x", "y", "a");
            assertThat(namesUnder(from)).containsExactly("b", "c", "d");
            assertThatThrownBy(() -> resources.move(id("b"), Optional.of(to), OptionalInt.of(5)))
                    .isInstanceOf(InvalidPositionException.class)
                    .hasMessageContaining("1..4");
        }

        @Test
        @DisplayName("without a position, a move into another parent appends")
        void crossParentAppend() {
            parentWithFourChildren();
            var to = root("q");
            child(to, "x");

            resources.move(id("c"), Optional.of(to), OptionalInt.empty());

            assertThat(namesUnder(to)).containsExactly("x", "c");
        }

        @Test
        @DisplayName("a resource moves with its whole subtree")
        void movesTheSubtree() {
            var parent = parentWithFourChildren();
            var grandchild = child(id("b"), "b1");
            var to = root("q");

            resources.move(id("b"), Optional.of(to), OptionalInt.empty());

            assertThat(resources.pathToRoot(grandchild)).extracting(Resource::name).containsExactly("b1", "b", "q");
            assertThat(namesUnder(parent)).containsExactly("a", "c", "d");
        }

        @Test
        @DisplayName("a resource can move to the root level, among the roots")
        void toRootLevel() {
            var parent = parentWithFourChildren();
            root("q");

            var moved = resources.move(id("c"), Optional.empty(), OptionalInt.of(2));

            assertThat(moved.isRoot()).isTrue();
            assertThat(rootNames()).containsExactly("p", "c", "q");
            assertThat(namesUnder(parent)).containsExactly("a", "b", "d");
        }

        @Test
        @DisplayName("a root can move within the root level and under another resource")
        void rootsMove() {
            root("x");
            root("y");
            var z = root("z");

            resources.move(z, Optional.empty(), OptionalInt.of(1));
            assertThat(rootNames()).containsExactly("z", "x", "y");

            resources.move(id("x"), Optional.of(z), OptionalInt.empty());
            assertThat(rootNames()).containsExactly("z", "y");
            assertThat(namesUnder(z)).containsExactly("x");
        }

        @Test
        @DisplayName("moving a resource under itself fails with TreeCycleException")
        void underItself() {
            var parent = parentWithFourChildren();

            assertThatThrownBy(() -> resources.move(parent, Optional.of(parent), OptionalInt.empty()))
                    .isInstanceOf(TreeCycleException.class)
                    .hasMessageContaining(parent.toString());
        }

        @Test
        @DisplayName("moving a resource under one of its descendants fails with TreeCycleException")
        void underADescendant() {
            var parent = parentWithFourChildren();
            var grandchild = child(id("b"), "b1");

            assertThatThrownBy(() -> resources.move(parent, Optional.of(grandchild), OptionalInt.empty()))
                    .isInstanceOf(TreeCycleException.class)
                    .hasMessageContaining(grandchild.toString());
            assertThat(resources.pathToRoot(grandchild)).extracting(Resource::name).containsExactly("b1", "b", "p");
        }

        @Test
        @DisplayName("moving under a missing parent fails with NoSuchResourceException")
        void missingParent() {
            parentWithFourChildren();

            assertThatThrownBy(() -> resources.move(id("a"), Optional.of(ResourceId.of(99)), OptionalInt.empty()))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("99");
        }

        @Test
        @DisplayName("moving a missing resource fails with NoSuchResourceException")
        void missingResource() {
            assertThatThrownBy(() -> resources.move(ResourceId.of(99), Optional.empty(), OptionalInt.empty()))
                    .isInstanceOf(NoSuchResourceException.class)
                    .hasMessageContaining("99");
        }
    }

    @Nested
    @DisplayName("Deleting")
    class Deleting {
        @Test
        @DisplayName("deleting a branch removes the subtree and closes the gap among its siblings")
        void deleteBranch() {
            var parent = parentWithFourChildren();
            var b1 = child(id("b"), "b1");
            var b2 = child(b1, "b2");

            resources.deleteBranch(id("b"));

            assertThat(namesUnder(parent)).containsExactly("a", "c", "d");
            assertThat(resources.byId(b1)).isEmpty();
            assertThat(resources.byId(b2)).isEmpty();
        }

        @Test
        @DisplayName("deleting a branch removes the grants, roles and ACLs on every node of it")
        void deleteBranchRemovesPermissions() {
            var user = store.users().create(NewUser.named("ann"), Instant.EPOCH).principal();
            var parent = parentWithFourChildren();
            var b = id("b");
            var b1 = child(b, "b1");
            for (var node : List.of(b, b1)) {
                store.permissions().grant(Grant.on(node, user, Permission.of("view")));
                store.permissions().assignRole(RoleAssignment.on(node, user, "editor"));
                store.permissions().setAcl(node, Acl.of(Ace.deny(user, Permission.ALL)));
            }
            store.permissions().grant(Grant.on(parent, user, Permission.of("view")));

            resources.deleteBranch(b);

            assertThat(store.permissions().grantsOf(user)).containsExactly(
                    Grant.on(parent, user, Permission.of("view")));
            assertThat(store.permissions().rolesOf(user)).isEmpty();
            for (var node : List.of(b, b1)) {
                assertThat(store.permissions().grantsOn(node)).isEmpty();
                assertThat(store.permissions().rolesOn(node)).isEmpty();
                assertThat(store.permissions().acl(node)).isEqualTo(Acl.EMPTY);
            }
        }

        @Test
        @DisplayName("deleting a root branch closes the gap among the roots")
        void deleteRootBranch() {
            root("x");
            var y = root("y");
            child(y, "y1");
            root("z");

            resources.deleteBranch(y);

            assertThat(rootNames()).containsExactly("x", "z");
        }

        @Test
        @DisplayName("deleting a single resource with CASCADE deletes its subtree too")
        void deleteCascade() {
            var parent = parentWithFourChildren();
            var b1 = child(id("b"), "b1");

            resources.delete(id("b"), ChildrenPolicy.CASCADE);

            assertThat(namesUnder(parent)).containsExactly("a", "c", "d");
            assertThat(resources.byId(b1)).isEmpty();
        }

        @Test
        @DisplayName("deleting with REPARENT moves the children, in order, into the deleted resource's place")
        void deleteReparent() {
            var parent = parentWithFourChildren();
            var b = id("b");
            child(b, "b1");
            var b2 = child(b, "b2");
            var b2x = child(b2, "b2x");

            resources.delete(b, ChildrenPolicy.REPARENT);

            assertThat(resources.byId(b)).isEmpty();
            assertThat(namesUnder(parent)).containsExactly("a", "b1", "b2", "c", "d");
            assertThat(resources.byId(b2).orElseThrow().parentId()).contains(parent);
            assertThat(resources.pathToRoot(b2x)).extracting(Resource::name).containsExactly("b2x", "b2", "p");
        }

        @Test
        @DisplayName("deleting a root with REPARENT makes its children roots at its place")
        void deleteRootReparent() {
            root("x");
            var y = root("y");
            child(y, "y1");
            child(y, "y2");
            root("z");

            resources.delete(y, ChildrenPolicy.REPARENT);

            assertThat(rootNames()).containsExactly("x", "y1", "y2", "z");
            assertThat(resources.byId(id("y1")).orElseThrow().isRoot()).isTrue();
        }

        @Test
        @DisplayName("deleting a leaf with REPARENT just closes the gap")
        void deleteLeafReparent() {
            var parent = parentWithFourChildren();

            resources.delete(id("a"), ChildrenPolicy.REPARENT);

            assertThat(namesUnder(parent)).containsExactly("b", "c", "d");
        }

        @Test
        @DisplayName("deleting a missing resource fails with NoSuchResourceException")
        void deleteMissing() {
            assertThatThrownBy(() -> resources.deleteBranch(ResourceId.of(5)))
                    .isInstanceOf(NoSuchResourceException.class).hasMessageContaining("5");
            assertThatThrownBy(() -> resources.delete(ResourceId.of(6), ChildrenPolicy.REPARENT))
                    .isInstanceOf(NoSuchResourceException.class).hasMessageContaining("6");
        }
    }

    @Nested
    @DisplayName("Reading")
    class Reading {
        @Test
        @DisplayName("subtree lists depth-first in pre-order, siblings by ordering, with depths from 0")
        void subtreeOrder() {
            var parent = parentWithFourChildren();
            child(id("b"), "b1");
            child(id("b1"), "b1x");
            child(id("d"), "d1");
            resources.move(id("d"), Optional.of(parent), OptionalInt.of(1));

            var listing = resources.subtree(parent, Integer.MAX_VALUE);

            assertThat(listing).extracting(node -> node.resource().name() + "@" + node.depth())
                    .containsExactly("p@0", "d@1", "d1@2", "a@1", "b@1", "b1@2", "b1x@3", "c@1");
        }

        @Test
        @DisplayName("subtree stops at maxDepth; depth 0 is the root alone")
        void subtreeDepth() {
            var parent = parentWithFourChildren();
            child(id("b"), "b1");

            assertThat(resources.subtree(parent, 0)).extracting(node -> node.resource().name()).containsExactly("p");
            assertThat(resources.subtree(parent, 1)).extracting(node -> node.resource().name())
                    .containsExactly("p", "a", "b", "c", "d");
        }

        @Test
        @DisplayName("subtree rejects a negative depth and a missing root")
        void subtreeRejects() {
            var parent = parentWithFourChildren();

            assertThatThrownBy(() -> resources.subtree(parent, -1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> resources.subtree(ResourceId.of(77), 1))
                    .isInstanceOf(NoSuchResourceException.class).hasMessageContaining("77");
        }

        @Test
        @DisplayName("pathToRoot starts with the resource and ends with its root")
        void pathToRoot() {
            var parent = parentWithFourChildren();
            var b1 = child(id("b"), "b1");

            assertThat(resources.pathToRoot(b1)).extracting(Resource::id).containsExactly(b1, id("b"), parent);
            assertThat(resources.pathToRoot(parent)).extracting(Resource::id).containsExactly(parent);
            assertThatThrownBy(() -> resources.pathToRoot(ResourceId.of(50)))
                    .isInstanceOf(NoSuchResourceException.class);
        }

        @Test
        @DisplayName("children and childrenCount read one level; empty means the roots; a missing parent fails")
        void childrenAndCount() {
            var parent = parentWithFourChildren();
            root("q");

            assertThat(resources.childrenCount(Optional.of(parent))).isEqualTo(4);
            assertThat(resources.childrenCount(Optional.empty())).isEqualTo(2);
            assertThat(resources.childrenCount(Optional.of(id("a")))).isZero();
            assertThat(resources.children(Optional.of(id("a")))).isEmpty();
            assertThatThrownBy(() -> resources.children(Optional.of(ResourceId.of(60))))
                    .isInstanceOf(NoSuchResourceException.class);
            assertThatThrownBy(() -> resources.childrenCount(Optional.of(ResourceId.of(60))))
                    .isInstanceOf(NoSuchResourceException.class);
        }

        @Test
        @DisplayName("rename, setOwners and setInherit change only their field")
        void simpleWrites() {
            var owner = store.users().create(NewUser.named("ann"), Instant.EPOCH).id();
            var parent = parentWithFourChildren();
            var b = id("b");

            resources.rename(b, "bee");
            resources.setOwners(b, Optional.of(owner), Optional.empty());
            var updated = resources.setInherit(b, false);

            assertThat(updated).isEqualTo(new Resource(b, "bee", "folder", Optional.of(parent), 2, Optional.of(owner),
                    Optional.empty(), false));
            assertThatThrownBy(() -> resources.rename(b, " ")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> resources.setOwners(b, Optional.empty(), Optional.of(GroupId.of(3))))
                    .isInstanceOf(NoSuchGroupException.class);
            assertThatThrownBy(() -> resources.setInherit(ResourceId.of(90), true))
                    .isInstanceOf(NoSuchResourceException.class);
        }
    }
}
