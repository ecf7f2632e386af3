package dev.gatehouse.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserUpdate;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How an application adds a column of its own to Gatehouse's users table and reads it the Jdbi way: its own Flyway
 * migration after Gatehouse's ({@code db/app/V1__customer_number.sql}), and its own SQL Object that maps the
 * column next to Gatehouse's, joined on {@code gatehouse_users.id}. Gatehouse's store neither writes nor needs it.
 */
@DisplayName("An application maps its own column on the users table (Ziggurat's customer_number)")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class CustomerNumberTest {
    private static final PooledTestDatabases DATABASES = new PooledTestDatabases(CustomerNumberTest.class,
            CustomerNumberTest::migrateTheApplication);

    private final TestDatabase database;
    private Jdbi jdbi;
    private Gatehouse gatehouse;

    CustomerNumberTest(TestDatabase database) {
        this.database = database;
    }

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    /** Runs after {@code Migrations.migrate}: the application's own migrations, in its own history table. */
    static void migrateTheApplication(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/app")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    /** A user as the application sees it: Gatehouse's columns and its own. */
    public record Customer(long id, String userName, Optional<String> customerNumber) {}

    /** The application's SQL Object over the same table. */
    public interface Customers {
        @SqlUpdate("UPDATE gatehouse_users SET customer_number = :number WHERE id = :id")
        void assignNumber(@Bind("id") long userId, @Bind("number") String number);

        @SqlQuery("SELECT id, user_name, customer_number FROM gatehouse_users WHERE customer_number = :number")
        @RegisterConstructorMapper(Customer.class)
        Optional<Customer> byNumber(@Bind("number") String number);

        @SqlQuery("SELECT id, user_name, customer_number FROM gatehouse_users WHERE id = :id")
        @RegisterConstructorMapper(Customer.class)
        Customer byId(@Bind("id") long userId);
    }

    @BeforeEach
    void freshStore() {
        jdbi = Jdbi.create(DATABASES.emptied(database));
        gatehouse = Gatehouse.builder(JdbiStore.builder(jdbi).build()).build();
    }

    @Test
    @DisplayName("a user created through Gatehouse gets its customer number in the same transaction")
    void numberAssignedWithTheUser() {
        User alice = jdbi.inTransaction(handle -> {
            var created = gatehouse.users().create(NewUser.named("alice").withEmail("alice@example.org"));
            handle.attach(Customers.class).assignNumber(created.id().value(), "C-1001");
            return created;
        });

        var customer = jdbi.withExtension(Customers.class, customers -> customers.byNumber("C-1001")).orElseThrow();
        assertThat(customer).isEqualTo(new Customer(alice.id().value(), "alice", Optional.of("C-1001")));
        assertThat(gatehouse.users().require(alice.id())).as("Gatehouse reads the user as before").isEqualTo(alice);
    }

    @Test
    @DisplayName("users created without one have no customer number, and Gatehouse's updates keep a number")
    void numberIsTheApplications() {
        var bob = gatehouse.users().create(NewUser.named("bob"));
        var customers = jdbi.onDemand(Customers.class);

        assertThat(customers.byId(bob.id().value()).customerNumber()).isEmpty();

        customers.assignNumber(bob.id().value(), "C-2002");
        gatehouse.users().update(bob.id(), UserUpdate.none().userName("Robert"));

        assertThat(customers.byId(bob.id().value())).isEqualTo(new Customer(bob.id().value(), "Robert",
                Optional.of("C-2002")));
    }
}
