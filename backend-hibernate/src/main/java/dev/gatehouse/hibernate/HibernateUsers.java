package dev.gatehouse.hibernate;

import dev.gatehouse.EmailTakenException;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;

/**
 * Users on Hibernate: the configured user entity, read with its attributes in one statement (a fetch join), and
 * written through the persistence context under a pessimistic lock on its row, so that concurrent writers of one
 * user never lose each other's changes. Thread-safe.
 */
final class HibernateUsers implements UserStore {
    private final Sessions sessions;
    private final Mapping mapping;
    private final Requirements requirements;

    private final String byId;
    private final String byName;
    private final String byEmail;
    private final String pageOfUsers;
    private final String nameHolder;
    private final String emailHolder;
    private final String groupsOf;
    private final String passwordHash;
    private final String securityCode;

    HibernateUsers(Sessions sessions, Mapping mapping, Requirements requirements) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.requirements = requirements;
        this.byId = mapping.hql("from {User} u left join fetch u.attributes where u.id = :id");
        this.byName = mapping.hql("from {User} u left join fetch u.attributes where "
                + equalsIgnoringCase("u.userName", "name"));
        this.byEmail = mapping.hql("from {User} u left join fetch u.attributes where "
                + equalsIgnoringCase("u.email", "email"));
        this.pageOfUsers = mapping.hql("""
                from {User} u left join fetch u.attributes
                where u.id in (select page.id from (%s limit :limit) page)
                order by u.id""");
        this.nameHolder = mapping.hql("select u.id from {User} u where "
                + equalsIgnoringCase("u.userName", "name"));
        this.emailHolder = mapping.hql("select u.id from {User} u where "
                + equalsIgnoringCase("u.email", "email"));
        this.groupsOf = "select m.groupId from GatehouseMembership m where m.userId = :user";
        this.passwordHash = mapping.hql("select u.passwordHash from {User} u where u.id = :id");
        this.securityCode = "select c.codeHash, c.expiresAt from GatehouseSecurityCode c where c.userId = :user";
    }

    /**
     * @return HQL that compares {@code attribute} with the parameter ignoring case, through the generated
     *     {@code …Lower} column and its unique index; the lengths are compared too because MariaDB's PAD SPACE
     *     collations would otherwise find {@code alice} for {@code "alice "}
     */
    static String equalsIgnoringCase(String attribute, String parameter) {
        return "%1$sLower = lower(:%2$s) and length(%1$sLower) = length(lower(:%2$s))".formatted(attribute, parameter);
    }

    // ------------------------------------------------------------------------------------------------------ reads

    @Override
    public Optional<User> byId(UserId id) {
        return sessions.read(session -> first(session, byId, "id", id.value()));
    }

    @Override
    public Optional<User> byName(String userName) {
        return sessions.read(session -> first(session, byName, "name", userName));
    }

    @Override
    public Optional<User> byEmail(String email) {
        return sessions.read(session -> first(session, byEmail, "email", email));
    }

    private Optional<User> first(SharedSessionContract session, String query, String parameter, Object value) {
        return session.createSelectionQuery(query, mapping.userClass())
                .setParameter(parameter, value)
                .getResultList().stream()
                .findFirst()
                .map(GatehouseUserBase::toUser);
    }

    @Override
    public Page<User> search(String pattern, PageRequest page) {
        Checks.notNull(pattern, "pattern");
        var like = SearchPattern.toLike(pattern);
        return sessions.read(session -> page(session, mapping.hql("""
                select v.id as id from {User} v
                where v.id > :after
                  and (v.userNameLower like lower(:pattern) escape '!' or v.emailLower like lower(:pattern) escape '!')
                order by v.id"""), Map.of("pattern", like), page));
    }

    @Override
    public Page<User> page(PageRequest page) {
        return sessions.read(session -> page(session,
                mapping.hql("select v.id as id from {User} v where v.id > :after order by v.id"), Map.of(), page));
    }

    /**
     * One page of users with their attributes, in one statement.
     *
     * @param idQuery HQL selecting the page's candidate ids as {@code id}, after {@code :after}, in id order
     */
    Page<User> page(SharedSessionContract session, String idQuery, Map<String, Object> parameters, PageRequest page) {
        var query = session.createSelectionQuery(pageOfUsers.formatted(idQuery), mapping.userClass())
                .setParameter("after", page.afterId())
                .setParameter("limit", page.limit() + 1);
        parameters.forEach(query::setParameter);
        var users = query.getResultList().stream().map(GatehouseUserBase::toUser).toList();
        return Page.of(users, page.limit(), user -> user.id().value());
    }

    @Override
    public Set<GroupId> groupsOf(UserId id) {
        return sessions.read(session -> {
            var groups = new HashSet<GroupId>();
            session.createSelectionQuery(groupsOf, Long.class).setParameter("user", id.value())
                    .getResultList().forEach(group -> groups.add(GroupId.of(group)));
            return Set.copyOf(groups);
        });
    }

    @Override
    public Optional<String> passwordHash(UserId id) {
        return sessions.read(session -> session.createSelectionQuery(passwordHash, String.class)
                .setParameter("id", id.value())
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst());
    }

    @Override
    public Optional<StoredCode> securityCode(UserId id) {
        return sessions.read(session -> session.createSelectionQuery(securityCode, StoredCode.class)
                .setParameter("user", id.value())
                .getResultStream()
                .findFirst());
    }

    // ----------------------------------------------------------------------------------------------------- writes

    @Override
    public User create(NewUser user, Instant registeredAt) {
        Checks.notNull(user, "user");
        Checks.notNull(registeredAt, "registeredAt");
        return sessions.write(session -> {
            requireNameFree(session, user.userName(), Optional.empty());
            user.email().ifPresent(email -> requireEmailFree(session, email, Optional.empty()));
            var entity = mapping.newUser();
            entity.setUserName(user.userName());
            entity.setEmail(user.email());
            entity.setStatus(UserStatus.ACTIVE);
            entity.setRegisteredAt(registeredAt);
            entity.replaceAttributes(user.attributes());
            session.persist(entity);
            return entity.toUser();
        });
    }

    @Override
    public User update(UserId id, UserUpdate update) {
        Checks.notNull(update, "update");
        return sessions.write(session -> {
            var entity = requirements.lockUser(session, id);
            var updated = update.applyTo(entity.toUser());
            requireNameFree(session, updated.userName(), Optional.of(id));
            updated.email().ifPresent(email -> requireEmailFree(session, email, Optional.of(id)));
            entity.setUserName(updated.userName());
            entity.setEmail(updated.email());
            entity.replaceAttributes(updated.attributes());
            return updated;
        });
    }

    @Override
    public User setStatus(UserId id, UserStatus status) {
        Checks.notNull(status, "status");
        return sessions.write(session -> {
            var entity = requirements.lockUser(session, id);
            entity.setStatus(status);
            return entity.toUser();
        });
    }

    @Override
    public void delete(UserId id) {
        sessions.write(session -> {
            // the database removes what names the user (ON DELETE CASCADE) and clears its ownerships (SET NULL)
            session.remove(requirements.lockUser(session, id));
        });
    }

    @Override
    public void setPasswordHash(UserId id, String hash) {
        Checks.notNull(hash, "password hash");
        sessions.write(session -> {
            requirements.lockUser(session, id).setPasswordHash(hash);
        });
    }

    @Override
    public void setSecurityCode(UserId id, StoredCode code) {
        Checks.notNull(code, "security code");
        sessions.write(session -> {
            requirements.lockUser(session, id);
            var stored = session.find(SecurityCodeEntry.class, id.value());
            if (stored == null) {
                session.persist(new SecurityCodeEntry(id.value(), code));
            } else {
                stored.replaceWith(code);
            }
        });
    }

    @Override
    public boolean consumeSecurityCode(UserId id, String hash) {
        Checks.notNull(hash, "security code hash");
        return sessions.write(session -> {
            requirements.lockUser(session, id);
            var stored = session.find(SecurityCodeEntry.class, id.value());
            if (stored == null || !sameHash(stored.codeHash(), hash)) {
                return false;
            }
            session.remove(stored);
            return true;
        });
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        Checks.notNull(at, "login time");
        sessions.write(session -> {
            requirements.lockUser(session, id).setLastLoginAt(at);
        });
    }

    /** @param self the user being updated, who may keep its own name; empty when creating */
    private void requireNameFree(Session session, String userName, Optional<UserId> self) {
        if (heldBySomeoneElse(session, nameHolder, "name", userName, self)) {
            throw new UserNameTakenException("user name '" + userName + "' is taken");
        }
    }

    /** @param self the user being updated, who may keep its own email; empty when creating */
    private void requireEmailFree(Session session, String email, Optional<UserId> self) {
        if (heldBySomeoneElse(session, emailHolder, "email", email, self)) {
            throw new EmailTakenException("email '" + email + "' is taken");
        }
    }

    private static boolean heldBySomeoneElse(Session session, String query, String parameter, String value,
            Optional<UserId> self) {
        return session.createSelectionQuery(query, Long.class).setParameter(parameter, value).getResultStream()
                .anyMatch(holder -> self.map(id -> id.value() != holder).orElse(true));
    }

    private static boolean sameHash(String stored, String offered) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }
}
