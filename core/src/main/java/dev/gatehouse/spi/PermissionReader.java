package dev.gatehouse.spi;

import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import java.util.List;

/** Reads grants, role assignments and explicit ACLs. */
public interface PermissionReader {
    /** @return every grant to {@code grantee}, global and on resources */
    List<Grant> grantsOf(Principal grantee);

    /** @return every grant on {@code resource} */
    List<Grant> grantsOn(ResourceId resource);

    /** @return every role assignment of {@code holder}, global and on resources */
    List<RoleAssignment> rolesOf(Principal holder);

    /** @return every role assignment on {@code resource} */
    List<RoleAssignment> rolesOn(ResourceId resource);

    /** @return the resource's explicit ACL, empty if none */
    Acl acl(ResourceId resource);
}
