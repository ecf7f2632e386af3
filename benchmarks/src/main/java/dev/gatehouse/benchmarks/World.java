package dev.gatehouse.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The facts every contender is loaded with, generated from a {@link DataSize} and a seed. The same seed gives the
 * same world on every machine and JDK ({@link SplittableRandom} is specified bit for bit).
 *
 * <p>Users, groups and resources have dense ids from 1, in the order a store assigns them when they are created in
 * id order, and every resource's parent has a smaller id than the resource. The world holds:
 * <ul>
 *   <li>a forest of random trees, depth up to {@value #MAX_TREE_DEPTH}, about 1,000 nodes each, with 1 to 5 grants
 *       per resource to random users (70%) and groups (30%) of view (50%), edit (30%), add or delete;</li>
 *   <li>memberships: each ordinary user in 0 to 4 ordinary groups;</li>
 *   <li>a subtree of {@value #MOVED_SUBTREE_SIZE} nodes hung under one depth-2 node, to be moved to another;</li>
 *   <li>a chain {@value #SPINE_DEPTH} deep (the spine) for the depth axis;</li>
 *   <li>a few Deny entries (edit, on users), and the users and grants of the {@link Landmarks}.</li>
 * </ul>
 * Immutable after construction; arrays are exposed for the loaders and must not be modified.
 */
public final class World {
    /** The deepest level of the forest's trees (a root is at depth 1). */
    public static final int MAX_TREE_DEPTH = 10;
    /** The depth of the spine, the chain the depth axis walks. */
    public static final int SPINE_DEPTH = 256;
    /** The size of the subtree the move benchmark moves. */
    public static final int MOVED_SUBTREE_SIZE = 1_000;
    /** The depths the depth axis is measured at. */
    public static final List<Integer> DEPTH_AXIS = List.of(1, 2, 4, 16, 64, 256);
    /** The seed {@code benchmarks/run} uses. */
    public static final long DEFAULT_SEED = 20_261_125L;

    /** Permission names by code; the data uses the first four, the grant benchmarks the last. */
    public static final List<String> PERMISSIONS = List.of("view", "edit", "add", "delete", "manage");
    /** The code of {@code edit}, the permission every benchmark asks about. */
    public static final int EDIT = 1;
    /** The code of {@code manage}, which no generated grant uses: the grant benchmarks grant it. */
    public static final int MANAGE = 4;

    /** The group whose grants on every root let its members edit everything. */
    public static final int BROAD_GROUP = 1;
    /** The group whose grants the check benchmarks find. */
    public static final int CHECKER_GROUP = 2;

    private static final int FOREST_TREE_SIZE = 1_000;
    private static final int BROAD_USER_DENIES = 5;
    private static final int ORDINARY_DENIES = 20;
    private static final int NARROW_SUBTREES = 5;
    private static final int CHECK_ALL_SIZE = 100;

    private final DataSize size;
    private final long seed;
    private final int userCount;
    private final int groupCount;
    private final int resourceCount;
    private final int forestSize;
    private final String[] userNames;
    private final int[] parent;
    private final int[] depth;
    private final int[] ordering;
    private final boolean[] hasChildren;
    private final int[] membershipGroup;
    private final int[] membershipUser;
    private final int[] grantResource;
    private final int[] grantPrincipal;
    private final byte[] grantPermission;
    private final int[] denyResource;
    private final int[] denyUser;
    private final Landmarks landmarks;

    private World(Builder built) {
        this.size = built.size;
        this.seed = built.seed;
        this.userCount = built.userCount;
        this.groupCount = built.groupCount;
        this.resourceCount = built.resourceCount;
        this.forestSize = built.forestSize;
        this.userNames = built.userNames;
        this.parent = built.parent;
        this.depth = built.depth;
        this.ordering = built.ordering;
        this.hasChildren = built.hasChildren;
        this.membershipGroup = built.memberships.first();
        this.membershipUser = built.memberships.second();
        this.grantResource = built.grantResources.toArray();
        this.grantPrincipal = built.grantPrincipals.toArray();
        this.grantPermission = built.grantPermissions();
        this.denyResource = built.denyResources.toArray();
        this.denyUser = built.denyUsers.toArray();
        this.landmarks = built.landmarks;
    }

    /** @return the world of this size and seed */
    public static World generate(DataSize size, long seed) {
        return new World(new Builder(size, seed).build());
    }

    public DataSize size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    public int userCount() {
        return userCount;
    }

    public int groupCount() {
        return groupCount;
    }

    public int resourceCount() {
        return resourceCount;
    }

    /** @return how many resources belong to the random forest (ids 1 to this) */
    public int forestSize() {
        return forestSize;
    }

    public Landmarks landmarks() {
        return landmarks;
    }

    public String userName(int user) {
        return userNames[user];
    }

    public String groupName(int group) {
        return switch (group) {
            case BROAD_GROUP -> "editors-of-everything";
            case CHECKER_GROUP -> "checkers";
            default -> "group" + group;
        };
    }

    /** @return the resource's parent, 0 for a root */
    public int parentOf(int resource) {
        return parent[resource];
    }

    /** @return the resource's depth, 1 for a root */
    public int depthOf(int resource) {
        return depth[resource];
    }

    /** @return the resource's 1-based position among its siblings (the roots are siblings) */
    public int orderingOf(int resource) {
        return ordering[resource];
    }

    /** @return {@code folder} for a resource with children, {@code document} for a leaf */
    public String typeOf(int resource) {
        return hasChildren[resource] ? "folder" : "document";
    }

    public String resourceName(int resource) {
        return "r" + resource;
    }

    public int membershipCount() {
        return membershipGroup.length;
    }

    public int membershipGroup(int index) {
        return membershipGroup[index];
    }

    public int membershipUser(int index) {
        return membershipUser[index];
    }

    /** @return the groups the user belongs to (a scan: for preparing benchmarks, not inside them) */
    public List<Integer> groupsOf(int user) {
        var groups = new ArrayList<Integer>();
        for (int i = 0; i < membershipUser.length; i++) {
            if (membershipUser[i] == user) {
                groups.add(membershipGroup[i]);
            }
        }
        return groups;
    }

    public int grantCount() {
        return grantResource.length;
    }

    public int grantResource(int index) {
        return grantResource[index];
    }

    /** @return the grantee, encoded: a user id, or minus a group id */
    public int grantPrincipal(int index) {
        return grantPrincipal[index];
    }

    public int grantPermission(int index) {
        return grantPermission[index];
    }

    /** @return how many Deny entries there are; each denies one user {@code edit} on one resource */
    public int denyCount() {
        return denyResource.length;
    }

    public int denyResource(int index) {
        return denyResource[index];
    }

    public int denyUser(int index) {
        return denyUser[index];
    }

    /** @return Gatehouse's principal key of an encoded grantee: {@code user:7} or {@code group:3} */
    public static String principalKey(int encodedPrincipal) {
        return encodedPrincipal > 0 ? "user:" + encodedPrincipal : "group:" + -encodedPrincipal;
    }

    /** @return the resource and every ancestor, nearest first */
    public List<Integer> lineage(int resource) {
        var lineage = new ArrayList<Integer>();
        for (int node = resource; node != 0; node = parent[node]) {
            lineage.add(node);
        }
        return lineage;
    }

    @Override
    public String toString() {
        return "World[" + size + ", seed " + seed + ": " + resourceCount + " resources, " + userCount + " users, "
                + groupCount + " groups, " + membershipCount() + " memberships, " + grantCount() + " grants, "
                + denyCount() + " Deny entries]";
    }

    /**
     * The users, groups and resources the benchmarks ask about, and what the answers must be.
     *
     * @param checker the user of the check benchmarks: member of {@link #CHECKER_GROUP} and two ordinary groups
     * @param checkedResource a resource at the bottom of a deep branch, which the checker may edit through a grant to
     *     {@link #CHECKER_GROUP} on its depth-2 ancestor
     * @param checkerGrantAnchor that ancestor
     * @param checkAllResources 100 resources, half under the anchor and half anywhere, for {@code checkAll}
     * @param narrowUser a user with edit on a few small subtrees only
     * @param narrowAccessible how many resources the narrow user may edit
     * @param narrowDeepPageAfter the keyset cursor (a resource id) of the narrow user's deep page, 60% into its list
     * @param broadUser a member of {@link #BROAD_GROUP}, which may edit every root; denied on a few branches
     * @param broadAccessible how many resources the broad user may edit
     * @param broadDeepPageAfter the keyset cursor of the broad user's deep page, 90% into the id space
     * @param movedSubtreeRoot the root of the {@value #MOVED_SUBTREE_SIZE}-node subtree, under {@code moveParentA}
     * @param moveParentA where the moved subtree starts
     * @param moveParentB where it is moved to, and back from
     * @param spineAtDepth the spine's node at each depth of {@link #DEPTH_AXIS}; the checker may edit all of them
     * @param groupAxisUsers for each group count of {@link DataSize#groupAxis()}, a user in that many groups,
     *     {@link #CHECKER_GROUP} among them
     * @param signInUser the user that signs in, the only one with a password
     * @param signInPassword its password
     * @param ordinaryUsers users 1 to this are ordinary; the landmark users follow
     */
    public record Landmarks(
            int checker,
            int checkedResource,
            int checkerGrantAnchor,
            List<Integer> checkAllResources,
            int narrowUser,
            int narrowAccessible,
            int narrowDeepPageAfter,
            int broadUser,
            int broadAccessible,
            int broadDeepPageAfter,
            int movedSubtreeRoot,
            int moveParentA,
            int moveParentB,
            Map<Integer, Integer> spineAtDepth,
            Map<Integer, Integer> groupAxisUsers,
            int signInUser,
            String signInPassword,
            int ordinaryUsers) {
        public Landmarks {
            checkAllResources = List.copyOf(checkAllResources);
            spineAtDepth = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spineAtDepth));
            groupAxisUsers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groupAxisUsers));
        }
    }

    /** Generates the arrays in one pass over the random stream; the order of the steps fixes the world. */
    private static final class Builder {
        private final DataSize size;
        private final long seed;
        private final SplittableRandom random;
        private final int userCount;
        private final int groupCount;
        private final int resourceCount;
        private final int forestSize;
        private final int ordinaryUsers;
        private final String[] userNames;
        private final int[] parent;
        private final int[] depth;
        private final int[] ordering;
        private final boolean[] hasChildren;
        private final int[] childCount;
        private int rootCount;
        private Pairs memberships = new Pairs();
        private final IntList grantResources = new IntList();
        private final IntList grantPrincipals = new IntList();
        private final IntList grantPermissionCodes = new IntList();
        private final IntList denyResources = new IntList();
        private final IntList denyUsers = new IntList();
        private Landmarks landmarks;

        Builder(DataSize size, long seed) {
            this.size = size;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.userCount = size.users();
            this.groupCount = size.groups();
            this.resourceCount = size.resources();
            this.forestSize = resourceCount - SPINE_DEPTH - MOVED_SUBTREE_SIZE;
            this.ordinaryUsers = userCount - 4 - size.groupAxis().size();
            this.userNames = new String[userCount + 1];
            this.parent = new int[resourceCount + 1];
            this.depth = new int[resourceCount + 1];
            this.ordering = new int[resourceCount + 1];
            this.hasChildren = new boolean[resourceCount + 1];
            this.childCount = new int[resourceCount + 1];
        }

        Builder build() {
            int checker = ordinaryUsers + 1;
            int narrow = ordinaryUsers + 2;
            int broad = ordinaryUsers + 3;
            int signIn = ordinaryUsers + 4;
            nameUsers(checker, narrow, broad, signIn);

            growForest();
            int[] moveParents = pickMoveParents();
            int movedRoot = forestSize + 1;
            growMovedSubtree(movedRoot, moveParents[0]);
            int spineRoot = forestSize + MOVED_SUBTREE_SIZE + 1;
            growSpine(spineRoot);
            int[] subtreeSizes = subtreeSizes();

            addOrdinaryGrants();
            var membershipList = new Pairs();
            addOrdinaryMemberships(membershipList);

            int anchor = pickCheckerAnchor(moveParents);
            int checked = deepestUnder(anchor);
            grant(anchor, -CHECKER_GROUP, EDIT);
            grant(spineRoot, -CHECKER_GROUP, EDIT);
            int checkerOrdinaryGroup = randomOrdinaryGroup();
            membershipList.add(CHECKER_GROUP, checker);
            membershipList.add(checkerOrdinaryGroup, checker);
            membershipList.add(randomOrdinaryGroupOtherThan(checkerOrdinaryGroup), checker);

            var narrowRoots = pickNarrowRoots(subtreeSizes);
            for (int root : narrowRoots) {
                grant(root, narrow, EDIT);
            }
            int[] narrowList = resourcesUnderAny(narrowRoots);

            for (int root = 1; root <= rootCount; root++) {
                grant(root, -BROAD_GROUP, EDIT);
            }
            grant(spineRoot, -BROAD_GROUP, EDIT);
            membershipList.add(BROAD_GROUP, broad);
            var broadMembers = new LinkedHashSet<Integer>();
            while (broadMembers.size() < size.broadGroupMembers() - 1) {
                broadMembers.add(1 + random.nextInt(ordinaryUsers));
            }
            broadMembers.forEach(member -> membershipList.add(BROAD_GROUP, member));
            var broadDenied = new LinkedHashSet<Integer>();
            while (broadDenied.size() < BROAD_USER_DENIES) {
                int resource = 1 + random.nextInt(forestSize);
                if (depth[resource] >= 3) {
                    broadDenied.add(resource);
                }
            }
            broadDenied.forEach(resource -> deny(resource, broad));
            int broadAccessible = resourceCount - resourcesUnderAny(broadDenied).length;
            for (int i = 0; i < ORDINARY_DENIES; i++) {
                deny(1 + random.nextInt(forestSize), 1 + random.nextInt(ordinaryUsers));
            }

            var groupAxisUsers = new LinkedHashMap<Integer, Integer>();
            int axisUser = signIn;
            for (int groups : size.groupAxis()) {
                axisUser++;
                groupAxisUsers.put(groups, axisUser);
                for (int nth = 0; nth < groups; nth++) {
                    // CHECKER_GROUP first, then the ordinary groups, BROAD_GROUP last
                    membershipList.add(nth + CHECKER_GROUP <= groupCount ? nth + CHECKER_GROUP : BROAD_GROUP,
                            axisUser);
                }
            }
            memberships = membershipList;

            var spineAtDepth = new LinkedHashMap<Integer, Integer>();
            DEPTH_AXIS.forEach(level -> spineAtDepth.put(level, spineRoot + level - 1));

            landmarks = new Landmarks(checker, checked, anchor, checkAllResources(anchor), narrow,
                    narrowList.length, narrowList[narrowList.length * 6 / 10], broad, broadAccessible,
                    resourceCount * 9 / 10, movedRoot, moveParents[0], moveParents[1], spineAtDepth,
                    groupAxisUsers, signIn, "correct horse battery staple", ordinaryUsers);
            return this;
        }

        private void nameUsers(int checker, int narrow, int broad, int signIn) {
            for (int user = 1; user <= userCount; user++) {
                userNames[user] = "user" + user;
            }
            userNames[checker] = "checker";
            userNames[narrow] = "narrow";
            userNames[broad] = "broad";
            userNames[signIn] = "signin";
            int axisUser = signIn;
            for (int groups : size.groupAxis()) {
                userNames[++axisUser] = "in-" + groups + "-groups";
            }
        }

        /** Random recursive trees: each new node picks a random tree, then a random node of it not at the floor. */
        private void growForest() {
            rootCount = Math.max(1, forestSize / FOREST_TREE_SIZE);
            var canHaveChildren = new ArrayList<IntList>(rootCount);
            for (int root = 1; root <= rootCount; root++) {
                addNode(root, 0);
                var list = new IntList();
                list.add(root);
                canHaveChildren.add(list);
            }
            for (int node = rootCount + 1; node <= forestSize; node++) {
                var tree = canHaveChildren.get(random.nextInt(rootCount));
                int chosenParent = tree.get(random.nextInt(tree.size()));
                addNode(node, chosenParent);
                if (depth[node] < MAX_TREE_DEPTH) {
                    tree.add(node);
                }
            }
        }

        /** Two depth-2 nodes of different trees (of one tree when the forest has a single tree). */
        private int[] pickMoveParents() {
            var depthTwo = new IntList();
            for (int node = 1; node <= forestSize; node++) {
                if (depth[node] == 2) {
                    depthTwo.add(node);
                }
            }
            int first = depthTwo.get(random.nextInt(depthTwo.size()));
            while (true) {
                int second = depthTwo.get(random.nextInt(depthTwo.size()));
                if (second != first && (rootOf(second) != rootOf(first) || rootCount == 1)) {
                    return new int[] {first, second};
                }
            }
        }

        private void growMovedSubtree(int movedRoot, int under) {
            addNode(movedRoot, under);
            var canHaveChildren = new IntList();
            canHaveChildren.add(movedRoot);
            for (int node = movedRoot + 1; node < movedRoot + MOVED_SUBTREE_SIZE; node++) {
                addNode(node, canHaveChildren.get(random.nextInt(canHaveChildren.size())));
                if (depth[node] < MAX_TREE_DEPTH) {
                    canHaveChildren.add(node);
                }
            }
        }

        private void growSpine(int spineRoot) {
            addNode(spineRoot, 0);
            for (int node = spineRoot + 1; node < spineRoot + SPINE_DEPTH; node++) {
                addNode(node, node - 1);
            }
        }

        private void addNode(int node, int parentNode) {
            parent[node] = parentNode;
            depth[node] = parentNode == 0 ? 1 : depth[parentNode] + 1;
            ordering[node] = ++childCount[parentNode];
            hasChildren[parentNode] = true;
        }

        private int rootOf(int node) {
            int current = node;
            while (parent[current] != 0) {
                current = parent[current];
            }
            return current;
        }

        private int[] subtreeSizes() {
            int[] sizes = new int[resourceCount + 1];
            for (int node = resourceCount; node >= 1; node--) {
                sizes[node]++;
                sizes[parent[node]] += sizes[node];
            }
            return sizes;
        }

        /** 1 to 5 distinct grants on every resource of the forest and of the moved subtree. */
        private void addOrdinaryGrants() {
            long[] onThisResource = new long[5];
            for (int resource = 1; resource < forestSize + MOVED_SUBTREE_SIZE + 1; resource++) {
                int wanted = 1 + random.nextInt(5);
                int made = 0;
                while (made < wanted) {
                    int principal = random.nextInt(10) < 7
                            ? 1 + random.nextInt(ordinaryUsers)
                            : -randomOrdinaryGroup();
                    int roll = random.nextInt(10);
                    int permission = roll < 5 ? 0 : roll < 8 ? EDIT : roll < 9 ? 2 : 3;
                    long key = (long) principal * 8 + permission;
                    if (!contains(onThisResource, made, key)) {
                        onThisResource[made++] = key;
                        grant(resource, principal, permission);
                    }
                }
            }
        }

        private static boolean contains(long[] values, int count, long value) {
            for (int i = 0; i < count; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private void addOrdinaryMemberships(Pairs list) {
            int[] chosen = new int[4];
            for (int user = 1; user <= ordinaryUsers; user++) {
                int wanted = random.nextInt(5);
                int made = 0;
                while (made < wanted) {
                    int group = randomOrdinaryGroup();
                    if (!contains(chosen, made, group)) {
                        chosen[made++] = group;
                        list.add(group, user);
                    }
                }
            }
        }

        private static boolean contains(int[] values, int count, int value) {
            for (int i = 0; i < count; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private int randomOrdinaryGroup() {
            return CHECKER_GROUP + 1 + random.nextInt(groupCount - CHECKER_GROUP);
        }

        private int randomOrdinaryGroupOtherThan(int group) {
            while (true) {
                int other = randomOrdinaryGroup();
                if (other != group || groupCount - CHECKER_GROUP == 1) {
                    return other;
                }
            }
        }

        /** The depth-2 node of the forest with the deepest branch below it (not a move parent). */
        private int pickCheckerAnchor(int[] moveParents) {
            int[] deepestBelow = depth.clone();
            for (int node = forestSize; node >= 1; node--) {
                deepestBelow[parent[node]] = Math.max(deepestBelow[parent[node]], deepestBelow[node]);
            }
            int best = 0;
            for (int node = 1; node <= forestSize; node++) {
                if (depth[node] == 2 && node != moveParents[0] && node != moveParents[1]
                        && (best == 0 || deepestBelow[node] > deepestBelow[best])) {
                    best = node;
                }
            }
            return best;
        }

        private int deepestUnder(int anchor) {
            int deepest = anchor;
            for (int node = anchor + 1; node <= forestSize; node++) {
                if (depth[node] > depth[deepest] && isUnder(node, anchor)) {
                    deepest = node;
                }
            }
            return deepest;
        }

        private boolean isUnder(int node, int ancestor) {
            for (int current = node; current != 0; current = parent[current]) {
                if (current == ancestor) {
                    return true;
                }
            }
            return false;
        }

        private List<Integer> checkAllResources(int anchor) {
            var under = new IntList();
            for (int node = anchor; node <= forestSize; node++) {
                if (isUnder(node, anchor)) {
                    under.add(node);
                }
            }
            var chosen = new LinkedHashSet<Integer>();
            while (chosen.size() < Math.min(CHECK_ALL_SIZE / 2, under.size())) {
                chosen.add(under.get(random.nextInt(under.size())));
            }
            while (chosen.size() < CHECK_ALL_SIZE) {
                chosen.add(1 + random.nextInt(forestSize));
            }
            return List.copyOf(chosen);
        }

        /** A few forest nodes whose subtrees are small, none inside another. */
        private Set<Integer> pickNarrowRoots(int[] subtreeSizes) {
            int smallest = size == DataSize.S ? 5 : 20;
            int largest = size == DataSize.S ? 60 : 200;
            var roots = new LinkedHashSet<Integer>();
            while (roots.size() < NARROW_SUBTREES) {
                int candidate = 1 + random.nextInt(forestSize);
                if (subtreeSizes[candidate] >= smallest && subtreeSizes[candidate] <= largest
                        && roots.stream().noneMatch(root -> isUnder(candidate, root) || isUnder(root, candidate))) {
                    roots.add(candidate);
                }
            }
            return roots;
        }

        /** @return in ascending order, every resource at or under one of {@code roots} */
        private int[] resourcesUnderAny(Set<Integer> roots) {
            var found = new IntList();
            for (int node = 1; node <= resourceCount; node++) {
                for (int current = node; current != 0; current = parent[current]) {
                    if (roots.contains(current)) {
                        found.add(node);
                        break;
                    }
                }
            }
            return found.toArray();
        }

        private void grant(int resource, int principal, int permission) {
            grantResources.add(resource);
            grantPrincipals.add(principal);
            grantPermissionCodes.add(permission);
        }

        private void deny(int resource, int user) {
            denyResources.add(resource);
            denyUsers.add(user);
        }

        byte[] grantPermissions() {
            int[] codes = grantPermissionCodes.toArray();
            byte[] bytes = new byte[codes.length];
            for (int i = 0; i < codes.length; i++) {
                bytes[i] = (byte) codes[i];
            }
            return bytes;
        }
    }

    /** A growable list of ints, without boxing: the L world has millions of grants. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Two parallel int lists: (group, user) memberships. */
    private static final class Pairs {
        private final IntList first = new IntList();
        private final IntList second = new IntList();

        void add(int a, int b) {
            first.add(a);
            second.add(b);
        }

        int[] first() {
            return first.toArray();
        }

        int[] second() {
            return second.toArray();
        }
    }
}
