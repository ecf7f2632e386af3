package dev.gatehouse.jdbi.internal;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Grants and role assignments through {@link PermissionDao}; explicit ACLs on the fluent API. A duplicate is found
 * by a lookup first; two transactions inserting the same grant at once are told apart by the unique index, whose
 * violation comes out as {@link DuplicateGrantException}. Thread-safe.
 */
public final class JdbiPermissions implements PermissionStore {
    private final Database database;

    public JdbiPermissions(Database database) {
        this.database = database;
    }

    @Override
    public List<Grant> grantsOf(Principal grantee) {
        Checks.notNull(grantee, "grantee");
        return database.read(handle -> dao(handle).grantsOf(grantee.key()));
    }

    @Override
    public List<Grant> grantsOn(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return database.read(handle -> dao(handle).grantsOn(resource.value()));
    }

    @Override
    public List<RoleAssignment> rolesOf(Principal holder) {
        Checks.notNull(holder, "holder");
        return database.read(handle -> dao(handle).rolesOf(holder.key()));
    }

    @Override
    public List<RoleAssignment> rolesOn(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return database.read(handle -> dao(handle).rolesOn(resource.value()));
    }

    @Override
    public Acl acl(ResourceId resource) {
        Checks.notNull(resource, "resource");
        return database.read(handle -> {
            var entries = new LinkedHashMap<Integer, Entry>();
            handle.createQuery("""
                    SELECT e.position, e.action, e.principal, p.permission
                      FROM gatehouse_acl_entries e
                      JOIN gatehouse_acl_entry_permissions p ON p.entry_id = e.id
                     WHERE e.resource_id = :resourceId
                     ORDER BY e.position""")
                    .bind("resourceId", resource.value())
                    .map((row, context) -> new Entry(row.getInt("position"), Action.valueOf(row.getString("action")),
                            row.getString("principal"), row.getString("permission")))
                    .forEach(entry -> entries.merge(entry.position(), entry, Entry::with));
            return new Acl(entries.values().stream().map(Entry::toAce).toList());
        });
    }

    @Override
    public void grant(Grant grant) {
        Checks.notNull(grant, "grant");
        database.useWrite(handle -> {
            requireTargets(handle, grant.grantee(), grant.resource());
            var grants = dao(handle);
            if (grants.grant(grant.grantee().key(), grant.permission().name(), key(grant.resource())).isPresent()) {
                throw new DuplicateGrantException(describe(grant) + " is already stored");
            }
            grants.insertGrant(grant.grantee().key(), grant.permission().name(), id(grant.resource()));
        });
    }

    @Override
    public void revoke(Grant grant) {
        Checks.notNull(grant, "grant");
        database.useWrite(handle -> {
            requireTargets(handle, grant.grantee(), grant.resource());
            if (dao(handle).deleteGrant(grant.grantee().key(), grant.permission().name(), key(grant.resource())) == 0) {
                throw new NoSuchGrantException(describe(grant) + " is not stored");
            }
        });
    }

    @Override
    public void assignRole(RoleAssignment assignment) {
        Checks.notNull(assignment, "assignment");
        database.useWrite(handle -> {
            requireTargets(handle, assignment.holder(), assignment.resource());
            var roles = dao(handle);
            if (roles.role(assignment.holder().key(), assignment.role(), key(assignment.resource())).isPresent()) {
                throw new DuplicateGrantException(describe(assignment) + " is already stored");
            }
            roles.insertRole(assignment.holder().key(), assignment.role(), id(assignment.resource()));
        });
    }

    @Override
    public void unassignRole(RoleAssignment assignment) {
        Checks.notNull(assignment, "assignment");
        database.useWrite(handle -> {
            requireTargets(handle, assignment.holder(), assignment.resource());
            if (dao(handle).deleteRole(assignment.holder().key(), assignment.role(), key(assignment.resource())) == 0) {
                throw new NoSuchGrantException(describe(assignment) + " is not stored");
            }
        });
    }

    /**
     * Replaces the ACL under a lock on the resource's row, so two replacements of one ACL cannot interleave. The
     * entries are numbered 1..n; each entry's permissions are inserted in one batch that finds the entry by
     * (resource, position), so no generated key has to travel back.
     */
    @Override
    public void setAcl(ResourceId resource, Acl acl) {
        Checks.notNull(resource, "resource");
        Checks.notNull(acl, "acl");
        database.useWrite(handle -> {
            Required.resourceLocked(handle, resource);
            acl.entries().forEach(ace -> Required.principal(handle, ace.principal()));
            handle.createUpdate("DELETE FROM gatehouse_acl_entries WHERE resource_id = :resourceId")
                    .bind("resourceId", resource.value())
                    .execute();
            if (acl.isEmpty()) {
                return;
            }
            var entries = handle.prepareBatch("""
                    INSERT INTO gatehouse_acl_entries (resource_id, position, action, principal)
                    VALUES (:resourceId, :position, :action, :principal)""");
            var permissions = handle.prepareBatch("""
                    INSERT INTO gatehouse_acl_entry_permissions (entry_id, permission)
                    SELECT id, :permission FROM gatehouse_acl_entries WHERE resource_id = :resourceId AND position = :position""");
            int position = 0;
            for (var ace : acl.entries()) {
                position++;
                entries.bind("resourceId", resource.value()).bind("position", position)
                        .bind("action", ace.action().name()).bind("principal", ace.principal().key()).add();
                for (var permission : ace.permissions()) {
                    permissions.bind("permission", permission.name()).bind("resourceId", resource.value())
                            .bind("position", position).add();
                }
            }
            entries.execute();
            permissions.execute();
        });
    }

    private static PermissionDao dao(Handle handle) {
        return handle.attach(PermissionDao.class);
    }

    private static void requireTargets(Handle handle, Principal holder, Optional<ResourceId> resource) {
        Required.principal(handle, holder);
        resource.ifPresent(id -> Required.resource(handle, id));
    }

    /** @return the value of {@code resource_key}: the resource's id, 0 for a global row */
    private static long key(Optional<ResourceId> resource) {
        return resource.map(ResourceId::value).orElse(0L);
    }

    private static @Nullable Long id(Optional<ResourceId> resource) {
        return resource.map(ResourceId::value).orElse(null);
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

    /** One ACL entry being read back, row by row (one row per permission). */
    private record Entry(int position, Action action, String principal, List<String> permissions) {
        Entry(int position, Action action, String principal, String permission) {
            this(position, action, principal, List.of(permission));
        }

        Entry with(Entry more) {
            var all = new ArrayList<>(permissions);
            all.addAll(more.permissions());
            return new Entry(position, action, principal, all);
        }

        Ace toAce() {
            Set<Permission> held = Set.copyOf(permissions.stream().map(Permission::of).toList());
            return new Ace(action, Principal.parse(principal), held);
        }
    }
}
