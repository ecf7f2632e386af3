/** The decision algebra: role catalog, ACL registry, the lineage walk and its explanations. */
@NullMarked
package dev.gatehouse.decision;

import org.jspecify.annotations.NullMarked;
