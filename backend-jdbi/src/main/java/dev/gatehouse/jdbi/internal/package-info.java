/**
 * The Jdbi store's implementation: public so its parts can see each other, not API. Use
 * {@link dev.gatehouse.jdbi.JdbiStore}; everything here may change in any release.
 */
@NullMarked
package dev.gatehouse.jdbi.internal;

import org.jspecify.annotations.NullMarked;
