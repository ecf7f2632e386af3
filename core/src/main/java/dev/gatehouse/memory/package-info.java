/** The in-memory reference store. */
@NullMarked
package dev.gatehouse.memory;

import org.jspecify.annotations.NullMarked;
