package dev.gatehouse.spi;

import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.UserId;
import java.util.Optional;

/** Writes groups. Every method throws {@link dev.gatehouse.NoSuchGroupException} for an unknown group. */
public interface GroupWriter {
    /** @throws dev.gatehouse.GroupNameTakenException if the name is taken, ignoring case */
    Group create(NewGroup group);

    /** @throws dev.gatehouse.GroupNameTakenException if the name is taken, ignoring case */
    Group rename(GroupId id, String newName);

    Group describe(GroupId id, Optional<String> description);

    /** Deletes the group with its memberships, grants, roles, ACL entries and ownerships. */
    void delete(GroupId id);

    /**
     * @throws dev.gatehouse.NoSuchUserException for an unknown user
     * @throws dev.gatehouse.DuplicateMembershipException if the user is a member already
     */
    void addMember(GroupId id, UserId user);

    /** @throws dev.gatehouse.NotAMemberException if the user is not a member (an unknown user is not one) */
    void removeMember(GroupId id, UserId user);
}
