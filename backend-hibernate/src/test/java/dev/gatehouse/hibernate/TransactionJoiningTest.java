package dev.gatehouse.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.UserId;
import dev.gatehouse.schema.Migrations;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.internal.ThreadLocalSessionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Joined to the current session, the store takes part in the caller's transaction")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class TransactionJoiningTest {
    private static final Permission EDIT = Permission.of("edit");
    private static final HibernateDatabases DATABASES = new HibernateDatabases(TransactionJoiningTest.class,
            Migrations::migrate, dataSource -> GatehouseSessionFactory.builder(dataSource)
                    .property(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS, "thread")
                    .build());

    @Parameter
    TestDatabase database;

    private SessionFactory sessionFactory;
    private Gatehouse gatehouse;
    /** The same database through a store with sessions of its own: it sees only what was committed. */
    private Gatehouse outside;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @BeforeEach
    void stores() {
        sessionFactory = DATABASES.emptied(database).sessionFactory();
        gatehouse = Gatehouse.builder(HibernateStore.builder(sessionFactory).joinCurrentSession().build())
                .passwordPolicy(PasswordPolicy.forTests()).build();
        outside = Gatehouse.builder(HibernateStore.builder(sessionFactory).build())
                .passwordPolicy(PasswordPolicy.forTests()).build();
    }

    @AfterEach
    void closeTheThreadsSession() {
        var session = ThreadLocalSessionContext.unbind(sessionFactory);
        if (session != null) {
            if (session.getTransaction().isActive()) {
                session.getTransaction().rollback();
            }
            session.close();
        }
    }

    @Test
    @DisplayName("the store's writes roll back with the caller's transaction")
    void rollsBackWithTheCaller() {
        var transaction = sessionFactory.getCurrentSession().beginTransaction();
        var alice = gatehouse.users().create(NewUser.named("alice"));
        var folder = gatehouse.resources().create(NewResource.of("folder", "folder"));
        gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));

        assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, folder.id()))
                .as("the caller's transaction sees its own writes").isTrue();
        assertThat(outside.users().byName("alice")).as("nothing is committed yet").isEmpty();

        transaction.rollback();

        assertThat(outside.users().byName("alice")).isEmpty();
        assertThat(outside.resources().byId(folder.id())).isEmpty();
    }

    @Test
    @DisplayName("the store's writes commit with the caller's transaction, together with the caller's own")
    void commitsWithTheCaller() {
        var transaction = sessionFactory.getCurrentSession().beginTransaction();
        var alice = gatehouse.users().create(NewUser.named("alice"));
        var folder = gatehouse.resources().create(NewResource.of("folder", "folder"));
        gatehouse.permissions().grant(Grant.on(folder.id(), alice.principal(), EDIT));
        sessionFactory.getCurrentSession().find(GatehouseUser.class, alice.id().value());

        transaction.commit();

        assertThat(outside.users().byName("alice")).isPresent();
        assertThat(outside.permissions().check(Subject.user(alice.id()), EDIT, folder.id())).isTrue();
    }

    @Test
    @DisplayName("a duplicate grant is refused without spoiling the caller's session: the transaction still commits")
    void duplicateGrantKeepsTheSessionUsable() {
        var transaction = sessionFactory.getCurrentSession().beginTransaction();
        var alice = gatehouse.users().create(NewUser.named("alice"));
        var folder = gatehouse.resources().create(NewResource.of("folder", "folder"));
        var grant = Grant.on(folder.id(), alice.principal(), EDIT);
        gatehouse.permissions().grant(grant);

        assertThatThrownBy(() -> gatehouse.permissions().grant(grant)).isInstanceOf(DuplicateGrantException.class);
        assertThatThrownBy(() -> gatehouse.permissions().grant(Grant.global(
                dev.gatehouse.model.Principal.user(UserId.of(987_654)), EDIT))).isInstanceOf(NoSuchUserException.class);
        var bob = gatehouse.users().create(NewUser.named("bob"));
        transaction.commit();

        assertThat(outside.permissions().grantsOn(folder.id())).containsExactly(grant);
        assertThat(outside.users().byName("bob")).contains(bob);
    }

    @Test
    @DisplayName("with no transaction open, each call begins and commits its own")
    void withoutATransactionEachCallCommits() {
        var alice = gatehouse.users().create(NewUser.named("alice"));

        assertThat(sessionFactory.getCurrentSession().getTransaction().isActive()).isFalse();
        assertThat(outside.users().byId(alice.id())).contains(alice);
        assertThat(gatehouse.users().byId(alice.id())).contains(alice);
    }
}
