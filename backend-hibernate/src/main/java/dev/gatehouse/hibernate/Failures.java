package dev.gatehouse.hibernate;

import dev.gatehouse.ConflictException;
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
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Translates Hibernate's exceptions into Gatehouse's. The store checks every rule before it writes, so a constraint
 * violation means a concurrent writer got there first; the violated constraint's name (schema/README.md) says which
 * Gatehouse exception it is. A violated primary key is named only on PostgreSQL; H2 names the table, MariaDB just
 * {@code PRIMARY}, which leaves a plain {@link ConflictException}. Anything else that is not already a
 * {@link GatehouseException} is wrapped in one.
 */
final class Failures {
    private record Rule(String constraint, BiFunction<String, Throwable, GatehouseException> exception) {}

    /** Constraint names, most specific first: a name matches the first rule it contains. */
    private static final List<Rule> RULES = List.of(
            new Rule("gatehouse_users_user_name_uq", UserNameTakenException::new),
            new Rule("gatehouse_users_email_uq", EmailTakenException::new),
            new Rule("gatehouse_groups_name_uq", GroupNameTakenException::new),
            new Rule("gatehouse_memberships_pk", DuplicateMembershipException::new),
            // H2 names the primary key's index (PRIMARY_KEY_…) and then the table with its columns
            new Rule("gatehouse_memberships(", DuplicateMembershipException::new),
            new Rule("gatehouse_grants_uq", DuplicateGrantException::new),
            new Rule("gatehouse_role_assignments_uq", DuplicateGrantException::new),
            new Rule("gatehouse_external_identities_uq", DuplicateIdentityException::new),
            new Rule("user_fk", NoSuchUserException::new),
            new Rule("group_fk", NoSuchGroupException::new),
            new Rule("resource_fk", NoSuchResourceException::new),
            new Rule("parent_fk", NoSuchResourceException::new),
            new Rule("descendant_fk", NoSuchResourceException::new),
            new Rule("ancestor_fk", NoSuchResourceException::new));

    private Failures() {}

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof GatehouseException || failure instanceof HibernateResources.RootLevelNeeded) {
            return failure;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return translate(violation);
            }
        }
        return new GatehouseException("the Hibernate store failed: " + failure.getMessage(), failure);
    }

    private static GatehouseException translate(ConstraintViolationException violation) {
        var described = (violation.getConstraintName() + " " + violation.getSQLException().getMessage())
                .toLowerCase(Locale.ROOT);
        var message = "refused by the database, a concurrent change got there first: "
                + violation.getSQLException().getMessage();
        for (var rule : RULES) {
            if (described.contains(rule.constraint())) {
                return rule.exception().apply(message, violation);
            }
        }
        return new ConflictException(message, violation);
    }
}
