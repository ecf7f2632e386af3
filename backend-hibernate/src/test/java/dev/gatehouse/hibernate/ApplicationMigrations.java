package dev.gatehouse.hibernate;

import dev.gatehouse.schema.Migrations;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The application's own migrations, applied after Gatehouse's as schema/README.md shows. */
final class ApplicationMigrations {
    private ApplicationMigrations() {}

    static void migrate(DataSource dataSource) {
        Migrations.migrate(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/app")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
