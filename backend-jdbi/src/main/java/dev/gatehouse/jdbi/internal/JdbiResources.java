package dev.gatehouse.jdbi.internal;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.ResourceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Resources and their tree on Jdbi's fluent API. The tree is kept twice: {@code parent_id} with a dense
 * {@code ordering} among siblings, and the closure table {@code gatehouse_resource_ancestors}, which every tree
 * write keeps current in the same transaction. Writes lock their trees first (see {@link TreeLock}). Thread-safe.
 */
public final class JdbiResources implements ResourceStore {
    private static final Rows.ResourceMapper RESOURCE = new Rows.ResourceMapper();

    private final Database database;

    public JdbiResources(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Resource> byId(ResourceId id) {
        return database.read(handle -> byId(handle, id));
    }

    @Override
    public List<Resource> children(Optional<ResourceId> parent) {
        Checks.notNull(parent, "parent");
        return database.read(handle -> {
            parent.ifPresent(id -> Required.resource(handle, id));
            return withParent(handle.createQuery(
                    "SELECT * FROM gatehouse_resources WHERE " + childrenOf(parent) + " ORDER BY ordering"), parent)
                    .map(RESOURCE)
                    .list();
        });
    }

    @Override
    public int childrenCount(Optional<ResourceId> parent) {
        Checks.notNull(parent, "parent");
        return database.read(handle -> {
            parent.ifPresent(id -> Required.resource(handle, id));
            return count(handle, parent);
        });
    }

    @Override
    public List<TreeNode> subtree(ResourceId root, int maxDepth) {
        if (maxDepth < 0) {
            throw new InvalidInputException("maxDepth must not be negative, got " + maxDepth);
        }
        return database.read(handle -> {
            var depths = new HashMap<ResourceId, Integer>();
            var childrenOf = new HashMap<Optional<ResourceId>, List<Resource>>();
            handle.createQuery("""
                    SELECT r.*, a.depth AS subtree_depth
                      FROM gatehouse_resource_ancestors a
                      JOIN gatehouse_resources r ON r.id = a.descendant_id
                     WHERE a.ancestor_id = :root AND a.depth <= :maxDepth""")
                    .bind("root", root.value())
                    .bind("maxDepth", maxDepth)
                    .map((row, context) -> {
                        var resource = RESOURCE.map(row, context);
                        depths.put(resource.id(), row.getInt("subtree_depth"));
                        return resource;
                    })
                    .forEach(resource -> childrenOf.computeIfAbsent(resource.parentId(), parent -> new ArrayList<>())
                            .add(resource));
            if (depths.isEmpty()) {
                throw new NoSuchResourceException("no resource with id " + root);
            }
            childrenOf.values().forEach(siblings -> siblings.sort(Comparator.comparingInt(Resource::ordering)));
            var listing = new ArrayList<TreeNode>();
            var top = childrenOf.values().stream().flatMap(List::stream)
                    .filter(resource -> resource.id().equals(root))
                    .findFirst()
                    .orElseThrow();
            collect(top, depths, childrenOf, listing);
            return List.copyOf(listing);
        });
    }

    @Override
    public List<Resource> pathToRoot(ResourceId id) {
        return database.read(handle -> {
            var path = handle.createQuery("""
                    SELECT r.*
                      FROM gatehouse_resource_ancestors a
                      JOIN gatehouse_resources r ON r.id = a.ancestor_id
                     WHERE a.descendant_id = :id
                     ORDER BY a.depth""")
                    .bind("id", id.value())
                    .map(RESOURCE)
                    .list();
            if (path.isEmpty()) {
                throw new NoSuchResourceException("no resource with id " + id);
            }
            return path;
        });
    }

    @Override
    public Resource create(NewResource resource) {
        Checks.notNull(resource, "resource");
        return database.write(handle -> {
            var parent = resource.parentId();
            TreeLock.lock(handle, parent.map(id -> List.of(id.value())).orElse(List.of()), List.of(), parent.isEmpty());
            parent.ifPresent(id -> Required.resource(handle, id));
            Required.owners(handle, resource.ownerUser(), resource.ownerGroup());
            int siblings = count(handle, parent);
            int ordering = position(resource.position(), siblings + 1, parent);
            if (ordering <= siblings) {
                shift(handle, parent, ordering, siblings, 1);
            }
            long id = handle.createUpdate("""
                    INSERT INTO gatehouse_resources (name, type, parent_id, ordering, owner_user_id, owner_group_id, inherit)
                    VALUES (:name, :type, :parentId, :ordering, :ownerUserId, :ownerGroupId, :inherit)""")
                    .bind("name", resource.name())
                    .bind("type", resource.type())
                    .bind("parentId", parent.map(ResourceId::value).orElse(null))
                    .bind("ordering", ordering)
                    .bind("ownerUserId", resource.ownerUser().map(UserId::value).orElse(null))
                    .bind("ownerGroupId", resource.ownerGroup().map(GroupId::value).orElse(null))
                    .bind("inherit", resource.inherit())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            // the closure: the new resource is its own ancestor at depth 0, and one level below each of its parent's
            handle.createUpdate("""
                    INSERT INTO gatehouse_resource_ancestors (descendant_id, ancestor_id, depth)
                    SELECT n.id, n.id, 0 FROM gatehouse_resources n WHERE n.id = :id
                    UNION ALL
                    SELECT n.id, a.ancestor_id, a.depth + 1
                      FROM gatehouse_resources n
                      JOIN gatehouse_resource_ancestors a ON a.descendant_id = n.parent_id
                     WHERE n.id = :id""")
                    .bind("id", id)
                    .execute();
            return new Resource(ResourceId.of(id), resource.name(), resource.type(), parent, ordering,
                    resource.ownerUser(), resource.ownerGroup(), resource.inherit());
        });
    }

    @Override
    public Resource rename(ResourceId id, String newName) {
        Checks.name(newName, "resource name");
        return database.write(handle -> {
            requireUpdated(id, handle.createUpdate("UPDATE gatehouse_resources SET name = :name WHERE id = :id")
                    .bind("name", newName)
                    .bind("id", id.value())
                    .execute());
            return byId(handle, id).orElseThrow();
        });
    }

    @Override
    public Resource setOwners(ResourceId id, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
        return database.write(handle -> {
            Required.resource(handle, id);
            Required.owners(handle, ownerUser, ownerGroup);
            handle.createUpdate("""
                    UPDATE gatehouse_resources SET owner_user_id = :ownerUserId, owner_group_id = :ownerGroupId
                     WHERE id = :id""")
                    .bind("ownerUserId", ownerUser.map(UserId::value).orElse(null))
                    .bind("ownerGroupId", ownerGroup.map(GroupId::value).orElse(null))
                    .bind("id", id.value())
                    .execute();
            return byId(handle, id).orElseThrow();
        });
    }

    @Override
    public Resource setInherit(ResourceId id, boolean inherit) {
        return database.write(handle -> {
            requireUpdated(id, handle.createUpdate("UPDATE gatehouse_resources SET inherit = :inherit WHERE id = :id")
                    .bind("inherit", inherit)
                    .bind("id", id.value())
                    .execute());
            return byId(handle, id).orElseThrow();
        });
    }

    @Override
    public Resource move(ResourceId id, Optional<ResourceId> newParent, OptionalInt position) {
        Checks.notNull(newParent, "newParent");
        Checks.notNull(position, "position");
        return database.write(handle -> {
            var trees = new ArrayList<Long>(List.of(id.value()));
            newParent.ifPresent(parent -> trees.add(parent.value()));
            TreeLock.lock(handle, trees, List.of(id.value()), newParent.isEmpty());
            var node = require(handle, id);
            newParent.ifPresent(parent -> requireAcceptableNewParent(handle, id, parent));
            var oldParent = node.parentId();
            if (oldParent.equals(newParent)) {
                int ordering = position(position, count(handle, newParent), newParent);
                if (ordering < node.ordering()) {
                    shift(handle, newParent, ordering, node.ordering() - 1, 1);
                } else if (ordering > node.ordering()) {
                    shift(handle, newParent, node.ordering() + 1, ordering, -1);
                }
                place(handle, id, newParent, ordering);
            } else {
                int siblings = count(handle, newParent);
                int ordering = position(position, siblings + 1, newParent);
                shift(handle, oldParent, node.ordering() + 1, Integer.MAX_VALUE, -1);
                shift(handle, newParent, ordering, siblings, 1);
                place(handle, id, newParent, ordering);
                relink(handle, id, newParent);
            }
            return byId(handle, id).orElseThrow();
        });
    }

    @Override
    public void deleteBranch(ResourceId id) {
        database.useWrite(handle -> removeBranch(handle, id));
    }

    @Override
    public void delete(ResourceId id, ChildrenPolicy children) {
        Checks.notNull(children, "children policy");
        switch (children) {
            case CASCADE -> database.useWrite(handle -> removeBranch(handle, id));
            case REPARENT -> database.useWrite(handle -> removeMovingChildrenUp(handle, id));
        }
    }

    private static Optional<Resource> byId(Handle handle, ResourceId id) {
        return handle.createQuery("SELECT * FROM gatehouse_resources WHERE id = :id")
                .bind("id", id.value())
                .map(RESOURCE)
                .findOne();
    }

    private static Resource require(Handle handle, ResourceId id) {
        return byId(handle, id).orElseThrow(() -> new NoSuchResourceException("no resource with id " + id));
    }

    private static void requireUpdated(ResourceId id, int rows) {
        if (rows == 0) {
            throw new NoSuchResourceException("no resource with id " + id);
        }
    }

    private static void requireAcceptableNewParent(Handle handle, ResourceId moved, ResourceId newParent) {
        Required.resource(handle, newParent);
        if (newParent.equals(moved)) {
            throw new TreeCycleException("cannot move resource " + moved + " under itself");
        }
        boolean underItself = handle.createQuery("""
                SELECT depth FROM gatehouse_resource_ancestors
                 WHERE descendant_id = :newParent AND ancestor_id = :moved""")
                .bind("newParent", newParent.value())
                .bind("moved", moved.value())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
        if (underItself) {
            throw new TreeCycleException(
                    "cannot move resource " + moved + " under its own descendant, resource " + newParent);
        }
    }

    /** @return the condition that selects the children of {@code parent}, or the roots */
    private static String childrenOf(Optional<ResourceId> parent) {
        return parent.isPresent() ? "parent_id = :parentId" : "parent_id IS NULL";
    }

    private static <S extends SqlStatement<S>> S withParent(S statement, Optional<ResourceId> parent) {
        return parent.map(id -> statement.bind("parentId", id.value())).orElse(statement);
    }

    private static int count(Handle handle, Optional<ResourceId> parent) {
        return withParent(handle.createQuery("SELECT COUNT(*) FROM gatehouse_resources WHERE " + childrenOf(parent)),
                parent)
                .mapTo(Integer.class)
                .one();
    }

    /** Adds {@code by} to the ordering of the children of {@code parent} numbered {@code from..to}. */
    private static void shift(Handle handle, Optional<ResourceId> parent, int from, int to, int by) {
        if (by == 0 || from > to) {
            return;
        }
        withParent(handle.createUpdate("UPDATE gatehouse_resources SET ordering = ordering + :by WHERE "
                        + childrenOf(parent) + " AND ordering >= :from AND ordering <= :to"), parent)
                .bind("by", by)
                .bind("from", from)
                .bind("to", to)
                .execute();
    }

    private static void place(Handle handle, ResourceId id, Optional<ResourceId> parent, int ordering) {
        handle.createUpdate("UPDATE gatehouse_resources SET parent_id = :parentId, ordering = :ordering WHERE id = :id")
                .bind("parentId", parent.map(ResourceId::value).orElse(null))
                .bind("ordering", ordering)
                .bind("id", id.value())
                .execute();
    }

    /** Rewrites the closure of the subtree of {@code id}: cut from its old ancestors, linked to the new ones. */
    private static void relink(Handle handle, ResourceId id, Optional<ResourceId> newParent) {
        handle.createUpdate("""
                DELETE FROM gatehouse_resource_ancestors
                 WHERE descendant_id IN (SELECT s.id FROM (SELECT DISTINCT descendant_id AS id
                                                             FROM gatehouse_resource_ancestors WHERE ancestor_id = :id) s)
                   AND ancestor_id NOT IN (SELECT s.id FROM (SELECT DISTINCT descendant_id AS id
                                                               FROM gatehouse_resource_ancestors WHERE ancestor_id = :id) s)""")
                .bind("id", id.value())
                .execute();
        newParent.ifPresent(parent -> handle.createUpdate("""
                INSERT INTO gatehouse_resource_ancestors (descendant_id, ancestor_id, depth)
                SELECT sub.descendant_id, sup.ancestor_id, sup.depth + sub.depth + 1
                  FROM gatehouse_resource_ancestors sup, gatehouse_resource_ancestors sub
                 WHERE sup.descendant_id = :parentId AND sub.ancestor_id = :id""")
                .bind("parentId", parent.value())
                .bind("id", id.value())
                .execute());
    }

    /**
     * Deletes a branch in two statements whatever its depth: detach its nodes from their parents, then delete them
     * (InnoDB cascades through at most 15 levels); then closes the gap among its siblings.
     */
    private static void removeBranch(Handle handle, ResourceId id) {
        TreeLock.lock(handle, List.of(id.value()), List.of(id.value()), false);
        var node = require(handle, id);
        handle.createUpdate("""
                UPDATE gatehouse_resources SET parent_id = NULL
                 WHERE id IN (SELECT descendant_id FROM gatehouse_resource_ancestors WHERE ancestor_id = :id AND depth > 0)""")
                .bind("id", id.value())
                .execute();
        handle.createUpdate("""
                DELETE FROM gatehouse_resources
                 WHERE id IN (SELECT branch.id FROM (SELECT DISTINCT descendant_id AS id
                                                       FROM gatehouse_resource_ancestors WHERE ancestor_id = :id) branch)""")
                .bind("id", id.value())
                .execute();
        shift(handle, node.parentId(), node.ordering() + 1, Integer.MAX_VALUE, -1);
    }

    /** The children take the deleted resource's place among its siblings, in their order. */
    private static void removeMovingChildrenUp(Handle handle, ResourceId id) {
        TreeLock.lock(handle, List.of(id.value()), List.of(id.value()), false);
        var node = require(handle, id);
        int children = count(handle, Optional.of(id));
        shift(handle, node.parentId(), node.ordering() + 1, Integer.MAX_VALUE, children - 1);
        handle.createUpdate("""
                UPDATE gatehouse_resources SET parent_id = :parentId, ordering = ordering + :offset
                 WHERE parent_id = :id""")
                .bind("parentId", node.parentId().map(ResourceId::value).orElse(null))
                .bind("offset", node.ordering() - 1)
                .bind("id", id.value())
                .execute();
        handle.createUpdate("""
                UPDATE gatehouse_resource_ancestors SET depth = depth - 1
                 WHERE descendant_id IN (SELECT s.id FROM (SELECT DISTINCT descendant_id AS id
                                                             FROM gatehouse_resource_ancestors
                                                            WHERE ancestor_id = :id AND depth > 0) s)
                   AND ancestor_id IN (SELECT u.id FROM (SELECT DISTINCT ancestor_id AS id
                                                           FROM gatehouse_resource_ancestors
                                                          WHERE descendant_id = :id AND depth > 0) u)""")
                .bind("id", id.value())
                .execute();
        handle.createUpdate("DELETE FROM gatehouse_resources WHERE id = :id").bind("id", id.value()).execute();
    }

    /**
     * @param position the requested 1-based position; empty appends
     * @param lastPosition how many siblings there will be, so the highest valid position
     * @return the ordering to give
     */
    private static int position(OptionalInt position, int lastPosition, Optional<ResourceId> parent) {
        if (position.isEmpty()) {
            return lastPosition;
        }
        int requested = position.getAsInt();
        if (requested < 1 || requested > lastPosition) {
            var level = parent.map(id -> "under resource " + id).orElse("among the roots");
            throw new InvalidPositionException(
                    "position " + requested + " is outside 1.." + lastPosition + " " + level);
        }
        return requested;
    }

    private static void collect(Resource resource, Map<ResourceId, Integer> depths,
            Map<Optional<ResourceId>, List<Resource>> childrenOf, List<TreeNode> listing) {
        listing.add(new TreeNode(resource, depths.get(resource.id())));
        childrenOf.getOrDefault(Optional.of(resource.id()), List.of())
                .forEach(child -> collect(child, depths, childrenOf, listing));
    }
}
