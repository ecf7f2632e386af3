package dev.gatehouse.cli;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse grant} and {@code gatehouse revoke}: permissions and roles, globally or on a resource. */
final class GrantCommands {
    private GrantCommands() {}

    /** To whom: a user or a group. */
    static final class Grantee {
        @Option(names = "--user", required = true, paramLabel = "NAME")
        @Nullable String user;

        @Option(names = "--group", required = true, paramLabel = "NAME")
        @Nullable String group;

        PrincipalReference reference() {
            return user != null ? PrincipalReference.user(user) : PrincipalReference.group(group == null ? "" : group);
        }
    }

    /** What both commands take: a permission or a role, a grantee, and where. */
    abstract static class GrantOrRevoke extends DatabaseCommand {
        @Parameters(paramLabel = "PERMISSION", arity = "0..1", description = "A permission name, or ALL.")
        @Nullable String permission;

        @Option(names = "--role", paramLabel = "ROLE", description = "A role of the catalog (see: gatehouse roles), "
                + "instead of a permission.")
        @Nullable String role;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Grantee grantee = new Grantee();

        @Option(names = "--on", paramLabel = "RESOURCE", description = "On this resource and, while it inherits, "
                + "its subtree (default: globally).")
        @Nullable String on;

        @Override
        final int run(Session session, Output output) {
            if ((permission == null) == (role == null)) {
                throw usage("give a PERMISSION or --role ROLE (one of them)");
            }
            var principal = grantee.reference().resolve(session);
            Optional<ResourceId> resource = Optional.ofNullable(on).map(reference -> session.resource(reference).id());
            var where = resource.map(id -> " on " + session.path(id)).orElse(" globally");
            var what = permission != null ? "'" + permission + "'" : "role '" + role + "'";
            var fields = new LinkedHashMap<String, Object>();
            fields.put(grantee.user != null ? "user" : "group", grantee.user != null ? grantee.user : grantee.group);
            fields.put(permission != null ? "permission" : "role", permission != null ? permission : role);
            fields.put("on", resource.map(session::path));
            if (permission != null) {
                apply(session, new Grant(principal, Permission.of(permission), resource));
            } else {
                apply(session, new RoleAssignment(principal, role == null ? "" : role, resource));
            }
            output.done(verb() + " " + what + " " + preposition() + " " + session.principalName(principal) + where,
                    fields);
            return ExitCode.OK;
        }

        abstract String verb();

        abstract String preposition();

        abstract void apply(Session session, Grant grant);

        abstract void apply(Session session, RoleAssignment assignment);
    }

    @Command(name = "grant", description = {
        "Grant a permission or a role to a user or a group, globally or on a resource.",
        "  gatehouse grant edit --user alice --on /engineering",
        "  gatehouse grant --role viewer --group staff"})
    static final class Give extends GrantOrRevoke {
        @Override
        String verb() {
            return "granted";
        }

        @Override
        String preposition() {
            return "to";
        }

        @Override
        void apply(Session session, Grant grant) {
            session.gatehouse().permissions().grant(grant);
        }

        @Override
        void apply(Session session, RoleAssignment assignment) {
            session.gatehouse().permissions().assignRole(assignment);
        }
    }

    @Command(name = "revoke", description = {
        "Take back a permission or a role given with grant.",
        "  gatehouse revoke edit --user alice --on /engineering"})
    static final class Revoke extends GrantOrRevoke {
        @Override
        String verb() {
            return "revoked";
        }

        @Override
        String preposition() {
            return "from";
        }

        @Override
        void apply(Session session, Grant grant) {
            session.gatehouse().permissions().revoke(grant);
        }

        @Override
        void apply(Session session, RoleAssignment assignment) {
            session.gatehouse().permissions().unassignRole(assignment);
        }
    }
}
