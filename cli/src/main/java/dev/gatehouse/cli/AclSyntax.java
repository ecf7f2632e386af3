package dev.gatehouse.cli;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Permission;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ACL entries as one word each, for {@code acl set}, {@code acl show} and imports:
 *
 * <pre>
 * ACTION:PRINCIPAL:PERMISSIONS
 *   allow:user:alice:view,edit     allow:group:staff:view     deny:group:contractors:ALL
 *   allow:role:editor:edit         allow:authenticated:view   deny:everyone:ALL
 * </pre>
 *
 * ACTION is {@code allow} or {@code deny}; PRINCIPAL is {@code user:NAME}, {@code group:NAME}, {@code role:NAME},
 * {@code everyone} or {@code authenticated}; PERMISSIONS is a comma-separated list of permission names, or
 * {@code ALL}. A NAME cannot contain ':' here (a permission name may).
 */
final class AclSyntax {
    static final String EVERYONE = "everyone";
    static final String AUTHENTICATED = "authenticated";
    static final String EXAMPLE = "allow:user:alice:view,edit";

    private AclSyntax() {}

    /**
     * An entry whose principal is still a name.
     *
     * @param action Allow or Deny
     * @param principal whom it names
     * @param permissions what it allows or denies
     */
    record Entry(Action action, PrincipalReference principal, Set<Permission> permissions) {
        Ace resolve(Session session) {
            return new Ace(action, principal.resolve(session), permissions);
        }
    }

    /** @throws InvalidInputException naming the entry and what is wrong with it */
    static Entry parse(String text) {
        var action = switch (before(text, 0).toLowerCase(Locale.ROOT)) {
            case "allow" -> Action.ALLOW;
            case "deny" -> Action.DENY;
            default -> throw bad(text, "it must start with allow: or deny:");
        };
        int kindStart = text.indexOf(':') + 1;
        var kind = kindStart == 0 ? null : PrincipalReference.kind(before(text, kindStart));
        if (kind == null) {
            throw bad(text, "it has no principal");
        }
        int nameStart = text.indexOf(':', kindStart) + 1;
        if (nameStart == 0) {
            throw bad(text, "it has no permissions");
        }
        PrincipalReference principal;
        int permissionsStart;
        if (kind == PrincipalReference.Kind.EVERYONE || kind == PrincipalReference.Kind.AUTHENTICATED) {
            principal = new PrincipalReference(kind, "");
            permissionsStart = nameStart;
        } else {
            var name = before(text, nameStart);
            permissionsStart = text.indexOf(':', nameStart) + 1;
            if (name.isEmpty() || permissionsStart == 0) {
                throw bad(text, "a " + kind.word() + " entry is " + action.name().toLowerCase(Locale.ROOT) + ":"
                        + kind.word() + ":NAME:PERMISSIONS");
            }
            principal = new PrincipalReference(kind, name);
        }
        var permissions = new LinkedHashSet<Permission>();
        for (var name : text.substring(permissionsStart).split(",", -1)) {
            try {
                permissions.add(Permission.of(name.strip()));
            } catch (InvalidInputException e) {
                throw bad(text, e.getMessage());
            }
        }
        return new Entry(action, principal, permissions);
    }

    /** @return the entry as {@link #parse} reads it, its principal named */
    static String format(Session session, Ace ace) {
        return format(ace.action(), session.principalName(ace.principal()), ace.permissions());
    }

    private static String format(Action action, String principal, Set<Permission> permissions) {
        return action.name().toLowerCase(Locale.ROOT) + ":" + principal + ":"
                + permissions.stream().map(Permission::name).sorted().collect(Collectors.joining(","));
    }

    /** @return the text from {@code start} to the next ':' or the end */
    private static String before(String text, int start) {
        int colon = text.indexOf(':', start);
        return colon < 0 ? text.substring(start) : text.substring(start, colon);
    }

    private static InvalidInputException bad(String entry, String problem) {
        return new InvalidInputException("bad ACL entry '" + entry + "': " + problem + " (expected "
                + "ACTION:PRINCIPAL:PERMISSIONS, e.g. " + EXAMPLE + ")");
    }
}
