package dev.gatehouse.spi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import java.util.Set;

/**
 * Asks a store for a superset of the resources a subject may access, computed without the decision's ordering
 * rules: core verifies every candidate with {@code check}. A resource {@code r} is a candidate when it passes
 * {@code filter}, its id is greater than {@code afterId}, and
 * <ul>
 *   <li>one of {@code principals} holds a global grant of {@code permission} or {@code ALL}, or</li>
 *   <li>its type is in {@code globallyAllowedTypes} (the types whose base ACL alone may allow), or</li>
 *   <li>some node of its lineage (itself or an ancestor, ignoring {@code inherit}) has an explicit Allow ACE whose
 *       principal is in {@code principals} and whose permissions include {@code permission} or {@code ALL}; or a
 *       grant to one of {@code principals} of {@code permission} or {@code ALL}; or a role assignment to one of
 *       {@code principals} of a role in {@code rolesGranting}; or, when {@code ownersQualify}, an owner user or
 *       owner group among {@code principals}.</li>
 * </ul>
 * Candidates come back in ascending id order, at most {@code limit} of them.
 *
 * @param principals the subject's effective principals
 * @param permission the permission asked about
 * @param rolesGranting the roles whose expansion contains the permission
 * @param ownersQualify whether owning a resource grants the permission
 * @param globallyAllowedTypes the types whose base ACL alone may allow
 * @param filter the caller's restrictions
 * @param afterId only ids greater than this (keyset)
 * @param limit the most candidates to return
 */
public record CandidateQuery(
        Set<Principal> principals,
        Permission permission,
        Set<String> rolesGranting,
        boolean ownersQualify,
        TypeScope globallyAllowedTypes,
        ResourceFilter filter,
        long afterId,
        int limit) {
    public CandidateQuery {
        principals = Set.copyOf(principals);
        Checks.notNull(permission, "permission");
        rolesGranting = Set.copyOf(rolesGranting);
        Checks.notNull(globallyAllowedTypes, "globallyAllowedTypes");
        Checks.notNull(filter, "filter");
        Checks.positive(limit, "limit");
    }
}
