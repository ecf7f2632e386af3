package dev.gatehouse;

/** The user is not a member of the group. */
public class NotAMemberException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NotAMemberException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NotAMemberException(String message, Throwable cause) {
        super(message, cause);
    }
}
