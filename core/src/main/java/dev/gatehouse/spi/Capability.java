package dev.gatehouse.spi;

/**
 * Optional behaviour a store may declare. Operations that need an undeclared capability fail with
 * {@link dev.gatehouse.UnsupportedCapabilityException}; the kit tests both sides of each.
 */
public enum Capability {
    /** Users carry extensible string attributes. */
    USER_ATTRIBUTES,
    /** Resources carry explicit, ordered ACLs (where Deny lives). */
    EXPLICIT_ACLS,
    /** Users can be linked to identities at external providers; every identity method, reads included, needs it. */
    EXTERNAL_IDENTITIES
}
