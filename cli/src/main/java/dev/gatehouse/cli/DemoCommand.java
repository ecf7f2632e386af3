package dev.gatehouse.cli;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.WhoOptions;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.ResourceFilter;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse demo}: builds a small organisation in a throw-away in-memory H2 database, through the chosen
 * backend, and walks through checks with their explanations, one idea of the library at a time.
 */
@Command(name = "demo", description = {
    "Build a small organisation in a throw-away in-memory database and walk through checks with their explanations.",
    "Your own database is not touched."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    @Nullable CommandSpec spec;

    private PrintWriter out = new PrintWriter(System.out);

    @Override
    public Integer call() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec before running");
        }
        out = spec.commandLine().getOut();
        var backend = GatehouseCommand.of(spec).backend();
        try (var session = Session.open(Database.inMemory("gatehouse-demo-" + UUID.randomUUID()), backend)) {
            out.println("Gatehouse demo: a small organisation in a throw-away in-memory H2 database, stored through the "
                    + backend.cliName() + " backend.");
            var world = World.build(session.gatehouse());
            showWorld(session, world);
            walkThrough(session, world);
            out.flush();
        }
        return ExitCode.OK;
    }

    /** The ids of the demo's users, groups and resources. */
    private record World(UserId alice, UserId bob, UserId carol, UserId dave, UserId erin, UserId grace,
            ResourceId acme, ResourceId engineering, ResourceId specs, ResourceId apiDoc, ResourceId secrets,
            ResourceId hr, ResourceId salaries) {
        static World build(Gatehouse gatehouse) {
            var users = gatehouse.users();
            var alice = users.create(NewUser.named("alice").withEmail("alice@acme.example")).id();
            var bob = users.create(NewUser.named("bob").withEmail("bob@acme.example")).id();
            var carol = users.create(NewUser.named("carol").withEmail("carol@contractor.example")).id();
            var dave = users.create(NewUser.named("dave").withEmail("dave@acme.example")).id();
            var erin = users.create(NewUser.named("erin").withEmail("erin@acme.example")).id();
            var grace = users.create(NewUser.named("grace").withEmail("grace@acme.example")).id();
            users.disable(erin);

            var engineeringTeam = group(gatehouse, "engineering", "Builds the product", alice, bob, erin);
            var contractors = group(gatehouse, "contractors", "People from outside", carol);
            var hrTeam = group(gatehouse, "hr", "Human resources", dave);
            var staff = group(gatehouse, "staff", "Everyone who works here", alice, bob, carol, dave, erin);

            var resources = gatehouse.resources();
            var acme = resources.create(NewResource.of("acme", "folder")).id();
            var engineering = resources.create(NewResource.of("engineering", "folder").under(acme).ownedBy(alice)).id();
            var specs = resources.create(NewResource.of("specs", "folder").under(engineering)).id();
            var apiDoc = resources.create(NewResource.of("api.md", "doc").under(specs)).id();
            var secrets = resources.create(NewResource.of("secrets", "folder").under(engineering)).id();
            var hr = resources.create(NewResource.of("hr", "folder").under(acme).notInheriting()).id();
            var salaries = resources.create(NewResource.of("salaries.xlsx", "doc").under(hr)).id();

            var permissions = gatehouse.permissions();
            permissions.assignRole(RoleAssignment.on(acme, Principal.group(staff), "viewer"));
            permissions.assignRole(RoleAssignment.on(engineering, Principal.group(engineeringTeam), "editor"));
            permissions.grant(Grant.on(specs, Principal.user(carol), Permission.of("edit")));
            permissions.setAcl(secrets, Acl.of(Ace.deny(Principal.group(contractors), Permission.ALL)));
            permissions.assignRole(RoleAssignment.on(hr, Principal.group(hrTeam), "editor"));
            permissions.assignRole(RoleAssignment.global(Principal.user(grace), "admin"));
            return new World(alice, bob, carol, dave, erin, grace, acme, engineering, specs, apiDoc, secrets, hr,
                    salaries);
        }

        private static GroupId group(Gatehouse gatehouse, String name, String description, UserId... members) {
            var id = gatehouse.groups().create(NewGroup.named(name).withDescription(description)).id();
            for (var member : members) {
                gatehouse.groups().addMember(id, member);
            }
            return id;
        }
    }

    private void showWorld(Session session, World world) {
        var gatehouse = session.gatehouse();
        heading("Roles: named permission sets that include each other (the default catalog, cone.app's)");
        var catalog = gatehouse.authorizer().catalog();
        for (var role : catalog.roles()) {
            out.println("  " + Output.pad(role.name(), 14) + Output.text(catalog.permissionsOf(role.name()).stream()
                    .map(Permission::name).sorted().toList()));
        }

        heading("Users and groups (erin is disabled)");
        for (var group : gatehouse.groups().page(PageRequest.first(10)).items()) {
            var members = gatehouse.groups().members(group.id(), PageRequest.first(10)).items().stream()
                    .map(user -> user.userName()).toList();
            out.println("  " + Output.pad(group.name(), 14) + String.join(", ", members));
        }
        out.println("  grace holds the role 'admin' globally.");

        heading("Resources: a tree; owners, grants, roles and an ACL sit on its nodes");
        ResourceCommands.Tree.drawTree(session, gatehouse.resources().subtree(world.acme(), 10))
                .forEach(line -> out.println("  " + line));
        out.println("  staff: role viewer on /acme           engineering: role editor on /acme/engineering");
        out.println("  carol: edit on /acme/engineering/specs  hr: role editor on /acme/hr");
        out.println("  /acme/engineering/secrets has the ACL: "
                + AclSyntax.format(session, gatehouse.permissions().acl(world.secrets()).entries().get(0)));
    }

    private void walkThrough(Session session, World world) {
        heading("Checks: the nearest node that decides wins; nothing matched means denied");
        check(session, "A role on a folder reaches everything under it.", world.bob(), "edit", world.apiDoc());
        check(session, "What no entry allows, the default ACL's last entry denies.", world.bob(), "delete",
                world.apiDoc());
        check(session, "Owners hold the owner role's permissions on their resources.", world.alice(), "delete",
                world.apiDoc());
        check(session, "A grant to one user, on one folder.", world.carol(), "edit", world.specs());
        check(session, "An explicit Deny is read first, before anything else on its node or above it.", world.carol(),
                "view", world.secrets());
        check(session, "/acme/hr does not inherit: staff's viewer role on /acme stops there.", world.bob(), "list",
                world.salaries());
        check(session, "Below it only the default ACL speaks, and it lets every signed-in user view.", world.bob(),
                "view", world.salaries());
        check(session, "Roles given on /acme/hr itself still apply.", world.dave(), "edit", world.salaries());
        check(session, "A global role decides at the global level, which an inherit stop does not cut off.",
                world.grace(), "delete", world.salaries());
        check(session, "A disabled user is checked as anonymous.", world.erin(), "view", world.apiDoc());

        heading("Reverse questions agree with check");
        var permissions = session.gatehouse().permissions();
        out.println("  $ gatehouse who " + session.path(world.secrets()) + " view");
        out.println("    " + String.join(", ", permissions.whoCan(world.secrets(), Permission.of("view"),
                WhoOptions.USERS).stream().map(access -> session.principalName(access.principal())).toList())
                + "   (not carol: the Deny; not erin: disabled)");
        out.println("  $ gatehouse list carol edit");
        var editable = permissions.accessible(Subject.user(world.carol()), Permission.of("edit"), ResourceFilter.ANY,
                PageRequest.first(50)).items();
        out.println("    " + String.join(", ", editable.stream().map(session::path).toList()));
        out.println();
        out.println("Next: gatehouse --help, and cli/README.md. Your own data lives in ./" + Database.DEFAULT_DIRECTORY
                + "/ (gatehouse user add alice, gatehouse resource add /docs, gatehouse grant view --user alice --on /docs, …).");
    }

    private void check(Session session, String idea, UserId user, String permission, ResourceId resource) {
        var explanation = session.gatehouse().permissions().explain(Subject.user(user), Permission.of(permission),
                resource);
        out.println();
        out.println("  " + idea);
        out.println("  $ gatehouse check " + session.userName(user) + " " + permission + " " + session.path(resource)
                + " --explain");
        out.println("    → " + session.describe(explanation));
    }

    private void heading(String text) {
        out.println();
        out.println(text);
    }
}
