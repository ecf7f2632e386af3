/**
 * The compatibility kit: extend {@link dev.gatehouse.tck.GatehouseCompatibilityKit}, return a fresh store from
 * {@code newStore()}, and run it with JUnit 5.
 */
@NullMarked
package dev.gatehouse.tck;

import org.jspecify.annotations.NullMarked;
