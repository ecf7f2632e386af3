package dev.gatehouse.model;

/** Whether a user may sign in and holds its principals. A disabled user is treated as anonymous. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}
