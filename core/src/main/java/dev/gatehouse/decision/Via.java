package dev.gatehouse.decision;

/** Through which of the subject's principals a deciding ACE applied. */
public enum Via {
    /** The user's own principal. */
    DIRECT,
    /** One of the user's groups. */
    GROUP,
    /** One of the user's global roles. */
    ROLE,
    /** {@code system.Everyone} or {@code system.Authenticated}. */
    SYSTEM,
    /** No ACE applied. */
    NONE
}
