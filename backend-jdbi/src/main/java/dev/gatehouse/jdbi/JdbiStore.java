package dev.gatehouse.jdbi;

import dev.gatehouse.internal.Checks;
import dev.gatehouse.jdbi.internal.Database;
import dev.gatehouse.jdbi.internal.JdbiAccessQueries;
import dev.gatehouse.jdbi.internal.JdbiGroups;
import dev.gatehouse.jdbi.internal.JdbiIdentities;
import dev.gatehouse.jdbi.internal.JdbiPermissions;
import dev.gatehouse.jdbi.internal.JdbiResources;
import dev.gatehouse.jdbi.internal.JdbiUsers;
import dev.gatehouse.jdbi.internal.SqlDialect;
import dev.gatehouse.schema.Dialect;
import dev.gatehouse.schema.MigrationException;
import dev.gatehouse.spi.AccessQueries;
import dev.gatehouse.spi.Capability;
import dev.gatehouse.spi.GatehouseStore;
import dev.gatehouse.spi.GroupStore;
import dev.gatehouse.spi.IdentityStore;
import dev.gatehouse.spi.PermissionStore;
import dev.gatehouse.spi.ResourceStore;
import dev.gatehouse.spi.UserStore;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;

/**
 * A Gatehouse store on Jdbi 3, over the tables {@link dev.gatehouse.schema.Migrations} creates (H2, PostgreSQL,
 * MariaDB/MySQL):
 *
 * <pre>{@code
 * Migrations.migrate(dataSource);
 * Jdbi jdbi = Jdbi.create(dataSource);
 * Gatehouse gatehouse = Gatehouse.builder(JdbiStore.builder(jdbi).build()).build();
 * }</pre>
 *
 * <p><b>Transactions.</b> The store works on the handle Jdbi keeps for the current thread, so a call made inside
 * {@code jdbi.useTransaction(handle -> …)} (or {@code inTransaction}, {@code useHandle}, {@code withHandle}, an
 * on-demand SQL Object) joins that transaction and commits or rolls back with it. For a handle opened with
 * {@code jdbi.open()}, which Jdbi does not keep for the thread, use {@link #on(Handle)}. Inside a transaction each
 * write runs in a savepoint: a write that fails leaves the rest of the transaction as it was, and usable. Outside
 * one, each write is a transaction of its own, tried again if the database aborts it for a deadlock.
 *
 * <p><b>Statements.</b> A check is one statement once the subject's principals are known, resolving them one more;
 * a page of accessible resources two. Writes that span several rows are atomic; tree writes lock the roots of the
 * trees they change, so orderings stay dense and the tree acyclic under concurrency. Violated constraints come out
 * as Gatehouse's exceptions ({@code DuplicateGrantException}, {@code UserNameTakenException}, {@code NoSuch…}),
 * other database failures as Jdbi's.
 *
 * <p>The store declares every {@link Capability}. Thread-safe; a store made by {@link #on(Handle)} is as
 * thread-safe as its handle (that is, use it on the handle's thread).
 */
public final class JdbiStore implements GatehouseStore {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.allOf(Capability.class));

    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final UserStore users;
    private final GroupStore groups;
    private final ResourceStore resources;
    private final PermissionStore permissions;
    private final IdentityStore identities;
    private final AccessQueries access;

    private JdbiStore(Jdbi jdbi, @Nullable Handle handle, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        var database = new Database(jdbi, handle, dialect);
        var jdbiUsers = new JdbiUsers(database);
        this.users = jdbiUsers;
        this.groups = new JdbiGroups(database, jdbiUsers);
        this.resources = new JdbiResources(database);
        this.permissions = new JdbiPermissions(database);
        this.identities = new JdbiIdentities(database);
        this.access = new JdbiAccessQueries(database);
    }

    /**
     * @param jdbi the application's Jdbi, over a database migrated with {@link dev.gatehouse.schema.Migrations}
     * @return a builder for a store on it
     */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(Checks.notNull(jdbi, "jdbi"));
    }

    /**
     * @param handle a handle of this store's Jdbi, e.g. from {@code jdbi.open()}
     * @return this store working on {@code handle}: inside the handle's transaction when it is in one (each write in
     *     a savepoint), else each write in a transaction of its own on that handle
     */
    public JdbiStore on(Handle handle) {
        Checks.notNull(handle, "handle");
        return new JdbiStore(jdbi, handle, dialect);
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

    /** @return every capability: attributes, explicit ACLs and external identities all have their tables */
    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Builds a {@link JdbiStore}. Not thread-safe; the store it builds is. */
    public static final class Builder {
        private final Jdbi jdbi;
        private @Nullable Dialect dialect;

        private Builder(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        /**
         * @param databaseDialect the database's dialect; by default it is read from a connection's metadata when
         *     the store is built
         * @return this builder
         */
        public Builder dialect(Dialect databaseDialect) {
            this.dialect = Checks.notNull(databaseDialect, "dialect");
            return this;
        }

        /**
         * Installs Jdbi's {@link SqlObjectPlugin} on the Jdbi (if it is not there yet) and builds the store. Build it
         * before opening the handles you will pass to {@link JdbiStore#on(Handle)}: a handle takes its configuration
         * from the Jdbi when it is opened.
         *
         * @return the store
         * @throws dev.gatehouse.schema.MigrationException if the dialect is read and the database is not supported
         */
        public JdbiStore build() {
            jdbi.installPlugin(new SqlObjectPlugin());
            return new JdbiStore(jdbi, null, SqlDialect.of(dialect != null ? dialect : detectDialect()));
        }

        private Dialect detectDialect() {
            try {
                return jdbi.withHandle(handle -> Dialect.of(handle.getConnection().getMetaData()));
            } catch (SQLException e) {
                throw new MigrationException("cannot read the database's metadata: " + e.getMessage(), e);
            }
        }
    }
}
