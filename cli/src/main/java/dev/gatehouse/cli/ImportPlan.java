package dev.gatehouse.cli;

import dev.gatehouse.GatehouseException;
import dev.gatehouse.NotFoundException;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.Capability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An import file checked as a whole against itself and the database, then applied in one go. {@link #validate}
 * refuses the file, naming every bad line, unless every item is well-formed, every name it references exists in the
 * file or the database, and nothing is there twice; only then may {@link #apply} write, in the order users, groups,
 * memberships, resources (parents first), grants and roles, ACLs, inside one transaction where the backend has one.
 */
final class ImportPlan {
    /** Told after each item is written: drives the progress bar, and lets tests interfere. */
    interface Progress {
        Progress NONE = (item, done, total) -> { };

        void advanced(ImportItem item, int done, int total);
    }

    private static final List<Class<? extends ImportItem>> ORDER = List.of(ImportItem.UserItem.class,
            ImportItem.GroupItem.class, ImportItem.MembershipItem.class, ImportItem.ResourceItem.class,
            ImportItem.GrantItem.class, ImportItem.AclItem.class);

    private final List<ImportItem> items;

    private ImportPlan(List<ImportItem> items) {
        this.items = items;
    }

    /**
     * @param source the file's name, for messages
     * @param read what the reader made of the file
     * @throws ImportRejectedException naming every problem with its line, if there is any
     */
    static ImportPlan validate(String source, ImportReader.Result read, Session session) {
        var ordered = new ArrayList<>(read.items());
        ordered.sort(Comparator.comparingInt(item -> ORDER.indexOf(item.getClass())));
        var problems = new ArrayList<>(read.problems());
        problems.addAll(new Validator(session).problems(ordered));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportPlan::lineOf));
            throw new ImportRejectedException(source, problems);
        }
        return new ImportPlan(List.copyOf(ordered));
    }

    private static int lineOf(String problem) {
        return Integer.parseInt(problem.substring("line ".length(), problem.indexOf(':')));
    }

    /** @return how many items of each kind, in the order they are applied, e.g. {users=3, groups=1} */
    Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        for (var kind : List.of("user", "group", "membership", "resource", "grant", "role assignment", "ACL")) {
            int count = (int) items.stream().filter(item -> item.kind().equals(kind)).count();
            counts.put(kind, count);
        }
        return counts;
    }

    /**
     * Writes every item, in one transaction where the session's backend has one.
     *
     * @throws CommandFailedException naming the item that failed (the database changed since validation, or the
     *     backend refused), and saying whether anything was left written
     */
    void apply(Session session, Progress progress) {
        var current = new ImportItem[1];
        try {
            session.transactions().inTransaction(() -> {
                var writer = new Writer(session);
                int done = 0;
                for (var item : items) {
                    current[0] = item;
                    writer.write(item);
                    progress.advanced(item, ++done, items.size());
                }
                return done;
            });
        } catch (RuntimeException e) {
            var failed = current[0];
            throw new CommandFailedException("importing the " + (failed == null ? "file" : failed.kind() + " on line "
                    + failed.line()) + " failed: " + e.getMessage() + (session.transactions().isAtomic()
                            ? "; nothing was imported"
                            : "; what came before it was imported, since this backend cannot run the import in one "
                                    + "transaction"), e);
        }
    }

    /** Checks every item against the file and the database, collecting every problem. */
    private static final class Validator {
        private final Session session;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, Integer> fileUsers = new HashMap<>();
        private final Map<String, Integer> fileEmails = new HashMap<>();
        private final Map<String, Integer> fileGroups = new HashMap<>();
        private final Map<String, Integer> fileMemberships = new HashMap<>();
        private final Map<String, Integer> filePaths = new HashMap<>();
        private final Map<String, Integer> fileGrants = new HashMap<>();
        private final Map<String, Integer> fileAcls = new HashMap<>();
        private final Map<String, Optional<Resource>> databaseResources = new HashMap<>();

        Validator(Session session) {
            this.session = session;
        }

        List<String> problems(List<ImportItem> items) {
            for (var item : items) {
                try {
                    switch (item) {
                        case ImportItem.UserItem user -> user(user);
                        case ImportItem.GroupItem group -> group(group);
                        case ImportItem.MembershipItem membership -> membership(membership);
                        case ImportItem.ResourceItem resource -> resource(resource);
                        case ImportItem.GrantItem grant -> grant(grant);
                        case ImportItem.AclItem acl -> acl(acl);
                    }
                } catch (GatehouseException e) {
                    problem(item, e.getMessage());
                }
            }
            return problems;
        }

        private void problem(ImportItem item, String message) {
            problems.add("line " + item.line() + ": " + message);
        }

        private void user(ImportItem.UserItem user) {
            new NewUser(user.name(), user.email(), user.attributes());
            if (!user.attributes().isEmpty() && !session.gatehouse().store().capabilities()
                    .contains(Capability.USER_ATTRIBUTES)) {
                problem(user, "this backend does not store user attributes");
            }
            once(fileUsers, key(user.name()), user, "user '" + user.name() + "'");
            if (session.gatehouse().users().byName(user.name()).isPresent()) {
                problem(user, "user '" + user.name() + "' already exists");
            }
            user.email().ifPresent(email -> {
                once(fileEmails, key(email), user, "email '" + email + "'");
                if (session.gatehouse().users().byEmail(email).isPresent()) {
                    problem(user, "email '" + email + "' is taken by another user");
                }
            });
        }

        private void group(ImportItem.GroupItem group) {
            new NewGroup(group.name(), group.description());
            once(fileGroups, key(group.name()), group, "group '" + group.name() + "'");
            if (session.gatehouse().groups().byName(group.name()).isPresent()) {
                problem(group, "group '" + group.name() + "' already exists");
            }
        }

        private void membership(ImportItem.MembershipItem membership) {
            boolean groupKnown = requireGroup(membership, membership.group());
            boolean userKnown = requireUser(membership, membership.user());
            if (!groupKnown || !userKnown) {
                return;
            }
            once(fileMemberships, key(membership.group()) + "\n" + key(membership.user()), membership,
                    membership.user() + " in group " + membership.group());
            var users = session.gatehouse().users();
            var group = session.gatehouse().groups().byName(membership.group());
            var user = users.byName(membership.user());
            if (group.isPresent() && user.isPresent() && users.groupsOf(user.get().id()).contains(group.get().id())) {
                problem(membership, membership.user() + " is already a member of " + membership.group());
            }
        }

        private void resource(ImportItem.ResourceItem resource) {
            var names = Session.pathNames(resource.path());
            NewResource.of(names.get(names.size() - 1), resource.type());
            if (names.size() > 1) {
                var parent = resource.path().substring(0, resource.path().lastIndexOf('/'));
                if (!filePaths.containsKey(parent) && databaseResource(parent).isEmpty()) {
                    problem(resource, "its parent " + parent + " is neither earlier in the file nor in the database");
                }
            }
            once(filePaths, resource.path(), resource, "resource " + resource.path());
            if (databaseResource(resource.path()).isPresent()) {
                problem(resource, "resource " + resource.path() + " already exists");
            }
            resource.owner().ifPresent(owner -> requireUser(resource, owner));
            resource.ownerGroup().ifPresent(group -> requireGroup(resource, group));
        }

        private void grant(ImportItem.GrantItem grant) {
            grant.permission().ifPresent(Permission::of);
            grant.role().ifPresent(role -> session.gatehouse().authorizer().catalog().require(role));
            boolean granteeKnown = requirePrincipal(grant, grant.grantee());
            var resourceKey = grant.on().map(on -> resourceKey(grant, on));
            if (!granteeKnown || resourceKey.filter(Optional::isEmpty).isPresent()) {
                return;
            }
            var what = grant.permission().map(permission -> "permission " + permission)
                    .orElseGet(() -> "role " + grant.role().orElseThrow());
            var where = grant.on().map(on -> " on " + on).orElse(" globally");
            once(fileGrants, grant.grantee().kind() + ":" + key(grant.grantee().name()) + "\n" + what + "\n"
                    + resourceKey.flatMap(key -> key).orElse("global"), grant, what + " for " + grant.grantee() + where);
            var principal = databasePrincipal(grant.grantee());
            var resource = grant.on().map(this::databaseResource);
            if (principal.isEmpty() || resource.filter(Optional::isEmpty).isPresent()) {
                return;
            }
            var resourceId = resource.flatMap(found -> found).map(Resource::id);
            var permissions = session.gatehouse().permissions();
            boolean stored = grant.permission().isPresent()
                    ? permissions.grantsOf(principal.get())
                            .contains(new Grant(principal.get(), Permission.of(grant.permission().get()), resourceId))
                    : permissions.rolesOf(principal.get())
                            .contains(new RoleAssignment(principal.get(), grant.role().orElseThrow(), resourceId));
            if (stored) {
                problem(grant, grant.grantee() + " already has " + what + where);
            }
        }

        private void acl(ImportItem.AclItem acl) {
            if (!session.gatehouse().store().capabilities().contains(Capability.EXPLICIT_ACLS)) {
                problem(acl, "this backend does not store explicit ACLs");
            }
            if (acl.entries().isEmpty()) {
                problem(acl, "an ACL needs at least one entry");
            }
            for (var entry : acl.entries()) {
                requirePrincipal(acl, entry.principal());
            }
            var key = resourceKey(acl, acl.on());
            if (key.isEmpty()) {
                return;
            }
            once(fileAcls, key.get(), acl, "an ACL for " + acl.on());
            databaseResource(acl.on()).ifPresent(resource -> {
                if (!session.gatehouse().permissions().acl(resource.id()).isEmpty()) {
                    problem(acl, acl.on() + " already has an ACL; replace it with: gatehouse acl set");
                }
            });
        }

        /** Reports a second occurrence of the same key in the file. */
        private void once(Map<String, Integer> seen, String key, ImportItem item, String what) {
            var first = seen.putIfAbsent(key, item.line());
            if (first != null) {
                problem(item, what + " is also on line " + first);
            }
        }

        private boolean requireUser(ImportItem item, String name) {
            if (fileUsers.containsKey(key(name)) || session.gatehouse().users().byName(name).isPresent()) {
                return true;
            }
            problem(item, "no user named '" + name + "' in the file or the database");
            return false;
        }

        private boolean requireGroup(ImportItem item, String name) {
            if (fileGroups.containsKey(key(name)) || session.gatehouse().groups().byName(name).isPresent()) {
                return true;
            }
            problem(item, "no group named '" + name + "' in the file or the database");
            return false;
        }

        private boolean requirePrincipal(ImportItem item, PrincipalReference principal) {
            return switch (principal.kind()) {
                case USER -> requireUser(item, principal.name());
                case GROUP -> requireGroup(item, principal.name());
                case ROLE -> {
                    session.gatehouse().authorizer().catalog().require(principal.name());
                    yield true;
                }
                case EVERYONE, AUTHENTICATED -> true;
            };
        }

        private Optional<Principal> databasePrincipal(PrincipalReference principal) {
            return switch (principal.kind()) {
                case USER -> session.gatehouse().users().byName(principal.name()).map(user -> user.principal());
                case GROUP -> session.gatehouse().groups().byName(principal.name()).map(group -> group.principal());
                default -> Optional.empty();
            };
        }

        /** @return a key that is the same for the same resource, empty (and a problem) when it is nowhere */
        private Optional<String> resourceKey(ImportItem item, String reference) {
            if (filePaths.containsKey(reference)) {
                return Optional.of(reference);
            }
            var found = databaseResource(reference);
            if (found.isEmpty()) {
                problem(item, "no resource " + reference + " in the file or the database");
                return Optional.empty();
            }
            return Optional.of(session.path(found.get().id()));
        }

        private Optional<Resource> databaseResource(String reference) {
            return databaseResources.computeIfAbsent(reference, key -> {
                try {
                    return Optional.of(session.resource(key));
                } catch (NotFoundException missing) {
                    return Optional.empty();
                }
            });
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** Writes items, remembering the ids of what it created so later items can reference them. */
    private static final class Writer {
        private final Session session;
        private final Map<String, UserId> users = new HashMap<>();
        private final Map<String, GroupId> groups = new HashMap<>();
        private final Map<String, ResourceId> resources = new HashMap<>();

        Writer(Session session) {
            this.session = session;
        }

        void write(ImportItem item) {
            var gatehouse = session.gatehouse();
            switch (item) {
                case ImportItem.UserItem user -> {
                    var created = gatehouse.users().create(new NewUser(user.name(), user.email(), user.attributes()));
                    if (user.disabled()) {
                        gatehouse.users().disable(created.id());
                    }
                    users.put(key(user.name()), created.id());
                }
                case ImportItem.GroupItem group -> groups.put(key(group.name()),
                        gatehouse.groups().create(new NewGroup(group.name(), group.description())).id());
                case ImportItem.MembershipItem membership -> gatehouse.groups().addMember(group(membership.group()),
                        user(membership.user()));
                case ImportItem.ResourceItem resource -> {
                    var names = Session.pathNames(resource.path());
                    var parent = names.size() == 1 ? Optional.<ResourceId>empty()
                            : Optional.of(resource(resource.path().substring(0, resource.path().lastIndexOf('/'))));
                    var created = gatehouse.resources().create(new NewResource(names.get(names.size() - 1),
                            resource.type(), parent, OptionalInt.empty(), resource.owner().map(this::user),
                            resource.ownerGroup().map(this::group), resource.inherit()));
                    resources.put(resource.path(), created.id());
                }
                case ImportItem.GrantItem grant -> {
                    var principal = principal(grant.grantee());
                    var on = grant.on().map(this::resource);
                    if (grant.permission().isPresent()) {
                        gatehouse.permissions().grant(new Grant(principal, Permission.of(grant.permission().get()), on));
                    } else {
                        gatehouse.permissions().assignRole(new RoleAssignment(principal, grant.role().orElseThrow(), on));
                    }
                }
                case ImportItem.AclItem acl -> gatehouse.permissions().setAcl(resource(acl.on()),
                        new Acl(acl.entries().stream().map(entry -> new Ace(entry.action(),
                                principal(entry.principal()), entry.permissions())).toList()));
            }
        }

        private UserId user(String name) {
            var created = users.get(key(name));
            return created != null ? created : session.user(name).id();
        }

        private GroupId group(String name) {
            var created = groups.get(key(name));
            return created != null ? created : session.group(name).id();
        }

        private ResourceId resource(String reference) {
            var created = resources.get(reference);
            return created != null ? created : session.resource(reference).id();
        }

        private Principal principal(PrincipalReference reference) {
            return switch (reference.kind()) {
                case USER -> Principal.user(user(reference.name()));
                case GROUP -> Principal.group(group(reference.name()));
                default -> reference.resolve(session);
            };
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
