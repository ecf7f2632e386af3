package dev.gatehouse;

import dev.gatehouse.decision.Authorizer;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.AccessFacts;
import dev.gatehouse.spi.CandidateQuery;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.ResourceFilter;
import dev.gatehouse.spi.SubjectFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grants, roles, explicit ACLs, and every question about them: {@code check}, {@code checkAll}, {@code explain},
 * a subject's permissions on a resource, the resources a subject may access, and who may access a resource. Every
 * answer agrees with {@code check} exactly. Thread-safe.
 */
public final class Permissions {
    /** How many candidates are verified per round trip when counting or listing. */
    private static final int BATCH = 500;

    private final GatehouseStore store;
    private final Authorizer authorizer;

    Permissions(GatehouseStore store, Authorizer authorizer) {
        this.store = store;
        this.authorizer = authorizer;
    }

    // ---- grants, roles, ACLs ----

    /** @throws DuplicateGrantException if the grant is stored already; NoSuch…Exception for unknown ids */
    public void grant(Grant grant) {
        store.permissions().grant(Checks.notNull(grant, "grant"));
    }

    /** @return true if the grant was stored now, false if it was already there */
    public boolean ensureGranted(Grant grant) {
        try {
            grant(grant);
            return true;
        } catch (DuplicateGrantException alreadyThere) {
            return false;
        }
    }

    /** @throws NoSuchGrantException if the grant is not stored */
    public void revoke(Grant grant) {
        store.permissions().revoke(Checks.notNull(grant, "grant"));
    }

    public List<Grant> grantsOf(Principal grantee) {
        return store.permissions().grantsOf(Checks.notNull(grantee, "grantee"));
    }

    public List<Grant> grantsOn(ResourceId resource) {
        return store.permissions().grantsOn(Checks.notNull(resource, "resource"));
    }

    /**
     * Gives a role to a user or group, globally or on a resource.
     *
     * @throws NoSuchRoleException if the role is not in the catalog
     * @throws DuplicateGrantException if the assignment is stored already
     */
    public void assignRole(RoleAssignment assignment) {
        Checks.notNull(assignment, "role assignment");
        authorizer.catalog().require(assignment.role());
        store.permissions().assignRole(assignment);
    }

    /** @throws NoSuchGrantException if the assignment is not stored */
    public void unassignRole(RoleAssignment assignment) {
        store.permissions().unassignRole(Checks.notNull(assignment, "role assignment"));
    }

    public List<RoleAssignment> rolesOf(Principal holder) {
        return store.permissions().rolesOf(Checks.notNull(holder, "holder"));
    }

    public List<RoleAssignment> rolesOn(ResourceId resource) {
        return store.permissions().rolesOn(Checks.notNull(resource, "resource"));
    }

    /** @return the resource's explicit ACL (empty if none) */
    public Acl acl(ResourceId resource) {
        return store.permissions().acl(Checks.notNull(resource, "resource"));
    }

    /**
     * Replaces the resource's explicit ACL; its entries are read in order, before owners, grants and roles.
     *
     * @throws UnsupportedCapabilityException on a store without {@link Capability#EXPLICIT_ACLS}
     */
    public void setAcl(ResourceId resource, Acl acl) {
        Checks.notNull(resource, "resource");
        Checks.notNull(acl, "acl");
        if (!acl.isEmpty() && !store.capabilities().contains(Capability.EXPLICIT_ACLS)) {
            throw new UnsupportedCapabilityException("this store does not support " + Capability.EXPLICIT_ACLS);
        }
        store.permissions().setAcl(resource, acl);
    }

    // ---- decisions ----

    /** Fetches the subject's effective principals (one statement on SQL stores). */
    public ResolvedSubject resolve(Subject subject) {
        Checks.notNull(subject, "subject");
        var facts = subject instanceof Subject.OfUser user
                ? store.access().subjectFacts(user.id())
                : Optional.<SubjectFacts>empty();
        return new ResolvedSubject(subject, authorizer.principals(subject, facts));
    }

    /** @return whether the subject holds the permission at the global level (global grants, then the default ACL) */
    public boolean check(Subject subject, Permission permission) {
        return explain(resolve(subject), permission).allowed();
    }

    /** @throws NoSuchResourceException if the resource does not exist */
    public boolean check(Subject subject, Permission permission, ResourceId resource) {
        return check(resolve(subject), permission, resource);
    }

    /** One statement on SQL stores. @throws NoSuchResourceException if the resource does not exist */
    public boolean check(ResolvedSubject subject, Permission permission, ResourceId resource) {
        return explain(subject, permission, resource).allowed();
    }

    /**
     * Checks many resources in one round trip.
     *
     * @return for each resource, in the given order, whether the permission is held
     * @throws NoSuchResourceException naming every resource that does not exist
     */
    public Map<ResourceId, Boolean> checkAll(Subject subject, Permission permission, Collection<ResourceId> resources) {
        return checkAll(resolve(subject), permission, resources);
    }

    /** As {@link #checkAll(Subject, Permission, Collection)}, with the principals known. */
    public Map<ResourceId, Boolean> checkAll(
            ResolvedSubject subject, Permission permission, Collection<ResourceId> resources) {
        Checks.notNull(subject, "subject");
        Checks.notNull(permission, "permission");
        Checks.notNull(resources, "resources");
        var ids = new LinkedHashSet<ResourceId>(resources);
        var facts = store.access().accessFacts(subject.principals(), ids);
        requireAll(ids, facts);
        var answers = new LinkedHashMap<ResourceId, Boolean>();
        for (var id : ids) {
            answers.put(id, decide(subject.principals(), permission, facts.lineages().get(id), facts).allowed());
        }
        return answers;
    }

    /** @return why the subject holds the permission at the global level, or does not */
    public Explanation explain(Subject subject, Permission permission) {
        return explain(resolve(subject), permission);
    }

    public Explanation explain(ResolvedSubject subject, Permission permission) {
        Checks.notNull(subject, "subject");
        Checks.notNull(permission, "permission");
        var facts = store.access().accessFacts(subject.principals(), Set.of());
        return authorizer.decideGlobal(subject.principals(), permission, facts.globalGrants());
    }

    /** @return the deciding entry, the node it sat on and why it applied */
    public Explanation explain(Subject subject, Permission permission, ResourceId resource) {
        return explain(resolve(subject), permission, resource);
    }

    public Explanation explain(ResolvedSubject subject, Permission permission, ResourceId resource) {
        Checks.notNull(subject, "subject");
        Checks.notNull(permission, "permission");
        Checks.notNull(resource, "resource");
        var facts = store.access().accessFacts(subject.principals(), Set.of(resource));
        requireAll(Set.of(resource), facts);
        return decide(subject.principals(), permission, facts.lineages().get(resource), facts);
    }

    /**
     * Every permission the subject holds on the resource, each with the decision that allows it (Ziggurat's
     * permission tuples). {@code ALL} is listed when the subject holds every permission.
     *
     * @return allowed permissions in name order
     */
    public List<Explanation> permissionsOn(Subject subject, ResourceId resource) {
        var resolved = resolve(subject);
        Checks.notNull(resource, "resource");
        var facts = store.access().accessFacts(resolved.principals(), Set.of(resource));
        requireAll(Set.of(resource), facts);
        var lineage = facts.lineages().get(resource);
        var allowed = new ArrayList<Explanation>();
        for (var permission : permissionsMentioned(lineage, facts)) {
            var explanation = decide(resolved.principals(), permission, lineage, facts);
            if (explanation.allowed()) {
                allowed.add(explanation);
            }
        }
        return allowed;
    }

    /**
     * The resources the subject may access with the permission, in id order, keyset-paginated. The store proposes
     * candidates; each is verified with {@code check}, so the result equals filtering every resource by
     * {@code check}, Deny entries included. Two statements per page on SQL stores when no candidate is refused.
     */
    public Page<ResourceId> accessible(
            Subject subject, Permission permission, ResourceFilter filter, PageRequest page) {
        return accessible(resolve(subject), permission, filter, page);
    }

    public Page<ResourceId> accessible(
            ResolvedSubject subject, Permission permission, ResourceFilter filter, PageRequest page) {
        Checks.notNull(page, "page");
        var found = collectAccessible(subject, permission, filter, page.afterId(), page.limit() + 1);
        return Page.of(found, page.limit(), ResourceId::value);
    }

    /** @return how many resources the subject may access with the permission */
    public long countAccessible(Subject subject, Permission permission, ResourceFilter filter) {
        var resolved = resolve(subject);
        long count = 0;
        long after = 0;
        while (true) {
            var found = collectAccessible(resolved, permission, filter, after, BATCH);
            count += found.size();
            if (found.size() < BATCH) {
                return count;
            }
            after = found.get(found.size() - 1).value();
        }
    }

    /**
     * Who holds the permission on the resource.
     *
     * @return users (and, without group expansion, groups) in principal order, each with its explanation
     * @throws NoSuchResourceException if the resource does not exist
     */
    public List<Access> whoCan(ResourceId resource, Permission permission, WhoOptions options) {
        Checks.notNull(resource, "resource");
        Checks.notNull(permission, "permission");
        Checks.notNull(options, "options");
        requireAll(Set.of(resource), store.access().accessFacts(Set.of(), Set.of(resource)));
        boolean withGroups = options.includeGroupGrants() && options.expandGroups();
        var result = new ArrayList<Access>(allowedUsers(resource, permission, withGroups));
        if (options.includeGroupGrants() && !options.expandGroups()) {
            result.addAll(allowedGroups(resource, permission));
        }
        return result;
    }

    // ---- internals ----

    boolean resourceMissing(ResourceId resource) {
        return store.resources().byId(resource).isEmpty();
    }

    private List<Access> allowedUsers(ResourceId resource, Permission permission, boolean withGroups) {
        var result = new ArrayList<Access>();
        long after = 0;
        while (true) {
            var candidates = store.access().candidateUsers(resource, after, BATCH);
            if (candidates.isEmpty()) {
                return result;
            }
            var subjects = store.access().subjectFacts(candidates);
            var principalsByUser = new LinkedHashMap<UserId, Set<Principal>>();
            for (var user : candidates) {
                var facts = Optional.ofNullable(subjects.get(user));
                if (!withGroups) {
                    facts = facts.map(known -> new SubjectFacts(
                            known.user(), known.status(), Set.of(), known.ownRoles(), Set.of()));
                }
                principalsByUser.put(user, authorizer.principals(Subject.user(user), facts));
            }
            var union = new HashSet<Principal>();
            principalsByUser.values().forEach(union::addAll);
            var facts = store.access().accessFacts(union, Set.of(resource));
            var lineage = facts.lineages().get(resource);
            if (lineage == null) {
                throw new NoSuchResourceException("no resource with id " + resource);
            }
            principalsByUser.forEach((user, principals) -> {
                var explanation = decide(principals, permission, lineage, facts);
                if (explanation.allowed()) {
                    result.add(new Access(Principal.user(user), explanation));
                }
            });
            if (candidates.size() < BATCH) {
                return result;
            }
            after = candidates.get(candidates.size() - 1).value();
        }
    }

    private List<Access> allowedGroups(ResourceId resource, Permission permission) {
        var result = new ArrayList<Access>();
        var page = PageRequest.first(BATCH);
        while (true) {
            var groups = store.groups().page(page);
            for (var group : groups.items()) {
                var principals = groupPrincipals(group.id());
                var facts = store.access().accessFacts(principals, Set.of(resource));
                var lineage = facts.lineages().get(resource);
                if (lineage == null) {
                    throw new NoSuchResourceException("no resource with id " + resource);
                }
                var explanation = decide(principals, permission, lineage, facts);
                if (explanation.allowed()) {
                    result.add(new Access(group.principal(), explanation));
                }
            }
            if (groups.next().isEmpty()) {
                return result;
            }
            page = PageRequest.after(groups.next().get(), BATCH);
        }
    }

    private Set<Principal> groupPrincipals(GroupId group) {
        var principals = new HashSet<Principal>();
        principals.add(Principal.group(group));
        for (var assignment : store.permissions().rolesOf(Principal.group(group))) {
            if (assignment.isGlobal()) {
                principals.add(Principal.role(assignment.role()));
            }
        }
        return principals;
    }

    private List<ResourceId> collectAccessible(
            ResolvedSubject subject, Permission permission, ResourceFilter filter, long afterId, int wanted) {
        Checks.notNull(subject, "subject");
        Checks.notNull(permission, "permission");
        Checks.notNull(filter, "filter");
        var principals = subject.principals();
        var found = new ArrayList<ResourceId>();
        long after = afterId;
        while (found.size() < wanted) {
            var query = new CandidateQuery(principals, permission, authorizer.catalog().rolesGranting(permission),
                    authorizer.ownersQualify(permission), authorizer.typesAllowedByBaseAcl(principals, permission),
                    filter, after, wanted - found.size());
            var candidates = store.access().candidates(query);
            if (candidates.isEmpty()) {
                break;
            }
            var facts = store.access().accessFacts(principals, new LinkedHashSet<>(candidates));
            for (var candidate : candidates) {
                var lineage = facts.lineages().get(candidate);
                if (lineage != null && decide(principals, permission, lineage, facts).allowed()) {
                    found.add(candidate);
                }
            }
            if (candidates.size() < query.limit()) {
                break;
            }
            after = candidates.get(candidates.size() - 1).value();
        }
        return found;
    }

    private Explanation decide(Set<Principal> principals, Permission permission, List<NodeFacts> lineage,
            AccessFacts facts) {
        return authorizer.decide(principals, permission, lineage, facts.globalGrants());
    }

    private Set<Permission> permissionsMentioned(List<NodeFacts> lineage, AccessFacts facts) {
        var mentioned = new TreeSet<Permission>(Comparator.comparing(Permission::name));
        mentioned.add(Permission.ALL);
        mentioned.addAll(authorizer.ownerPermissions());
        for (var node : lineage) {
            node.explicitAces().forEach(ace -> mentioned.addAll(ace.permissions()));
            node.grants().forEach(grant -> mentioned.add(grant.permission()));
            node.roles().forEach(role -> mentioned.addAll(authorizer.catalog().permissionsOf(role.role())));
        }
        facts.globalGrants().forEach(grant -> mentioned.add(grant.permission()));
        authorizer.registry().baseAcl(lineage.get(0).type()).entries()
                .forEach(ace -> mentioned.addAll(ace.permissions()));
        return mentioned;
    }

    private static void requireAll(Set<ResourceId> asked, AccessFacts facts) {
        var missing = asked.stream().filter(id -> !facts.lineages().containsKey(id)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new NoSuchResourceException(missing.size() == 1
                    ? "no resource with id " + missing.get(0)
                    : "no resources with ids " + missing);
        }
    }
}
