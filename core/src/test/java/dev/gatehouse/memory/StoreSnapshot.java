package dev.gatehouse.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.model.Acl;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.User;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.StoredCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything a store shows through its read methods, as one value: two snapshots are equal when no read could tell
 * the stores apart.
 */
record StoreSnapshot(
        List<UserState> users,
        List<GroupState> groups,
        List<TreeNode> forest,
        List<Grant> grants,
        List<RoleAssignment> roles,
        Map<ResourceId, Acl> acls,
        List<ExternalIdentity> identities) {

    record UserState(User user, Optional<String> passwordHash, Optional<StoredCode> securityCode,
            Set<GroupId> groups) {}

    record GroupState(Group group, List<User> members) {}

    static StoreSnapshot of(GatehouseStore store) {
        var all = PageRequest.first(PageRequest.MAX_LIMIT);
        var users = store.users().page(all);
        var groups = store.groups().page(all);
        assertThat(users.hasNext()).as("snapshot fits one page of users").isFalse();
        assertThat(groups.hasNext()).as("snapshot fits one page of groups").isFalse();

        var forest = store.resources().children(Optional.empty()).stream()
                .flatMap(root -> store.resources().subtree(root.id(), Integer.MAX_VALUE).stream())
                .toList();
        var holders = Stream.concat(
                        users.items().stream().map(User::principal), groups.items().stream().map(Group::principal))
                .toList();
        return new StoreSnapshot(
                users.items().stream()
                        .map(user -> new UserState(user, store.users().passwordHash(user.id()),
                                store.users().securityCode(user.id()), store.users().groupsOf(user.id())))
                        .toList(),
                groups.items().stream()
                        .map(group -> new GroupState(group, store.groups().members(group.id(), all).items()))
                        .toList(),
                forest,
                flatten(holders, store.permissions()::grantsOf),
                flatten(holders, store.permissions()::rolesOf),
                forest.stream()
                        .map(node -> node.resource().id())
                        .filter(id -> !store.permissions().acl(id).isEmpty())
                        .collect(Collectors.toMap(id -> id, store.permissions()::acl)),
                store.capabilities().contains(Capability.EXTERNAL_IDENTITIES)
                        ? users.items().stream()
                                .flatMap(user -> store.identities().identitiesOf(user.id()).stream())
                                .toList()
                        : List.of());
    }

    private static <T> List<T> flatten(List<Principal> holders, Function<Principal, List<T>> read) {
        return holders.stream().flatMap(holder -> read.apply(holder).stream()).toList();
    }
}
