package dev.gatehouse.cli;

import dev.gatehouse.hibernate.GatehouseSessionFactory;
import dev.gatehouse.hibernate.HibernateStore;
import dev.gatehouse.jdbi.JdbiStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.jdbi.v3.core.Jdbi;

/** The persistence backends the command line runs on, each opening a store over a migrated data source. */
enum Backend {
    /**
     * {@code gatehouse-backend-jdbi}. Store calls made inside {@code jdbi.inTransaction} join its transaction, so
     * an import is all-or-nothing.
     */
    JDBI {
        @Override
        OpenedStore open(DataSource dataSource) {
            var jdbi = Jdbi.create(dataSource);
            return new OpenedStore(JdbiStore.builder(jdbi).build(), new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return jdbi.inTransaction(handle -> work.get());
                }

                @Override
                public boolean isAtomic() {
                    return true;
                }
            }, () -> { });
        }
    },

    /**
     * {@code gatehouse-backend-hibernate}, on a session factory of its own. Every store call joins the thread's current
     * session, so an import runs in the one transaction the command begins there.
     */
    HIBERNATE {
        @Override
        OpenedStore open(DataSource dataSource) {
            var sessionFactory = GatehouseSessionFactory.builder(dataSource)
                    .property(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS, "thread")
                    .build();
            var store = HibernateStore.builder(sessionFactory).joinCurrentSession().build();
            return new OpenedStore(store, new Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    var transaction = sessionFactory.getCurrentSession().beginTransaction();
                    try {
                        var result = work.get();
                        transaction.commit();
                        return result;
                    } catch (RuntimeException e) {
                        if (transaction.isActive()) {
                            transaction.rollback();
                        }
                        throw e;
                    }
                }

                @Override
                public boolean isAtomic() {
                    return true;
                }
            }, sessionFactory::close);
        }
    };

    /** The backend used when none is named: the first SQL backend. */
    static final String DEFAULT_NAME = "jdbi";

    /** @return a store over the data source, whose tables are migrated */
    abstract OpenedStore open(DataSource dataSource);

    /** @throws IllegalArgumentException naming the known backends */
    static Backend fromCliName(String name) {
        return Arrays.stream(values())
                .filter(backend -> backend.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown backend '" + name + "'; known: "
                        + Arrays.stream(values()).map(Backend::cliName).collect(Collectors.joining(", "))));
    }

    /** @return the name used on the command line, e.g. {@code jdbi} */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
