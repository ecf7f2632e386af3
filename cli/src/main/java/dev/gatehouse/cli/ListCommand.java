package dev.gatehouse.cli;

import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Subject;
import dev.gatehouse.spi.ResourceFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse list USER PERMISSION}: the resources a user may access, a page at a time. */
@Command(name = "list", description = {
    "List the resources a user holds a permission on, in id order, a page at a time.",
    "Every resource listed passes check; none left out does.",
    "  gatehouse list alice edit --under /engineering --limit 20"})
final class ListCommand extends DatabaseCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String userName = "";

    @Parameters(index = "1", paramLabel = "PERMISSION")
    String permission = "";

    @Option(names = "--type", paramLabel = "TYPE", description = "Only resources of this type; repeat for more.")
    List<String> types = new ArrayList<>();

    @Option(names = "--under", paramLabel = "RESOURCE", description = "Only this resource and its subtree.")
    @Nullable String under;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after this cursor, from the page before.")
    @Nullable String after;

    @Override
    int run(Session session, Output output) {
        var user = session.user(userName);
        var filter = new ResourceFilter(Set.copyOf(types), Set.of(),
                Optional.ofNullable(under).map(reference -> session.resource(reference).id()));
        var page = session.gatehouse().permissions().accessible(Subject.user(user.id()), Permission.of(permission),
                filter, new PageRequest(Optional.ofNullable(after), limit));
        var table = Output.Table.of("id", "path", "type");
        for (var id : page.items()) {
            table.row(id.value(), session.path(id), session.gatehouse().resources().require(id).type());
        }
        output.page(table, page.next());
        return ExitCode.OK;
    }
}
