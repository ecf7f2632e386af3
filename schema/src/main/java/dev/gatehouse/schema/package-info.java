/**
 * The Gatehouse SQL schema: Flyway migrations for H2, PostgreSQL and MariaDB/MySQL, applied by
 * {@link dev.gatehouse.schema.Migrations#migrate(javax.sql.DataSource)}. The tables are named in {@link
 * dev.gatehouse.schema.Tables} and described in the module's README.
 */
@NullMarked
package dev.gatehouse.schema;

import org.jspecify.annotations.NullMarked;
