package dev.gatehouse.hibernate;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
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
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;

/**
 * Resources and their tree on Hibernate. The tree is kept twice, as {@code parent_id} with a dense {@code ordering}
 * among siblings, and as the closure table {@code gatehouse_resource_ancestors}; every change rewrites both in one
 * transaction with a constant number of HQL statements whatever the size of the subtree, under the tree's lock
 * ({@link TreeLocks}). Reads select columns ({@link ResourceRow}), never entities. Thread-safe.
 */
final class HibernateResources implements ResourceStore {
    private final Sessions sessions;
    private final Mapping mapping;
    private final Requirements requirements;
    private final TreeLocks locks;

    private final String byId;
    private final String roots;
    private final String childrenOf;
    private final String rootCount;
    private final String childCountOf;
    private final String childCount;
    private final String subtree;
    private final String pathToRoot;
    private final String isRoot;
    private final String isDescendant;

    HibernateResources(Sessions sessions, Mapping mapping, Requirements requirements, TreeLocks locks) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.requirements = requirements;
        this.locks = locks;
        this.byId = resourceHql("select %s from {Resource} r where r.id = :id");
        this.roots = resourceHql("select %s from {Resource} r where r.parentId is null order by r.ordering");
        this.childrenOf = resourceHql("""
                select p.id, %s from {Resource} p left join {Resource} r on r.parentId = p.id
                where p.id = :parent
                order by r.ordering""");
        this.rootCount = mapping.hql("select count(r) from {Resource} r where r.parentId is null");
        this.childCountOf = mapping.hql("""
                select count(r.id) from {Resource} p left join {Resource} r on r.parentId = p.id
                where p.id = :parent
                group by p.id""");
        this.childCount = mapping.hql("select count(r) from {Resource} r where r.parentId = :parent");
        this.subtree = resourceHql("""
                select a.depth, %s from {Resource} r join GatehouseResourceAncestor a on a.descendantId = r.id
                where a.ancestorId = :root and a.depth <= :maxDepth""");
        this.pathToRoot = resourceHql("""
                select %s from {Resource} r join GatehouseResourceAncestor a on a.ancestorId = r.id
                where a.descendantId = :id
                order by a.depth""");
        this.isRoot = mapping.hql("select r.parentId from {Resource} r where r.id = :id");
        this.isDescendant = """
                select a.depth from GatehouseResourceAncestor a
                where a.descendantId = :candidate and a.ancestorId = :ancestor""";
    }

    private String resourceHql(String template) {
        return mapping.hql(template.formatted(ResourceRow.COLUMNS));
    }

    // ------------------------------------------------------------------------------------------------------ reads

    @Override
    public Optional<Resource> byId(ResourceId id) {
        return sessions.read(session -> row(session, id).map(ResourceRow::toResource));
    }

    private Optional<ResourceRow> row(SharedSessionContract session, ResourceId id) {
        return session.createSelectionQuery(byId, Object[].class).setParameter("id", id.value())
                .getResultStream().findFirst().map(tuple -> ResourceRow.of(tuple, 0));
    }

    @Override
    public List<Resource> children(Optional<ResourceId> parent) {
        Checks.notNull(parent, "parent");
        return sessions.read(session -> {
            if (parent.isEmpty()) {
                return session.createSelectionQuery(roots, Object[].class).getResultList().stream()
                        .map(tuple -> ResourceRow.of(tuple, 0).toResource()).toList();
            }
            var rows = session.createSelectionQuery(childrenOf, Object[].class)
                    .setParameter("parent", parent.get().value()).getResultList();
            if (rows.isEmpty()) {
                throw Requirements.noSuchResource(parent.get());
            }
            return rows.stream().filter(tuple -> tuple[1] != null)
                    .map(tuple -> ResourceRow.of(tuple, 1).toResource()).toList();
        });
    }

    @Override
    public int childrenCount(Optional<ResourceId> parent) {
        Checks.notNull(parent, "parent");
        return sessions.read(session -> {
            if (parent.isEmpty()) {
                return session.createSelectionQuery(rootCount, Long.class).getSingleResult().intValue();
            }
            return session.createSelectionQuery(childCountOf, Long.class)
                    .setParameter("parent", parent.get().value())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> Requirements.noSuchResource(parent.get())).intValue();
        });
    }

    @Override
    public List<TreeNode> subtree(ResourceId root, int maxDepth) {
        if (maxDepth < 0) {
            throw new InvalidInputException("maxDepth must not be negative, got " + maxDepth);
        }
        return sessions.read(session -> {
            var childrenByParent = new HashMap<Long, List<ResourceRow>>();
            ResourceRow top = null;
            for (var tuple : session.createSelectionQuery(subtree, Object[].class)
                    .setParameter("root", root.value()).setParameter("maxDepth", maxDepth).getResultList()) {
                int depth = ((Number) tuple[0]).intValue();
                var row = ResourceRow.of(tuple, 1);
                if (depth == 0) {
                    top = row;
                } else {
                    childrenByParent.computeIfAbsent(row.parentId(), parent -> new ArrayList<>()).add(row);
                }
            }
            if (top == null) {
                throw Requirements.noSuchResource(root);
            }
            var bySiblingOrder = Comparator.comparingInt(ResourceRow::ordering);
            childrenByParent.values().forEach(children -> children.sort(bySiblingOrder));
            var listing = new ArrayList<TreeNode>();
            collect(top, 0, childrenByParent, listing);
            return List.copyOf(listing);
        });
    }

    /** Lists {@code node} and what is under it, depth first, siblings by ordering. */
    private static void collect(ResourceRow node, int depth, Map<Long, List<ResourceRow>> childrenByParent,
            List<TreeNode> listing) {
        listing.add(new TreeNode(node.toResource(), depth));
        for (var child : childrenByParent.getOrDefault(node.id(), List.of())) {
            collect(child, depth + 1, childrenByParent, listing);
        }
    }

    @Override
    public List<Resource> pathToRoot(ResourceId id) {
        return sessions.read(session -> {
            var path = session.createSelectionQuery(pathToRoot, Object[].class).setParameter("id", id.value())
                    .getResultList().stream().map(tuple -> ResourceRow.of(tuple, 0).toResource()).toList();
            if (path.isEmpty()) {
                throw Requirements.noSuchResource(id);
            }
            return path;
        });
    }

    // ----------------------------------------------------------------------------------------------------- writes

    @Override
    public Resource create(NewResource resource) {
        Checks.notNull(resource, "resource");
        return sessions.write(session -> {
            var parent = resource.parentId();
            if (parent.isPresent()) {
                locks.lockTreesOf(session, List.of(parent.get().value()));
                requirements.requireResource(session, parent.get());
            } else {
                locks.lockRootLevel(session);
            }
            requireOwners(session, resource.ownerUser(), resource.ownerGroup());
            int position = position(resource.position(), childCount(session, parent) + 1, parent);
            shiftSiblings(session, parent, position, Integer.MAX_VALUE, 1);
            var entity = mapping.newResource();
            entity.describe(resource, position);
            session.persist(entity);
            long id = Objects.requireNonNull(entity.getId(), "the new resource's id");
            session.createMutationQuery("""
                    insert into GatehouseResourceAncestor (descendantId, ancestorId, depth)
                    values (:id, :id, 0)""")
                    .setParameter("id", id).executeUpdate();
            parent.ifPresent(above -> session.createMutationQuery("""
                    insert into GatehouseResourceAncestor (descendantId, ancestorId, depth)
                    select :id, a.ancestorId, a.depth + 1 from GatehouseResourceAncestor a
                    where a.descendantId = :parent""")
                    .setParameter("id", id).setParameter("parent", above.value()).executeUpdate());
            return new Resource(ResourceId.of(id), resource.name(), resource.type(), parent, position,
                    resource.ownerUser(), resource.ownerGroup(), resource.inherit());
        });
    }

    @Override
    public Resource rename(ResourceId id, String newName) {
        Checks.name(newName, "resource name");
        return update(id, "r.name = :value", newName);
    }

    @Override
    public Resource setInherit(ResourceId id, boolean inherit) {
        return update(id, "r.inherit = :value", inherit);
    }

    @Override
    public Resource setOwners(ResourceId id, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        Checks.notNull(ownerUser, "ownerUser");
        Checks.notNull(ownerGroup, "ownerGroup");
        return sessions.write(session -> {
            requirements.requireResource(session, id);
            requireOwners(session, ownerUser, ownerGroup);
            session.createMutationQuery(mapping.hql("""
                    update {Resource} r set r.ownerUserId = :ownerUser, r.ownerGroupId = :ownerGroup
                    where r.id = :id"""))
                    .setParameter("ownerUser", ownerUser.map(UserId::value).orElse(null), Long.class)
                    .setParameter("ownerGroup", ownerGroup.map(GroupId::value).orElse(null), Long.class)
                    .setParameter("id", id.value())
                    .executeUpdate();
            return requireRow(session, id).toResource();
        });
    }

    private Resource update(ResourceId id, String assignment, Object value) {
        return sessions.write(session -> {
            int updated = session.createMutationQuery(mapping.hql("update {Resource} r set " + assignment
                            + " where r.id = :id"))
                    .setParameter("value", value).setParameter("id", id.value()).executeUpdate();
            if (updated == 0) {
                throw Requirements.noSuchResource(id);
            }
            return requireRow(session, id).toResource();
        });
    }

    @Override
    public Resource move(ResourceId id, Optional<ResourceId> newParent, OptionalInt position) {
        Checks.notNull(newParent, "newParent");
        Checks.notNull(position, "position");
        return changeAround(id, newParent.isEmpty(), rootLevel -> sessions.write(session -> {
            var node = lockAround(session, id, newParent, rootLevel);
            newParent.ifPresent(parent -> requireAcceptableNewParent(session, id, parent));
            var oldParent = node.parent();
            boolean sameParent = oldParent.equals(newParent);
            int siblings = childCount(session, newParent);
            int target = position(position, sameParent ? siblings : siblings + 1, newParent);
            if (sameParent) {
                if (target < node.ordering()) {
                    shiftSiblings(session, newParent, target, node.ordering() - 1, 1);
                } else if (target > node.ordering()) {
                    shiftSiblings(session, newParent, node.ordering() + 1, target, -1);
                }
            } else {
                shiftSiblings(session, oldParent, node.ordering() + 1, Integer.MAX_VALUE, -1);
                shiftSiblings(session, newParent, target, Integer.MAX_VALUE, 1);
                relinkSubtree(session, id, newParent);
            }
            session.createMutationQuery(mapping.hql(
                            "update {Resource} r set r.parentId = :parent, r.ordering = :ordering where r.id = :id"))
                    .setParameter("parent", newParent.map(ResourceId::value).orElse(null), Long.class)
                    .setParameter("ordering", target)
                    .setParameter("id", id.value())
                    .executeUpdate();
            var before = node.toResource();
            return new Resource(id, before.name(), before.type(), newParent, target, before.ownerUser(),
                    before.ownerGroup(), before.inherit());
        }));
    }

    @Override
    public void deleteBranch(ResourceId id) {
        changeAround(id, rootLevel -> sessions.write(session -> {
            var node = lockAround(session, id, Optional.empty(), rootLevel);
            // Flatten, then delete: the cascade from a resource to its children would run as deep as the branch, and
            // InnoDB stops cascading at 15 levels, so every resource of the branch is first hung directly under its
            // top (schema/README.md detaches them to the root level instead, but on MariaDB that takes gap locks
            // among the roots, where other trees' changes wait). The ids come through a DISTINCT derived table, so
            // that the DELETE reads them before the cascade removes their closure rows.
            session.createMutationQuery(mapping.hql("""
                    update {Resource} r set r.parentId = :id
                    where r.id in (select a.descendantId from GatehouseResourceAncestor a
                                   where a.ancestorId = :id and a.depth > 1)"""))
                    .setParameter("id", id.value()).executeUpdate();
            session.createMutationQuery(mapping.hql("""
                    delete from {Resource} r
                    where r.id in (select branch.id from (select distinct a.descendantId as id
                                                            from GatehouseResourceAncestor a
                                                            where a.ancestorId = :id) branch)"""))
                    .setParameter("id", id.value()).executeUpdate();
            shiftSiblings(session, node.parent(), node.ordering() + 1, Integer.MAX_VALUE, -1);
        }));
    }

    @Override
    public void delete(ResourceId id, ChildrenPolicy children) {
        Checks.notNull(children, "children policy");
        switch (children) {
            case CASCADE -> deleteBranch(id);
            case REPARENT -> deleteMovingChildrenUp(id);
        }
    }

    /** The children take the deleted resource's place among its siblings, in their order. */
    private void deleteMovingChildrenUp(ResourceId id) {
        changeAround(id, rootLevel -> sessions.write(session -> {
            var node = lockAround(session, id, Optional.empty(), rootLevel);
            var parent = node.parent();
            int childCount = childCount(session, Optional.of(id));
            shiftSiblings(session, parent, node.ordering() + 1, Integer.MAX_VALUE, childCount - 1);
            session.createMutationQuery(mapping.hql("""
                    update {Resource} r set r.parentId = :parent, r.ordering = r.ordering + :offset
                    where r.parentId = :id"""))
                    .setParameter("parent", parent.map(ResourceId::value).orElse(null), Long.class)
                    .setParameter("offset", node.ordering() - 1)
                    .setParameter("id", id.value())
                    .executeUpdate();
            // every path from a descendant up through the deleted resource gets one step shorter
            session.createMutationQuery("""
                    update GatehouseResourceAncestor link set link.depth = link.depth - 1
                    where link.descendantId in (select below.id from (select d.descendantId as id
                                                                        from GatehouseResourceAncestor d
                                                                        where d.ancestorId = :id
                                                                          and d.depth > 0) below)
                      and link.ancestorId in (select above.id from (select u.ancestorId as id
                                                                      from GatehouseResourceAncestor u
                                                                      where u.descendantId = :id
                                                                        and u.depth > 0) above)""")
                    .setParameter("id", id.value()).executeUpdate();
            // the resource's own closure rows go with it (ON DELETE CASCADE), and so do its grants, roles and ACL
            session.createMutationQuery(mapping.hql("delete from {Resource} r where r.id = :id"))
                    .setParameter("id", id.value()).executeUpdate();
        }));
    }

    // -------------------------------------------------------------------------------------------------- plumbing

    /** A change found under its locks that it needs the root level locked too; it has written nothing. */
    static final class RootLevelNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RootLevelNeeded() {
            super("the resource became a root: run again with the root level locked", null, false, false);
        }
    }

    /**
     * Runs a change around {@code id} with the tree locks it needs: the root level too when the change reaches the
     * roots ({@code toRoots}) or {@code id} is a root. Whether it is one is read before the change's transaction, so
     * that the transaction's reads start after its locks (on MariaDB, a transaction's first plain read fixes its
     * snapshot); should {@code id} turn out to be a root only under the locks, the change gives up before writing
     * anything and runs again with the root level locked first, rather than lock it out of order.
     */
    private <T> T changeAround(ResourceId id, boolean toRoots, Function<Boolean, T> change) {
        try {
            return change.apply(toRoots || wasRoot(id));
        } catch (RootLevelNeeded e) {
            return change.apply(true);
        }
    }

    /** As {@link #changeAround(ResourceId, boolean, Function)}, for a change that returns nothing. */
    private void changeAround(ResourceId id, Consumer<Boolean> change) {
        changeAround(id, false, rootLevel -> {
            change.accept(rootLevel);
            return Boolean.TRUE;
        });
    }

    /** Takes the tree locks a change around {@code id} needs and reads {@code id} under them. */
    private ResourceRow lockAround(Session session, ResourceId id, Optional<ResourceId> newParent, boolean rootLevel) {
        if (rootLevel) {
            locks.lockRootLevel(session);
        } else {
            var members = new ArrayList<Long>();
            members.add(id.value());
            newParent.ifPresent(parent -> members.add(parent.value()));
            locks.lockTreesOf(session, members);
        }
        var node = session.createSelectionQuery(byId, Object[].class)
                .setParameter("id", id.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().map(tuple -> ResourceRow.of(tuple, 0))
                .orElseThrow(() -> Requirements.noSuchResource(id));
        if (node.isRoot() && !rootLevel) {
            throw new RootLevelNeeded();
        }
        return node;
    }

    /** @return whether the resource is a root now (an unknown one is not) */
    private boolean wasRoot(ResourceId id) {
        return sessions.read(session -> {
            var parent = session.createSelectionQuery(isRoot, Long.class).setParameter("id", id.value())
                    .getResultList();
            return !parent.isEmpty() && parent.get(0) == null;
        });
    }

    private ResourceRow requireRow(SharedSessionContract session, ResourceId id) {
        return row(session, id).orElseThrow(() -> Requirements.noSuchResource(id));
    }

    private void requireOwners(Session session, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        ownerUser.ifPresent(user -> requirements.requireUser(session, user));
        ownerGroup.ifPresent(group -> requirements.requireGroup(session, group));
    }

    private void requireAcceptableNewParent(Session session, ResourceId moved, ResourceId newParent) {
        requirements.requireResource(session, newParent);
        if (newParent.equals(moved)) {
            throw new TreeCycleException("cannot move resource " + moved + " under itself");
        }
        boolean descendant = !session.createSelectionQuery(isDescendant, Integer.class)
                .setParameter("candidate", newParent.value()).setParameter("ancestor", moved.value())
                .getResultList().isEmpty();
        if (descendant) {
            throw new TreeCycleException(
                    "cannot move resource " + moved + " under its own descendant, resource " + newParent);
        }
    }

    private int childCount(Session session, Optional<ResourceId> parent) {
        var query = parent.isPresent()
                ? session.createSelectionQuery(childCount, Long.class).setParameter("parent", parent.get().value())
                : session.createSelectionQuery(rootCount, Long.class);
        return query.getSingleResult().intValue();
    }

    /** Adds {@code delta} to the ordering of the parent's children numbered {@code from..to}. */
    private void shiftSiblings(Session session, Optional<ResourceId> parent, int from, int to, int delta) {
        if (delta == 0 || from > to) {
            return;
        }
        var siblings = parent.isPresent() ? "r.parentId = :parent" : "r.parentId is null";
        var query = session.createMutationQuery(mapping.hql("update {Resource} r set r.ordering = r.ordering + :delta "
                        + "where " + siblings + " and r.ordering between :from and :to"))
                .setParameter("delta", delta).setParameter("from", from).setParameter("to", to);
        parent.ifPresent(id -> query.setParameter("parent", id.value()));
        query.executeUpdate();
    }

    /**
     * Rewrites the closure for a subtree moved under {@code newParent} (or to the roots): cuts it from its old
     * ancestors, then links it to the new ones, in two statements whatever its size. The derived tables let MySQL
     * read the closure table while changing it.
     */
    private void relinkSubtree(Session session, ResourceId moved, Optional<ResourceId> newParent) {
        session.createMutationQuery("""
                delete from GatehouseResourceAncestor link
                where link.descendantId in (select s.id from (select distinct x.descendantId as id
                                                                from GatehouseResourceAncestor x
                                                                where x.ancestorId = :moved) s)
                  and link.ancestorId not in (select s.id from (select distinct x.descendantId as id
                                                                  from GatehouseResourceAncestor x
                                                                  where x.ancestorId = :moved) s)""")
                .setParameter("moved", moved.value()).executeUpdate();
        newParent.ifPresent(parent -> session.createMutationQuery("""
                insert into GatehouseResourceAncestor (descendantId, ancestorId, depth)
                select below.descendantId, above.ancestorId, above.depth + below.depth + 1
                from GatehouseResourceAncestor above, GatehouseResourceAncestor below
                where above.descendantId = :parent and below.ancestorId = :moved""")
                .setParameter("parent", parent.value()).setParameter("moved", moved.value()).executeUpdate());
    }

    /**
     * @param requested the requested 1-based position; empty appends
     * @param lastPosition how many siblings there will be, so the highest valid position
     */
    private static int position(OptionalInt requested, int lastPosition, Optional<ResourceId> parent) {
        if (requested.isEmpty()) {
            return lastPosition;
        }
        int position = requested.getAsInt();
        if (position < 1 || position > lastPosition) {
            var level = parent.map(id -> "under resource " + id).orElse("among the roots");
            throw new InvalidPositionException("position " + position + " is outside 1.." + lastPosition + " " + level);
        }
        return position;
    }
}
