package dev.gatehouse.benchmarks;

import dev.gatehouse.schema.Dialect;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.acls.AclPermissionEvaluator;
import org.springframework.security.acls.domain.AclAuthorizationStrategyImpl;
import org.springframework.security.acls.domain.BasePermission;
import org.springframework.security.acls.domain.ConsoleAuditLogger;
import org.springframework.security.acls.domain.DefaultPermissionGrantingStrategy;
import org.springframework.security.acls.domain.ObjectIdentityImpl;
import org.springframework.security.acls.domain.PrincipalSid;
import org.springframework.security.acls.domain.SidRetrievalStrategyImpl;
import org.springframework.security.acls.domain.SpringCacheBasedAclCache;
import org.springframework.security.acls.jdbc.BasicLookupStrategy;
import org.springframework.security.acls.jdbc.JdbcMutableAclService;
import org.springframework.security.acls.model.Acl;
import org.springframework.security.acls.model.AclCache;
import org.springframework.security.acls.model.MutableAcl;
import org.springframework.security.acls.model.NotFoundException;
import org.springframework.security.acls.model.ObjectIdentity;
import org.springframework.security.acls.model.Permission;
import org.springframework.security.acls.model.Sid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security ACL over its own tables ({@link SpringAclTables}) in the same database: {@link
 * JdbcMutableAclService} with {@link BasicLookupStrategy}, checks through {@link AclPermissionEvaluator}, changes in
 * a transaction as Spring requires. With its ACL cache ({@link SpringCacheBasedAclCache} over a
 * {@link ConcurrentMapCache}, unbounded, so every ACL read once stays cached) or without (a cache that keeps
 * nothing, so every question reads the tables).
 *
 * <p>Subjects are {@link Authentication}s named {@code user:7} with one authority per group ({@code group:3}).
 * "Principals unknown" reads the user's groups first, as a {@code UserDetailsService} would, from Gatehouse's
 * memberships table.
 */
final class SpringAclContender implements Contender {
    private static final Permission EDIT = BasePermission.WRITE;
    private static final Permission MANAGE = BasePermission.ADMINISTRATION;
    private static final String ADMINISTRATOR = "ROLE_ADMINISTRATOR";
    private static final Authentication ADMIN = UsernamePasswordAuthenticationToken.authenticated(
            "benchmark-admin", null, List.of(new SimpleGrantedAuthority(ADMINISTRATOR)));

    private final String name;
    private final String where;
    private final World world;
    private final JdbcMutableAclService aclService;
    private final AclPermissionEvaluator evaluator;
    private final SidRetrievalStrategyImpl sidRetrieval = new SidRetrievalStrategyImpl();
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    SpringAclContender(String where, DataSource dataSource, Dialect dialect, World world, boolean cached) {
        this.name = cached ? "spring-acl (cached)" : "spring-acl";
        this.where = where;
        this.world = world;
        var authorization = new AclAuthorizationStrategyImpl(new SimpleGrantedAuthority(ADMINISTRATOR));
        var granting = new DefaultPermissionGrantingStrategy(new ConsoleAuditLogger());
        AclCache cache = cached
                ? new SpringCacheBasedAclCache(new ConcurrentMapCache("acls"), granting, authorization)
                : new NoAclCache();
        var lookup = new BasicLookupStrategy(dataSource, cache, authorization, granting);
        lookup.setAclClassIdSupported(true);
        this.aclService = new JdbcMutableAclService(dataSource, lookup, cache);
        aclService.setAclClassIdSupported(true);
        if (dialect == Dialect.POSTGRESQL) {
            // as Spring's reference documentation says for PostgreSQL
            aclService.setClassIdentityQuery("select currval(pg_get_serial_sequence('acl_class', 'id'))");
            aclService.setSidIdentityQuery("select currval(pg_get_serial_sequence('acl_sid', 'id'))");
        }
        this.evaluator = new AclPermissionEvaluator(aclService);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public Answer prepare(Task task) {
        var landmarks = world.landmarks();
        long checked = landmarks.checkedResource();
        return switch (task.operation()) {
            case FLOOR -> Contender.notAnswered("the floor is plain JDBC");
            case CHECK_KNOWN -> {
                var checker = knownAuthentication(landmarks.checker());
                yield Contender.ready(() -> hasPermission(checker, checked));
            }
            case CHECK_UNKNOWN -> {
                int checker = landmarks.checker();
                yield Contender.ready(() -> hasPermission(authenticationFromDatabase(checker), checked));
            }
            case CHECK_ALL -> {
                var checker = knownAuthentication(landmarks.checker());
                var resources = landmarks.checkAllResources().stream().map(SpringAclContender::identity).toList();
                yield Contender.ready(() -> checkAll(checker, resources));
            }
            case FIRST_PAGE_NARROW, DEEP_PAGE_NARROW, FIRST_PAGE_BROAD, DEEP_PAGE_BROAD, COUNT_BROAD ->
                    Contender.notAnswered("Spring Security ACL has no query for the objects a subject may access: "
                            + "applications filter candidates with @PostFilter, one ACL lookup per object");
            case WHO_CAN -> Contender.notAnswered(
                    "Spring Security ACL has no query for the sids holding a permission on an object");
            case SIGN_IN -> Contender.notAnswered("signing in is not part of Spring Security ACL");
            case GRANT -> Contender.ready(new Granting());
            case REVOKE -> Contender.ready(new Revoking());
            case MOVE_SUBTREE -> Contender.ready(new Moving());
            case CHECK_AT_DEPTH -> {
                var checker = knownAuthentication(landmarks.checker());
                long node = landmarks.spineAtDepth().get(task.point());
                yield Contender.ready(() -> hasPermission(checker, node));
            }
            case CHECK_WITH_GROUPS -> {
                var user = knownAuthentication(landmarks.groupAxisUsers().get(task.point()));
                yield Contender.ready(() -> hasPermission(user, checked));
            }
        };
    }

    private boolean hasPermission(Authentication subject, long resource) {
        return evaluator.hasPermission(subject, resource, SpringAclTables.RESOURCE_CLASS, EDIT);
    }

    /** Spring's batch read: all ACLs (and their parents) in as few queries as its batch size allows. */
    private long checkAll(Authentication subject, List<ObjectIdentity> resources) {
        List<Sid> sids = sidRetrieval.getSids(subject);
        Map<ObjectIdentity, Acl> acls = aclService.readAclsById(resources, sids);
        long granted = 0;
        for (var resource : resources) {
            try {
                if (acls.get(resource).isGranted(List.of(EDIT), sids, false)) {
                    granted++;
                }
            } catch (NotFoundException noMatchingEntry) {
                // Spring's way of saying "no ACE decides": denied
            }
        }
        return granted;
    }

    private Authentication knownAuthentication(int user) {
        return authentication(user, world.groupsOf(user).stream().map(Long::valueOf).toList());
    }

    private Authentication authenticationFromDatabase(int user) {
        return authentication(user,
                jdbc.queryForList("SELECT group_id FROM gatehouse_memberships WHERE user_id = ?", Long.class, user));
    }

    private static Authentication authentication(int user, List<Long> groups) {
        var authorities = groups.stream()
                .map(group -> new SimpleGrantedAuthority(World.principalKey(-Math.toIntExact(group))))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(World.principalKey(user), null, authorities);
    }

    private static ObjectIdentity identity(long resource) {
        return new ObjectIdentityImpl(SpringAclTables.RESOURCE_CLASS, (Serializable) resource);
    }

    /** Adds an ACE to a resource's ACL and saves it, in one transaction, as Spring's documentation shows. */
    private void addEntry(FreshGrants.Pair pair) {
        SecurityContextHolder.getContext().setAuthentication(ADMIN);
        transactions.executeWithoutResult(status -> {
            var acl = (MutableAcl) aclService.readAclById(identity(pair.resource()));
            acl.insertAce(acl.getEntries().size(), MANAGE, new PrincipalSid(World.principalKey(pair.user())), true);
            aclService.updateAcl(acl);
        });
    }

    private void removeEntry(FreshGrants.Pair pair) {
        SecurityContextHolder.getContext().setAuthentication(ADMIN);
        var sid = new PrincipalSid(World.principalKey(pair.user()));
        transactions.executeWithoutResult(status -> {
            var acl = (MutableAcl) aclService.readAclById(identity(pair.resource()));
            var entries = acl.getEntries();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getSid().equals(sid) && entries.get(i).getPermission().equals(MANAGE)) {
                    acl.deleteAce(i);
                    aclService.updateAcl(acl);
                    return;
                }
            }
            throw new IllegalStateException("no ACE of " + sid + " on resource " + pair.resource());
        });
    }

    private final class Granting implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<FreshGrants.Pair> granted = new ArrayDeque<>();

        @Override
        public Object run() {
            var pair = fresh.next();
            addEntry(pair);
            granted.add(pair);
            return pair;
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                removeEntry(granted.poll());
            }
        }
    }

    private final class Revoking implements Workload {
        private final FreshGrants fresh = new FreshGrants(world);
        private final ArrayDeque<FreshGrants.Pair> granted = new ArrayDeque<>();

        @Override
        public void beforeBatch(int calls) {
            for (int i = 0; i < calls; i++) {
                var pair = fresh.next();
                addEntry(pair);
                granted.add(pair);
            }
        }

        @Override
        public Object run() {
            var pair = granted.poll();
            if (pair == null) {
                throw new IllegalStateException("more revokes than grants prepared for the batch");
            }
            removeEntry(pair);
            return pair;
        }

        @Override
        public void afterBatch() {
            while (!granted.isEmpty()) {
                removeEntry(granted.poll());
            }
        }
    }

    /** Re-parents the subtree's root ACL between the two parents. */
    private final class Moving implements Workload {
        private final ObjectIdentity subtree = identity(world.landmarks().movedSubtreeRoot());
        private final ObjectIdentity parentA = identity(world.landmarks().moveParentA());
        private final ObjectIdentity parentB = identity(world.landmarks().moveParentB());
        private ObjectIdentity parent = aclService.readAclById(subtree).getParentAcl().getObjectIdentity();

        @Override
        public Object run() {
            parent = parent.equals(parentA) ? parentB : parentA;
            SecurityContextHolder.getContext().setAuthentication(ADMIN);
            var target = parent;
            transactions.executeWithoutResult(status -> {
                var acl = (MutableAcl) aclService.readAclById(subtree);
                acl.setParent(aclService.readAclById(target));
                aclService.updateAcl(acl);
            });
            return target;
        }
    }
}
