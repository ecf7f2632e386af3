package dev.gatehouse.decision;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Base ACLs by resource type, falling back to the default ACL. Consulted at the global level of a decision, after
 * global grants. Immutable and thread-safe.
 *
 * <p>The default ACL is cone.app's {@code DEFAULT_ACL}, derived from a role catalog: each role as an Allow ACE of its
 * expanded permissions (role {@code authenticated} as {@code system.Authenticated}, role {@code everyone} as
 * {@code system.Everyone} after the others, role {@code owner} left to the owner ACE), then Deny Everyone ALL.
 */
public final class AclRegistry {
    private final Acl defaultAcl;
    private final Map<String, Acl> byType;

    private AclRegistry(Acl defaultAcl, Map<String, Acl> byType) {
        this.defaultAcl = defaultAcl;
        this.byType = Map.copyOf(byType);
    }

    /** @return a registry with no type-specific ACLs and the default ACL derived from {@code catalog} */
    public static AclRegistry defaults(RoleCatalog catalog) {
        return new AclRegistry(defaultAclOf(catalog), Map.of());
    }

    /** @return cone.app's DEFAULT_ACL for this catalog */
    public static Acl defaultAclOf(RoleCatalog catalog) {
        var entries = new ArrayList<Ace>();
        Ace everyone = null;
        for (var role : catalog.roles()) {
            var permissions = catalog.permissionsOf(role.name());
            if (permissions.isEmpty()) {
                continue;
            }
            switch (role.name()) {
                case "owner" -> { }
                case "authenticated" -> entries.add(new Ace(Action.ALLOW, Principal.AUTHENTICATED, permissions));
                case "everyone" -> everyone = new Ace(Action.ALLOW, Principal.EVERYONE, permissions);
                default -> entries.add(new Ace(Action.ALLOW, Principal.role(role.name()), permissions));
            }
        }
        if (everyone != null) {
            entries.add(everyone);
        }
        entries.add(Ace.deny(Principal.EVERYONE, Permission.ALL));
        return new Acl(entries);
    }

    /** @return a registry where resources of {@code type} use {@code acl} as their base ACL */
    public AclRegistry register(String type, Acl acl) {
        Checks.identifier(type, "resource type");
        Checks.notNull(acl, "acl");
        var copy = new TreeMap<>(byType);
        copy.put(type, acl);
        return new AclRegistry(defaultAcl, copy);
    }

    /** @return a registry with another default ACL */
    public AclRegistry withDefaultAcl(Acl acl) {
        Checks.notNull(acl, "acl");
        return new AclRegistry(acl, byType);
    }

    /** @return the base ACL for resources of {@code type} */
    public Acl baseAcl(String type) {
        return byType.getOrDefault(type, defaultAcl);
    }

    /** @return the ACL used for types without their own and for global checks */
    public Acl defaultAcl() {
        return defaultAcl;
    }

    /** @return the types with their own base ACL */
    public Map<String, Acl> registered() {
        return byType;
    }
}
