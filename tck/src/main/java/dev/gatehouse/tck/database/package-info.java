/**
 * Test databases for the kit and for every SQL backend's tests: which ones a run asks for
 * ({@link dev.gatehouse.tck.database.TestDatabases#requested()}), and a fresh, private database or schema per test
 * class ({@link dev.gatehouse.tck.database.TestDatabase#freshDataSource(String)}).
 */
@NullMarked
package dev.gatehouse.tck.database;

import org.jspecify.annotations.NullMarked;
