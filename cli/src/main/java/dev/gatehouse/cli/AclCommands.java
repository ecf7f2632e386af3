package dev.gatehouse.cli;

import dev.gatehouse.model.Acl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse acl show|set}: a resource's explicit, ordered ACL. */
@Command(name = "acl", description = "Show or replace the explicit ACL of a resource.",
        subcommands = {AclCommands.Show.class, AclCommands.Set.class})
final class AclCommands extends CommandGroup {
    @Command(name = "show", description = "Show the explicit ACL of a resource, in the order it is read.")
    static final class Show extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE")
        String reference = "";

        @Override
        int run(Session session, Output output) {
            var resource = session.resource(reference);
            var table = Output.Table.of("position", "action", "principal", "permissions", "entry");
            int position = 1;
            for (var ace : session.gatehouse().permissions().acl(resource.id()).entries()) {
                table.row(position++, ace.action().name().toLowerCase(Locale.ROOT), session.principalName(ace.principal()),
                        ace.permissions().stream().map(Object::toString).sorted().toList(),
                        AclSyntax.format(session, ace));
            }
            output.table(table);
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = {
        "Replace the explicit ACL of a resource with these entries, read in this order.",
        "An entry is ACTION:PRINCIPAL:PERMISSIONS, where ACTION is allow or deny; PRINCIPAL is user:NAME, "
                + "group:NAME, role:NAME, everyone or authenticated; PERMISSIONS is a comma-separated list, or ALL:",
        "  gatehouse acl set /engineering/secret deny:group:contractors:ALL allow:group:engineering:view,edit"})
    static final class Set extends DatabaseCommand {
        @Parameters(index = "0", paramLabel = "RESOURCE")
        String reference = "";

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "ENTRY")
        List<String> entries = new ArrayList<>();

        @Option(names = "--clear", description = "Remove every entry.")
        boolean clear;

        @Override
        int run(Session session, Output output) {
            if (entries.isEmpty() == !clear) {
                throw usage(clear ? "--clear takes no entries" : "give the entries, or --clear to remove them all");
            }
            var parsed = entries.stream().map(AclSyntax::parse).toList();
            var resource = session.resource(reference);
            var acl = new Acl(parsed.stream().map(entry -> entry.resolve(session)).toList());
            session.gatehouse().permissions().setAcl(resource.id(), acl);
            var path = session.path(resource.id());
            var fields = new LinkedHashMap<String, Object>();
            fields.put("resource", path);
            fields.put("acl", acl.entries().stream().map(ace -> AclSyntax.format(session, ace)).toList());
            output.done(clear ? "cleared the ACL of " + path
                    : "set the ACL of " + path + " to " + String.join(" ", acl.entries().stream()
                            .map(ace -> AclSyntax.format(session, ace)).toList()), fields);
            return ExitCode.OK;
        }
    }
}
