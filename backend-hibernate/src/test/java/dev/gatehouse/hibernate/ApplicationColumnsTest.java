package dev.gatehouse.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.hibernate.app.AppUser;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.security.PasswordPolicy;
import dev.gatehouse.tck.GatehouseCompatibilityKit;
import dev.gatehouse.tck.GroupsKit;
import dev.gatehouse.tck.PasswordsAndCodesKit;
import dev.gatehouse.tck.SignInKit;
import dev.gatehouse.tck.StoreUnderTest;
import dev.gatehouse.tck.UsersKit;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.internal.ThreadLocalSessionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("An application maps its own column on its own user entity")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class ApplicationColumnsTest {
    private static final GatehouseEntities ENTITIES = GatehouseEntities.defaults().withUser(AppUser.class);
    private static final HibernateDatabases DATABASES = new HibernateDatabases(ApplicationColumnsTest.class,
            ApplicationMigrations::migrate,
            dataSource -> GatehouseSessionFactory.builder(dataSource).entities(ENTITIES)
                    .property(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS, "thread").build());

    @Parameter
    TestDatabase database;

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    /** The kit's user-facing areas, run against the store configured with {@link AppUser}. */
    private final GatehouseCompatibilityKit kit = new GatehouseCompatibilityKit() {
        @Override
        protected StoreUnderTest newStore() {
            var prepared = DATABASES.emptied(database);
            return StoreUnderTest.sql(prepared.pool(), counted -> {
                prepared.route().to(counted);
                return HibernateStore.builder(prepared.sessionFactory()).entities(ENTITIES).build();
            });
        }
    };

    @Nested
    @DisplayName("Users and lookups, with AppUser")
    class Users extends UsersKit {
        Users() {
            super(kit);
        }
    }

    @Nested
    @DisplayName("Passwords and security codes, with AppUser")
    class PasswordsAndCodes extends PasswordsAndCodesKit {
        PasswordsAndCodes() {
            super(kit);
        }
    }

    @Nested
    @DisplayName("Groups and their members, with AppUser")
    class Groups extends GroupsKit {
        Groups() {
            super(kit);
        }
    }

    @Nested
    @DisplayName("Sign-in and tickets, with AppUser")
    class SignIn extends SignInKit {
        SignIn() {
            super(kit);
        }
    }

    @Nested
    @DisplayName("The customer number")
    class CustomerNumber {
        private HibernateDatabases.Prepared prepared;
        private Gatehouse gatehouse;

        @BeforeEach
        void emptyStore() {
            prepared = DATABASES.emptied(database);
            gatehouse = Gatehouse.builder(HibernateStore.builder(prepared.sessionFactory()).entities(ENTITIES).build())
                    .passwordPolicy(PasswordPolicy.forTests())
                    .build();
        }

        private AppUser appUser(long id) {
            return prepared.sessionFactory().fromSession(session -> session.createSelectionQuery(
                            "from AppUser u left join fetch u.attributes where u.id = :id", AppUser.class)
                    .setParameter("id", id).getSingleResultOrNull());
        }

        @Test
        @DisplayName("round trips through the application's entity next to the users Gatehouse creates")
        void roundTrips() {
            var alice = gatehouse.users().create(NewUser.named("alice").withAttribute("team", "blue"));

            prepared.sessionFactory().inTransaction(session ->
                    session.find(AppUser.class, alice.id().value()).setCustomerNumber("C-1001"));

            var stored = appUser(alice.id().value());
            assertThat(stored.getCustomerNumber()).isEqualTo("C-1001");
            assertThat(stored.getUserName()).isEqualTo("alice");
            assertThat(stored.getAttributes()).containsEntry("team", "blue");
            assertThat(stored.toUser()).isEqualTo(alice);
            var found = prepared.sessionFactory().fromSession(session -> session.createSelectionQuery(
                            "from AppUser u where u.customerNumber = :number", AppUser.class)
                    .setParameter("number", "C-1001").getSingleResult());
            assertThat(found.getId()).isEqualTo(alice.id().value());
        }

        @Test
        @DisplayName("survives every change Gatehouse makes to the user, and Gatehouse's reads ignore it")
        void survivesGatehouseWrites() {
            var bob = gatehouse.users().create(NewUser.named("bob"));
            prepared.sessionFactory().inTransaction(session ->
                    session.find(AppUser.class, bob.id().value()).setCustomerNumber("C-2002"));

            gatehouse.users().update(bob.id(), UserUpdate.none().userName("Robert").email("robert@example.org")
                    .attributes(Map.of("team", "red")));
            gatehouse.users().disable(bob.id());
            gatehouse.users().setPassword(bob.id(), "a long enough password");

            assertThat(appUser(bob.id().value()).getCustomerNumber()).isEqualTo("C-2002");
            assertThat(gatehouse.users().byName("ROBERT")).map(user -> user.attributes())
                    .contains(Map.of("team", "red"));
            assertThat(gatehouse.users().page(PageRequest.first(10)).items()).hasSize(1);
        }

        @AfterEach
        void closeTheThreadsSession() {
            var session = ThreadLocalSessionContext.unbind(prepared.sessionFactory());
            if (session != null) {
                session.close();
            }
        }

        @Test
        @DisplayName("is set in the same transaction as Gatehouse creates the user, when the store joins it")
        void inTheCallersTransaction() {
            var joined = Gatehouse.builder(HibernateStore.builder(prepared.sessionFactory()).entities(ENTITIES)
                    .joinCurrentSession().build()).build();

            var session = prepared.sessionFactory().getCurrentSession();
            var transaction = session.beginTransaction();
            var alice = joined.users().create(NewUser.named("alice"));
            session.find(AppUser.class, alice.id().value()).setCustomerNumber("C-1001");
            transaction.commit();

            assertThat(appUser(alice.id().value()).getCustomerNumber()).isEqualTo("C-1001");
            assertThat(gatehouse.users().byId(alice.id())).contains(alice);
        }

        @Test
        @DisplayName("goes with the user when Gatehouse deletes it")
        void deletedWithTheUser() {
            var carol = gatehouse.users().create(NewUser.named("carol"));
            prepared.sessionFactory().inTransaction(session ->
                    session.find(AppUser.class, carol.id().value()).setCustomerNumber("C-3003"));

            gatehouse.users().delete(carol.id());

            assertThat(appUser(carol.id().value())).isNull();
            assertThat(gatehouse.users().byName("carol")).isEmpty();
        }
    }
}
