package dev.gatehouse.cli;

import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.TreeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse resource add|show|set|move|tree|delete}. */
@Command(name = "resource", description = "Add, show, change, move, list and delete resources; address them by "
        + "path (/engineering/specs) or id.",
        subcommands = {
            ResourceCommands.Add.class, ResourceCommands.Show.class, ResourceCommands.Change.class,
            ResourceCommands.Move.class, ResourceCommands.Tree.class, ResourceCommands.Delete.class
        })
final class ResourceCommands extends CommandGroup {
    @Command(name = "add", description = "Add a resource: 'add /engineering/specs' adds specs under /engineering; "
            + "'add specs --parent 4' does the same by id.")
    static final class Add extends DatabaseCommand {
        @Parameters(paramLabel = "PATH|NAME", description = "A path whose parent exists, or a name with --parent.")
        String pathOrName = "";

        @Option(names = "--parent", paramLabel = "RESOURCE", description = "The parent, for a NAME.")
        @Nullable String parent;

        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "folder",
                description = "The resource type, which selects its base ACL (default: ${DEFAULT-VALUE}).")
        String type = "folder";

        @Option(names = "--position", paramLabel = "N", description = "1-based position among its siblings (default: last).")
        @Nullable Integer position;

        @Option(names = "--owner", paramLabel = "USER", description = "The owner user.")
        @Nullable String owner;

        @Option(names = "--owner-group", paramLabel = "GROUP", description = "The owner group.")
        @Nullable String ownerGroup;

        @Option(names = "--no-inherit", description = "Do not let grants on its ancestors apply to it.")
        boolean noInherit;

        @Override
        int run(Session session, Output output) {
            String name;
            Optional<ResourceId> parentId;
            if (pathOrName.startsWith("/")) {
                if (parent != null) {
                    throw usage("give a path, or a name with --parent, not both");
                }
                var names = Session.pathNames(pathOrName);
                name = names.get(names.size() - 1);
                parentId = names.size() == 1
                        ? Optional.empty()
                        : Optional.of(session.resource(pathOrName.substring(0, pathOrName.lastIndexOf('/'))).id());
            } else {
                name = pathOrName;
                parentId = Optional.ofNullable(parent).map(reference -> session.resource(reference).id());
            }
            var resource = session.gatehouse().resources().create(new NewResource(name, type, parentId,
                    position == null ? OptionalInt.empty() : OptionalInt.of(position),
                    Optional.ofNullable(owner).map(user -> session.user(user).id()),
                    Optional.ofNullable(ownerGroup).map(group -> session.group(group).id()),
                    !noInherit));
            output.done("added " + session.path(resource.id()) + " (id " + resource.id() + ")",
                    describe(session, resource));
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a resource with its owners, grants, roles and ACL.")
    static final class Show extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE")
        String reference = "";

        @Override
        int run(Session session, Output output) {
            output.record(describe(session, session.resource(reference)));
            return ExitCode.OK;
        }
    }

    /** The new owner user, or none. */
    static final class OwnerChange {
        @Option(names = "--owner", paramLabel = "USER", description = "Make USER the owner user.")
        @Nullable String user;

        @Option(names = "--no-owner", description = "Remove the owner user.")
        boolean none;
    }

    /** The new owner group, or none. */
    static final class OwnerGroupChange {
        @Option(names = "--owner-group", paramLabel = "GROUP", description = "Make GROUP the owner group.")
        @Nullable String group;

        @Option(names = "--no-owner-group", description = "Remove the owner group.")
        boolean none;
    }

    @Command(name = "set", description = "Rename a resource, change its owners, or whether it inherits.")
    static final class Change extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE")
        String reference = "";

        @Option(names = "--name", paramLabel = "NAME", description = "A new name.")
        @Nullable String name;

        @ArgGroup(exclusive = true)
        @Nullable OwnerChange owner;

        @ArgGroup(exclusive = true)
        @Nullable OwnerGroupChange ownerGroup;

        @Option(names = "--inherit", negatable = true,
                description = "Whether grants on its ancestors apply to it (--no-inherit stops them).")
        @Nullable Boolean inherit;

        @Override
        int run(Session session, Output output) {
            if (name == null && owner == null && ownerGroup == null && inherit == null) {
                throw usage("nothing to change: give --name, --owner, --no-owner, --owner-group, --no-owner-group, "
                        + "--inherit or --no-inherit");
            }
            var resources = session.gatehouse().resources();
            var resource = session.resource(reference);
            var ownerUser = owner == null ? resource.ownerUser()
                    : Optional.ofNullable(owner.user).map(user -> session.user(user).id());
            var ownerGroupId = ownerGroup == null ? resource.ownerGroup()
                    : Optional.ofNullable(ownerGroup.group).map(group -> session.group(group).id());
            var changed = session.transactions().inTransaction(() -> {
                var current = resource;
                if (name != null) {
                    current = resources.rename(current.id(), name);
                }
                if (owner != null || ownerGroup != null) {
                    current = resources.changeOwners(current.id(), ownerUser, ownerGroupId);
                }
                if (inherit != null) {
                    current = resources.setInherit(current.id(), inherit);
                }
                return current;
            });
            session.forgetPaths();
            output.done("changed " + session.path(changed.id()), describe(session, changed));
            return ExitCode.OK;
        }
    }

    @Command(name = "move", description = "Move a resource with its subtree under another parent, or to the top (--to /).")
    static final class Move extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE")
        String reference = "";

        @Option(names = "--to", required = true, paramLabel = "PARENT", description = "The new parent, or / for the top level.")
        String to = "/";

        @Option(names = "--position", paramLabel = "N", description = "1-based position among the new siblings (default: last).")
        @Nullable Integer position;

        @Override
        int run(Session session, Output output) {
            var resource = session.resource(reference);
            var from = session.path(resource.id());
            Optional<ResourceId> newParent = to.equals("/") ? Optional.empty() : Optional.of(session.resource(to).id());
            var moved = session.gatehouse().resources().move(resource.id(), newParent,
                    position == null ? OptionalInt.empty() : OptionalInt.of(position));
            session.forgetPaths();
            output.done("moved " + from + " to " + session.path(moved.id()), describe(session, moved));
            return ExitCode.OK;
        }
    }

    @Command(name = "tree", description = "Print the tree under a resource, or every tree.")
    static final class Tree extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE", arity = "0..1", description = "The top of the tree (default: every root).")
        @Nullable String reference;

        @Option(names = "--depth", paramLabel = "N", defaultValue = "1000", description = "Levels below the top to show.")
        int depth;

        @Override
        int run(Session session, Output output) {
            var resources = session.gatehouse().resources();
            var tops = reference == null ? resources.children(Optional.empty()) : List.of(session.resource(reference));
            var nodes = new ArrayList<TreeNode>();
            for (var top : tops) {
                nodes.addAll(resources.subtree(top.id(), depth));
            }
            if (output.isJson()) {
                var table = Output.Table.of("id", "name", "type", "path", "depth", "position", "owner", "ownerGroup",
                        "inherit");
                var paths = new HashMap<ResourceId, String>();
                for (var node : nodes) {
                    var resource = node.resource();
                    var path = resource.parentId().map(paths::get)
                            .map(parentPath -> parentPath + "/" + resource.name())
                            .orElseGet(() -> session.path(resource.id()));
                    paths.put(resource.id(), path);
                    table.row(resource.id().value(), resource.name(), resource.type(), path, node.depth(),
                            resource.ordering(), resource.ownerUser().map(session::userName),
                            resource.ownerGroup().map(session::groupName), resource.inherit());
                }
                output.table(table);
            } else if (nodes.isEmpty()) {
                output.say("(no resources)");
            } else {
                drawTree(session, nodes).forEach(output::say);
            }
            return ExitCode.OK;
        }

        /** @return one line per node, drawn as a tree: {@code ├── specs  (#3, folder)} */
        static List<String> drawTree(Session session, List<TreeNode> nodes) {
            var lines = new ArrayList<String>();
            var lastAtDepth = new ArrayList<Boolean>();
            int top = nodes.get(0).depth();
            for (int i = 0; i < nodes.size(); i++) {
                var node = nodes.get(i);
                int level = node.depth() - top;
                boolean last = isLastSibling(nodes, i);
                while (lastAtDepth.size() <= level) {
                    lastAtDepth.add(false);
                }
                lastAtDepth.set(level, last);
                var prefix = new StringBuilder();
                for (int ancestor = 1; ancestor < level; ancestor++) {
                    prefix.append(lastAtDepth.get(ancestor) ? "    " : "│   ");
                }
                if (level > 0) {
                    prefix.append(last ? "└── " : "├── ");
                }
                lines.add(prefix + label(session, node.resource()));
            }
            return lines;
        }

        private static boolean isLastSibling(List<TreeNode> nodes, int index) {
            int depth = nodes.get(index).depth();
            for (int next = index + 1; next < nodes.size(); next++) {
                int nextDepth = nodes.get(next).depth();
                if (nextDepth <= depth) {
                    return nextDepth < depth;
                }
            }
            return true;
        }

        private static String label(Session session, Resource resource) {
            var details = new ArrayList<String>();
            details.add("#" + resource.id());
            details.add(resource.type());
            resource.ownerUser().ifPresent(user -> details.add("owner " + session.userName(user)));
            resource.ownerGroup().ifPresent(group -> details.add("owner group " + session.groupName(group)));
            if (!resource.inherit()) {
                details.add("does not inherit");
            }
            return resource.name() + "  (" + String.join(", ", details) + ")";
        }
    }

    /** What happens to the children of a resource being deleted. */
    static final class ChildrenChoice {
        @Option(names = "--cascade", required = true, description = "Delete its children and everything under them too.")
        boolean cascade;

        @Option(names = "--reparent", required = true, description = "Move its children up to its parent, in its place.")
        boolean reparent;
    }

    @Command(name = "delete", description = "Delete a resource; one with children needs --cascade or --reparent.")
    static final class Delete extends DatabaseCommand {
        @Parameters(paramLabel = "RESOURCE")
        String reference = "";

        @ArgGroup(exclusive = true)
        @Nullable ChildrenChoice children;

        @Override
        int run(Session session, Output output) {
            var resource = session.resource(reference);
            var path = session.path(resource.id());
            var resources = session.gatehouse().resources();
            int childCount = resources.childrenCount(Optional.of(resource.id()));
            if (childCount > 0 && children == null) {
                throw usage(path + " has " + childCount + (childCount == 1 ? " child" : " children")
                        + ": delete them too with --cascade, or move them up with --reparent");
            }
            var policy = children != null && children.reparent ? ChildrenPolicy.REPARENT : ChildrenPolicy.CASCADE;
            resources.delete(resource.id(), policy);
            var fields = new LinkedHashMap<String, Object>();
            fields.put("deleted", path);
            fields.put("id", resource.id().value());
            fields.put("children", childCount == 0 ? "none" : policy == ChildrenPolicy.CASCADE ? "deleted" : "moved up");
            output.done("deleted " + path + (childCount == 0 ? ""
                    : policy == ChildrenPolicy.CASCADE ? " and everything under it" : "; its children moved up"),
                    fields);
            return ExitCode.OK;
        }
    }

    /** @return the resource as {@code resource show} prints it */
    static Map<String, Object> describe(Session session, Resource resource) {
        var permissions = session.gatehouse().permissions();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", resource.id().value());
        fields.put("name", resource.name());
        fields.put("type", resource.type());
        fields.put("path", session.path(resource.id()));
        fields.put("position", resource.ordering());
        fields.put("owner", resource.ownerUser().map(session::userName));
        fields.put("ownerGroup", resource.ownerGroup().map(session::groupName));
        fields.put("inherit", resource.inherit());
        fields.put("children", session.gatehouse().resources().childrenCount(Optional.of(resource.id())));
        fields.put("grants", permissions.grantsOn(resource.id()).stream()
                .map(grant -> session.principalName(grant.grantee()) + " " + grant.permission()).toList());
        fields.put("roles", permissions.rolesOn(resource.id()).stream()
                .map(role -> session.principalName(role.holder()) + " " + role.role()).toList());
        fields.put("acl", permissions.acl(resource.id()).entries().stream()
                .map(ace -> AclSyntax.format(session, ace)).toList());
        return fields;
    }
}
