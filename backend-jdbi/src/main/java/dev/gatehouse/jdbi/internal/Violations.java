package dev.gatehouse.jdbi.internal;

import dev.gatehouse.DuplicateGrantException;
import dev.gatehouse.DuplicateIdentityException;
import dev.gatehouse.DuplicateMembershipException;
import dev.gatehouse.EmailTakenException;
import dev.gatehouse.GatehouseException;
import dev.gatehouse.GroupNameTakenException;
import dev.gatehouse.NoSuchGroupException;
import dev.gatehouse.NoSuchResourceException;
import dev.gatehouse.NoSuchUserException;
import dev.gatehouse.UserNameTakenException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a violated constraint into the Gatehouse exception it stands for, by the constraint names the schema
 * documents. The stores check their preconditions first, in the same transaction; these translations cover the
 * races a check cannot close (two transactions inserting the same row at once, a row deleted meanwhile).
 */
final class Violations {
    private static final Map<String, BiFunction<String, Throwable, GatehouseException>> UNIQUE = Map.of(
            "gatehouse_users_user_name_uq", UserNameTakenException::new,
            "gatehouse_users_email_uq", EmailTakenException::new,
            "gatehouse_groups_name_uq", GroupNameTakenException::new,
            "gatehouse_memberships_pk", DuplicateMembershipException::new,
            "gatehouse_grants_uq", DuplicateGrantException::new,
            "gatehouse_role_assignments_uq", DuplicateGrantException::new,
            "gatehouse_external_identities_uq", DuplicateIdentityException::new);

    private Violations() {}

    /** @return the Gatehouse exception for the constraint the failure names, if it is one the schema documents */
    static Optional<GatehouseException> translate(SqlDialect dialect, SQLException failure) {
        return dialect.violatedConstraint(failure).map(constraint -> {
            String message = "the database refused the change: " + describe(constraint) + " (" + constraint + ")";
            var unique = UNIQUE.get(constraint);
            if (unique != null) {
                return unique.apply(message, failure);
            }
            if (constraint.endsWith("_user_fk")) {
                return new NoSuchUserException(message, failure);
            }
            if (constraint.endsWith("_group_fk")) {
                return new NoSuchGroupException(message, failure);
            }
            if (constraint.endsWith("_resource_fk") || constraint.endsWith("_parent_fk")
                    || constraint.endsWith("_descendant_fk") || constraint.endsWith("_ancestor_fk")) {
                return new NoSuchResourceException(message, failure);
            }
            return null;
        });
    }

    private static String describe(String constraint) {
        if (constraint.endsWith("_fk")) {
            return "it refers to a row that does not exist";
        }
        return "a row with the same key is stored already";
    }
}
