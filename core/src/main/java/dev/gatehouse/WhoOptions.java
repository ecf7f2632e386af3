package dev.gatehouse;

/**
 * How {@link Permissions#whoCan} answers.
 *
 * @param expandGroups true: list users only, each as its full subject would be checked; false: list users by
 *     their own principals (their groups left out) and, separately, groups that hold the permission themselves
 * @param includeGroupGrants false: leave group principals out entirely (no groups listed, users judged without
 *     their groups)
 */
public record WhoOptions(boolean expandGroups, boolean includeGroupGrants) {
    /** Users, each judged exactly as {@code check} judges it. */
    public static final WhoOptions USERS = new WhoOptions(true, true);
    /** Users by their own principals, and groups by theirs. */
    public static final WhoOptions USERS_AND_GROUPS = new WhoOptions(false, true);
    /** Users by their own principals only. */
    public static final WhoOptions USERS_WITHOUT_GROUPS = new WhoOptions(true, false);
}
