package dev.gatehouse.tck;

import dev.gatehouse.model.Acl;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.StoredCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a store lets one observe through its SPI, read at one moment: every user with its groups, password
 * hash, security code and identities; every group with its members; the whole resource tree with every field, and
 * the grants, role assignments and explicit ACL on each node; every grant and role assignment per user and group,
 * global ones included. Two snapshots of one store are equal exactly when nothing observable changed in between,
 * which is how the kit proves that a refused call wrote nothing.
 *
 * <p>Grants and role assignments are compared as sets (their listing order is not part of the contract); ACL
 * entries, children and members are compared in order, because their order is.
 *
 * @param users every user, in id order
 * @param groups every group, in id order
 * @param tree every resource, depth-first from the roots, siblings in order
 * @param grantsByPrincipal each user's and group's grants, keyed by principal
 * @param rolesByPrincipal each user's and group's role assignments, keyed by principal
 */
public record StoreSnapshot(
        List<UserState> users,
        List<GroupState> groups,
        List<NodeState> tree,
        Map<Principal, Set<Grant>> grantsByPrincipal,
        Map<Principal, Set<RoleAssignment>> rolesByPrincipal) {

    /**
     * A user as stored, secrets included.
     *
     * @param user the user
     * @param groups the groups it is a member of
     * @param passwordHash its stored password hash
     * @param securityCode its stored security code
     * @param identities its external identities (empty on a store without {@link Capability#EXTERNAL_IDENTITIES})
     */
    public record UserState(
            User user,
            Set<GroupId> groups,
            Optional<String> passwordHash,
            Optional<StoredCode> securityCode,
            Set<ExternalIdentity> identities) {}

    /**
     * A group with its members.
     *
     * @param group the group
     * @param members its members' ids, in the listing's order
     */
    public record GroupState(Group group, List<UserId> members) {}

    /**
     * A resource with what is stored on it.
     *
     * @param resource the resource, every field
     * @param depth 0 for a root
     * @param childrenCount what {@code childrenCount} answers for it
     * @param grants the grants on it
     * @param roles the role assignments on it
     * @param acl its explicit ACL, in order
     */
    public record NodeState(
            Resource resource, int depth, int childrenCount, Set<Grant> grants, Set<RoleAssignment> roles, Acl acl) {}

    public StoreSnapshot {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        tree = List.copyOf(tree);
        grantsByPrincipal = Map.copyOf(grantsByPrincipal);
        rolesByPrincipal = Map.copyOf(rolesByPrincipal);
    }

    /** @return what {@code store} holds now */
    public static StoreSnapshot of(GatehouseStore store) {
        boolean identities = store.capabilities().contains(Capability.EXTERNAL_IDENTITIES);
        var users = new ArrayList<UserState>();
        var grants = new LinkedHashMap<Principal, Set<Grant>>();
        var roles = new LinkedHashMap<Principal, Set<RoleAssignment>>();
        for (var user : all(page -> store.users().page(page))) {
            users.add(new UserState(
                    user,
                    Set.copyOf(store.users().groupsOf(user.id())),
                    store.users().passwordHash(user.id()),
                    store.users().securityCode(user.id()),
                    identities ? Set.copyOf(store.identities().identitiesOf(user.id())) : Set.of()));
            grants.put(user.principal(), Set.copyOf(store.permissions().grantsOf(user.principal())));
            roles.put(user.principal(), Set.copyOf(store.permissions().rolesOf(user.principal())));
        }
        var groups = new ArrayList<GroupState>();
        for (var group : all(page -> store.groups().page(page))) {
            var members = all(page -> store.groups().members(group.id(), page)).stream().map(User::id).toList();
            groups.add(new GroupState(group, members));
            grants.put(group.principal(), Set.copyOf(store.permissions().grantsOf(group.principal())));
            roles.put(group.principal(), Set.copyOf(store.permissions().rolesOf(group.principal())));
        }
        var tree = new ArrayList<NodeState>();
        collect(store, Optional.empty(), 0, tree);
        return new StoreSnapshot(users, groups, tree, grants, roles);
    }

    /**
     * @param later a later snapshot of the same store
     * @return one line per difference, such as {@code resource 7: NodeState[…] -> NodeState[…]}; empty when the two
     *     snapshots are equal
     */
    public List<String> differencesTo(StoreSnapshot later) {
        var differences = new ArrayList<String>();
        compare("user", index(users, state -> state.user().id()), index(later.users, state -> state.user().id()),
                differences);
        compare("group", index(groups, state -> state.group().id()),
                index(later.groups, state -> state.group().id()), differences);
        compare("resource", index(tree, state -> state.resource().id()),
                index(later.tree, state -> state.resource().id()), differences);
        compare("grants of", grantsByPrincipal, later.grantsByPrincipal, differences);
        compare("roles of", rolesByPrincipal, later.rolesByPrincipal, differences);
        var order = tree.stream().map(state -> state.resource().id()).toList();
        var laterOrder = later.tree.stream().map(state -> state.resource().id()).toList();
        if (differences.isEmpty() && !order.equals(laterOrder)) {
            differences.add("tree order: " + order + " -> " + laterOrder);
        }
        if (differences.isEmpty() && !equals(later)) {
            differences.add("listing order: " + this + " -> " + later);
        }
        return differences;
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        var index = new LinkedHashMap<K, V>();
        values.forEach(value -> index.put(key.apply(value), value));
        return index;
    }

    private static <K, V> void compare(String what, Map<K, V> before, Map<K, V> after, List<String> differences) {
        before.forEach((key, value) -> {
            var now = after.get(key);
            if (now == null) {
                differences.add(what + " " + key + ": removed, was " + value);
            } else if (!now.equals(value)) {
                differences.add(what + " " + key + ": " + value + " -> " + now);
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                differences.add(what + " " + key + ": added " + value);
            }
        });
    }

    private static void collect(GatehouseStore store, Optional<ResourceId> parent, int depth, List<NodeState> tree) {
        if (depth > 10_000) {
            throw new IllegalStateException("the tree is deeper than 10000 levels below " + parent + " (a cycle?)");
        }
        for (var resource : store.resources().children(parent)) {
            var id = resource.id();
            tree.add(new NodeState(resource, depth, store.resources().childrenCount(Optional.of(id)),
                    Set.copyOf(store.permissions().grantsOn(id)), Set.copyOf(store.permissions().rolesOn(id)),
                    store.permissions().acl(id)));
            collect(store, Optional.of(id), depth + 1, tree);
        }
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> listing) {
        var all = new ArrayList<T>();
        var page = listing.apply(PageRequest.first(PageRequest.MAX_LIMIT));
        while (true) {
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            page = listing.apply(PageRequest.after(page.next().get(), PageRequest.MAX_LIMIT));
        }
    }
}
