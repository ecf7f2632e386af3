package dev.gatehouse.spi;

/** Reads and writes grants, role assignments and explicit ACLs. */
public interface PermissionStore extends PermissionReader, PermissionWriter {}
