package dev.gatehouse;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.GatehouseStore;
import java.util.Optional;

/** Groups and their members; names compare ignoring case. A group with no members still holds its grants. */
public final class Groups {
    private final GatehouseStore store;

    Groups(GatehouseStore store) {
        this.store = store;
    }

    /** @throws GroupNameTakenException if the name is taken, ignoring case */
    public Group create(NewGroup group) {
        return store.groups().create(Checks.notNull(group, "group"));
    }

    public Optional<Group> byId(GroupId id) {
        return store.groups().byId(Checks.notNull(id, "group id"));
    }

    /** @throws NoSuchGroupException if there is no such group */
    public Group require(GroupId id) {
        return byId(id).orElseThrow(() -> new NoSuchGroupException("no group with id " + id));
    }

    /** @return the group whose name equals {@code name}, ignoring case */
    public Optional<Group> byName(String name) {
        return store.groups().byName(Checks.notNull(name, "group name"));
    }

    /** @return groups in id order */
    public Page<Group> page(PageRequest page) {
        return store.groups().page(Checks.notNull(page, "page"));
    }

    /**
     * @throws NoSuchGroupException if the group does not exist
     * @throws GroupNameTakenException if another group has the name, ignoring case
     */
    public Group rename(GroupId id, String newName) {
        Checks.notNull(id, "group id");
        return store.groups().rename(id, Checks.name(newName, "group name"));
    }

    public Group describe(GroupId id, Optional<String> description) {
        Checks.notNull(id, "group id");
        return store.groups().describe(id, Checks.description(description));
    }

    /** Deletes the group with its memberships, grants, roles and ACL entries; owned resources lose it. */
    public void delete(GroupId id) {
        store.groups().delete(Checks.notNull(id, "group id"));
    }

    /**
     * @throws NoSuchGroupException if the group does not exist
     * @throws NoSuchUserException if the user does not exist
     * @throws DuplicateMembershipException if the user is a member already
     */
    public void addMember(GroupId id, UserId user) {
        store.groups().addMember(Checks.notNull(id, "group id"), Checks.notNull(user, "user id"));
    }

    /**
     * @throws NoSuchGroupException if the group does not exist
     * @throws NotAMemberException if the user is not a member
     */
    public void removeMember(GroupId id, UserId user) {
        store.groups().removeMember(Checks.notNull(id, "group id"), Checks.notNull(user, "user id"));
    }

    /** @return the members in user id order */
    public Page<User> members(GroupId id, PageRequest page) {
        return store.groups().members(Checks.notNull(id, "group id"), Checks.notNull(page, "page"));
    }
}
