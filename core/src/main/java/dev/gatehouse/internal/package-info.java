/** Public-but-not-API helpers; no compatibility promise. */
@NullMarked
package dev.gatehouse.internal;

import org.jspecify.annotations.NullMarked;
