package dev.gatehouse.jdbi.internal;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.RoleAssignment;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/**
 * Grants and role assignments, as a Jdbi SQL Object. A global row has no {@code resource_id}; the generated
 * {@code resource_key} (0 for global rows) lets one unique index, and one lookup, serve both kinds.
 */
@RegisterRowMapper(Rows.GrantMapper.class)
@RegisterRowMapper(Rows.RoleAssignmentMapper.class)
public interface PermissionDao {
    @SqlQuery("SELECT principal, permission, resource_id FROM gatehouse_grants WHERE principal = :principal ORDER BY id")
    List<Grant> grantsOf(@Bind("principal") String principal);

    @SqlQuery("SELECT principal, permission, resource_id FROM gatehouse_grants WHERE resource_id = :resourceId ORDER BY id")
    List<Grant> grantsOn(@Bind("resourceId") long resourceId);

    @SqlQuery("""
            SELECT id FROM gatehouse_grants
             WHERE principal = :principal AND permission = :permission AND resource_key = :resourceKey""")
    Optional<Long> grant(@Bind("principal") String principal, @Bind("permission") String permission,
            @Bind("resourceKey") long resourceKey);

    @SqlUpdate("INSERT INTO gatehouse_grants (principal, permission, resource_id) VALUES (:principal, :permission, :resourceId)")
    void insertGrant(@Bind("principal") String principal, @Bind("permission") String permission,
            @Bind("resourceId") @Nullable Long resourceId);

    @SqlUpdate("""
            DELETE FROM gatehouse_grants
             WHERE principal = :principal AND permission = :permission AND resource_key = :resourceKey""")
    int deleteGrant(@Bind("principal") String principal, @Bind("permission") String permission,
            @Bind("resourceKey") long resourceKey);

    @SqlQuery("SELECT principal, role_name, resource_id FROM gatehouse_role_assignments WHERE principal = :principal ORDER BY id")
    List<RoleAssignment> rolesOf(@Bind("principal") String principal);

    @SqlQuery("SELECT principal, role_name, resource_id FROM gatehouse_role_assignments WHERE resource_id = :resourceId ORDER BY id")
    List<RoleAssignment> rolesOn(@Bind("resourceId") long resourceId);

    @SqlQuery("""
            SELECT id FROM gatehouse_role_assignments
             WHERE principal = :principal AND role_name = :role AND resource_key = :resourceKey""")
    Optional<Long> role(@Bind("principal") String principal, @Bind("role") String role,
            @Bind("resourceKey") long resourceKey);

    @SqlUpdate("INSERT INTO gatehouse_role_assignments (principal, role_name, resource_id) VALUES (:principal, :role, :resourceId)")
    void insertRole(@Bind("principal") String principal, @Bind("role") String role,
            @Bind("resourceId") @Nullable Long resourceId);

    @SqlUpdate("""
            DELETE FROM gatehouse_role_assignments
             WHERE principal = :principal AND role_name = :role AND resource_key = :resourceKey""")
    int deleteRole(@Bind("principal") String principal, @Bind("role") String role,
            @Bind("resourceKey") long resourceKey);
}
