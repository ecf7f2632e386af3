package dev.gatehouse;

/** The user is already a member of the group. */
public class DuplicateMembershipException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public DuplicateMembershipException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public DuplicateMembershipException(String message, Throwable cause) {
        super(message, cause);
    }
}
