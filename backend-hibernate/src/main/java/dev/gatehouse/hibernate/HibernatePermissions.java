package dev.gatehouse.hibernate;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.spi.PermissionStore;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.query.MutationQuery;
import org.hibernate.query.SelectionQuery;

/**
 * Grants, role assignments and explicit ACLs on Hibernate. A grant or role assignment is written under a pessimistic
 * lock on its holder's row, after looking for the same one: a duplicate is refused before anything reaches the
 * database, so it never fails a flush and never spoils the caller's session. An ACL is replaced as a whole under a
 * lock on its resource's row. Thread-safe.
 */
final class HibernatePermissions implements PermissionStore {
    private static final String GRANT_COLUMNS =
            "select g.principal, g.permission, g.resourceId from GatehouseGrant g";
    private static final String ROLE_COLUMNS =
            "select x.principal, x.roleName, x.resourceId from GatehouseRoleAssignment x";

    private final Sessions sessions;
    private final Mapping mapping;
    private final Requirements requirements;

    HibernatePermissions(Sessions sessions, Mapping mapping, Requirements requirements) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.requirements = requirements;
    }

    // ------------------------------------------------------------------------------------------------------ reads

    @Override
    public List<Grant> grantsOf(Principal grantee) {
        Checks.notNull(grantee, "grantee");
        return sessions.read(session -> session.createSelectionQuery(
                        GRANT_COLUMNS + " where g.principal = :principal order by g.id", Object[].class)
                .setParameter("principal", grantee.key()).getResultList().stream()
                .map(HibernatePermissions::grant).toList());
    }

    @Override
    public List<Grant> grantsOn(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return sessions.read(session -> session.createSelectionQuery(
                        GRANT_COLUMNS + " where g.resourceId = :resource order by g.id", Object[].class)
                .setParameter("resource", resource.value()).getResultList().stream()
                .map(HibernatePermissions::grant).toList());
    }

    @Override
    public List<RoleAssignment> rolesOf(Principal holder) {
        Checks.notNull(holder, "holder");
        return sessions.read(session -> session.createSelectionQuery(
                        ROLE_COLUMNS + " where x.principal = :principal order by x.id", Object[].class)
                .setParameter("principal", holder.key()).getResultList().stream()
                .map(HibernatePermissions::roleAssignment).toList());
    }

    @Override
    public List<RoleAssignment> rolesOn(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return sessions.read(session -> session.createSelectionQuery(
                        ROLE_COLUMNS + " where x.resourceId = :resource order by x.id", Object[].class)
                .setParameter("resource", resource.value()).getResultList().stream()
                .map(HibernatePermissions::roleAssignment).toList());
    }

    @Override
    public Acl acl(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return sessions.read(session -> {
            var rows = session.createSelectionQuery("""
                            select e.position, e.action, e.principal, p
                            from GatehouseAclEntry e join e.permissions p
                            where e.resourceId = :resource
                            order by e.position""", Object[].class)
                    .setParameter("resource", resource.value()).getResultList();
            return acl(rows, 0);
        });
    }

    /**
     * Builds ACEs from rows of (position, action, principal, permission), {@code from} columns in, in position order.
     */
    static Acl acl(List<Object[]> rows, int from) {
        var entries = new LinkedHashMap<Integer, List<Object[]>>();
        rows.forEach(row -> entries.computeIfAbsent((Integer) row[from], position -> new ArrayList<>()).add(row));
        var aces = new ArrayList<Ace>();
        entries.values().forEach(entry -> {
            var permissions = new LinkedHashSet<Permission>();
            entry.forEach(row -> permissions.add(Permission.of((String) row[from + 3])));
            aces.add(new Ace((Action) entry.get(0)[from + 1], Principal.parse((String) entry.get(0)[from + 2]),
                    permissions));
        });
        return new Acl(aces);
    }

    static Grant grant(Object[] row) {
        return new Grant(Principal.parse((String) row[0]), Permission.of((String) row[1]),
                Optional.ofNullable((Long) row[2]).map(ResourceId::of));
    }

    static RoleAssignment roleAssignment(Object[] row) {
        return new RoleAssignment(Principal.parse((String) row[0]), (String) row[1],
                Optional.ofNullable((Long) row[2]).map(ResourceId::of));
    }

    // ----------------------------------------------------------------------------------------------------- writes

    @Override
    public void grant(Grant grant) {
        Checks.notNull(grant, "grant");
        sessions.write(session -> {
            lockTargets(session, grant.grantee(), grant.resource());
            if (!matching(session, "select g.id from GatehouseGrant g where g.principal = :principal "
                    + "and g.permission = :name", grant.grantee(), grant.permission().name(), grant.resource(),
                    "g").getResultList().isEmpty()) {
                throw new DuplicateGrantException(describe(grant) + " is already stored");
            }
            session.persist(new GrantEntry(grant));
        });
    }

    @Override
    public void revoke(Grant grant) {
        Checks.notNull(grant, "grant");
        sessions.write(session -> {
            lockTargets(session, grant.grantee(), grant.resource());
            int removed = removal(session, "delete from GatehouseGrant g where g.principal = :principal "
                    + "and g.permission = :name", grant.grantee(), grant.permission().name(), grant.resource(), "g")
                    .executeUpdate();
            if (removed == 0) {
                throw new NoSuchGrantException(describe(grant) + " is not stored");
            }
        });
    }

    @Override
    public void assignRole(RoleAssignment assignment) {
        Checks.notNull(assignment, "assignment");
        sessions.write(session -> {
            lockTargets(session, assignment.holder(), assignment.resource());
            if (!matching(session, "select x.id from GatehouseRoleAssignment x where x.principal = :principal "
                    + "and x.roleName = :name", assignment.holder(), assignment.role(), assignment.resource(),
                    "x").getResultList().isEmpty()) {
                throw new DuplicateGrantException(describe(assignment) + " is already stored");
            }
            session.persist(new RoleAssignmentEntry(assignment));
        });
    }

    @Override
    public void unassignRole(RoleAssignment assignment) {
        Checks.notNull(assignment, "assignment");
        sessions.write(session -> {
            lockTargets(session, assignment.holder(), assignment.resource());
            int removed = removal(session, "delete from GatehouseRoleAssignment x where x.principal = :principal "
                    + "and x.roleName = :name", assignment.holder(), assignment.role(), assignment.resource(), "x")
                    .executeUpdate();
            if (removed == 0) {
                throw new NoSuchGrantException(describe(assignment) + " is not stored");
            }
        });
    }

    @Override
    public void setAcl(ResourceId resource, Acl acl) {
        Checks.notNull(acl, "acl");
        sessions.write(session -> {
            var locked = session.createSelectionQuery(mapping.hql("select r.id from {Resource} r where r.id = :id"),
                            Long.class)
                    .setParameter("id", resource.value())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            if (locked.isEmpty()) {
                throw Requirements.noSuchResource(resource);
            }
            acl.entries().forEach(ace -> requirements.requirePrincipal(session, ace.principal()));
            session.createMutationQuery("delete from GatehouseAclEntry e where e.resourceId = :resource")
                    .setParameter("resource", resource.value()).executeUpdate();
            int position = 1;
            for (var ace : acl.entries()) {
                session.persist(new AclEntry(resource.value(), position++, ace));
            }
        });
    }

    /** Locks the holder's row (checking it exists), then checks the resource exists. */
    private void lockTargets(Session session, Principal holder, Optional<ResourceId> resource) {
        requirements.lockPrincipal(session, holder);
        resource.ifPresent(id -> requirements.requireResource(session, id));
    }

    private static SelectionQuery<Long> matching(Session session, String hql, Principal holder, String name,
            Optional<ResourceId> resource, String alias) {
        var query = session.createSelectionQuery(hql + onResource(alias, resource), Long.class)
                .setParameter("principal", holder.key()).setParameter("name", name);
        resource.ifPresent(id -> query.setParameter("resource", id.value()));
        return query;
    }

    private static MutationQuery removal(Session session, String hql, Principal holder, String name,
            Optional<ResourceId> resource, String alias) {
        var query = session.createMutationQuery(hql + onResource(alias, resource))
                .setParameter("principal", holder.key()).setParameter("name", name);
        resource.ifPresent(id -> query.setParameter("resource", id.value()));
        return query;
    }

    private static String onResource(String alias, Optional<ResourceId> resource) {
        return resource.isPresent() ? " and " + alias + ".resourceId = :resource" : " and " + alias
                + ".resourceId is null";
    }

    private static String describe(Grant grant) {
        return "grant of " + grant.permission() + " to " + grant.grantee() + where(grant.resource());
    }

    private static String describe(RoleAssignment assignment) {
        return "role " + assignment.role() + " of " + assignment.holder() + where(assignment.resource());
    }

    private static String where(Optional<ResourceId> resource) {
        return resource.map(id -> " on resource " + id).orElse(" globally");
    }

    /** @return the principal keys of a set of principals, as the {@code principal} columns store them */
    static Set<String> keys(Set<Principal> principals) {
        var keys = new LinkedHashSet<String>();
        principals.forEach(principal -> keys.add(principal.key()));
        return keys;
    }
}
