package dev.gatehouse.hibernate;

import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.NotAMemberException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.GroupStore;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Groups on Hibernate: the configured group entity, written through the persistence context under a pessimistic
 * lock on its row; memberships are rows of their own, added under the group's lock so that a duplicate is found
 * before the insert. Thread-safe.
 */
final class HibernateGroups implements GroupStore {
    private final Sessions sessions;
    private final Mapping mapping;
    private final Requirements requirements;
    private final HibernateUsers users;

    private final String byId;
    private final String byName;
    private final String pageOfGroups;
    private final String nameHolder;
    private final String membership;
    private final String addMembership;
    private final String removeMembership;

    HibernateGroups(Sessions sessions, Mapping mapping, Requirements requirements, HibernateUsers users) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.requirements = requirements;
        this.users = users;
        this.byId = mapping.hql("from {Group} g where g.id = :id");
        this.byName = mapping.hql("from {Group} g where "
                + HibernateUsers.equalsIgnoringCase("g.name", "name"));
        this.pageOfGroups = mapping.hql("from {Group} g where g.id > :after order by g.id limit :limit");
        this.nameHolder = mapping.hql("select g.id from {Group} g where "
                + HibernateUsers.equalsIgnoringCase("g.name", "name"));
        this.membership = "select m.userId from GatehouseMembership m where m.groupId = :group and m.userId = :user";
        this.addMembership = "insert into GatehouseMembership (groupId, userId) values (:group, :user)";
        this.removeMembership = "delete from GatehouseMembership m where m.groupId = :group and m.userId = :user";
    }

    @Override
    public Optional<Group> byId(GroupId id) {
        return sessions.read(session -> session.createSelectionQuery(byId, mapping.groupClass())
                .setParameter("id", id.value()).getResultStream().findFirst().map(GatehouseGroupBase::toGroup));
    }

    @Override
    public Optional<Group> byName(String name) {
        return sessions.read(session -> session.createSelectionQuery(byName, mapping.groupClass())
                .setParameter("name", name).getResultStream().findFirst().map(GatehouseGroupBase::toGroup));
    }

    @Override
    public Page<Group> page(PageRequest page) {
        Checks.notNull(page, "page");
        return sessions.read(session -> {
            var groups = session.createSelectionQuery(pageOfGroups, mapping.groupClass())
                    .setParameter("after", page.afterId())
                    .setParameter("limit", page.limit() + 1)
                    .getResultList().stream().map(GatehouseGroupBase::toGroup).toList();
            return Page.of(groups, page.limit(), group -> group.id().value());
        });
    }

    @Override
    public Page<User> members(GroupId id, PageRequest page) {
        Checks.notNull(page, "page");
        return sessions.read(session -> {
            requirements.requireGroup(session, id);
            return users.page(session, """
                    select m.userId as id from GatehouseMembership m
                    where m.groupId = :group and m.userId > :after
                    order by m.userId""", Map.of("group", id.value()), page);
        });
    }

    @Override
    public Group create(NewGroup group) {
        Checks.notNull(group, "group");
        return sessions.write(session -> {
            requireNameFree(session, group.name(), Optional.empty());
            var entity = mapping.newGroup();
            entity.setName(group.name());
            entity.setDescription(group.description());
            session.persist(entity);
            return entity.toGroup();
        });
    }

    @Override
    public Group rename(GroupId id, String newName) {
        return sessions.write(session -> {
            var entity = requirements.lockGroup(session, id);
            var renamed = new Group(id, newName, entity.getDescription());
            requireNameFree(session, newName, Optional.of(id));
            entity.setName(newName);
            return renamed;
        });
    }

    @Override
    public Group describe(GroupId id, Optional<String> description) {
        return sessions.write(session -> {
            var entity = requirements.lockGroup(session, id);
            var described = new Group(id, entity.getName(), description);
            entity.setDescription(description);
            return described;
        });
    }

    @Override
    public void delete(GroupId id) {
        sessions.write(session -> {
            // the database removes the memberships, grants, roles and ACL entries (ON DELETE CASCADE) and clears
            // the group's ownerships (SET NULL)
            session.remove(requirements.lockGroup(session, id));
        });
    }

    @Override
    public void addMember(GroupId id, UserId user) {
        sessions.write(session -> {
            requirements.lockGroup(session, id);
            requirements.requireUser(session, user);
            if (isMember(session, id, user)) {
                throw new DuplicateMembershipException("user " + user + " is already a member of group " + id);
            }
            session.createMutationQuery(addMembership)
                    .setParameter("group", id.value()).setParameter("user", user.value()).executeUpdate();
        });
    }

    @Override
    public void removeMember(GroupId id, UserId user) {
        sessions.write(session -> {
            requirements.lockGroup(session, id);
            int removed = session.createMutationQuery(removeMembership)
                    .setParameter("group", id.value()).setParameter("user", user.value()).executeUpdate();
            if (removed == 0) {
                throw new NotAMemberException("user " + user + " is not a member of group " + id);
            }
        });
    }

    private boolean isMember(Session session, GroupId group, UserId user) {
        return !session.createSelectionQuery(membership, Long.class)
                .setParameter("group", group.value()).setParameter("user", user.value()).getResultList().isEmpty();
    }

    /** @param self the group being renamed, which may keep its own name; empty when creating */
    private void requireNameFree(Session session, String name, Optional<GroupId> self) {
        boolean taken = session.createSelectionQuery(nameHolder, Long.class).setParameter("name", name)
                .getResultStream().anyMatch(holder -> self.map(id -> id.value() != holder).orElse(true));
        if (taken) {
            throw new GroupNameTakenException("group name '" + name + "' is taken");
        }
    }
}
