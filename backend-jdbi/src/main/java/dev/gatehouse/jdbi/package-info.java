/** Gatehouse on Jdbi 3: {@link dev.gatehouse.jdbi.JdbiStore}, built from the application's {@code Jdbi}. */
@NullMarked
package dev.gatehouse.jdbi;

import org.jspecify.annotations.NullMarked;
