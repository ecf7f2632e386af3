package dev.gatehouse.jdbi.internal;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers from the Gatehouse tables to the model's records. */
public final class Rows {
    private Rows() {}

    /** Maps {@code id, name, description} of {@code gatehouse_groups}. */
    public static final class GroupMapper implements RowMapper<Group> {
        @Override
        public Group map(ResultSet row, StatementContext context) throws SQLException {
            return new Group(GroupId.of(row.getLong("id")), row.getString("name"),
                    Optional.ofNullable(row.getString("description")));
        }
    }

    /** Maps {@code principal, permission, resource_id} of {@code gatehouse_grants}. */
    public static final class GrantMapper implements RowMapper<Grant> {
        @Override
        public Grant map(ResultSet row, StatementContext context) throws SQLException {
            return new Grant(Principal.parse(row.getString("principal")), Permission.of(row.getString("permission")),
                    optionalLong(row, "resource_id").map(ResourceId::of));
        }
    }

    /** Maps {@code principal, role_name, resource_id} of {@code gatehouse_role_assignments}. */
    public static final class RoleAssignmentMapper implements RowMapper<RoleAssignment> {
        @Override
        public RoleAssignment map(ResultSet row, StatementContext context) throws SQLException {
            return new RoleAssignment(Principal.parse(row.getString("principal")), row.getString("role_name"),
                    optionalLong(row, "resource_id").map(ResourceId::of));
        }
    }

    /** Maps the columns of {@code gatehouse_resources}. */
    public static final class ResourceMapper implements RowMapper<Resource> {
        @Override
        public Resource map(ResultSet row, StatementContext context) throws SQLException {
            return new Resource(
                    ResourceId.of(row.getLong("id")),
                    row.getString("name"),
                    row.getString("type"),
                    optionalLong(row, "parent_id").map(ResourceId::of),
                    row.getInt("ordering"),
                    optionalLong(row, "owner_user_id").map(UserId::of),
                    optionalLong(row, "owner_group_id").map(GroupId::of),
                    row.getBoolean("inherit"));
        }
    }

    /** @return the column's value, empty for SQL NULL */
    static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
