package dev.gatehouse.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.NewResource;
import dev.gatehouse.model.NewUser;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Subject;
import dev.gatehouse.model.User;
import dev.gatehouse.tck.database.TestDatabase;
import dev.gatehouse.tck.database.TestDatabases;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the store takes part in the application's transactions: inside {@code jdbi.useTransaction} it works on the
 * caller's handle and commits or rolls back with it; a write the database refuses leaves the caller's other work
 * intact; {@link JdbiStore#on} does the same for a handle opened by hand.
 */
@DisplayName("The Jdbi store joins the caller's transaction")
@ParameterizedClass(name = "on {0}")
@MethodSource("databases")
class JdbiTransactionTest {
    private static final PooledTestDatabases DATABASES = new PooledTestDatabases(JdbiTransactionTest.class);
    private static final Permission EDIT = Permission.of("edit");

    private final TestDatabase database;
    private DataSource dataSource;
    private Jdbi jdbi;
    private JdbiStore store;
    private Gatehouse gatehouse;

    JdbiTransactionTest(TestDatabase database) {
        this.database = database;
    }

    static List<TestDatabase> databases() {
        return TestDatabases.requested();
    }

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @BeforeEach
    void freshStore() {
        dataSource = DATABASES.emptied(database);
        jdbi = Jdbi.create(dataSource);
        store = JdbiStore.builder(jdbi).build();
        gatehouse = Gatehouse.builder(store).build();
    }

    /** @return how many users another connection sees: only what is committed */
    private long committedUsers() {
        return Jdbi.create(dataSource).withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM gatehouse_users").mapTo(Long.class).one());
    }

    @Test
    @DisplayName("writes inside jdbi.useTransaction are the caller's: seen inside, hidden outside until it commits")
    void writesCommitWithTheCaller() {
        jdbi.useTransaction(handle -> {
            var alice = gatehouse.users().create(NewUser.named("alice"));
            var report = gatehouse.resources().create(NewResource.of("report", "document"));
            gatehouse.permissions().grant(Grant.on(report.id(), alice.principal(), EDIT));

            assertThat(handle.createQuery("SELECT user_name FROM gatehouse_users").mapTo(String.class).list())
                    .as("the caller's handle sees the store's writes").containsExactly("alice");
            assertThat(gatehouse.permissions().check(Subject.user(alice.id()), EDIT, report.id())).isTrue();
            assertThat(committedUsers()).as("nothing is committed before the caller commits").isZero();
        });

        assertThat(committedUsers()).isEqualTo(1);
        assertThat(gatehouse.users().byName("alice")).isPresent();
    }

    @Test
    @DisplayName("when the caller rolls back, the store's writes roll back with the caller's own")
    void writesRollBackWithTheCaller() {
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO gatehouse_groups (name) VALUES ('written by the application')").execute();
            var alice = gatehouse.users().create(NewUser.named("alice"));
            var root = gatehouse.resources().create(NewResource.of("root", "folder"));
            gatehouse.resources().create(NewResource.of("child", "folder").under(root.id()));
            gatehouse.permissions().grant(Grant.global(alice.principal(), EDIT));
            throw new IllegalStateException("the application changes its mind");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(gatehouse.users().page(PageRequest.first(10)).items()).isEmpty();
        assertThat(gatehouse.groups().page(PageRequest.first(10)).items()).isEmpty();
        assertThat(gatehouse.resources().children(Optional.empty())).isEmpty();
    }

    @Test
    @DisplayName("a refused write leaves the caller's earlier work in place and its transaction usable")
    void refusedWriteKeepsTheCallersWork() {
        var alice = gatehouse.users().create(NewUser.named("alice"));
        jdbi.useHandle(handle -> {
            handle.execute("ALTER TABLE gatehouse_users DROP CONSTRAINT IF EXISTS app_reserved_names");
            handle.execute("ALTER TABLE gatehouse_users ADD CONSTRAINT app_reserved_names CHECK (user_name <> 'admin')");
        });
        try {
            refuseAWriteInsideTheCallersTransaction(alice);
        } finally {
            jdbi.useHandle(handle -> handle.execute("ALTER TABLE gatehouse_users DROP CONSTRAINT app_reserved_names"));
        }

        assertThat(gatehouse.users().byName("bob")).as("work after the refused writes committed").isPresent();
        assertThat(gatehouse.permissions().grantsOf(alice.principal())).as("work before them too").hasSize(1);
        assertThat(gatehouse.users().byName("admin")).isEmpty();
    }

    private void refuseAWriteInsideTheCallersTransaction(User alice) {
        jdbi.useTransaction(handle -> {
            var report = gatehouse.resources().create(NewResource.of("report", "document"));
            gatehouse.permissions().grant(Grant.on(report.id(), alice.principal(), EDIT));

            assertThatThrownBy(() -> gatehouse.permissions().grant(Grant.on(report.id(), alice.principal(), EDIT)))
                    .isInstanceOf(DuplicateGrantException.class);
            assertThatThrownBy(() -> gatehouse.users().create(NewUser.named("admin")))
                    .as("the application's own constraint refuses the row; PostgreSQL would abort the transaction")
                    .isInstanceOf(JdbiException.class);

            gatehouse.users().create(NewUser.named("bob"));
        });
    }

    @Test
    @DisplayName("a grant racing another transaction's uncommitted insert of it comes out as DuplicateGrantException")
    void racingGrantIsADuplicate() throws Exception {
        var alice = gatehouse.users().create(NewUser.named("alice"));
        var report = gatehouse.resources().create(NewResource.of("report", "document"));
        var grant = Grant.on(report.id(), alice.principal(), EDIT);

        try (var first = jdbi.open()) {
            first.begin();
            store.on(first).permissions().grant(grant);
            var second = CompletableFuture.supplyAsync(() -> jdbi.inTransaction(handle -> {
                gatehouse.users().create(NewUser.named("bob"));
                try {
                    gatehouse.permissions().grant(grant); // waits for the first transaction's row lock
                    return "granted";
                } catch (DuplicateGrantException expected) {
                    return "duplicate";
                }
            }));
            Thread.sleep(300);
            first.commit();

            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("duplicate");
        }
        assertThat(gatehouse.permissions().grantsOn(report.id())).containsExactly(grant);
        assertThat(gatehouse.users().byName("bob")).as("the second transaction went on and committed").isPresent();
    }

    @Test
    @DisplayName("on(handle) works in the transaction of a handle opened by hand, and rolls back with it")
    void storeOnAnOpenedHandle() {
        try (var handle = jdbi.open()) {
            handle.begin();
            var onHandle = Gatehouse.builder(store.on(handle)).build();
            var alice = onHandle.users().create(NewUser.named("alice"));
            onHandle.permissions().grant(Grant.global(alice.principal(), EDIT));

            assertThat(onHandle.permissions().check(Subject.user(alice.id()), EDIT)).isTrue();
            assertThat(committedUsers()).isZero();
            handle.rollback();
        }

        assertThat(gatehouse.users().byName("alice")).isEmpty();
    }
}
