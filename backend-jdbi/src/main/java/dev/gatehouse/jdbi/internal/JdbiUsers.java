package dev.gatehouse.jdbi.internal;

import dev.gatehouse.EmailTakenException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.UserNameTakenException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.StoredCode;
import dev.gatehouse.spi.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * Users, their attributes, password hashes and security codes, on Jdbi's fluent API. A user is read with its
 * attributes in one statement: the users selected, left-joined to their attributes, folded into records. Names and
 * emails are looked up on the generated {@code *_lower} columns; the lookups also compare lengths, because MariaDB's
 * {@code utf8mb4_bin} pads ({@code 'alice' = 'alice '} there). Thread-safe.
 */
public final class JdbiUsers implements UserStore {
    /** Selects users (as {@code u}) with their attributes; {@code %s} is the selection of users. */
    private static final String WITH_ATTRIBUTES = """
            SELECT u.id, u.user_name, u.email, u.status, u.registered_at, u.last_login_at,
                   a.attribute_key, a.attribute_value
              FROM (%s) u
              LEFT JOIN gatehouse_user_attributes a ON a.user_id = u.id
             ORDER BY u.id, a.attribute_key
            """;

    private final Database database;
    private final RowMapper<UserRow> userRows;

    public JdbiUsers(Database database) {
        this.database = database;
        this.userRows = new UserRowMapper(database.dialect());
    }

    @Override
    public Optional<User> byId(UserId id) {
        return database.read(handle -> byId(handle, id));
    }

    @Override
    public Optional<User> byName(String userName) {
        Checks.notNull(userName, "user name");
        return database.read(handle -> first(users(handle, """
                SELECT * FROM gatehouse_users
                 WHERE user_name_lower = LOWER(:userName)
                   AND CHAR_LENGTH(user_name_lower) = CHAR_LENGTH(LOWER(:userName))""").bind("userName", userName)));
    }

    @Override
    public Optional<User> byEmail(String email) {
        Checks.notNull(email, "email");
        return database.read(handle -> first(users(handle, """
                SELECT * FROM gatehouse_users
                 WHERE email_lower = LOWER(:email)
                   AND CHAR_LENGTH(email_lower) = CHAR_LENGTH(LOWER(:email))""").bind("email", email)));
    }

    @Override
    public Page<User> search(String pattern, PageRequest page) {
        String like = SearchPattern.like(pattern);
        Checks.notNull(page, "page");
        return database.read(handle -> page(users(handle, """
                SELECT * FROM gatehouse_users
                 WHERE id > :afterId
                   AND (user_name_lower LIKE LOWER(:pattern) ESCAPE '!' OR email_lower LIKE LOWER(:pattern) ESCAPE '!')
                 ORDER BY id
                 LIMIT :limit""").bind("pattern", like), page));
    }

    @Override
    public Page<User> page(PageRequest page) {
        Checks.notNull(page, "page");
        return database.read(handle -> page(users(handle,
                "SELECT * FROM gatehouse_users WHERE id > :afterId ORDER BY id LIMIT :limit"), page));
    }

    /** @return a page of the group's members, in id order */
    Page<User> members(Handle handle, GroupId group, PageRequest page) {
        return page(users(handle, """
                SELECT u.* FROM gatehouse_users u
                  JOIN gatehouse_memberships m ON m.user_id = u.id
                 WHERE m.group_id = :groupId AND u.id > :afterId
                 ORDER BY u.id
                 LIMIT :limit""").bind("groupId", group.value()), page);
    }

    @Override
    public Set<GroupId> groupsOf(UserId id) {
        return database.read(handle -> handle
                .createQuery("SELECT group_id FROM gatehouse_memberships WHERE user_id = :userId")
                .bind("userId", id.value())
                .mapTo(Long.class)
                .map(GroupId::of)
                .collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return database.read(handle -> handle
                .createQuery("SELECT password_hash FROM gatehouse_users WHERE id = :id")
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Optional<StoredCode> securityCode(UserId id) {
        var dialect = database.dialect();
        return database.read(handle -> handle
                .createQuery("SELECT code_hash, expires_at FROM gatehouse_security_codes WHERE user_id = :userId")
                .bind("userId", id.value())
                .map((row, context) -> new StoredCode(row.getString("code_hash"),
                        dialect.instant(row, "expires_at").orElseThrow()))
                .findOne());
    }

    @Override
    public User create(NewUser user, Instant registeredAt) {
        Checks.notNull(user, "user");
        Checks.notNull(registeredAt, "registeredAt");
        return database.write(handle -> {
            requireUserNameFree(handle, user.userName(), null);
            user.email().ifPresent(email -> requireEmailFree(handle, email, null));
            long id = handle.createUpdate("""
                    INSERT INTO gatehouse_users (user_name, email, status, registered_at)
                    VALUES (:userName, :email, 'ACTIVE', :registeredAt)""")
                    .bind("userName", user.userName())
                    .bind("email", user.email().orElse(null))
                    .bind("registeredAt", database.dialect().instant(registeredAt))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            insertAttributes(handle, id, user.attributes());
            return new User(UserId.of(id), user.userName(), user.email(), UserStatus.ACTIVE,
                    SqlDialect.stored(registeredAt), Optional.empty(), user.attributes());
        });
    }

    @Override
    public User update(UserId id, UserUpdate update) {
        Checks.notNull(update, "update");
        return database.write(handle -> {
            Required.userLocked(handle, id);
            var updated = update.applyTo(byId(handle, id).orElseThrow());
            requireUserNameFree(handle, updated.userName(), id);
            updated.email().ifPresent(email -> requireEmailFree(handle, email, id));
            handle.createUpdate("UPDATE gatehouse_users SET user_name = :userName, email = :email WHERE id = :id")
                    .bind("userName", updated.userName())
                    .bind("email", updated.email().orElse(null))
                    .bind("id", id.value())
                    .execute();
            if (update.attributes().isPresent()) {
                handle.createUpdate("DELETE FROM gatehouse_user_attributes WHERE user_id = :userId")
                        .bind("userId", id.value())
                        .execute();
                insertAttributes(handle, id.value(), updated.attributes());
            }
            return updated;
        });
    }

    @Override
    public User setStatus(UserId id, UserStatus status) {
        Checks.notNull(status, "status");
        return database.write(handle -> {
            requireUpdated(id, handle.createUpdate("UPDATE gatehouse_users SET status = :status WHERE id = :id")
                    .bind("status", status.name())
                    .bind("id", id.value())
                    .execute());
            return byId(handle, id).orElseThrow();
        });
    }

    @Override
    public void delete(UserId id) {
        // memberships, grants, role assignments, ACL entries, identities and codes go by ON DELETE CASCADE,
        // ownerships by ON DELETE SET NULL
        database.useWrite(handle -> requireUpdated(id, handle.createUpdate("DELETE FROM gatehouse_users WHERE id = :id")
                .bind("id", id.value())
                .execute()));
    }

    @Override
    public void setPasswordHash(UserId id, String hash) {
        Checks.notNull(hash, "password hash");
        database.useWrite(handle -> requireUpdated(id, handle
                .createUpdate("UPDATE gatehouse_users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", id.value())
                .execute()));
    }

    @Override
    public void setSecurityCode(UserId id, StoredCode code) {
        Checks.notNull(code, "security code");
        database.useWrite(handle -> {
            Required.userLocked(handle, id);
            handle.createUpdate("DELETE FROM gatehouse_security_codes WHERE user_id = :userId")
                    .bind("userId", id.value())
                    .execute();
            handle.createUpdate("""
                    INSERT INTO gatehouse_security_codes (user_id, code_hash, expires_at)
                    VALUES (:userId, :hash, :expiresAt)""")
                    .bind("userId", id.value())
                    .bind("hash", code.hash())
                    .bind("expiresAt", database.dialect().instant(code.expiresAt()))
                    .execute();
        });
    }

    @Override
    public boolean consumeSecurityCode(UserId id, String hash) {
        Checks.notNull(hash, "security code hash");
        return database.write(handle -> {
            Required.user(handle, id);
            return handle.createUpdate(
                            "DELETE FROM gatehouse_security_codes WHERE user_id = :userId AND code_hash = :hash")
                    .bind("userId", id.value())
                    .bind("hash", hash)
                    .execute() > 0;
        });
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        Checks.notNull(at, "login time");
        database.useWrite(handle -> requireUpdated(id, handle
                .createUpdate("UPDATE gatehouse_users SET last_login_at = :at WHERE id = :id")
                .bind("at", database.dialect().instant(at))
                .bind("id", id.value())
                .execute()));
    }

    private Optional<User> byId(Handle handle, UserId id) {
        return first(users(handle, "SELECT * FROM gatehouse_users WHERE id = :id").bind("id", id.value()));
    }

    /** @return a query for the users {@code selection} selects, each with its attributes */
    private static Query users(Handle handle, String selection) {
        return handle.createQuery(WITH_ATTRIBUTES.formatted(selection));
    }

    private List<User> list(Query query) {
        var users = new LinkedHashMap<Long, List<UserRow>>();
        query.map(userRows).forEach(row -> users.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return users.values().stream().map(UserRow::toUser).toList();
    }

    private Optional<User> first(Query query) {
        return list(query).stream().findFirst();
    }

    private Page<User> page(Query query, PageRequest page) {
        var users = list(query.bind("afterId", page.afterId()).bind("limit", page.limit() + 1));
        return Page.of(users, page.limit(), user -> user.id().value());
    }

    private static void insertAttributes(Handle handle, long userId, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("""
                INSERT INTO gatehouse_user_attributes (user_id, attribute_key, attribute_value)
                VALUES (:userId, :key, :value)""");
        new TreeMap<>(attributes).forEach((key, value) ->
                batch.bind("userId", userId).bind("key", key).bind("value", value).add());
        batch.execute();
    }

    /** @param self the user being updated, who may keep its own name; null when creating */
    private static void requireUserNameFree(Handle handle, String userName, @Nullable UserId self) {
        if (holder(handle, "SELECT id FROM gatehouse_users WHERE user_name_lower = LOWER(:value)", userName, self)) {
            throw new UserNameTakenException("user name '" + userName + "' is taken");
        }
    }

    /** @param self the user being updated, who may keep its own email; null when creating */
    private static void requireEmailFree(Handle handle, String email, @Nullable UserId self) {
        if (holder(handle, "SELECT id FROM gatehouse_users WHERE email_lower = LOWER(:value)", email, self)) {
            throw new EmailTakenException("email '" + email + "' is taken");
        }
    }

    /** @return whether a user other than {@code self} holds the value */
    private static boolean holder(Handle handle, String sql, String value, @Nullable UserId self) {
        return handle.createQuery(sql).bind("value", value).mapTo(Long.class).list().stream()
                .anyMatch(holder -> self == null || holder != self.value());
    }

    private static void requireUpdated(UserId id, int rows) {
        if (rows == 0) {
            throw new NoSuchUserException("no user with id " + id);
        }
    }

    /** One row of a user joined to one of its attributes (or to none). */
    private record UserRow(long id, String userName, Optional<String> email, UserStatus status, Instant registeredAt,
            Optional<Instant> lastLoginAt, Optional<String> attributeKey, Optional<String> attributeValue) {
        static User toUser(List<UserRow> rows) {
            var first = rows.get(0);
            var attributes = new TreeMap<String, String>();
            rows.forEach(row -> row.attributeKey().ifPresent(key -> attributes.put(key, row.attributeValue().orElseThrow())));
            return new User(UserId.of(first.id()), first.userName(), first.email(), first.status(),
                    first.registeredAt(), first.lastLoginAt(), attributes);
        }
    }

    private static final class UserRowMapper implements RowMapper<UserRow> {
        private final SqlDialect dialect;

        UserRowMapper(SqlDialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public UserRow map(ResultSet row, StatementContext context) throws SQLException {
            return new UserRow(
                    row.getLong("id"),
                    row.getString("user_name"),
                    Optional.ofNullable(row.getString("email")),
                    UserStatus.valueOf(row.getString("status")),
                    dialect.instant(row, "registered_at").orElseThrow(),
                    dialect.instant(row, "last_login_at"),
                    Optional.ofNullable(row.getString("attribute_key")),
                    Optional.ofNullable(row.getString("attribute_value")));
        }
    }
}
