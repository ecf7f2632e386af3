/** The store SPI: what a backend implements. Stores persist and fetch; core decides. */
@NullMarked
package dev.gatehouse.spi;

import org.jspecify.annotations.NullMarked;
