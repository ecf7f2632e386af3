package dev.gatehouse.jdbi.internal;

import java.util.Collection;
import java.util.HashSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.EmptyHandling;

/**
 * Serialises the writes to a tree. A tree's root row is its lock: every write that changes a tree (creating, moving
 * or deleting a node) first locks the roots of the trees it touches with {@code SELECT … FOR UPDATE}, and a write
 * that changes the root level itself (a new root, a root moved or deleted, a node moved to the root level) locks
 * every root. Holding the lock, a write reads sibling counts and lineages that no one else can change until it
 * commits, which keeps orderings dense and the tree free of cycles; writes to different trees run in parallel.
 *
 * <p>A tree's root can change while a write waits for it (another write moved the whole tree under a node of a
 * second tree), so the lock is taken again until the set of roots it names stops growing: two statements in the
 * usual case. Locks taken in a second round can deadlock with another write; the database then aborts one of the
 * two, which is tried again (see {@link Database}).
 *
 * <p>One gap remains: with no root at all there is no row to lock, so two transactions creating the first roots at
 * the same moment may both number theirs 1.
 */
final class TreeLock {
    private static final String LOCK_ROOTS = """
            SELECT r.id FROM gatehouse_resources r
             WHERE r.parent_id IS NULL
               AND (:allRoots
                    OR EXISTS (SELECT 1 FROM gatehouse_resources x
                                WHERE x.id IN (<rootLevelIfRoot>) AND x.parent_id IS NULL)
                    OR r.id IN (SELECT a.ancestor_id FROM gatehouse_resource_ancestors a
                                 WHERE a.descendant_id IN (<nodes>)))
             ORDER BY r.id
               FOR UPDATE""";

    private TreeLock() {}

    /**
     * Locks the trees of {@code nodes}; and every root when {@code rootLevel} is set or one of
     * {@code rootLevelIfRoot} is a root. Holds until the transaction ends.
     */
    static void lock(Handle handle, Collection<Long> nodes, Collection<Long> rootLevelIfRoot, boolean rootLevel) {
        var locked = new HashSet<Long>();
        while (true) {
            var roots = handle.createQuery(LOCK_ROOTS)
                    .bind("allRoots", rootLevel)
                    .bindList(EmptyHandling.NULL_KEYWORD, "rootLevelIfRoot", rootLevelIfRoot)
                    .bindList(EmptyHandling.NULL_KEYWORD, "nodes", nodes)
                    .mapTo(Long.class)
                    .list();
            if (locked.containsAll(roots)) {
                return;
            }
            locked.addAll(roots);
        }
    }
}
