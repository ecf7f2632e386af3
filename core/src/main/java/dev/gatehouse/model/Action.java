package dev.gatehouse.model;

/** What a matching ACE decides. */
public enum Action {
    ALLOW,
    DENY
}
