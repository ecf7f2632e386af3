package dev.gatehouse.spi;

import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import java.util.Optional;

/** Reads groups. */
public interface GroupReader {
    Optional<Group> byId(GroupId id);

    /** @return the group whose name equals {@code name} ignoring case */
    Optional<Group> byName(String name);

    /** @return groups in id order */
    Page<Group> page(PageRequest page);

    /**
     * @return the group's members in user id order
     * @throws dev.gatehouse.NoSuchGroupException for an unknown group
     */
    Page<User> members(GroupId id, PageRequest page);
}
