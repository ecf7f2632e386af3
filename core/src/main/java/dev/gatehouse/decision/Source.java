package dev.gatehouse.decision;

/** Which part of a node's effective ACL, or of the global level, decided. */
public enum Source {
    /** An entry of the node's explicit ACL. */
    EXPLICIT_ACL,
    /** The owner ACE: the subject is the node's owner user or in its owner group. */
    OWNER,
    /** A grant on the node. */
    GRANT,
    /** A role assigned on the node (principal role). */
    RESOURCE_ROLE,
    /** A global grant. */
    GLOBAL_GRANT,
    /** The base ACL of the resource's type, or the default ACL. */
    BASE_ACL,
    /** Nothing matched: denied by default. */
    NO_MATCH
}
