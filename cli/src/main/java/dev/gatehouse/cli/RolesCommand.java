package dev.gatehouse.cli;

import java.util.List;
import picocli.CommandLine.Command;

/** {@code gatehouse roles}: the role catalog. */
@Command(name = "roles", description = "List the roles of the catalog with the permissions each carries.")
final class RolesCommand extends DatabaseCommand {
    @Override
    int run(Session session, Output output) {
        var catalog = session.gatehouse().authorizer().catalog();
        var table = Output.Table.of("role", "includes", "permissions");
        for (var role : catalog.roles()) {
            table.row(role.name(), role.includes().stream().sorted().toList(),
                    catalog.permissionsOf(role.name()).stream().map(Object::toString).sorted().toList());
        }
        output.table(table);
        return ExitCode.OK;
    }
}
