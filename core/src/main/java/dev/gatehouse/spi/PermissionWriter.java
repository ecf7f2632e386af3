package dev.gatehouse.spi;

import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;

/**
 * Writes grants, role assignments and explicit ACLs. Unknown users, groups and resources raise the matching
 * {@code NoSuch…Exception}.
 */
public interface PermissionWriter {
    /** @throws dev.gatehouse.DuplicateGrantException if the same grant is stored already */
    void grant(Grant grant);

    /**
     * @throws dev.gatehouse.NoSuchGrantException if the grant is not stored
     * @throws dev.gatehouse.NotFoundException (a {@code NoSuch…Exception}) if its principal or resource is unknown
     */
    void revoke(Grant grant);

    /** @throws dev.gatehouse.DuplicateGrantException if the same assignment is stored already */
    void assignRole(RoleAssignment assignment);

    /** @throws dev.gatehouse.NoSuchGrantException if the assignment is not stored */
    void unassignRole(RoleAssignment assignment);

    /** Replaces the resource's explicit ACL as a whole; an empty ACL removes it. */
    void setAcl(ResourceId resource, Acl acl);
}
