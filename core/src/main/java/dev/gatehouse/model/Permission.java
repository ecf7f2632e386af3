package dev.gatehouse.model;

import dev.gatehouse.internal.Checks;

/**
 * A permission: a lowercase name such as {@code view} or {@code edit}, or {@link #ALL}, which contains every
 * permission.
 *
 * @param name the lowercase name, or {@code "ALL"}
 */
public record Permission(String name) {
    /** The permission that contains every permission (Pyramid's {@code ALL_PERMISSIONS}). */
    public static final Permission ALL = new Permission("ALL");

    public Permission {
        Checks.notNull(name, "permission name");
        if (!name.equals("ALL")) {
            Checks.identifier(name, "permission name");
        }
    }

    /**
     * @param name a lowercase name, or {@code "ALL"}
     * @return the permission
     * @throws dev.gatehouse.InvalidInputException if the name is not lowercase or is blank
     */
    public static Permission of(String name) {
        return name.equals("ALL") ? ALL : new Permission(name);
    }

    /** @return whether this is {@link #ALL} */
    public boolean isAll() {
        return this.equals(ALL);
    }

    /** @return whether holding this permission includes holding {@code other} */
    public boolean contains(Permission other) {
        return isAll() || equals(other);
    }

    @Override
    public String toString() {
        return name;
    }
}
