package dev.gatehouse.spi;

import dev.gatehouse.model.GroupId;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.PageRequest;
import dev.gatehouse.model.User;
import dev.gatehouse.model.UserId;
import java.util.Optional;
import java.util.Set;

/** Reads users. */
public interface UserReader {
    Optional<User> byId(UserId id);

    /** @return the user whose name equals {@code userName} ignoring case */
    Optional<User> byName(String userName);

    /** @return the user whose email equals {@code email} ignoring case */
    Optional<User> byEmail(String email);

    /**
     * @param pattern matched against user name and email ignoring case; {@code *} matches any run of characters,
     *     everything else is literal
     * @return matching users in id order
     */
    Page<User> search(String pattern, PageRequest page);

    /** @return users in id order */
    Page<User> page(PageRequest page);

    /** @return the groups the user is a member of; empty for an unknown user */
    Set<GroupId> groupsOf(UserId id);

    /** @return the stored password hash (a PHC or modular-crypt string), if any */
    Optional<String> passwordHash(UserId id);

    /** @return the stored security code hash with its expiry, if any */
    Optional<StoredCode> securityCode(UserId id);
}
