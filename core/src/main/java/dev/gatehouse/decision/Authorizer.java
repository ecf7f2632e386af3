package dev.gatehouse.decision;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.SubjectFacts;
import dev.gatehouse.spi.TypeScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one definition of a decision (DESIGN §4). Works on facts a store fetched; never touches a store itself.
 * Immutable and thread-safe.
 *
 * <p>At each node of the lineage, nearest first, the node's effective ACL is read in order and the first entry whose
 * principal is among the subject's and whose permissions contain the permission decides: (1) the explicit ACL in
 * stored order, (2) the owner ACE for the owner user and owner group, (3) Allow entries of grants on the node, (4)
 * Allow entries of roles assigned on the node. The walk continues to the parent while the node's {@code inherit} is
 * true; then the global level decides: global grants, then the base ACL of the target's type. Nothing matched means
 * denied.
 */
public final class Authorizer {
    private static final Comparator<Principal> PRINCIPAL_ORDER = Comparator
            .comparingInt(Authorizer::kindRank)
            .thenComparing(Principal::key);

    private final RoleCatalog catalog;
    private final AclRegistry registry;
    private final Set<Permission> ownerPermissions;

    /**
     * @param catalog the roles
     * @param registry the base ACLs
     * @param ownerPermissions what the owner ACE allows (by default the {@code owner} role's permissions)
     */
    public Authorizer(RoleCatalog catalog, AclRegistry registry, Set<Permission> ownerPermissions) {
        this.catalog = Checks.notNull(catalog, "catalog");
        this.registry = Checks.notNull(registry, "registry");
        this.ownerPermissions = Set.copyOf(Checks.notNull(ownerPermissions, "ownerPermissions"));
    }

    /** @return an authorizer with cone.app's catalog, its default ACL, and owners holding the owner role */
    public static Authorizer defaults() {
        var catalog = RoleCatalog.defaults();
        return new Authorizer(catalog, AclRegistry.defaults(catalog), catalog.permissionsOf("owner"));
    }

    public RoleCatalog catalog() {
        return catalog;
    }

    public AclRegistry registry() {
        return registry;
    }

    public Set<Permission> ownerPermissions() {
        return ownerPermissions;
    }

    /**
     * @param subject who is asking
     * @param facts the store's facts about the subject's user; empty when the user does not exist
     * @return the subject's effective principals: {Everyone} for anonymous, unknown or disabled users; otherwise
     *     {Everyone, Authenticated, the user, its groups, its and its groups' global roles}
     */
    public Set<Principal> principals(Subject subject, Optional<SubjectFacts> facts) {
        var principals = new LinkedHashSet<Principal>();
        principals.add(Principal.EVERYONE);
        if (subject instanceof Subject.OfUser user
                && facts.isPresent()
                && facts.get().user().equals(user.id())
                && facts.get().status() == UserStatus.ACTIVE) {
            principals.add(Principal.AUTHENTICATED);
            principals.add(Principal.user(user.id()));
            facts.get().groups().stream().sorted().forEach(group -> principals.add(Principal.group(group)));
            facts.get().globalRoles().stream().sorted().forEach(role -> principals.add(Principal.role(role)));
        }
        return Set.copyOf(principals);
    }

    /**
     * Decides a check on a resource.
     *
     * @param principals the subject's effective principals
     * @param permission the permission asked about
     * @param lineage the target's lineage, nearest first, starting with the target
     * @param globalGrants global grants (those of other principals are ignored)
     * @return the decision with its reason
     */
    public Explanation decide(
            Set<Principal> principals, Permission permission, List<NodeFacts> lineage, List<Grant> globalGrants) {
        if (lineage.isEmpty()) {
            throw new IllegalArgumentException("a lineage starts with the target itself");
        }
        var target = lineage.get(0).id();
        for (var node : lineage) {
            var decided = decideAt(node, target, principals, permission);
            if (decided.isPresent()) {
                return decided.get();
            }
            if (!node.inherit()) {
                break;
            }
        }
        return decideGlobally(principals, permission, Optional.of(target), lineage.get(0).type(), globalGrants);
    }

    /**
     * Decides a check without a resource: global grants, then the default ACL.
     *
     * @return the decision with its reason
     */
    public Explanation decideGlobal(Set<Principal> principals, Permission permission, List<Grant> globalGrants) {
        return decideGlobally(principals, permission, Optional.empty(), null, globalGrants);
    }

    /**
     * @return the types whose base ACL allows {@code permission} to these principals: the set a candidate query may
     *     take as allowed without looking at the tree (global grants are the store's to add)
     */
    public TypeScope typesAllowedByBaseAcl(Set<Principal> principals, Permission permission) {
        var listed = new HashSet<String>();
        boolean defaultAllows = firstMatch(registry.defaultAcl(), principals, permission)
                .map(ace -> ace.action() == Action.ALLOW)
                .orElse(false);
        registry.registered().forEach((type, acl) -> {
            boolean allows = firstMatch(acl, principals, permission)
                    .map(ace -> ace.action() == Action.ALLOW)
                    .orElse(false);
            if (allows != defaultAllows) {
                listed.add(type);
            }
        });
        return new TypeScope(defaultAllows, listed);
    }

    /** @return whether owning a resource gives {@code permission} */
    public boolean ownersQualify(Permission permission) {
        return ownerPermissions.stream().anyMatch(held -> held.contains(permission));
    }

    private Optional<Explanation> decideAt(NodeFacts node, ResourceId target, Set<Principal> principals,
            Permission permission) {
        var here = Optional.of(node.id());
        var on = Optional.of(target);
        for (var ace : node.explicitAces()) {
            if (principals.contains(ace.principal()) && ace.covers(permission)) {
                return Optional.of(new Explanation(permission, on, Source.EXPLICIT_ACL, Optional.of(ace), here,
                        roleOf(ace.principal())));
            }
        }
        if (ownersQualify(permission)) {
            var owners = new ArrayList<Principal>();
            node.ownerUser().map(Principal::user).ifPresent(owners::add);
            node.ownerGroup().map(Principal::group).ifPresent(owners::add);
            for (var owner : owners) {
                if (principals.contains(owner)) {
                    var ace = new Ace(Action.ALLOW, owner, ownerPermissions);
                    return Optional.of(new Explanation(permission, on, Source.OWNER, Optional.of(ace), here,
                            Optional.empty()));
                }
            }
        }
        var grant = matchingGrant(node.grants(), principals, permission);
        if (grant.isPresent()) {
            var ace = Ace.allow(grant.get().grantee(), grant.get().permission());
            return Optional.of(new Explanation(permission, on, Source.GRANT, Optional.of(ace), here, Optional.empty()));
        }
        var role = node.roles().stream()
                .filter(assignment -> principals.contains(assignment.holder())
                        && catalog.grants(assignment.role(), permission))
                .min(Comparator.comparing(RoleAssignment::holder, PRINCIPAL_ORDER)
                        .thenComparing(RoleAssignment::role));
        if (role.isPresent()) {
            var ace = new Ace(Action.ALLOW, role.get().holder(), catalog.permissionsOf(role.get().role()));
            return Optional.of(new Explanation(permission, on, Source.RESOURCE_ROLE, Optional.of(ace), here,
                    Optional.of(role.get().role())));
        }
        return Optional.empty();
    }

    private Explanation decideGlobally(Set<Principal> principals, Permission permission, Optional<ResourceId> target,
            String type, List<Grant> globalGrants) {
        var grant = matchingGrant(globalGrants, principals, permission);
        if (grant.isPresent()) {
            var ace = Ace.allow(grant.get().grantee(), grant.get().permission());
            return new Explanation(permission, target, Source.GLOBAL_GRANT, Optional.of(ace), Optional.empty(),
                    Optional.empty());
        }
        var acl = type == null ? registry.defaultAcl() : registry.baseAcl(type);
        var ace = firstMatch(acl, principals, permission);
        if (ace.isPresent()) {
            return new Explanation(permission, target, Source.BASE_ACL, ace, Optional.empty(),
                    roleOf(ace.get().principal()));
        }
        return new Explanation(permission, target, Source.NO_MATCH, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Optional<Ace> firstMatch(Acl acl, Set<Principal> principals,
            Permission permission) {
        return acl.entries().stream()
                .filter(ace -> principals.contains(ace.principal()) && ace.covers(permission))
                .findFirst();
    }

    private static Optional<Grant> matchingGrant(List<Grant> grants, Set<Principal> principals, Permission permission) {
        return grants.stream()
                .filter(grant -> principals.contains(grant.grantee()) && grant.permission().contains(permission))
                .min(Comparator.comparing(Grant::grantee, PRINCIPAL_ORDER)
                        .thenComparing(grant -> grant.permission().isAll())
                        .thenComparing(grant -> grant.permission().name()));
    }

    private static Optional<String> roleOf(Principal principal) {
        return principal instanceof Principal.OfRole role ? Optional.of(role.name()) : Optional.empty();
    }

    private static int kindRank(Principal principal) {
        return switch (principal) {
            case Principal.OfUser user -> 0;
            case Principal.OfGroup group -> 1;
            case Principal.OfRole role -> 2;
            case Principal.System system -> 3;
        };
    }
}
