package dev.gatehouse.jdbi.internal;

import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.NoSuchGroupException;
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
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Groups and their members through {@link GroupDao}. Membership changes lock the group's row, so the check for an
 * existing membership and the insert that follows cannot race. Thread-safe.
 */
public final class JdbiGroups implements GroupStore {
    private final Database database;
    private final JdbiUsers users;

    public JdbiGroups(Database database, JdbiUsers users) {
        this.database = database;
        this.users = users;
    }

    @Override
    public Optional<Group> byId(GroupId id) {
        return database.read(handle -> dao(handle).byId(id.value()));
    }

    @Override
    public Optional<Group> byName(String name) {
        Checks.notNull(name, "group name");
        return database.read(handle -> dao(handle).byName(name));
    }

    @Override
    public Page<Group> page(PageRequest page) {
        Checks.notNull(page, "page");
        return database.read(handle -> Page.of(dao(handle).page(page.afterId(), page.limit() + 1), page.limit(),
                group -> group.id().value()));
    }

    @Override
    public Page<User> members(GroupId id, PageRequest page) {
        Checks.notNull(page, "page");
        return database.read(handle -> {
            Required.group(handle, id);
            return users.members(handle, id, page);
        });
    }

    @Override
    public Group create(NewGroup group) {
        Checks.notNull(group, "group");
        return database.write(handle -> {
            var groups = dao(handle);
            requireNameFree(groups, group.name(), Optional.empty());
            long id = groups.insert(group.name(), group.description().orElse(null));
            return new Group(GroupId.of(id), group.name(), group.description());
        });
    }

    @Override
    public Group rename(GroupId id, String newName) {
        return database.write(handle -> {
            var groups = dao(handle);
            var renamed = new Group(id, newName, require(groups, id).description());
            requireNameFree(groups, newName, Optional.of(id));
            groups.rename(id.value(), newName);
            return renamed;
        });
    }

    @Override
    public Group describe(GroupId id, Optional<String> description) {
        return database.write(handle -> {
            var groups = dao(handle);
            var described = new Group(id, require(groups, id).name(), description);
            groups.describe(id.value(), description.orElse(null));
            return described;
        });
    }

    @Override
    public void delete(GroupId id) {
        database.useWrite(handle -> {
            if (dao(handle).delete(id.value()) == 0) {
                throw new NoSuchGroupException("no group with id " + id);
            }
        });
    }

    @Override
    public void addMember(GroupId id, UserId user) {
        database.useWrite(handle -> {
            Required.groupLocked(handle, id);
            Required.user(handle, user);
            var groups = dao(handle);
            if (groups.membership(id.value(), user.value()).isPresent()) {
                throw new DuplicateMembershipException("user " + user + " is already a member of group " + id);
            }
            groups.addMember(id.value(), user.value());
        });
    }

    @Override
    public void removeMember(GroupId id, UserId user) {
        database.useWrite(handle -> {
            Required.group(handle, id);
            if (dao(handle).removeMember(id.value(), user.value()) == 0) {
                throw new NotAMemberException("user " + user + " is not a member of group " + id);
            }
        });
    }

    private static GroupDao dao(Handle handle) {
        return handle.attach(GroupDao.class);
    }

    private static Group require(GroupDao groups, GroupId id) {
        return groups.byId(id.value()).orElseThrow(() -> new NoSuchGroupException("no group with id " + id));
    }

    /** @param self the group being renamed, which may keep its own name; empty when creating */
    private static void requireNameFree(GroupDao groups, String name, Optional<GroupId> self) {
        if (groups.byName(name).filter(holder -> !Optional.of(holder.id()).equals(self)).isPresent()) {
            throw new GroupNameTakenException("group name '" + name + "' is taken");
        }
    }
}
