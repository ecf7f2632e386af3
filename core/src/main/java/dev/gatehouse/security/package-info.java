/** Password hashing, security codes, random passwords and signed tickets. */
@NullMarked
package dev.gatehouse.security;

import org.jspecify.annotations.NullMarked;
