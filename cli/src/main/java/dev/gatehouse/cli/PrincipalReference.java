package dev.gatehouse.cli;

import dev.gatehouse.InvalidInputException;
import dev.gatehouse.model.Principal;
import java.util.Locale;

/**
 * A principal as people write it: {@code user:alice}, {@code group:staff}, {@code role:editor}, {@code everyone} or
 * {@code authenticated}. Names are resolved to ids only when the principal is used.
 *
 * @param kind what the name names
 * @param name the user, group or role name; empty for the system principals
 */
record PrincipalReference(Kind kind, String name) {
    /** What a principal reference names. */
    enum Kind {
        USER, GROUP, ROLE, EVERYONE, AUTHENTICATED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static PrincipalReference user(String name) {
        return new PrincipalReference(Kind.USER, name);
    }

    static PrincipalReference group(String name) {
        return new PrincipalReference(Kind.GROUP, name);
    }

    /** @return the principal, its user, group or role looked up in the session */
    Principal resolve(Session session) {
        return switch (kind) {
            case USER -> session.user(name).principal();
            case GROUP -> session.group(name).principal();
            case ROLE -> {
                session.gatehouse().authorizer().catalog().require(name);
                yield Principal.role(name);
            }
            case EVERYONE -> Principal.EVERYONE;
            case AUTHENTICATED -> Principal.AUTHENTICATED;
        };
    }

    /** @throws InvalidInputException for an unknown kind */
    static Kind kind(String word) {
        for (var kind : Kind.values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        throw new InvalidInputException("'" + word + "' is not a kind of principal: use user, group, role, everyone "
                + "or authenticated");
    }

    @Override
    public String toString() {
        return name.isEmpty() ? kind.word() : kind.word() + ":" + name;
    }
}
