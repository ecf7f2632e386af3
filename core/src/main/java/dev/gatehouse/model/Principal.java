package dev.gatehouse.model;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.internal.Checks;

/**
 * Who an ACE, grant or role assignment names: a user, a group, a role, or one of the system principals. The
 * string form ({@link #key()}) is {@code user:<id>}, {@code group:<id>}, {@code role:<name>},
 * {@code system.Everyone} or {@code system.Authenticated}.
 */
public sealed interface Principal permits Principal.OfUser, Principal.OfGroup, Principal.OfRole, Principal.System {
    /** Every visitor, signed in or not. */
    Principal EVERYONE = System.EVERYONE;

    /** Every signed-in, active user. */
    Principal AUTHENTICATED = System.AUTHENTICATED;

    /** @return the canonical string form */
    String key();

    static Principal user(UserId id) {
        return new OfUser(id);
    }

    static Principal group(GroupId id) {
        return new OfGroup(id);
    }

    static Principal role(String name) {
        return new OfRole(name);
    }

    /**
     * @param key a canonical string form
     * @return the principal it names
     * @throws InvalidInputException if the form is not one of the five shapes
     */
    static Principal parse(String key) {
        Checks.notNull(key, "principal");
        if (key.equals(System.EVERYONE.key())) {
            return EVERYONE;
        }
        if (key.equals(System.AUTHENTICATED.key())) {
            return AUTHENTICATED;
        }
        int colon = key.indexOf(':');
        if (colon > 0) {
            String kind = key.substring(0, colon);
            String rest = key.substring(colon + 1);
            try {
                switch (kind) {
                    case "user":
                        return user(UserId.of(Long.parseLong(rest)));
                    case "group":
                        return group(GroupId.of(Long.parseLong(rest)));
                    case "role":
                        return role(rest);
                    default:
                        break;
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException("principal id must be a number, got '" + key + "'");
            }
        }
        throw new InvalidInputException("principal must be user:<id>, group:<id>, role:<name>, "
                + "system.Everyone or system.Authenticated, got '" + key + "'");
    }

    /** @return whether this principal is a user or a group: the principals grants and memberships are stored for */
    default boolean isUserOrGroup() {
        return this instanceof OfUser || this instanceof OfGroup;
    }

    /** A user as a principal. @param id the user */
    record OfUser(UserId id) implements Principal {
        public OfUser {
            Checks.notNull(id, "user id");
        }

        @Override
        public String key() {
            return "user:" + id.value();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A group as a principal. @param id the group */
    record OfGroup(GroupId id) implements Principal {
        public OfGroup {
            Checks.notNull(id, "group id");
        }

        @Override
        public String key() {
            return "group:" + id.value();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A role as a principal: held globally by a user or a group. @param name the role's name */
    record OfRole(String name) implements Principal {
        public OfRole {
            Checks.identifier(name, "role name");
        }

        @Override
        public String key() {
            return "role:" + name;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The system principals. */
    enum System implements Principal {
        EVERYONE("system.Everyone"),
        AUTHENTICATED("system.Authenticated");

        private final String key;

        System(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return key;
        }
    }
}
