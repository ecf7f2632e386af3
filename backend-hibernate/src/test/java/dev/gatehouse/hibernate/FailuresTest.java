package dev.gatehouse.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.ConflictException;
import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.EmailTakenException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.UserNameTakenException;
import dev.gatehouse.model.ChildrenPolicy;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.ResourceId;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabase.Kind;
import dev.gatehouse.tck.database.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store checks before it writes, so constraint violations only come from concurrent writers. These tests provoke
 * each violation directly through Hibernate, as a racing transaction would, and check how it is translated.
 */
@DisplayName("Constraint violations translate into Gatehouse's exceptions by constraint name")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class FailuresTest {
    private static final HibernateDatabases DATABASES = new HibernateDatabases(FailuresTest.class,
            Migrations::migrate, dataSource -> GatehouseSessionFactory.builder(dataSource).build());

    @Parameter
    TestDatabase database;

    private SessionFactory sessionFactory;
    private long alice;
    private long staff;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @BeforeEach
    void aliceAndStaff() {
        sessionFactory = DATABASES.emptied(database).sessionFactory();
        alice = write(session -> session.createMutationQuery("""
                insert into GatehouseUser (userName, email, status, registeredAt)
                values ('alice', 'alice@example.org', ACTIVE, :at)""")
                .setParameter("at", Instant.parse("2026-01-01T00:00:00Z")).executeUpdate(), "alice");
        staff = write(session -> session.createMutationQuery("insert into GatehouseGroup (name) values ('staff')")
                .executeUpdate(), "staff");
    }

    private long write(Consumer<Session> insert, String name) {
        sessionFactory.inTransaction(insert);
        return sessionFactory.fromSession(session -> session.createSelectionQuery(
                "select coalesce((select u.id from GatehouseUser u where u.userName = :name), "
                        + "(select g.id from GatehouseGroup g where g.name = :name))", Long.class)
                .setParameter("name", name).getSingleResult());
    }

    /** @return what the store would throw for this write */
    private Throwable translated(Consumer<Session> write) {
        var thrown = catchThrowable(() -> sessionFactory.inTransaction(write));
        assertThat(thrown).as("the database refuses the write").isInstanceOf(RuntimeException.class);
        return Failures.translate((RuntimeException) thrown);
    }

    @Test
    @DisplayName("unique names and emails: UserNameTakenException, EmailTakenException, GroupNameTakenException")
    void uniqueNames() {
        assertThat(translated(session -> session.createMutationQuery("""
                insert into GatehouseUser (userName, status, registeredAt) values ('ALICE', ACTIVE, :at)""")
                .setParameter("at", Instant.EPOCH).executeUpdate())).isInstanceOf(UserNameTakenException.class);
        assertThat(translated(session -> session.createMutationQuery("""
                insert into GatehouseUser (userName, email, status, registeredAt)
                values ('bob', 'Alice@Example.org', ACTIVE, :at)""")
                .setParameter("at", Instant.EPOCH).executeUpdate())).isInstanceOf(EmailTakenException.class);
        assertThat(translated(session -> session.createMutationQuery(
                "insert into GatehouseGroup (name) values ('Staff')").executeUpdate()))
                .isInstanceOf(GroupNameTakenException.class);
    }

    @Test
    @DisplayName("duplicates: DuplicateGrantException for grants and roles, DuplicateIdentityException")
    void duplicates() {
        var grant = "insert into GatehouseGrant (principal, permission) values ('user:" + alice + "', 'edit')";
        sessionFactory.inTransaction(session -> session.createMutationQuery(grant).executeUpdate());
        var role = "insert into GatehouseRoleAssignment (principal, roleName) values ('group:" + staff + "', 'editor')";
        sessionFactory.inTransaction(session -> session.createMutationQuery(role).executeUpdate());
        var identity = "insert into GatehouseExternalIdentity (provider, externalId, userId) values ('github', 'a', "
                + alice + ")";
        sessionFactory.inTransaction(session -> session.createMutationQuery(identity).executeUpdate());

        assertThat(translated(session -> session.createMutationQuery(grant).executeUpdate()))
                .as("a global grant, unique through resource_key").isInstanceOf(DuplicateGrantException.class);
        assertThat(translated(session -> session.createMutationQuery(role).executeUpdate()))
                .isInstanceOf(DuplicateGrantException.class);
        assertThat(translated(session -> session.createMutationQuery(identity).executeUpdate()))
                .isInstanceOf(DuplicateIdentityException.class);
    }

    @Test
    @DisplayName("a duplicate membership: DuplicateMembershipException (MariaDB names every primary key PRIMARY)")
    void duplicateMembership() {
        var membership = "insert into GatehouseMembership (groupId, userId) values (" + staff + ", " + alice + ")";
        sessionFactory.inTransaction(session -> session.createMutationQuery(membership).executeUpdate());

        var thrown = translated(session -> session.createMutationQuery(membership).executeUpdate());

        assertThat(thrown).isInstanceOf(database.kind() == Kind.MARIADB
                ? ConflictException.class
                : DuplicateMembershipException.class);
    }

    @Test
    @DisplayName("missing users, groups, resources: NoSuchUserException, NoSuchGroupException, NoSuchResourceException")
    void missingReferences() {
        assertThat(translated(session -> session.createMutationQuery(
                "insert into GatehouseGrant (principal, permission) values ('user:987654', 'edit')").executeUpdate()))
                .isInstanceOf(NoSuchUserException.class);
        assertThat(translated(session -> session.createMutationQuery(
                "insert into GatehouseRoleAssignment (principal, roleName) values ('group:987654', 'viewer')")
                .executeUpdate())).isInstanceOf(NoSuchGroupException.class);
        assertThat(translated(session -> session.createMutationQuery("""
                insert into GatehouseGrant (principal, permission, resourceId)
                values ('user:%d', 'edit', 987654)""".formatted(alice)).executeUpdate()))
                .isInstanceOf(NoSuchResourceException.class);
    }

    @Test
    @DisplayName("a 40-level branch is deleted whole, though InnoDB cascades at most 15 levels")
    void deepBranches() {
        var store = HibernateStore.builder(sessionFactory).build();
        var chain = new ArrayList<ResourceId>();
        for (int level = 0; level < 40; level++) {
            var resource = NewResource.of("level" + level, "folder");
            chain.add(store.resources().create(level == 0 ? resource : resource.under(chain.get(level - 1))).id());
        }

        store.resources().delete(chain.get(20), ChildrenPolicy.REPARENT);
        assertThat(store.resources().pathToRoot(chain.get(39))).hasSize(39);
        store.resources().deleteBranch(chain.get(0));

        assertThat(store.resources().children(Optional.empty())).isEmpty();
        long closureRows = sessionFactory.fromSession(session -> session.createSelectionQuery(
                "select count(*) from GatehouseResourceAncestor", Long.class).getSingleResult());
        assertThat(closureRows).isZero();
    }
}
