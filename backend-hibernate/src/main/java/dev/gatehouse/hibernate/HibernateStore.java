package dev.gatehouse.hibernate;

import dev.gatehouse.spi.AccessQueries;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.GroupStore;
import dev.gatehouse.spi.IdentityStore;
import dev.gatehouse.spi.PermissionStore;
import dev.gatehouse.spi.ResourceStore;
import dev.gatehouse.spi.UserStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.SessionFactory;

/**
 * Gatehouse's store on Hibernate ORM 7, over the application's {@link SessionFactory}:
 *
 * <pre>{@code
 * GatehouseStore store = HibernateStore.builder(sessionFactory).build();
 * Gatehouse gatehouse = Gatehouse.builder(store).build();
 * }</pre>
 *
 * <p><b>Entities.</b> Users, groups and resources are the entities of {@link GatehouseEntities} (by default
 * {@link GatehouseUser}, {@link GatehouseGroup}, {@link GatehouseResource}); an application maps its own columns on
 * subclasses of {@link GatehouseUserBase} and friends and names them in
 * {@link Builder#entities(GatehouseEntities)}. The tables come from {@code Migrations.migrate}; Hibernate only
 * validates them.
 *
 * <p><b>Sessions and transactions.</b> By default every call runs in a session and transaction of its own, committed
 * before it returns (reads: a stateless session, one statement, no transaction). With
 * {@link Builder#joinCurrentSession()}, every call runs in {@code sessionFactory.getCurrentSession()} (Hibernate's
 * contextual sessions: {@code hibernate.current_session_context_class} of {@code thread}, {@code jta}, or a
 * framework's) and joins the transaction open there: it flushes its writes before returning, so that failures
 * surface in the call, and leaves commit or rollback to the caller; a rejected call has written nothing, so the
 * caller's session stays usable. Without an open transaction, the call begins and commits one.
 *
 * <p><b>Decisions.</b> A check's facts (the lineage with its owners, ACL entries, grants and roles, and the global
 * grants) are one HQL {@code union all} over the closure table: one SQL statement at any depth and group count. The
 * store never decides; core does.
 *
 * <p><b>Concurrency.</b> Writes take pessimistic locks ({@code PESSIMISTIC_WRITE}): tree changes lock the trees they
 * touch, grants and role assignments their holder's row, user and group changes the row itself, so sibling
 * orderings stay dense, moves never make cycles, and duplicates are refused before they reach the database.
 *
 * <p>Declares every {@link Capability}. Thread-safe: the store holds no mutable state, and each call uses its own
 * session unless it joins the calling thread's.
 */
public final class HibernateStore implements GatehouseStore {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.allOf(Capability.class));

    private final UserStore users;
    private final GroupStore groups;
    private final ResourceStore resources;
    private final PermissionStore permissions;
    private final IdentityStore identities;
    private final AccessQueries access;

    private HibernateStore(Builder builder) {
        var mapping = new Mapping(builder.sessionFactory, builder.entities);
        var sessions = new Sessions(builder.sessionFactory, builder.joinCurrentSession);
        var requirements = new Requirements(mapping);
        var hibernateUsers = new HibernateUsers(sessions, mapping, requirements);
        this.users = hibernateUsers;
        this.groups = new HibernateGroups(sessions, mapping, requirements, hibernateUsers);
        this.resources = new HibernateResources(sessions, mapping, requirements, new TreeLocks(mapping));
        this.permissions = new HibernatePermissions(sessions, mapping, requirements);
        this.identities = new HibernateIdentities(sessions, requirements);
        this.access = new HibernateAccessQueries(sessions, mapping);
    }

    /**
     * @param sessionFactory a factory with {@link GatehouseEntities#managedClasses()} registered, as
     *     {@link GatehouseSessionFactory} builds one
     * @return a builder
     */
    public static Builder builder(SessionFactory sessionFactory) {
        return new Builder(Objects.requireNonNull(sessionFactory, "sessionFactory"));
    }

    /**
     * @param entityManagerFactory a Jakarta Persistence factory that Hibernate provides
     * @return a builder over the {@link SessionFactory} it is
     */
    public static Builder builder(EntityManagerFactory entityManagerFactory) {
        Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        return builder(entityManagerFactory.unwrap(SessionFactory.class));
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public GroupStore groups() {
        return groups;
    }

    @Override
    public ResourceStore resources() {
        return resources;
    }

    @Override
    public PermissionStore permissions() {
        return permissions;
    }

    @Override
    public IdentityStore identities() {
        return identities;
    }

    @Override
    public AccessQueries access() {
        return access;
    }

    /** @return every capability */
    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Configures a {@link HibernateStore}. Not thread-safe; the store it builds is. */
    public static final class Builder {
        private final SessionFactory sessionFactory;
        private GatehouseEntities entities = GatehouseEntities.defaults();
        private boolean joinCurrentSession;

        private Builder(SessionFactory sessionFactory) {
            this.sessionFactory = sessionFactory;
        }

        /**
         * @param entities the entities of users, groups and resources; {@link GatehouseEntities#defaults()} if not
         *     called
         */
        public Builder entities(GatehouseEntities entities) {
            this.entities = Objects.requireNonNull(entities, "entities");
            return this;
        }

        /**
         * Runs every call in {@code sessionFactory.getCurrentSession()}, joining the transaction open there (the
         * factory needs a current-session context: {@code hibernate.current_session_context_class}).
         */
        public Builder joinCurrentSession() {
            this.joinCurrentSession = true;
            return this;
        }

        /**
         * @return the store
         * @throws IllegalArgumentException if an entity of {@link GatehouseEntities} is not registered in the factory
         */
        public HibernateStore build() {
            return new HibernateStore(this);
        }
    }
}
