/**
 * Gatehouse's benchmarks: one generated data set ({@link dev.gatehouse.benchmarks.World}), loaded into H2 and
 * PostgreSQL for Gatehouse's SQL backends, Spring Security ACL and a bare-query floor, and into memory for the
 * reference store and jCasbin; the same questions asked of each under JMH ({@link
 * dev.gatehouse.benchmarks.BenchmarkSuite}). Run it with {@code benchmarks/run [S|M|L]}.
 */
@NullMarked
package dev.gatehouse.benchmarks;

import org.jspecify.annotations.NullMarked;
