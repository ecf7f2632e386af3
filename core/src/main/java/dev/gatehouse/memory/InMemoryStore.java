package dev.gatehouse.memory;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.EmailTakenException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.InvalidInputException;
import dev.gatehouse.InvalidPositionException;
import dev.gatehouse.NoSuchGrantException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchIdentityException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.NotAMemberException;
import dev.gatehouse.TreeCycleException;
import dev.gatehouse.UnsupportedCapabilityException;
import dev.gatehouse.UserNameTakenException;
import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Acl;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.ExternalIdentity;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Group;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.NewGroup;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.TreeNode;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.spi.AccessFacts;
import dev.gatehouse.spi.AccessQueries;
import dev.gatehouse.spi.CandidateQuery;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.GroupStore;
import dev.gatehouse.spi.IdentityStore;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.PermissionStore;
import dev.gatehouse.spi.ResourceStore;
import dev.gatehouse.spi.StoredCode;
import dev.gatehouse.spi.SubjectFacts;
import dev.gatehouse.spi.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reference store: every rule of the store SPI, written as plainly as we could, over ordinary Java
 * collections. Core's own tests and the compatibility kit run against it, and it is the first thing to read when
 * writing a store of your own. Nothing is persisted; the data lives as long as the object.
 *
 * <p><b>Thread safety.</b> One {@link ReentrantReadWriteLock} guards all state: every read holds the read lock and
 * every write the write lock, so each method is atomic and sees the store in a consistent state. Returned values
 * are immutable snapshots and may be kept after the call.
 *
 * <p><b>Rejected calls.</b> A write checks everything it needs before it changes anything, so a call that throws
 * leaves the store exactly as it was (a rejected create does not even use up an id).
 *
 * <p><b>Rules worth knowing when writing another store.</b>
 * <ul>
 *   <li>Ids come from one counter per kind (users, groups, resources), starting at 1.</li>
 *   <li>User names, group names and emails are unique ignoring case ({@link Locale#ROOT} lower case) and stored as
 *       given.</li>
 *   <li>Siblings (the roots are siblings of each other) are kept as an ordered list, so a resource's ordering is
 *       its index in that list plus one, dense by construction.</li>
 *   <li>Deleting a user, group or resource removes every grant, role assignment, ACL entry, membership, identity
 *       and ownership that names it.</li>
 *   <li>The fact queries return only the explicit ACEs, grants and role assignments of the principals asked about,
 *       as the SQL stores do; the decision itself is core's ({@link dev.gatehouse.decision.Authorizer}).
 *       {@code candidateUsers} returns every user, disabled ones included: the simplest superset allowed.</li>
 * </ul>
 *
 * <p>The SPI's sub-interfaces cannot all be implemented by one class ({@code UserReader} and {@code GroupReader}
 * both declare {@code byName(String)} and {@code page(PageRequest)}), so each is served by a view over the shared
 * state: {@link #users()}, {@link #groups()}, {@link #resources()}, {@link #permissions()}, {@link #identities()}
 * and {@link #access()}.
 */
public final class InMemoryStore implements GatehouseStore {
    private final Set<Capability> capabilities;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private long lastUserId;
    private long lastGroupId;
    private long lastResourceId;

    private final SortedMap<UserId, User> users = new TreeMap<>();
    private final Map<UserId, String> passwordHashes = new HashMap<>();
    private final Map<UserId, StoredCode> securityCodes = new HashMap<>();

    private final SortedMap<GroupId, Group> groups = new TreeMap<>();
    private final Map<GroupId, SortedSet<UserId>> members = new HashMap<>();

    private final SortedMap<ResourceId, Node> nodes = new TreeMap<>();
    private final List<ResourceId> roots = new ArrayList<>();
    private final Map<ResourceId, List<ResourceId>> childrenOf = new HashMap<>();

    private final Set<Grant> grants = new LinkedHashSet<>();
    private final Set<RoleAssignment> roleAssignments = new LinkedHashSet<>();
    private final Map<ResourceId, Acl> acls = new HashMap<>();

    private final Map<IdentityKey, ExternalIdentity> linkedIdentities = new LinkedHashMap<>();

    private final UserStore userView = new Users();
    private final GroupStore groupView = new Groups();
    private final ResourceStore resourceView = new Resources();
    private final PermissionStore permissionView = new Permissions();
    private final IdentityStore identityView = new Identities();
    private final AccessQueries accessView = new Access();

    private InMemoryStore(Set<Capability> capabilities) {
        this.capabilities = Collections.unmodifiableSet(capabilities);
    }

    /** @return an empty store that declares every {@link Capability} */
    public static InMemoryStore create() {
        return new InMemoryStore(EnumSet.allOf(Capability.class));
    }

    /**
     * @param capabilities the capabilities to declare; operations that need another one throw
     *     {@link UnsupportedCapabilityException}
     * @return an empty store that declares exactly these capabilities
     */
    public static InMemoryStore withCapabilities(Set<Capability> capabilities) {
        Checks.notNull(capabilities, "capabilities");
        var declared = EnumSet.noneOf(Capability.class);
        declared.addAll(capabilities);
        return new InMemoryStore(declared);
    }

    @Override
    public UserStore users() {
        return userView;
    }

    @Override
    public GroupStore groups() {
        return groupView;
    }

    @Override
    public ResourceStore resources() {
        return resourceView;
    }

    @Override
    public PermissionStore permissions() {
        return permissionView;
    }

    @Override
    public IdentityStore identities() {
        return identityView;
    }

    @Override
    public AccessQueries access() {
        return accessView;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    // ---------------------------------------------------------------------------------------------------- users

    private final class Users implements UserStore {
        @Override
        public Optional<User> byId(UserId id) {
            return read(() -> Optional.ofNullable(users.get(id)));
        }

        @Override
        public Optional<User> byName(String userName) {
            Checks.notNull(userName, "user name");
            return read(() -> userNamed(userName));
        }

        @Override
        public Optional<User> byEmail(String email) {
            Checks.notNull(email, "email");
            return read(() -> userWithEmail(email));
        }

        @Override
        public Page<User> search(String pattern, PageRequest page) {
            var matches = wildcard(pattern);
            return read(() -> pageOf(
                    users.values().stream()
                            .filter(user -> matches.test(user.userName()) || user.email().filter(matches).isPresent()),
                    user -> user.id().value(),
                    page));
        }

        @Override
        public Page<User> page(PageRequest page) {
            return read(() -> pageOf(users.values().stream(), user -> user.id().value(), page));
        }

        @Override
        public Set<GroupId> groupsOf(UserId id) {
            return read(() -> groupIdsOf(id));
        }

        @Override
        public Optional<String> passwordHash(UserId id) {
            return read(() -> Optional.ofNullable(passwordHashes.get(id)));
        }

        @Override
        public Optional<StoredCode> securityCode(UserId id) {
            return read(() -> Optional.ofNullable(securityCodes.get(id)));
        }

        @Override
        public User create(NewUser user, Instant registeredAt) {
            Checks.notNull(user, "user");
            Checks.notNull(registeredAt, "registeredAt");
            requireAttributesSupported(user.attributes());
            return write(() -> {
                requireUserNameFree(user.userName(), Optional.empty());
                user.email().ifPresent(email -> requireEmailFree(email, Optional.empty()));
                var created = new User(UserId.of(++lastUserId), user.userName(), user.email(), UserStatus.ACTIVE,
                        registeredAt, Optional.empty(), user.attributes());
                users.put(created.id(), created);
                return created;
            });
        }

        @Override
        public User update(UserId id, UserUpdate update) {
            Checks.notNull(update, "update");
            update.attributes().ifPresent(InMemoryStore.this::requireAttributesSupported);
            return write(() -> {
                var updated = update.applyTo(requireUser(id));
                requireUserNameFree(updated.userName(), Optional.of(id));
                updated.email().ifPresent(email -> requireEmailFree(email, Optional.of(id)));
                users.put(id, updated);
                return updated;
            });
        }

        @Override
        public User setStatus(UserId id, UserStatus status) {
            Checks.notNull(status, "status");
            return write(() -> {
                var user = requireUser(id);
                var updated = new User(id, user.userName(), user.email(), status, user.registeredAt(),
                        user.lastLoginAt(), user.attributes());
                users.put(id, updated);
                return updated;
            });
        }

        @Override
        public void delete(UserId id) {
            write(() -> {
                requireUser(id);
                users.remove(id);
                passwordHashes.remove(id);
                securityCodes.remove(id);
                members.values().forEach(memberIds -> memberIds.remove(id));
                linkedIdentities.values().removeIf(identity -> identity.userId().equals(id));
                forgetPrincipal(Principal.user(id));
            });
        }

        @Override
        public void setPasswordHash(UserId id, String hash) {
            Checks.notNull(hash, "password hash");
            write(() -> {
                requireUser(id);
                passwordHashes.put(id, hash);
            });
        }

        @Override
        public void setSecurityCode(UserId id, StoredCode code) {
            Checks.notNull(code, "security code");
            write(() -> {
                requireUser(id);
                securityCodes.put(id, code);
            });
        }

        @Override
        public boolean consumeSecurityCode(UserId id, String hash) {
            Checks.notNull(hash, "security code hash");
            return write(() -> {
                requireUser(id);
                var stored = securityCodes.get(id);
                if (stored == null || !sameHash(stored.hash(), hash)) {
                    return false;
                }
                securityCodes.remove(id);
                return true;
            });
        }

        @Override
        public void recordLogin(UserId id, Instant at) {
            Checks.notNull(at, "login time");
            write(() -> {
                var user = requireUser(id);
                users.put(id, new User(id, user.userName(), user.email(), user.status(), user.registeredAt(),
                        Optional.of(at), user.attributes()));
            });
        }
    }

    private User requireUser(UserId id) {
        var user = users.get(id);
        if (user == null) {
            throw new NoSuchUserException("no user with id " + id);
        }
        return user;
    }

    private Optional<User> userNamed(String userName) {
        var folded = fold(userName);
        return users.values().stream().filter(user -> fold(user.userName()).equals(folded)).findFirst();
    }

    private Optional<User> userWithEmail(String email) {
        var folded = fold(email);
        return users.values().stream()
                .filter(user -> user.email().map(InMemoryStore::fold).filter(folded::equals).isPresent())
                .findFirst();
    }

    /** @param self the user being updated, who may keep its own name; empty when creating */
    private void requireUserNameFree(String userName, Optional<UserId> self) {
        if (userNamed(userName).filter(holder -> isSomeoneElse(holder.id(), self)).isPresent()) {
            throw new UserNameTakenException("user name '" + userName + "' is taken");
        }
    }

    /** @param self the user being updated, who may keep its own email; empty when creating */
    private void requireEmailFree(String email, Optional<UserId> self) {
        if (userWithEmail(email).filter(holder -> isSomeoneElse(holder.id(), self)).isPresent()) {
            throw new EmailTakenException("email '" + email + "' is taken");
        }
    }

    private static <I> boolean isSomeoneElse(I holder, Optional<I> self) {
        return !self.equals(Optional.of(holder));
    }

    private void requireAttributesSupported(Map<String, String> attributes) {
        if (!attributes.isEmpty()) {
            requireCapability(Capability.USER_ATTRIBUTES, "store user attributes " + attributes.keySet());
        }
    }

    private Set<GroupId> groupIdsOf(UserId user) {
        return members.entrySet().stream()
                .filter(membership -> membership.getValue().contains(user))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean sameHash(String stored, String offered) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code *} matches any run of characters, everything else is literal; case is ignored. */
    private static Predicate<String> wildcard(String pattern) {
        Checks.notNull(pattern, "pattern");
        var regex = Arrays.stream(fold(pattern).split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        var compiled = Pattern.compile(regex, Pattern.DOTALL);
        return value -> compiled.matcher(fold(value)).matches();
    }

    // --------------------------------------------------------------------------------------------------- groups

    private final class Groups implements GroupStore {
        @Override
        public Optional<Group> byId(GroupId id) {
            return read(() -> Optional.ofNullable(groups.get(id)));
        }

        @Override
        public Optional<Group> byName(String name) {
            Checks.notNull(name, "group name");
            return read(() -> groupNamed(name));
        }

        @Override
        public Page<Group> page(PageRequest page) {
            return read(() -> pageOf(groups.values().stream(), group -> group.id().value(), page));
        }

        @Override
        public Page<User> members(GroupId id, PageRequest page) {
            return read(() -> {
                requireGroup(id);
                return pageOf(members.get(id).stream().map(users::get), user -> user.id().value(), page);
            });
        }

        @Override
        public Group create(NewGroup group) {
            Checks.notNull(group, "group");
            return write(() -> {
                requireGroupNameFree(group.name(), Optional.empty());
                var created = new Group(GroupId.of(++lastGroupId), group.name(), group.description());
                groups.put(created.id(), created);
                members.put(created.id(), new TreeSet<>());
                return created;
            });
        }

        @Override
        public Group rename(GroupId id, String newName) {
            return write(() -> {
                var renamed = new Group(id, newName, requireGroup(id).description());
                requireGroupNameFree(newName, Optional.of(id));
                groups.put(id, renamed);
                return renamed;
            });
        }

        @Override
        public Group describe(GroupId id, Optional<String> description) {
            return write(() -> {
                var described = new Group(id, requireGroup(id).name(), description);
                groups.put(id, described);
                return described;
            });
        }

        @Override
        public void delete(GroupId id) {
            write(() -> {
                requireGroup(id);
                groups.remove(id);
                members.remove(id);
                forgetPrincipal(Principal.group(id));
            });
        }

        @Override
        public void addMember(GroupId id, UserId user) {
            write(() -> {
                requireGroup(id);
                requireUser(user);
                if (!members.get(id).add(user)) {
                    throw new DuplicateMembershipException("user " + user + " is already a member of group " + id);
                }
            });
        }

        @Override
        public void removeMember(GroupId id, UserId user) {
            write(() -> {
                requireGroup(id);
                if (!members.get(id).remove(user)) {
                    throw new NotAMemberException("user " + user + " is not a member of group " + id);
                }
            });
        }
    }

    private Group requireGroup(GroupId id) {
        var group = groups.get(id);
        if (group == null) {
            throw new NoSuchGroupException("no group with id " + id);
        }
        return group;
    }

    private Optional<Group> groupNamed(String name) {
        var folded = fold(name);
        return groups.values().stream().filter(group -> fold(group.name()).equals(folded)).findFirst();
    }

    /** @param self the group being renamed, which may keep its own name; empty when creating */
    private void requireGroupNameFree(String name, Optional<GroupId> self) {
        if (groupNamed(name).filter(holder -> isSomeoneElse(holder.id(), self)).isPresent()) {
            throw new GroupNameTakenException("group name '" + name + "' is taken");
        }
    }

    // -------------------------------------------------------------------------------------- resources and tree

    /** A resource as stored; its ordering is not stored but read from its place among its siblings. */
    private record Node(
            String name,
            String type,
            Optional<ResourceId> parent,
            Optional<UserId> ownerUser,
            Optional<GroupId> ownerGroup,
            boolean inherit) {
        Node withName(String newName) {
            return new Node(newName, type, parent, ownerUser, ownerGroup, inherit);
        }

        Node withParent(Optional<ResourceId> newParent) {
            return new Node(name, type, newParent, ownerUser, ownerGroup, inherit);
        }

        Node withOwners(Optional<UserId> newOwnerUser, Optional<GroupId> newOwnerGroup) {
            return new Node(name, type, parent, newOwnerUser, newOwnerGroup, inherit);
        }

        Node withInherit(boolean newInherit) {
            return new Node(name, type, parent, ownerUser, ownerGroup, newInherit);
        }

        Node withoutOwner(Principal owner) {
            return withOwners(ownerUser.filter(user -> !Principal.user(user).equals(owner)),
                    ownerGroup.filter(group -> !Principal.group(group).equals(owner)));
        }

        boolean isOwnedByAnyOf(Set<Principal> principals) {
            return ownerUser.map(Principal::user).filter(principals::contains).isPresent()
                    || ownerGroup.map(Principal::group).filter(principals::contains).isPresent();
        }
    }

    private final class Resources implements ResourceStore {
        @Override
        public Optional<Resource> byId(ResourceId id) {
            return read(() -> nodes.containsKey(id) ? Optional.of(toResource(id)) : Optional.empty());
        }

        @Override
        public List<Resource> children(Optional<ResourceId> parent) {
            Checks.notNull(parent, "parent");
            return read(() -> {
                parent.ifPresent(InMemoryStore.this::requireResource);
                return siblingsUnder(parent).stream().map(InMemoryStore.this::toResource).toList();
            });
        }

        @Override
        public int childrenCount(Optional<ResourceId> parent) {
            Checks.notNull(parent, "parent");
            return read(() -> {
                parent.ifPresent(InMemoryStore.this::requireResource);
                return siblingsUnder(parent).size();
            });
        }

        @Override
        public List<TreeNode> subtree(ResourceId root, int maxDepth) {
            if (maxDepth < 0) {
                throw new InvalidInputException("maxDepth must not be negative, got " + maxDepth);
            }
            return read(() -> {
                requireResource(root);
                var listing = new ArrayList<TreeNode>();
                collectSubtree(root, 0, maxDepth, listing);
                return List.copyOf(listing);
            });
        }

        @Override
        public List<Resource> pathToRoot(ResourceId id) {
            return read(() -> {
                requireResource(id);
                return lineage(id).stream().map(InMemoryStore.this::toResource).toList();
            });
        }

        @Override
        public Resource create(NewResource resource) {
            Checks.notNull(resource, "resource");
            return write(() -> {
                resource.parentId().ifPresent(InMemoryStore.this::requireResource);
                requireOwners(resource.ownerUser(), resource.ownerGroup());
                var siblings = siblingsUnder(resource.parentId());
                int index = insertionIndex(resource.position(), siblings.size() + 1, resource.parentId());
                var id = ResourceId.of(++lastResourceId);
                nodes.put(id, new Node(resource.name(), resource.type(), resource.parentId(), resource.ownerUser(),
                        resource.ownerGroup(), resource.inherit()));
                childrenOf.put(id, new ArrayList<>());
                siblings.add(index, id);
                return toResource(id);
            });
        }

        @Override
        public Resource rename(ResourceId id, String newName) {
            Checks.name(newName, "resource name");
            return write(() -> {
                nodes.put(id, requireResource(id).withName(newName));
                return toResource(id);
            });
        }

        @Override
        public Resource setOwners(ResourceId id, Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
            Checks.notNull(ownerUser, "ownerUser");
            Checks.notNull(ownerGroup, "ownerGroup");
            return write(() -> {
                var node = requireResource(id);
                requireOwners(ownerUser, ownerGroup);
                nodes.put(id, node.withOwners(ownerUser, ownerGroup));
                return toResource(id);
            });
        }

        @Override
        public Resource setInherit(ResourceId id, boolean inherit) {
            return write(() -> {
                nodes.put(id, requireResource(id).withInherit(inherit));
                return toResource(id);
            });
        }

        @Override
        public Resource move(ResourceId id, Optional<ResourceId> newParent, OptionalInt position) {
            Checks.notNull(newParent, "newParent");
            Checks.notNull(position, "position");
            return write(() -> {
                var node = requireResource(id);
                newParent.ifPresent(parent -> requireAcceptableNewParent(id, parent));
                var from = siblingsUnder(node.parent());
                var to = siblingsUnder(newParent);
                int siblingsAfterMove = node.parent().equals(newParent) ? to.size() : to.size() + 1;
                int index = insertionIndex(position, siblingsAfterMove, newParent);
                from.remove(id);
                to.add(index, id);
                nodes.put(id, node.withParent(newParent));
                return toResource(id);
            });
        }

        @Override
        public void deleteBranch(ResourceId id) {
            write(() -> removeBranch(id));
        }

        @Override
        public void delete(ResourceId id, ChildrenPolicy children) {
            Checks.notNull(children, "children policy");
            switch (children) {
                case CASCADE -> write(() -> removeBranch(id));
                case REPARENT -> write(() -> removeMovingChildrenUp(id));
            }
        }
    }

    private Node requireResource(ResourceId id) {
        var node = nodes.get(id);
        if (node == null) {
            throw new NoSuchResourceException("no resource with id " + id);
        }
        return node;
    }

    private void requireOwners(Optional<UserId> ownerUser, Optional<GroupId> ownerGroup) {
        ownerUser.ifPresent(this::requireUser);
        ownerGroup.ifPresent(this::requireGroup);
    }

    /** @return the children of {@code parent}, or the roots; the live list, in ordering order */
    private List<ResourceId> siblingsUnder(Optional<ResourceId> parent) {
        return parent.isPresent() ? childrenOf.get(parent.get()) : roots;
    }

    private Resource toResource(ResourceId id) {
        var node = nodes.get(id);
        int ordering = siblingsUnder(node.parent()).indexOf(id) + 1;
        return new Resource(id, node.name(), node.type(), node.parent(), ordering, node.ownerUser(),
                node.ownerGroup(), node.inherit());
    }

    /**
     * @param position the requested 1-based position; empty appends
     * @param lastPosition how many siblings there will be, so the highest valid position
     * @return the list index to insert at
     */
    private static int insertionIndex(OptionalInt position, int lastPosition, Optional<ResourceId> parent) {
        if (position.isEmpty()) {
            return lastPosition - 1;
        }
        int requested = position.getAsInt();
        if (requested < 1 || requested > lastPosition) {
            var level = parent.map(id -> "under resource " + id).orElse("among the roots");
            throw new InvalidPositionException(
                    "position " + requested + " is outside 1.." + lastPosition + " " + level);
        }
        return requested - 1;
    }

    private void requireAcceptableNewParent(ResourceId moved, ResourceId newParent) {
        requireResource(newParent);
        if (newParent.equals(moved)) {
            throw new TreeCycleException("cannot move resource " + moved + " under itself");
        }
        if (lineage(newParent).contains(moved)) {
            throw new TreeCycleException(
                    "cannot move resource " + moved + " under its own descendant, resource " + newParent);
        }
    }

    /** @return the resource, its parent, …, its root */
    private List<ResourceId> lineage(ResourceId id) {
        var lineage = new ArrayList<ResourceId>();
        for (var at = Optional.of(id); at.isPresent(); at = nodes.get(at.get()).parent()) {
            lineage.add(at.get());
        }
        return lineage;
    }

    private void collectSubtree(ResourceId id, int depth, int maxDepth, List<TreeNode> listing) {
        listing.add(new TreeNode(toResource(id), depth));
        if (depth < maxDepth) {
            childrenOf.get(id).forEach(child -> collectSubtree(child, depth + 1, maxDepth, listing));
        }
    }

    /** @return the resource and all its descendants */
    private List<ResourceId> branch(ResourceId id) {
        var branch = new ArrayList<ResourceId>();
        branch.add(id);
        childrenOf.get(id).forEach(child -> branch.addAll(branch(child)));
        return branch;
    }

    private void removeBranch(ResourceId id) {
        var node = requireResource(id);
        var branch = branch(id);
        siblingsUnder(node.parent()).remove(id);
        branch.forEach(this::forgetResource);
    }

    /** The children take the deleted resource's place among its siblings, in their order. */
    private void removeMovingChildrenUp(ResourceId id) {
        var node = requireResource(id);
        var siblings = siblingsUnder(node.parent());
        var children = childrenOf.get(id);
        int place = siblings.indexOf(id);
        siblings.remove(place);
        siblings.addAll(place, children);
        children.forEach(child -> nodes.put(child, nodes.get(child).withParent(node.parent())));
        forgetResource(id);
    }

    /** Removes one resource with its grants, role assignments and ACL; the caller has already unlinked it. */
    private void forgetResource(ResourceId id) {
        nodes.remove(id);
        childrenOf.remove(id);
        var on = Optional.of(id);
        grants.removeIf(grant -> grant.resource().equals(on));
        roleAssignments.removeIf(assignment -> assignment.resource().equals(on));
        acls.remove(id);
    }

    // ---------------------------------------------------------------------------------------------- permissions

    private final class Permissions implements PermissionStore {
        @Override
        public List<Grant> grantsOf(Principal grantee) {
            return read(() -> grants.stream().filter(grant -> grant.grantee().equals(grantee)).toList());
        }

        @Override
        public List<Grant> grantsOn(ResourceId resource) {
            return read(() -> grantsOnNode(resource).toList());
        }

        @Override
        public List<RoleAssignment> rolesOf(Principal holder) {
            return read(() -> roleAssignments.stream()
                    .filter(assignment -> assignment.holder().equals(holder))
                    .toList());
        }

        @Override
        public List<RoleAssignment> rolesOn(ResourceId resource) {
            return read(() -> rolesOnNode(resource).toList());
        }

        @Override
        public Acl acl(ResourceId resource) {
            return read(() -> aclOf(resource));
        }

        @Override
        public void grant(Grant grant) {
            Checks.notNull(grant, "grant");
            write(() -> {
                requireTargets(grant.grantee(), grant.resource());
                if (!grants.add(grant)) {
                    throw new DuplicateGrantException(describe(grant) + " is already stored");
                }
            });
        }

        @Override
        public void revoke(Grant grant) {
            Checks.notNull(grant, "grant");
            write(() -> {
                requireTargets(grant.grantee(), grant.resource());
                if (!grants.remove(grant)) {
                    throw new NoSuchGrantException(describe(grant) + " is not stored");
                }
            });
        }

        @Override
        public void assignRole(RoleAssignment assignment) {
            Checks.notNull(assignment, "assignment");
            write(() -> {
                requireTargets(assignment.holder(), assignment.resource());
                if (!roleAssignments.add(assignment)) {
                    throw new DuplicateGrantException(describe(assignment) + " is already stored");
                }
            });
        }

        @Override
        public void unassignRole(RoleAssignment assignment) {
            Checks.notNull(assignment, "assignment");
            write(() -> {
                requireTargets(assignment.holder(), assignment.resource());
                if (!roleAssignments.remove(assignment)) {
                    throw new NoSuchGrantException(describe(assignment) + " is not stored");
                }
            });
        }

        @Override
        public void setAcl(ResourceId resource, Acl acl) {
            Checks.notNull(acl, "acl");
            if (!acl.isEmpty()) {
                requireCapability(Capability.EXPLICIT_ACLS, "store an explicit ACL on resource " + resource);
            }
            write(() -> {
                requireResource(resource);
                acl.entries().forEach(ace -> requirePrincipal(ace.principal()));
                if (acl.isEmpty()) {
                    acls.remove(resource);
                } else {
                    acls.put(resource, acl);
                }
            });
        }
    }

    private Stream<Grant> grantsOnNode(ResourceId resource) {
        var on = Optional.of(resource);
        return grants.stream().filter(grant -> grant.resource().equals(on));
    }

    private Stream<RoleAssignment> rolesOnNode(ResourceId resource) {
        var on = Optional.of(resource);
        return roleAssignments.stream().filter(assignment -> assignment.resource().equals(on));
    }

    private Acl aclOf(ResourceId resource) {
        return acls.getOrDefault(resource, Acl.EMPTY);
    }

    private void requireTargets(Principal holder, Optional<ResourceId> resource) {
        requirePrincipal(holder);
        resource.ifPresent(this::requireResource);
    }

    /** Users and groups must exist; roles and the system principals are not stored, so any is accepted. */
    private void requirePrincipal(Principal principal) {
        switch (principal) {
            case Principal.OfUser user -> requireUser(user.id());
            case Principal.OfGroup group -> requireGroup(group.id());
            case Principal.OfRole role -> { }
            case Principal.System system -> { }
        }
    }

    /** Removes every grant, role assignment, ACL entry and ownership that names a deleted user or group. */
    private void forgetPrincipal(Principal principal) {
        grants.removeIf(grant -> grant.grantee().equals(principal));
        roleAssignments.removeIf(assignment -> assignment.holder().equals(principal));
        acls.replaceAll((resource, acl) -> new Acl(acl.entries().stream()
                .filter(ace -> !ace.principal().equals(principal))
                .toList()));
        acls.values().removeIf(Acl::isEmpty);
        nodes.replaceAll((resource, node) -> node.withoutOwner(principal));
    }

    private static String describe(Grant grant) {
        return "grant of " + grant.permission() + " to " + grant.grantee() + where(grant.resource());
    }

    private static String describe(RoleAssignment assignment) {
        return "role " + assignment.role() + " of " + assignment.holder() + where(assignment.resource());
    }

    private static String where(Optional<ResourceId> resource) {
        return resource.map(id -> " on resource " + id).orElse(" globally");
    }

    // ----------------------------------------------------------------------------------------------- identities

    private record IdentityKey(String provider, String externalId) {}

    private final class Identities implements IdentityStore {
        @Override
        public void link(ExternalIdentity identity) {
            Checks.notNull(identity, "identity");
            requireCapability(Capability.EXTERNAL_IDENTITIES, "link an external identity");
            write(() -> {
                requireUser(identity.userId());
                var key = new IdentityKey(identity.provider(), identity.externalId());
                if (linkedIdentities.containsKey(key)) {
                    throw new DuplicateIdentityException("identity " + describe(key) + " is already linked to user "
                            + linkedIdentities.get(key).userId());
                }
                linkedIdentities.put(key, identity);
            });
        }

        @Override
        public void unlink(String provider, String externalId) {
            requireCapability(Capability.EXTERNAL_IDENTITIES, "unlink an external identity");
            var key = new IdentityKey(provider, externalId);
            write(() -> {
                if (linkedIdentities.remove(key) == null) {
                    throw new NoSuchIdentityException("identity " + describe(key) + " is not linked");
                }
            });
        }

        @Override
        public Optional<ExternalIdentity> find(String provider, String externalId) {
            requireCapability(Capability.EXTERNAL_IDENTITIES, "find an external identity");
            var key = new IdentityKey(provider, externalId);
            return read(() -> Optional.ofNullable(linkedIdentities.get(key)));
        }

        @Override
        public List<ExternalIdentity> identitiesOf(UserId user) {
            requireCapability(Capability.EXTERNAL_IDENTITIES, "list external identities");
            return read(() -> linkedIdentities.values().stream()
                    .filter(identity -> identity.userId().equals(user))
                    .toList());
        }
    }

    private static String describe(IdentityKey key) {
        return key.provider() + "/" + key.externalId();
    }

    // ------------------------------------------------------------------------------------------- access queries

    private final class Access implements AccessQueries {
        @Override
        public Optional<SubjectFacts> subjectFacts(UserId user) {
            return read(() -> Optional.ofNullable(users.get(user)).map(InMemoryStore.this::subjectFactsOf));
        }

        @Override
        public Map<UserId, SubjectFacts> subjectFacts(Collection<UserId> userIds) {
            Checks.notNull(userIds, "users");
            return read(() -> userIds.stream()
                    .distinct()
                    .map(users::get)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toUnmodifiableMap(User::id, InMemoryStore.this::subjectFactsOf)));
        }

        @Override
        public AccessFacts accessFacts(Set<Principal> principals, Set<ResourceId> resources) {
            Checks.notNull(principals, "principals");
            Checks.notNull(resources, "resources");
            return read(() -> {
                var globalGrants = grants.stream()
                        .filter(grant -> grant.isGlobal() && principals.contains(grant.grantee()))
                        .toList();
                var lineages = new HashMap<ResourceId, List<NodeFacts>>();
                resources.stream().filter(nodes::containsKey).forEach(resource -> lineages.put(resource,
                        lineage(resource).stream().map(node -> nodeFacts(node, principals)).toList()));
                return new AccessFacts(globalGrants, lineages);
            });
        }

        @Override
        public List<ResourceId> candidates(CandidateQuery query) {
            Checks.notNull(query, "query");
            return read(() -> nodes.keySet().stream()
                    .filter(id -> id.value() > query.afterId())
                    .filter(id -> query.filter().admits(toResource(id), Set.copyOf(lineage(id))))
                    .filter(id -> isCandidate(id, query))
                    .limit(query.limit())
                    .toList());
        }

        @Override
        public List<UserId> candidateUsers(ResourceId resource, long afterId, int limit) {
            Checks.positive(limit, "limit");
            return read(() -> users.keySet().stream()
                    .filter(id -> id.value() > afterId)
                    .limit(limit)
                    .toList());
        }
    }

    /** The user's status, its groups, its own global roles and those of its groups. */
    private SubjectFacts subjectFactsOf(User user) {
        var groupIds = groupIdsOf(user.id());
        var groupPrincipals = groupIds.stream().map(Principal::group).collect(Collectors.toUnmodifiableSet());
        return new SubjectFacts(user.id(), user.status(), groupIds,
                globalRolesOf(Set.of(Principal.user(user.id()))), globalRolesOf(groupPrincipals));
    }

    private Set<String> globalRolesOf(Set<Principal> holders) {
        return roleAssignments.stream()
                .filter(assignment -> assignment.isGlobal() && holders.contains(assignment.holder()))
                .map(RoleAssignment::role)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One lineage node, with only the ACEs, grants and role assignments of {@code principals}. */
    private NodeFacts nodeFacts(ResourceId id, Set<Principal> principals) {
        var node = nodes.get(id);
        return new NodeFacts(id, node.type(), node.inherit(), node.ownerUser(), node.ownerGroup(),
                aclOf(id).entries().stream().filter(ace -> principals.contains(ace.principal())).toList(),
                grantsOnNode(id).filter(grant -> principals.contains(grant.grantee())).toList(),
                rolesOnNode(id).filter(assignment -> principals.contains(assignment.holder())).toList());
    }

    /**
     * The superset {@link CandidateQuery} defines: a global grant allows everything, or the base ACL allows the type,
     * or some node of the lineage qualifies.
     */
    private boolean isCandidate(ResourceId id, CandidateQuery query) {
        return hasGlobalGrant(query)
                || query.globallyAllowedTypes().contains(nodes.get(id).type())
                || lineage(id).stream().anyMatch(node -> nodeQualifies(node, query));
    }

    private boolean hasGlobalGrant(CandidateQuery query) {
        return grants.stream().anyMatch(grant -> grant.isGlobal()
                && query.principals().contains(grant.grantee())
                && grant.permission().contains(query.permission()));
    }

    private boolean nodeQualifies(ResourceId id, CandidateQuery query) {
        return hasAllowAce(id, query) || hasGrant(id, query) || hasGrantingRole(id, query)
                || (query.ownersQualify() && nodes.get(id).isOwnedByAnyOf(query.principals()));
    }

    private boolean hasAllowAce(ResourceId id, CandidateQuery query) {
        return aclOf(id).entries().stream().anyMatch(ace -> ace.action() == Action.ALLOW
                && query.principals().contains(ace.principal())
                && ace.covers(query.permission()));
    }

    private boolean hasGrant(ResourceId id, CandidateQuery query) {
        return grantsOnNode(id).anyMatch(grant -> query.principals().contains(grant.grantee())
                && grant.permission().contains(query.permission()));
    }

    private boolean hasGrantingRole(ResourceId id, CandidateQuery query) {
        return rolesOnNode(id).anyMatch(assignment -> query.principals().contains(assignment.holder())
                && query.rolesGranting().contains(assignment.role()));
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    private void requireCapability(Capability capability, String operation) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapabilityException(
                    "this store does not declare " + capability + ", needed to " + operation);
        }
    }

    /** Names and emails are compared in this form. */
    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** One page of items that come in id order: those after the cursor, at most the limit. */
    private static <T> Page<T> pageOf(Stream<T> itemsInIdOrder, Function<T, Long> idOf, PageRequest page) {
        Checks.notNull(page, "page");
        long afterId = page.afterId();
        var fetched = itemsInIdOrder
                .filter(item -> idOf.apply(item) > afterId)
                .limit(page.limit() + 1L)
                .toList();
        return Page.of(fetched, page.limit(), idOf);
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
