package dev.gatehouse.cli;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.InvalidInputException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.decision.Explanation;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command's work on one database: the {@link Gatehouse} over the chosen backend, and the translation between
 * what people type (user and group names, resource paths) and what the library takes (ids).
 */
final class Session implements AutoCloseable {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private final Database database;
    private final OpenedStore opened;
    private final Gatehouse gatehouse;
    private final Transactions transactions;
    private final Map<UserId, String> userNames = new HashMap<>();
    private final Map<GroupId, String> groupNames = new HashMap<>();
    private final Map<ResourceId, String> paths = new HashMap<>();

    private Session(Database database, OpenedStore opened) {
        this.database = database;
        this.opened = opened;
        this.gatehouse = Gatehouse.builder(opened.store()).build();
        this.transactions = opened.transactions();
    }

    /** Opens the backend's store on the database; the session closes the database. */
    static Session open(Database database, Backend backend) {
        try {
            database.prepareSchema();
            return new Session(database, backend.open(database.dataSource()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    Gatehouse gatehouse() {
        return gatehouse;
    }

    Transactions transactions() {
        return transactions;
    }

    // ---- from what people type to ids ----

    /** @throws NoSuchUserException naming the user */
    User user(String name) {
        return gatehouse.users().byName(name)
                .orElseThrow(() -> new NoSuchUserException("no user named '" + name + "'"));
    }

    /** @throws NoSuchGroupException naming the group */
    Group group(String name) {
        return gatehouse.groups().byName(name)
                .orElseThrow(() -> new NoSuchGroupException("no group named '" + name + "'"));
    }

    /**
     * @param reference a path such as {@code /engineering/specs}, or a numeric id
     * @throws NoSuchResourceException naming the part of the path that is missing
     * @throws InvalidInputException for something that is neither, or a path two resources share
     */
    Resource resource(String reference) {
        if (NUMBER.matcher(reference).matches()) {
            return gatehouse.resources().require(ResourceId.of(Long.parseLong(reference)));
        }
        var names = pathNames(reference);
        Optional<Resource> parent = Optional.empty();
        var walked = new StringBuilder();
        for (var name : names) {
            var under = parent.map(Resource::id);
            var matches = gatehouse.resources().children(under).stream()
                    .filter(child -> child.name().equals(name))
                    .toList();
            var here = walked.isEmpty() ? "the top level" : walked.toString();
            walked.append('/').append(name);
            if (matches.isEmpty()) {
                throw new NoSuchResourceException("no resource " + walked + ": " + here + " has no resource named '"
                        + name + "'");
            }
            if (matches.size() > 1) {
                throw new InvalidInputException("the path " + walked + " names " + matches.size()
                        + " resources (ids " + matches.stream().map(match -> match.id().toString())
                                .collect(Collectors.joining(", "))
                        + "): address it by id");
            }
            parent = Optional.of(matches.get(0));
        }
        return parent.orElseThrow();
    }

    /**
     * @return the names along a path, root first
     * @throws InvalidInputException for anything but {@code /name/name/…}
     */
    static List<String> pathNames(String path) {
        if (!path.startsWith("/") || path.equals("/") || path.endsWith("/") || path.contains("//")) {
            throw new InvalidInputException("a resource is a path like /engineering/specs or a numeric id, got '"
                    + path + "'");
        }
        return List.of(path.substring(1).split("/"));
    }

    // ---- from ids to what people read ----

    String userName(UserId id) {
        return userNames.computeIfAbsent(id, key -> gatehouse.users().byId(key).map(User::userName)
                .orElse("#" + key));
    }

    String groupName(GroupId id) {
        return groupNames.computeIfAbsent(id, key -> gatehouse.groups().byId(key).map(Group::name)
                .orElse("#" + key));
    }

    /** @return the resource's path from its root, e.g. {@code /engineering/specs} */
    String path(ResourceId id) {
        var known = paths.get(id);
        if (known != null) {
            return known;
        }
        var lineage = new ArrayList<>(gatehouse.resources().pathToRoot(id));
        if (lineage.isEmpty()) {
            return "#" + id;
        }
        var text = new StringBuilder();
        for (var resource : lineage.reversed()) {
            text.append('/').append(resource.name());
            paths.putIfAbsent(resource.id(), text.toString());
        }
        return text.toString();
    }

    /** Forgets the paths seen so far, after a move or a rename. */
    void forgetPaths() {
        paths.clear();
    }

    /** @return the principal as the ACL syntax writes it: {@code user:alice}, {@code group:staff}, {@code everyone}… */
    String principalName(Principal principal) {
        return switch (principal) {
            case Principal.OfUser user -> "user:" + userName(user.id());
            case Principal.OfGroup group -> "group:" + groupName(group.id());
            case Principal.OfRole role -> "role:" + role.name();
            case Principal.System system -> system == Principal.EVERYONE ? AclSyntax.EVERYONE : AclSyntax.AUTHENTICATED;
        };
    }

    /**
     * @return {@link Explanation#describe()}, followed by what its ids stand for, e.g. {@code (resource 4 is
     *     /engineering/specs, group:2 is engineering)}
     */
    String describe(Explanation explanation) {
        var legend = new LinkedHashMap<String, String>();
        explanation.target().ifPresent(id -> legend.put("resource " + id, path(id)));
        explanation.node().ifPresent(id -> legend.put("resource " + id, path(id)));
        explanation.ace().map(ace -> ace.principal()).ifPresent(principal -> {
            switch (principal) {
                case Principal.OfUser user -> legend.put(principal.key(), userName(user.id()));
                case Principal.OfGroup group -> legend.put(principal.key(), groupName(group.id()));
                case Principal.OfRole role -> { }
                case Principal.System system -> { }
            }
        });
        if (legend.isEmpty()) {
            return explanation.describe();
        }
        return explanation.describe() + " (" + legend.entrySet().stream()
                .map(entry -> entry.getKey() + " is " + entry.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void close() {
        try (database) {
            opened.close();
        }
    }
}
