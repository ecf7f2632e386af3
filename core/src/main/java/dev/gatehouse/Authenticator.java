package dev.gatehouse;

import dev.gatehouse.model.UserId;
import java.util.Optional;

/**
 * A custom way to verify credentials (LDAP, a legacy table, …), tried before the user store's own passwords. Must
 * be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * @param login what the user typed as name or email
     * @param password what the user typed as password
     * @return the local user the credentials belong to; empty to let the next authenticator try
     */
    Optional<UserId> authenticate(String login, CharSequence password);
}
