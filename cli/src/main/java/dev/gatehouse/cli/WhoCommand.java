package dev.gatehouse.cli;

import dev.gatehouse.WhoOptions;
import dev.gatehouse.model.Permission;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse who RESOURCE PERMISSION}: the users (or groups) holding a permission on a resource. */
@Command(name = "who", description = {
    "List who holds a permission on a resource, and why.",
    "By default: the users for whom check allows it, each judged with its groups."})
final class WhoCommand extends DatabaseCommand {
    @Parameters(index = "0", paramLabel = "RESOURCE")
    String reference = "";

    @Parameters(index = "1", paramLabel = "PERMISSION")
    String permission = "";

    /** How groups count. */
    static final class GroupHandling {
        @Option(names = "--groups", required = true,
                description = "Judge users by their own principals, and list the groups that hold it themselves.")
        boolean listGroups;

        @Option(names = "--without-groups", required = true, description = "Leave groups out entirely.")
        boolean withoutGroups;
    }

    @ArgGroup(exclusive = true)
    @Nullable GroupHandling groups;

    @Override
    int run(Session session, Output output) {
        var resource = session.resource(reference);
        var options = groups == null ? WhoOptions.USERS
                : groups.listGroups ? WhoOptions.USERS_AND_GROUPS : WhoOptions.USERS_WITHOUT_GROUPS;
        var holders = session.gatehouse().permissions().whoCan(resource.id(), Permission.of(permission), options);
        var table = Output.Table.of("principal", "because");
        for (var access : holders) {
            table.row(session.principalName(access.principal()), session.describe(access.explanation()));
        }
        output.table(table);
        return ExitCode.OK;
    }
}
