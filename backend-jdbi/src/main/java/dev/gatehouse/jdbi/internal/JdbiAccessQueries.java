package dev.gatehouse.jdbi.internal;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.model.Ace;
import dev.gatehouse.model.Action;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Principal;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.model.RoleAssignment;
import dev.gatehouse.model.UserId;
import dev.gatehouse.model.UserStatus;
import dev.gatehouse.spi.AccessFacts;
import dev.gatehouse.spi.AccessQueries;
import dev.gatehouse.spi.CandidateQuery;
import dev.gatehouse.spi.NodeFacts;
import dev.gatehouse.spi.SubjectFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.EmptyHandling;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The fact and candidate queries decisions are made from, each one SQL statement whatever the tree depth or the
 * number of groups. The tree is read through the closure table: a lineage is {@code WHERE descendant_id = ?}, a
 * subtree {@code WHERE ancestor_id = ?}. Principals are bound as their canonical keys ({@code user:7},
 * {@code group:3}, …), the one column every grant, role assignment and ACL entry stores. Thread-safe.
 */
public final class JdbiAccessQueries implements AccessQueries {
    /** The kinds of row {@link #ACCESS_FACTS} returns, in the order they sort within one lineage node. */
    private static final int NODE = 0;
    private static final int ACE = 1;
    private static final int GRANT = 2;
    private static final int ROLE = 3;
    private static final int GLOBAL_GRANT = 4;

    /**
     * For every resource asked about ({@code target}): each node of its lineage ({@code depth} 0 is the resource
     * itself) with its type, inherit flag and owners; the node's explicit ACL entries, one row per permission; its
     * grants; its role assignments; and, once, the global grants. Only the rows of the principals asked about.
     */
    private static final String ACCESS_FACTS = """
            SELECT 0 AS kind, a.descendant_id AS target, a.depth AS depth, n.id AS node, n.type AS type,
                   n.inherit AS inherit, n.owner_user_id AS owner_user_id, n.owner_group_id AS owner_group_id,
                   NULL AS principal, NULL AS name, NULL AS action, 0 AS position
              FROM gatehouse_resource_ancestors a
              JOIN gatehouse_resources n ON n.id = a.ancestor_id
             WHERE a.descendant_id IN (<resources>)
            UNION ALL
            SELECT 1, a.descendant_id, a.depth, e.resource_id, NULL, NULL, NULL, NULL,
                   e.principal, p.permission, e.action, e.position
              FROM gatehouse_resource_ancestors a
              JOIN gatehouse_acl_entries e ON e.resource_id = a.ancestor_id
              JOIN gatehouse_acl_entry_permissions p ON p.entry_id = e.id
             WHERE a.descendant_id IN (<resources>) AND e.principal IN (<principals>)
            UNION ALL
            SELECT 2, a.descendant_id, a.depth, g.resource_id, NULL, NULL, NULL, NULL,
                   g.principal, g.permission, NULL, 0
              FROM gatehouse_resource_ancestors a
              JOIN gatehouse_grants g ON g.resource_id = a.ancestor_id
             WHERE a.descendant_id IN (<resources>) AND g.principal IN (<principals>)
            UNION ALL
            SELECT 3, a.descendant_id, a.depth, x.resource_id, NULL, NULL, NULL, NULL,
                   x.principal, x.role_name, NULL, 0
              FROM gatehouse_resource_ancestors a
              JOIN gatehouse_role_assignments x ON x.resource_id = a.ancestor_id
             WHERE a.descendant_id IN (<resources>) AND x.principal IN (<principals>)
            UNION ALL
            SELECT 4, NULL, 0, NULL, NULL, NULL, NULL, NULL,
                   g.principal, g.permission, NULL, 0
              FROM gatehouse_grants g
             WHERE g.resource_id IS NULL AND g.principal IN (<principals>)
             ORDER BY target, depth, kind, position""";

    /** For each user: its status, each of its groups, its own global roles, and the global roles of its groups. */
    private static final String SUBJECT_FACTS = """
            SELECT u.id AS user_id, 0 AS kind, u.status AS name, NULL AS group_id
              FROM gatehouse_users u
             WHERE u.id IN (<users>)
            UNION ALL
            SELECT m.user_id, 1, NULL, m.group_id
              FROM gatehouse_memberships m
             WHERE m.user_id IN (<users>)
            UNION ALL
            SELECT x.user_id, 2, x.role_name, NULL
              FROM gatehouse_role_assignments x
             WHERE x.user_id IN (<users>) AND x.resource_id IS NULL
            UNION ALL
            SELECT m.user_id, 3, x.role_name, NULL
              FROM gatehouse_memberships m
              JOIN gatehouse_role_assignments x ON x.group_id = m.group_id
             WHERE m.user_id IN (<users>) AND x.resource_id IS NULL""";

    private final Database database;

    public JdbiAccessQueries(Database database) {
        this.database = database;
    }

    @Override
    public Optional<SubjectFacts> subjectFacts(UserId user) {
        Checks.notNull(user, "user");
        return Optional.ofNullable(subjectFacts(List.of(user)).get(user));
    }

    @Override
    public Map<UserId, SubjectFacts> subjectFacts(Collection<UserId> users) {
        Checks.notNull(users, "users");
        if (users.isEmpty()) {
            return Map.of();
        }
        return database.read(handle -> handle.createQuery(SUBJECT_FACTS)
                .bindList("users", users.stream().map(UserId::value).distinct().toList())
                .reduceResultSet(new SubjectRows(), SubjectRows::add)
                .toFacts());
    }

    @Override
    public AccessFacts accessFacts(Set<Principal> principals, Set<ResourceId> resources) {
        Checks.notNull(principals, "principals");
        Checks.notNull(resources, "resources");
        return database.read(handle -> handle.createQuery(ACCESS_FACTS)
                .bindList(EmptyHandling.NULL_KEYWORD, "resources", resources.stream().map(ResourceId::value).toList())
                .bindList(EmptyHandling.NULL_KEYWORD, "principals", principals.stream().map(Principal::key).toList())
                .reduceResultSet(new FactRows(), FactRows::add)
                .toFacts());
    }

    @Override
    public List<ResourceId> candidates(CandidateQuery query) {
        Checks.notNull(query, "query");
        var candidates = new Candidates(query);
        return database.read(handle -> candidates.bind(handle.createQuery(candidates.sql()))
                .mapTo(Long.class)
                .map(ResourceId::of)
                .list());
    }

    @Override
    public List<UserId> candidateUsers(ResourceId resource, long afterId, int limit) {
        Checks.positive(limit, "limit");
        return database.read(handle -> handle
                .createQuery("SELECT id FROM gatehouse_users WHERE id > :afterId ORDER BY id LIMIT :limit")
                .bind("afterId", afterId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .map(UserId::of)
                .list());
    }

    /** The rows of {@link #SUBJECT_FACTS}, folded per user. */
    private static final class SubjectRows {
        private final Map<Long, UserStatus> status = new HashMap<>();
        private final Map<Long, Set<GroupId>> groups = new HashMap<>();
        private final Map<Long, Set<String>> ownRoles = new HashMap<>();
        private final Map<Long, Set<String>> groupRoles = new HashMap<>();

        SubjectRows add(ResultSet row, StatementContext context) throws SQLException {
            long user = row.getLong("user_id");
            switch (row.getInt("kind")) {
                case 0 -> status.put(user, UserStatus.valueOf(row.getString("name")));
                case 1 -> groups.computeIfAbsent(user, id -> new HashSet<>()).add(GroupId.of(row.getLong("group_id")));
                case 2 -> ownRoles.computeIfAbsent(user, id -> new HashSet<>()).add(row.getString("name"));
                default -> groupRoles.computeIfAbsent(user, id -> new HashSet<>()).add(row.getString("name"));
            }
            return this;
        }

        /** @return the facts of every user that exists (a user without a status row does not) */
        Map<UserId, SubjectFacts> toFacts() {
            var facts = new HashMap<UserId, SubjectFacts>();
            status.forEach((user, userStatus) -> facts.put(UserId.of(user), new SubjectFacts(UserId.of(user),
                    userStatus, groups.getOrDefault(user, Set.of()), ownRoles.getOrDefault(user, Set.of()),
                    groupRoles.getOrDefault(user, Set.of()))));
            return Map.copyOf(facts);
        }
    }

    /** The rows of {@link #ACCESS_FACTS}, folded into lineages and global grants. */
    private static final class FactRows {
        private final Map<Long, TreeMap<Integer, NodeRows>> lineages = new HashMap<>();
        private final List<Grant> globalGrants = new ArrayList<>();

        FactRows add(ResultSet row, StatementContext context) throws SQLException {
            int kind = row.getInt("kind");
            if (kind == GLOBAL_GRANT) {
                globalGrants.add(Grant.global(Principal.parse(row.getString("principal")),
                        Permission.of(row.getString("name"))));
                return this;
            }
            var lineage = lineages.computeIfAbsent(row.getLong("target"), target -> new TreeMap<>());
            int depth = row.getInt("depth");
            if (kind == NODE) {
                lineage.put(depth, new NodeRows(row));
            } else {
                lineage.get(depth).add(kind, row);
            }
            return this;
        }

        AccessFacts toFacts() {
            var facts = new HashMap<ResourceId, List<NodeFacts>>();
            lineages.forEach((target, lineage) ->
                    facts.put(ResourceId.of(target), lineage.values().stream().map(NodeRows::toFacts).toList()));
            return new AccessFacts(globalGrants, facts);
        }
    }

    /** What {@link #ACCESS_FACTS} says about one node of one lineage. */
    private static final class NodeRows {
        private final ResourceId id;
        private final String type;
        private final boolean inherit;
        private final Optional<UserId> ownerUser;
        private final Optional<GroupId> ownerGroup;
        private final TreeMap<Integer, AceRows> aces = new TreeMap<>();
        private final List<Grant> grants = new ArrayList<>();
        private final List<RoleAssignment> roles = new ArrayList<>();

        NodeRows(ResultSet row) throws SQLException {
            this.id = ResourceId.of(row.getLong("node"));
            this.type = row.getString("type");
            this.inherit = row.getBoolean("inherit");
            this.ownerUser = Rows.optionalLong(row, "owner_user_id").map(UserId::of);
            this.ownerGroup = Rows.optionalLong(row, "owner_group_id").map(GroupId::of);
        }

        void add(int kind, ResultSet row) throws SQLException {
            var principal = Principal.parse(row.getString("principal"));
            String name = row.getString("name");
            switch (kind) {
                case ACE -> {
                    var action = Action.valueOf(row.getString("action"));
                    aces.computeIfAbsent(row.getInt("position"), position -> new AceRows(principal, action))
                            .permissions().add(Permission.of(name));
                }
                case GRANT -> grants.add(Grant.on(id, principal, Permission.of(name)));
                case ROLE -> roles.add(RoleAssignment.on(id, principal, name));
                default -> throw new IllegalStateException("unexpected fact kind " + kind);
            }
        }

        NodeFacts toFacts() {
            return new NodeFacts(id, type, inherit, ownerUser, ownerGroup,
                    aces.values().stream().map(AceRows::toAce).toList(), grants, roles);
        }
    }

    /** One explicit ACL entry, read one permission per row. */
    private record AceRows(Principal principal, Action action, Set<Permission> permissions) {
        AceRows(Principal principal, Action action) {
            this(principal, action, new LinkedHashSet<>());
        }

        Ace toAce() {
            return new Ace(action, principal, permissions);
        }
    }

    /**
     * The candidate query of {@link CandidateQuery}, built for one query: the caller's filter narrows the resources;
     * a resource is a candidate when a global grant allows everything, when the base ACL of its type may allow, or
     * when a node of its lineage holds an Allow entry, a grant, a granting role or an ownership of one of the
     * principals, found as the subtrees (closure, ancestor side) under those nodes.
     */
    private static final class Candidates {
        private final CandidateQuery query;
        private final List<String> principals;
        private final List<Long> ownerUsers = new ArrayList<>();
        private final List<Long> ownerGroups = new ArrayList<>();

        Candidates(CandidateQuery query) {
            this.query = query;
            this.principals = query.principals().stream().map(Principal::key).toList();
            if (query.ownersQualify()) {
                for (var principal : query.principals()) {
                    switch (principal) {
                        case Principal.OfUser user -> ownerUsers.add(user.id().value());
                        case Principal.OfGroup group -> ownerGroups.add(group.id().value());
                        default -> { }
                    }
                }
            }
        }

        String sql() {
            var sql = new StringBuilder("SELECT r.id FROM gatehouse_resources r WHERE r.id > :afterId");
            var filter = query.filter();
            if (!filter.types().isEmpty()) {
                sql.append(" AND r.type IN (<filterTypes>)");
            }
            if (!filter.ids().isEmpty()) {
                sql.append(" AND r.id IN (<filterIds>)");
            }
            if (filter.under().isPresent()) {
                sql.append(" AND r.id IN (SELECT u.descendant_id FROM gatehouse_resource_ancestors u"
                        + " WHERE u.ancestor_id = :under)");
            }
            sql.append('\n').append("""
                     AND (EXISTS (SELECT 1 FROM gatehouse_grants g
                                   WHERE g.resource_id IS NULL AND g.permission IN (:permission, 'ALL')
                                     AND g.principal IN (<principals>))
                          OR %s
                          OR r.id IN (
                             SELECT a.descendant_id FROM gatehouse_resource_ancestors a
                              WHERE a.ancestor_id IN (
                                    SELECT g.resource_id FROM gatehouse_grants g
                                     WHERE g.resource_id IS NOT NULL AND g.permission IN (:permission, 'ALL')
                                       AND g.principal IN (<principals>)
                                    UNION ALL
                                    SELECT x.resource_id FROM gatehouse_role_assignments x
                                     WHERE x.resource_id IS NOT NULL AND x.role_name IN (<roles>)
                                       AND x.principal IN (<principals>)
                                    UNION ALL
                                    SELECT e.resource_id FROM gatehouse_acl_entries e
                                      JOIN gatehouse_acl_entry_permissions p ON p.entry_id = e.id
                                     WHERE e.action = 'ALLOW' AND p.permission IN (:permission, 'ALL')
                                       AND e.principal IN (<principals>)
                                    UNION ALL
                                    SELECT o.id FROM gatehouse_resources o
                                     WHERE o.owner_user_id IN (<ownerUsers>) OR o.owner_group_id IN (<ownerGroups>))))
                     ORDER BY r.id
                     LIMIT :limit""".formatted(typeScope()));
            return sql.toString();
        }

        /** @return the condition for resources whose type's base ACL may allow */
        private String typeScope() {
            var scope = query.globallyAllowedTypes();
            if (scope.types().isEmpty()) {
                return scope.complement() ? "1 = 1" : "1 = 0";
            }
            return scope.complement() ? "r.type NOT IN (<scopeTypes>)" : "r.type IN (<scopeTypes>)";
        }

        org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query statement) {
            var filter = query.filter();
            statement.bind("afterId", query.afterId())
                    .bind("permission", query.permission().name())
                    .bind("limit", query.limit())
                    .bindList(EmptyHandling.NULL_KEYWORD, "principals", principals)
                    .bindList(EmptyHandling.NULL_KEYWORD, "roles", List.copyOf(query.rolesGranting()))
                    .bindList(EmptyHandling.NULL_KEYWORD, "ownerUsers", ownerUsers)
                    .bindList(EmptyHandling.NULL_KEYWORD, "ownerGroups", ownerGroups);
            if (!filter.types().isEmpty()) {
                statement.bindList("filterTypes", List.copyOf(filter.types()));
            }
            if (!filter.ids().isEmpty()) {
                statement.bindList("filterIds", filter.ids().stream().map(ResourceId::value).toList());
            }
            filter.under().ifPresent(under -> statement.bind("under", under.value()));
            if (!query.globallyAllowedTypes().types().isEmpty()) {
                statement.bindList("scopeTypes", List.copyOf(query.globallyAllowedTypes().types()));
            }
            return statement;
        }
    }

}
