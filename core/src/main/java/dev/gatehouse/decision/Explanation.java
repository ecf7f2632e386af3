package dev.gatehouse.decision;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import java.util.Optional;

/**
 * Why a check came out as it did.
 *
 * @param permission the permission asked about
 * @param target the resource asked about; empty for a global check
 * @param source the part of the effective ACL that decided
 * @param ace the deciding entry (for grants, roles and owners, the Allow entry they stand for); empty when nothing
 *     matched
 * @param node the resource the deciding entry sat on; empty at the global level
 * @param role the role that carried the permission, for a resource role or a role principal
 */
public record Explanation(
        Permission permission,
        Optional<ResourceId> target,
        Source source,
        Optional<Ace> ace,
        Optional<ResourceId> node,
        Optional<String> role) {
    public Explanation {
        Checks.notNull(permission, "permission");
        Checks.notNull(target, "target");
        Checks.notNull(source, "source");
        Checks.notNull(ace, "ace");
        Checks.notNull(node, "node");
        Checks.notNull(role, "role");
    }

    /** @return whether the permission is granted */
    public boolean allowed() {
        return ace.map(entry -> entry.action() == Action.ALLOW).orElse(false);
    }

    /** @return whether the deciding entry sat on an ancestor of the target */
    public boolean inherited() {
        return node.isPresent() && !node.equals(target);
    }

    /** @return through which kind of principal the deciding entry applied */
    public Via via() {
        return ace.map(entry -> switch (entry.principal()) {
                    case Principal.OfUser user -> Via.DIRECT;
                    case Principal.OfGroup group -> Via.GROUP;
                    case Principal.OfRole roleName -> Via.ROLE;
                    case Principal.System system -> Via.SYSTEM;
                })
                .orElse(Via.NONE);
    }

    /** @return one sentence for people, e.g. {@code allowed: Allow group:3 [edit], a grant on resource 7 via group} */
    public String describe() {
        var text = new StringBuilder(allowed() ? "allowed" : "denied");
        text.append(" '").append(permission).append("'");
        target.ifPresent(id -> text.append(" on resource ").append(id));
        if (ace.isEmpty()) {
            return text.append(": nothing matched, denied by default").toString();
        }
        text.append(": ").append(ace.get());
        text.append(switch (source) {
            case EXPLICIT_ACL -> ", explicit ACL entry";
            case OWNER -> ", owner";
            case GRANT -> ", grant";
            case RESOURCE_ROLE -> ", role '" + role.orElse("?") + "' on the resource";
            case GLOBAL_GRANT -> ", global grant";
            case BASE_ACL -> ", base ACL";
            case NO_MATCH -> "";
        });
        node.ifPresent(id -> text.append(inherited() ? " inherited from resource " + id : " on resource " + id));
        switch (via()) {
            case GROUP -> text.append(" via group ").append(((Principal.OfGroup) ace.get().principal()).id());
            case ROLE -> text.append(" via role ").append(((Principal.OfRole) ace.get().principal()).name());
            case DIRECT -> text.append(" directly");
            case SYSTEM, NONE -> { }
        }
        return text.toString();
    }
}
