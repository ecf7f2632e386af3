package dev.gatehouse.hibernate;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SharedSessionContract;
import org.jspecify.annotations.Nullable;

/**
 * The fact and candidate queries, each one HQL statement whatever the tree depth or the group count: a
 * {@code union all} of the kinds of row a decision needs, over the closure table, so that a resource's whole lineage
 * comes back in one round trip. The first branch of each union types its columns (Hibernate reads every row with
 * them), hence its casts of {@code null}. Thread-safe.
 */
final class HibernateAccessQueries implements AccessQueries {
    private static final int NODE = 0;
    private static final int ACE = 1;
    private static final int GRANT = 2;
    private static final int ROLE = 3;
    private static final int GLOBAL_GRANT = 4;

    /**
     * The most resources one fact query asks about: each is a bind parameter in four branches, and PostgreSQL takes
     * at most 32767 parameters per statement. Larger batches (a {@code checkAll} of thousands) take one statement
     * per 512 resources.
     */
    private static final int RESOURCES_PER_STATEMENT = 512;

    private static final int USER = 0;
    private static final int MEMBERSHIP = 1;
    private static final int OWN_ROLE = 2;
    private static final int GROUP_ROLE = 3;

    private final Sessions sessions;
    private final Mapping mapping;

    private final String subjectFacts;
    private final String lineages;
    private final String lineageFacts;
    private final String globalGrants;
    private final String candidateUsers;
    /** The HQL of each template for each padded length of its lists. */
    private final Map<String, String> byShape = new ConcurrentHashMap<>();

    HibernateAccessQueries(Sessions sessions, Mapping mapping) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.subjectFacts = mapping.hql("""
                select 0, u.id, cast(null as Long), u.status, cast(null as String) from {User} u
                where u.id in ({users})
                union all
                select 1, m.userId, m.groupId, null, null from GatehouseMembership m
                where m.userId in ({users})
                union all
                select 2, x.userId, null, null, x.roleName from GatehouseRoleAssignment x
                where x.userId in ({users}) and x.resourceId is null
                union all
                select 3, m.userId, m.groupId, null, x.roleName
                from GatehouseMembership m join GatehouseRoleAssignment x on x.groupId = m.groupId
                where m.userId in ({users}) and x.resourceId is null""");
        var nodes = """
                select 0, a.descendantId, a.depth, n.id, cast(null as String), n.type, cast(null as String), 0,
                       n.ownerUserId, n.ownerGroupId, n.inherit
                from GatehouseResourceAncestor a join {Resource} n on n.id = a.ancestorId
                where a.descendantId in ({resources})""";
        this.lineages = mapping.hql(nodes);
        this.lineageFacts = mapping.hql(nodes + """

                union all
                select 1, a.descendantId, a.depth, e.resourceId, e.principal, p, cast(e.action as String), e.position,
                       null, null, null
                from GatehouseResourceAncestor a join GatehouseAclEntry e on e.resourceId = a.ancestorId
                     join e.permissions p
                where a.descendantId in ({resources}) and e.principal in ({principals})
                union all
                select 2, a.descendantId, a.depth, g.resourceId, g.principal, g.permission, null, 0, null, null, null
                from GatehouseResourceAncestor a join GatehouseGrant g on g.resourceId = a.ancestorId
                where a.descendantId in ({resources}) and g.principal in ({principals})
                union all
                select 3, a.descendantId, a.depth, x.resourceId, x.principal, x.roleName, null, 0, null, null, null
                from GatehouseResourceAncestor a join GatehouseRoleAssignment x on x.resourceId = a.ancestorId
                where a.descendantId in ({resources}) and x.principal in ({principals})
                union all
                select 4, null, 0, null, g.principal, g.permission, null, 0, null, null, null
                from GatehouseGrant g
                where g.resourceId is null and g.principal in ({principals})""");
        this.globalGrants = """
                select g.principal, g.permission from GatehouseGrant g
                where g.resourceId is null and g.principal in ({principals})""";
        this.candidateUsers = mapping.hql("select u.id from {User} u where u.id > :after order by u.id limit :limit");
    }

    // ----------------------------------------------------------------------------------------------------- subjects

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
        var ids = InList.of("users", users.stream().map(UserId::value).distinct().toList());
        var query = shaped(subjectFacts, ids);
        var rows = sessions.read(session -> {
            var select = session.createSelectionQuery(query, Object[].class);
            ids.bindTo(select);
            return select.getResultList();
        });
        var statuses = new HashMap<Long, UserStatus>();
        var groups = new HashMap<Long, Set<GroupId>>();
        var ownRoles = new HashMap<Long, Set<String>>();
        var groupRoles = new HashMap<Long, Set<String>>();
        for (var row : rows) {
            long user = (Long) row[1];
            switch ((Integer) row[0]) {
                case USER -> statuses.put(user, (UserStatus) row[3]);
                case MEMBERSHIP -> groups.computeIfAbsent(user, id -> new HashSet<>()).add(GroupId.of((Long) row[2]));
                case OWN_ROLE -> ownRoles.computeIfAbsent(user, id -> new HashSet<>()).add((String) row[4]);
                case GROUP_ROLE -> groupRoles.computeIfAbsent(user, id -> new HashSet<>()).add((String) row[4]);
                default -> throw new IllegalStateException("unknown row kind " + row[0]);
            }
        }
        var facts = new HashMap<UserId, SubjectFacts>();
        statuses.forEach((user, status) -> facts.put(UserId.of(user), new SubjectFacts(UserId.of(user), status,
                groups.getOrDefault(user, Set.of()), ownRoles.getOrDefault(user, Set.of()),
                groupRoles.getOrDefault(user, Set.of()))));
        return Map.copyOf(facts);
    }

    // -------------------------------------------------------------------------------------------------------- facts

    @Override
    public AccessFacts accessFacts(Set<Principal> principals, Set<ResourceId> resources) {
        Checks.notNull(principals, "principals");
        Checks.notNull(resources, "resources");
        if (resources.isEmpty() && principals.isEmpty()) {
            return new AccessFacts(List.of(), Map.of());
        }
        var keys = principals.isEmpty() ? null : InList.of("principals", HibernatePermissions.keys(principals));
        if (resources.isEmpty()) {
            var query = shaped(globalGrants, keys);
            var grants = sessions.read(session -> {
                var select = session.createSelectionQuery(query, Object[].class);
                keys.bindTo(select);
                return select.getResultList();
            });
            return new AccessFacts(grants.stream()
                    .map(row -> Grant.global(Principal.parse((String) row[0]), Permission.of((String) row[1])))
                    .toList(), Map.of());
        }
        var ids = resources.stream().map(ResourceId::value).toList();
        var rows = sessions.read(session -> factRows(session, ids, keys));
        return assemble(rows);
    }

    /** Runs the fact query once per {@value #RESOURCES_PER_STATEMENT} resources; global grants come with the first. */
    private List<Object[]> factRows(SharedSessionContract session, List<Long> ids, @Nullable InList keys) {
        var rows = new ArrayList<Object[]>();
        for (int from = 0; from < ids.size(); from += RESOURCES_PER_STATEMENT) {
            var chunk = InList.of("resources", ids.subList(from, Math.min(ids.size(), from + RESOURCES_PER_STATEMENT)));
            var query = session.createSelectionQuery(
                    keys == null ? shaped(lineages, chunk) : shaped(lineageFacts, chunk, keys), Object[].class);
            chunk.bindTo(query);
            if (keys != null) {
                keys.bindTo(query);
            }
            for (var row : query.getResultList()) {
                if (from == 0 || (Integer) row[0] != GLOBAL_GRANT) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** @return {@code template} with each list's placeholders in place of its {name}, memoized per padded length */
    private String shaped(String template, InList... lists) {
        var shape = new StringBuilder(template);
        for (var list : lists) {
            shape.append('|').append(list.name()).append(list.paddedSize());
        }
        return byShape.computeIfAbsent(shape.toString(), key -> {
            var hql = template;
            for (var list : lists) {
                hql = hql.replace("{" + list.name() + "}", list.placeholders());
            }
            return hql;
        });
    }

    /** The rows of one lineage node, keyed by depth under their target resource. */
    private static final class Node {
        Object[] node;
        final TreeMap<Integer, List<Object[]>> aceRows = new TreeMap<>();
        final List<Grant> grants = new ArrayList<>();
        final List<RoleAssignment> roles = new ArrayList<>();
    }

    private static AccessFacts assemble(List<Object[]> rows) {
        var globalGrants = new ArrayList<Grant>();
        var byTarget = new LinkedHashMap<Long, TreeMap<Integer, Node>>();
        for (var row : rows) {
            int kind = (Integer) row[0];
            if (kind == GLOBAL_GRANT) {
                globalGrants.add(Grant.global(Principal.parse((String) row[4]), Permission.of((String) row[5])));
                continue;
            }
            var node = byTarget.computeIfAbsent((Long) row[1], target -> new TreeMap<>())
                    .computeIfAbsent((Integer) row[2], depth -> new Node());
            var on = Optional.of(ResourceId.of((Long) row[3]));
            switch (kind) {
                case NODE -> node.node = row;
                case ACE -> node.aceRows.computeIfAbsent((Integer) row[7], position -> new ArrayList<>()).add(row);
                case GRANT -> node.grants.add(new Grant(Principal.parse((String) row[4]),
                        Permission.of((String) row[5]), on));
                case ROLE -> node.roles.add(new RoleAssignment(Principal.parse((String) row[4]), (String) row[5], on));
                default -> throw new IllegalStateException("unknown row kind " + kind);
            }
        }
        var lineages = new HashMap<ResourceId, List<NodeFacts>>();
        byTarget.forEach((target, nodes) -> {
            var lineage = new ArrayList<NodeFacts>();
            nodes.values().forEach(node -> lineage.add(nodeFacts(node)));
            lineages.put(ResourceId.of(target), lineage);
        });
        return new AccessFacts(globalGrants, lineages);
    }

    private static NodeFacts nodeFacts(Node node) {
        var row = node.node;
        var aces = new ArrayList<Ace>();
        node.aceRows.values().forEach(entry -> {
            var permissions = new LinkedHashSet<Permission>();
            entry.forEach(permission -> permissions.add(Permission.of((String) permission[5])));
            var first = entry.get(0);
            aces.add(new Ace(Action.valueOf((String) first[6]), Principal.parse((String) first[4]), permissions));
        });
        return new NodeFacts(ResourceId.of((Long) row[3]), (String) row[5], (Boolean) row[10],
                Optional.ofNullable((Long) row[8]).map(UserId::of), Optional.ofNullable((Long) row[9]).map(GroupId::of),
                aces, node.grants, node.roles);
    }

    // --------------------------------------------------------------------------------------------------- candidates

    @Override
    public List<ResourceId> candidates(CandidateQuery query) {
        Checks.notNull(query, "query");
        var candidates = new CandidateHql(mapping, query);
        return sessions.read(session -> candidates.run(session)).stream().map(ResourceId::of).toList();
    }

    @Override
    public List<UserId> candidateUsers(ResourceId resource, long afterId, int limit) {
        Checks.notNull(resource, "resource");
        Checks.positive(limit, "limit");
        return sessions.read(session -> session.createSelectionQuery(candidateUsers, Long.class)
                .setParameter("after", afterId).setParameter("limit", limit).getResultList())
                .stream().map(UserId::of).toList();
    }
}
