/**
 * The {@code gatehouse} command line: users, groups, resources, grants, ACLs, checks, listings and imports over a
 * Gatehouse store, on an embedded H2 file by default. {@link dev.gatehouse.cli.Main} starts it; everything else is
 * internal to the command line.
 */
@NullMarked
package dev.gatehouse.cli;

import org.jspecify.annotations.NullMarked;
