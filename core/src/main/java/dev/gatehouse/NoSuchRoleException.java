package dev.gatehouse;

/** The role is not in the role catalog. */
public class NoSuchRoleException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the offending value */
    public NoSuchRoleException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending value
     * @param cause the library exception this one translates
     */
    public NoSuchRoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
