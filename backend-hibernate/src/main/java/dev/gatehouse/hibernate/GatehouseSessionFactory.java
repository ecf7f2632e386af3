package dev.gatehouse.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/**
 * Builds a Hibernate {@link SessionFactory} over a {@link DataSource} with Gatehouse's entities registered, ready for
 * {@link HibernateStore}:
 *
 * <pre>{@code
 * Migrations.migrate(dataSource);                                   // Flyway creates the tables, never Hibernate
 * SessionFactory sessionFactory = GatehouseSessionFactory.builder(dataSource)
 *         .entities(GatehouseEntities.defaults().withUser(AppUser.class))
 *         .managedClasses(Invoice.class)                            // the application's own entities, if any
 *         .build();
 * }</pre>
 *
 * <p>The factory validates the mapping against the schema at start-up ({@code hibernate.hbm2ddl.auto=validate}) and
 * fails if a table or column is missing; it never creates or alters tables. It reads and writes instants in UTC and
 * pads {@code IN} lists so that statements are reused. An application that bootstraps Hibernate itself (a
 * {@code persistence.xml}, Spring Boot) registers {@link GatehouseEntities#managedClasses()} instead, and should keep
 * {@code hibernate.jdbc.time_zone=UTC}.
 */
public final class GatehouseSessionFactory {
    private GatehouseSessionFactory() {}

    /**
     * @param dataSource the application's (pooled) data source, on a schema that {@code Migrations.migrate} prepared
     * @return a builder with Gatehouse's own entities and settings
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Collects the entities and settings of the factory. Not thread-safe; build once at start-up. */
    public static final class Builder {
        private final DataSource dataSource;
        private GatehouseEntities entities = GatehouseEntities.defaults();
        private final List<Class<?>> applicationClasses = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param entities which entities map users, groups and resources; {@link GatehouseEntities#defaults()} if
         *     not called
         */
        public Builder entities(GatehouseEntities entities) {
            this.entities = Objects.requireNonNull(entities, "entities");
            return this;
        }

        /** @param classes the application's own entities, to share the factory with Gatehouse */
        public Builder managedClasses(Class<?>... classes) {
            applicationClasses.addAll(List.of(classes));
            return this;
        }

        /**
         * Sets a Hibernate or Jakarta Persistence property, e.g.
         * {@code property(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS, "thread")}; it wins over Gatehouse's.
         */
        public Builder property(String name, Object value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the factory, after validating every mapped table and column against the database
         * @throws org.hibernate.tool.schema.spi.SchemaManagementException if the schema does not match the entities
         */
        public SessionFactory build() {
            var configuration = new HibernatePersistenceConfiguration("gatehouse")
                    .managedClasses(entities.managedClasses())
                    .managedClasses(applicationClasses)
                    .schemaToolingAction(Action.VALIDATE)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(JdbcSettings.JDBC_TIME_ZONE, "UTC")
                    .property(QuerySettings.IN_CLAUSE_PARAMETER_PADDING, true);
            properties.forEach(configuration::property);
            return configuration.createEntityManagerFactory();
        }
    }
}
