package dev.gatehouse.cli;

import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse group add|list|show|delete|members}. */
@Command(name = "group", description = "Add, list, show and delete groups, and manage their members.",
        subcommands = {
            GroupCommands.Add.class, GroupCommands.ListGroups.class, GroupCommands.Show.class,
            GroupCommands.Delete.class, GroupCommands.Members.class
        })
final class GroupCommands extends CommandGroup {

    @Command(name = "add", description = "Add a group.")
    static final class Add extends DatabaseCommand {
        @Parameters(paramLabel = "NAME", description = "The group name, unique ignoring case.")
        String name = "";

        @Option(names = "--description", paramLabel = "TEXT")
        @Nullable String description;

        @Override
        int run(Session session, Output output) {
            var group = session.gatehouse().groups().create(new NewGroup(name, Optional.ofNullable(description)));
            output.done("added group " + group.name() + " (id " + group.id() + ")", describe(session, group));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", description = "List groups in id order, a page at a time.")
    static final class ListGroups extends DatabaseCommand {
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor, from the page before.")
        @Nullable String after;

        @Override
        int run(Session session, Output output) {
            var page = session.gatehouse().groups().page(new PageRequest(Optional.ofNullable(after), limit));
            var table = Output.Table.of("id", "name", "description");
            page.items().forEach(group -> table.row(group.id().value(), group.name(), group.description()));
            output.page(table, page.next());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a group with its members, grants and roles.")
    static final class Show extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            output.record(describe(session, session.group(name)));
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a group with its memberships, grants, roles and ACL entries.")
    static final class Delete extends DatabaseCommand {
        @Parameters(paramLabel = "NAME")
        String name = "";

        @Override
        int run(Session session, Output output) {
            var group = session.group(name);
            session.gatehouse().groups().delete(group.id());
            output.done("deleted group " + group.name(), Map.of("deleted", group.name(), "id", group.id().value()));
            return ExitCode.OK;
        }
    }

    @Command(name = "members", description = "Add, remove and list the members of a group.",
            subcommands = {MembersAdd.class, MembersRemove.class, MembersList.class})
    static final class Members extends CommandGroup {
    }

    /** Adds or removes members, all in one transaction; the two commands differ only in the change and its verb. */
    abstract static class MembershipChange extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String groupName = "";

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "USER")
        List<String> userNames = new ArrayList<>();

        /** Applies the change for one member. */
        abstract void change(Session session, GroupId group, UserId user);

        /** @return the past tense for the summary, e.g. "added" */
        abstract String verb();

        /** @return the word between the users and the group in the summary, e.g. "to" */
        abstract String preposition();

        @Override
        int run(Session session, Output output) {
            var group = session.group(groupName);
            var users = userNames.stream().map(session::user).toList();
            session.transactions().inTransaction(() -> {
                users.forEach(user -> change(session, group.id(), user.id()));
                return users.size();
            });
            var names = users.stream().map(user -> user.userName()).toList();
            output.done(verb() + " " + String.join(", ", names) + " " + preposition() + " " + group.name(),
                    Map.of("group", group.name(), verb(), names));
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add users to a group.")
    static final class MembersAdd extends MembershipChange {
        @Override
        void change(Session session, GroupId group, UserId user) {
            session.gatehouse().groups().addMember(group, user);
        }

        @Override
        String verb() {
            return "added";
        }

        @Override
        String preposition() {
            return "to";
        }
    }

    @Command(name = "remove", description = "Remove users from a group.")
    static final class MembersRemove extends MembershipChange {
        @Override
        void change(Session session, GroupId group, UserId user) {
            session.gatehouse().groups().removeMember(group, user);
        }

        @Override
        String verb() {
            return "removed";
        }

        @Override
        String preposition() {
            return "from";
        }
    }

    @Command(name = "list", description = "List the members of a group, a page at a time.")
    static final class MembersList extends DatabaseCommand {
        @Parameters(paramLabel = "GROUP")
        String groupName = "";

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor, from the page before.")
        @Nullable String after;

        @Override
        int run(Session session, Output output) {
            var group = session.group(groupName);
            var page = session.gatehouse().groups().members(group.id(), new PageRequest(Optional.ofNullable(after), limit));
            var table = Output.Table.of("id", "name", "email", "status");
            page.items().forEach(user -> table.row(user.id().value(), user.userName(), user.email(),
                    UserCommands.status(user)));
            output.page(table, page.next());
            return ExitCode.OK;
        }
    }

    static Map<String, Object> describe(Session session, Group group) {
        var gatehouse = session.gatehouse();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", group.id().value());
        fields.put("name", group.name());
        fields.put("description", group.description());
        var members = new ArrayList<String>();
        var request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var page = gatehouse.groups().members(group.id(), request);
            page.items().forEach(user -> members.add(user.userName()));
            if (page.next().isEmpty()) {
                break;
            }
            request = PageRequest.after(page.next().get(), PageRequest.MAX_LIMIT);
        }
        fields.put("members", members);
        fields.put("grants", gatehouse.permissions().grantsOf(group.principal()).stream()
                .map(grant -> UserCommands.grantText(session, grant)).toList());
        fields.put("roles", gatehouse.permissions().rolesOf(group.principal()).stream()
                .map(role -> UserCommands.roleText(session, role)).toList());
        return fields;
    }
}
