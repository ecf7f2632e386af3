package dev.gatehouse.jdbi.internal;

import dev.gatehouse.model.Group;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Groups and memberships, as a Jdbi SQL Object. Attach it to the handle a unit of work runs on. */
@RegisterRowMapper(Rows.GroupMapper.class)
public interface GroupDao {
    @SqlQuery("SELECT id, name, description FROM gatehouse_groups WHERE id = :id")
    Optional<Group> byId(@Bind("id") long id);

    /** The length comparison keeps MariaDB's padding collation from matching "admins " to "admins". */
    @SqlQuery("""
            SELECT id, name, description FROM gatehouse_groups
             WHERE name_lower = LOWER(:name) AND CHAR_LENGTH(name_lower) = CHAR_LENGTH(LOWER(:name))""")
    Optional<Group> byName(@Bind("name") String name);

    @SqlQuery("SELECT id, name, description FROM gatehouse_groups WHERE id > :afterId ORDER BY id LIMIT :limit")
    List<Group> page(@Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO gatehouse_groups (name, description) VALUES (:name, :description)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("description") @Nullable String description);

    @SqlUpdate("UPDATE gatehouse_groups SET name = :name WHERE id = :id")
    int rename(@Bind("id") long id, @Bind("name") String name);

    @SqlUpdate("UPDATE gatehouse_groups SET description = :description WHERE id = :id")
    int describe(@Bind("id") long id, @Bind("description") @Nullable String description);

    /** Deletes the group; its memberships, grants, roles and ACL entries go by cascade, its ownerships by SET NULL. */
    @SqlUpdate("DELETE FROM gatehouse_groups WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT user_id FROM gatehouse_memberships WHERE group_id = :groupId AND user_id = :userId")
    Optional<Long> membership(@Bind("groupId") long groupId, @Bind("userId") long userId);

    @SqlUpdate("INSERT INTO gatehouse_memberships (group_id, user_id) VALUES (:groupId, :userId)")
    void addMember(@Bind("groupId") long groupId, @Bind("userId") long userId);

    @SqlUpdate("DELETE FROM gatehouse_memberships WHERE group_id = :groupId AND user_id = :userId")
    int removeMember(@Bind("groupId") long groupId, @Bind("userId") long userId);
}
