/** The model: users, groups, resources, permissions, principals, grants, ACEs and identities, as immutable values. */
@NullMarked
package dev.gatehouse.model;

import org.jspecify.annotations.NullMarked;
