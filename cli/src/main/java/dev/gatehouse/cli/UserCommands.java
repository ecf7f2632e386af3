package dev.gatehouse.cli;

import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.User;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user add|list|show|passwd|enable|disable|delete}. */
@Command(name = "user", description = "Add, list, show, change and delete users.",
        subcommands = {
            UserCommands.Add.class, UserCommands.ListUsers.class, UserCommands.Show.class, UserCommands.Passwd.class,
            UserCommands.Enable.class, UserCommands.Disable.class, UserCommands.Delete.class
        })
final class UserCommands extends CommandGroup {

    /** Where a new password comes from. */
    static final class PasswordSource {
        @Option(names = "--password", required = true, description = "Ask for the password, twice, without echo.")
        boolean ask;

        @Option(names = "--password-stdin", required = true,
                description = "Read the password from the first line of standard input.")
        boolean fromStandardInput;
    }

    @Command(name = "add", description = "Add a user.")
    static final class Add extends DatabaseCommand {
        @Parameters(paramLabel = "NAME", description = "The user name, unique ignoring case.")
        String name = "";

        @Option(names = "--email", paramLabel = "EMAIL", description = "The email, unique ignoring case.")
        @Nullable String email;

        @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "An attribute; repeat for more.")
        Map<String, String> attributes = new TreeMap<>();

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        @Nullable PasswordSource password;

        @Override
        int run(Session session, Output output) {
            var newUser = new NewUser(name, Optional.ofNullable(email), attributes);
            var secret = password == null ? null : Passwords.read(environment(), name, password.fromStandardInput);
            var users = session.gatehouse().users();
            User user;
            if (secret == null) {
                user = users.create(newUser);
            } else {
                try {
                    user = session.transactions().inTransaction(() -> {
                        var created = users.create(newUser);
                        users.setPassword(created.id(), CharBuffer.wrap(secret));
                        return created;
                    });
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
            output.done("added user " + user.userName() + " (id " + user.id() + ")"
                    + (secret != null ? " with a password" : ""), describe(session, user));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List users in id order, a page at a time.")
    static final class ListUsers extends DatabaseCommand {
        @Option(names = "--search", paramLabel = "PATTERN",
                description = "Only names or emails matching, ignoring case; * matches anything.")
        @Nullable String search;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor, from the page before.")
        @Nullable String after;

        @Override
        int run(Session session, Output output) {
            var request = new PageRequest(Optional.ofNullable(after), limit);
            var users = session.gatehouse().users();
            var page = search == null ? users.page(request) : users.search(search, request);
            var table = Output.Table.of("id", "name", "email", "status", "registered", "lastLogin");
            for (var user : page.items()) {
                table.row(user.id().value(), user.userName(), user.email(), status(user), user.registeredAt(),
                        user.lastLoginAt());
            }
            output.page(table, page.next());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a user with its groups, grants and roles.")
    static final class Show extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            output.record(describe(session, session.user(name)));
            return ExitCode.OK;
        }
    }

    @Command(name = "passwd", description = "Set a user's password.")
    static final class Passwd extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean fromStandardInput;

        @Override
        int run(Session session, Output output) {
            var user = session.user(name);
            var secret = Passwords.read(environment(), user.userName(), fromStandardInput);
            try {
                session.gatehouse().users().setPassword(user.id(), CharBuffer.wrap(secret));
            } finally {
                Arrays.fill(secret, '\0');
            }
            output.done("set the password of " + user.userName(), Map.of("user", user.userName(), "password", "set"));
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", description = "Let a disabled user sign in and hold its permissions again.")
    static final class Enable extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            var user = session.gatehouse().users().enable(session.user(name).id());
            output.done("enabled " + user.userName(), describe(session, user));
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Stop a user from signing in; checks treat it as anonymous.")
    static final class Disable extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            var user = session.gatehouse().users().disable(session.user(name).id());
            output.done("disabled " + user.userName(), describe(session, user));
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a user with its memberships, grants, roles and ACL entries.")
    static final class Delete extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            var user = session.user(name);
            session.gatehouse().users().delete(user.id());
            output.done("deleted user " + user.userName(), Map.of("deleted", user.userName(), "id", user.id().value()));
            return ExitCode.OK;
        }
    }

    static String status(User user) {
        return user.isActive() ? "active" : "disabled";
    }

    /** @return the user with its groups, grants and roles, as {@code user show} prints it */
    static Map<String, Object> describe(Session session, User user) {
        var gatehouse = session.gatehouse();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", user.id().value());
        fields.put("name", user.userName());
        fields.put("email", user.email());
        fields.put("status", status(user));
        fields.put("registered", user.registeredAt());
        fields.put("lastLogin", user.lastLoginAt());
        fields.put("attributes", new TreeMap<>(user.attributes()));
        fields.put("groups", gatehouse.users().groupsOf(user.id()).stream().sorted().map(session::groupName).toList());
        fields.put("grants", gatehouse.permissions().grantsOf(user.principal()).stream()
                .map(grant -> grantText(session, grant)).toList());
        fields.put("roles", gatehouse.permissions().rolesOf(user.principal()).stream()
                .map(role -> roleText(session, role)).toList());
        return fields;
    }

    static String grantText(Session session, Grant grant) {
        return grant.permission() + grant.resource().map(id -> " on " + session.path(id)).orElse(" (global)");
    }

    static String roleText(Session session, RoleAssignment assignment) {
        return assignment.role() + assignment.resource().map(id -> " on " + session.path(id)).orElse(" (global)");
    }
}
