package dev.gatehouse.tck.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test once per {@linkplain TestDatabases#requested() requested database}, passing the
 * {@link TestDatabase}; the invocations are named "on h2", "on postgresql", …
 *
 * <pre>{@code
 * @ForEachTestDatabase
 * void migrates(TestDatabase database) {
 *     try (var dataSource = database.freshDataSource(getClass().getName())) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ParameterizedTest(name = "on {0}")
@MethodSource("dev.gatehouse.tck.database.TestDatabases#requested")
public @interface ForEachTestDatabase {}
