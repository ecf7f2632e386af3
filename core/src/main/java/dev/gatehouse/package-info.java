/** Gatehouse's entry API: {@link dev.gatehouse.Gatehouse}, its services and its exceptions. */
@NullMarked
package dev.gatehouse;

import org.jspecify.annotations.NullMarked;
